// The rep's browser softphone in headless Chromium (run by SoftphoneJanusIT): signs in, waits for the softphone
// to register through Janus, dials NUMBER with the dial pad, follows the live call Earpiece makes of it (transcript
// of both parties and a whisper card), screenshots it, holds and resumes, and hangs up.
// Env: BASE_URL, NUMBER, E2E_USERNAME, E2E_PASSWORD, FAKE_AUDIO (WAV the fake microphone plays), OUT_DIR,
// DOCS_DIR (optional: copy the live screenshot there as console-live.png), CHROMIUM (default /usr/bin/chromium).
// Prints "OK ..." per check and CALL_ID=<id>; exits 0 when all pass.
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { BASE, launch, log, ok, signIn } from './chromium.mjs';

const NUMBER = process.env.NUMBER;
const OUT = process.env.OUT_DIR ?? 'target/browser';
const DOCS = process.env.DOCS_DIR;

if (!NUMBER || !process.env.FAKE_AUDIO) {
  console.error('NUMBER and FAKE_AUDIO are required');
  process.exit(2);
}

async function main() {
  await mkdir(OUT, { recursive: true });
  const { context, close } = await launch({
    profilePrefix: 'earpiece-softphone-',
    args: ['--autoplay-policy=no-user-gesture-required',
      '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream',
      `--use-file-for-fake-audio-capture=${process.env.FAKE_AUDIO}%noloop`,
      // Janus must see the real host address of the veth link, not an mDNS name.
      '--disable-features=WebRtcHideLocalIpsWithMdns'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  try {
    await context.grantPermissions(['microphone'], { origin: BASE });
    page.on('console', (m) => ['error', 'warning'].includes(m.type()) && log(`browser console: ${m.text()}`));
    page.on('pageerror', (e) => log(`page error: ${e.message}`));

    await page.goto(`${BASE}/#/`);
    await signIn(page);
    await page.locator('.topbar').waitFor({ timeout: 15_000 });
    ok('signed in as the rep');

    const phone = page.locator('[data-testid=softphone]');
    try {
      await page.locator('[data-testid=softphone][data-registration=registered]').waitFor({ timeout: 20_000 });
    } catch (e) {
      log(`softphone note: ${await page.locator('[data-testid=softphone-note]').innerText()}`);
      throw e;
    }
    ok(`softphone registered: "${await page.locator('[data-testid=softphone-note]').innerText()}"`);

    for (const digit of NUMBER) await page.click(`.dialpad [aria-label="${digit}"]`);
    await page.click('.call-btn');
    await page.locator('[data-testid=softphone][data-phase=incall]').waitFor({ timeout: 20_000 });
    ok('the far end answered');
    await page.waitForURL(/#\/live\//, { timeout: 15_000 });
    const callId = decodeURIComponent(page.url().split('#/live/')[1]);
    console.log(`CALL_ID=${callId}`);
    ok(`the live view follows Earpiece's call ${callId}`);

    await page.locator('.sidebar [data-party=rep][data-final=true]').first().waitFor({ timeout: 40_000 });
    await page.locator('.sidebar [data-party=customer][data-final=true]').first().waitFor({ timeout: 40_000 });
    ok('transcript shows final lines from both parties');
    await page.locator('.card-stack [data-card-id]').first().waitFor({ timeout: 40_000 });
    ok(`whisper card shown: "${await page.locator('.card-stack [data-card-id] h3').first().innerText()}"`);
    await page.mouse.move(5, 5);
    await page.screenshot({ path: join(OUT, 'softphone-live.png'), animations: 'disabled', caret: 'hide' });
    log(`screenshot ${join(OUT, 'softphone-live.png')}`);

    await phone.getByRole('button', { name: 'Mute' }).click();
    await phone.getByRole('button', { name: 'Unmute' }).click();
    ok('mute and unmute');
    await phone.getByRole('button', { name: 'Hold' }).click();
    await page.locator('[data-testid=call-state]', { hasText: 'On hold' }).waitFor({ timeout: 5_000 });
    await phone.getByRole('button', { name: 'Resume' }).click();
    await page.locator('[data-testid=call-state]', { hasText: 'In call' }).waitFor({ timeout: 5_000 });
    ok('hold and resume');

    await phone.getByRole('button', { name: 'Hang up' }).click();
    await page.locator('[data-testid=softphone][data-phase=idle]').waitFor({ timeout: 10_000 });
    await page.locator('[data-testid=socket-state][data-state=ended]').waitFor({ timeout: 30_000 });
    ok('hung up; the live view shows the call ended');

    if (DOCS) {
      await mkdir(DOCS, { recursive: true });
      await copyFile(join(OUT, 'softphone-live.png'), join(DOCS, 'console-live.png'));
      log(`copied the live screenshot to ${DOCS}`);
    }
    log('all checks passed');
  } catch (e) {
    await page.screenshot({ path: join(OUT, 'softphone-failure.png'), fullPage: true }).catch(() => {});
    throw e;
  } finally {
    await close();
  }
}

main().then(() => process.exit(0), (e) => {
  console.error(e?.stack ?? String(e));
  process.exit(1);
});
