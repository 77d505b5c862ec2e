// Uploads recordings on the console's upload page in headless Chromium (run by UploadBrowserIT): a text file named
// .mp3 is dragged on (refused), the recording goes through the file picker opened from the keyboard; then the call
// page and the calls library, each checked with axe-core, at 1280x720 and 390x844.
// Env: BASE_URL, FILE (a recording to upload), BAD_FILE (a file that is not audio), OUT_DIR (screenshots),
// DOCS_DIR (optional: where console-upload.png is copied), E2E_USERNAME/E2E_PASSWORD, CHROMIUM.
// Prints "OK ..." per check and CALL_ID=<id> of the call the upload made; exits 0 when all pass.
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { accessible, BASE, check, firstPage, launch, log, signIn, titled } from './chromium.mjs';

const FILE = process.env.FILE;
const BAD_FILE = process.env.BAD_FILE;
const OUT = process.env.OUT_DIR ?? 'target/browser';
const DOCS = process.env.DOCS_DIR;

if (!FILE || !BAD_FILE) {
  console.error('FILE and BAD_FILE are required');
  process.exit(2);
}

/** Drags {@code path} onto the drop zone the way a desktop file manager does: dragenter, dragover, drop. */
async function dropFile(page, path, type) {
  const bytes = (await readFile(path)).toString('base64');
  const transfer = await page.evaluateHandle(({ b64, name, mime }) => {
    const raw = atob(b64);
    const buf = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i++) buf[i] = raw.charCodeAt(i);
    const dt = new DataTransfer();
    dt.items.add(new File([buf], name, { type: mime }));
    return dt;
  }, { b64: bytes, name: basename(path), mime: type });
  const zone = page.getByTestId('dropzone');
  await zone.dispatchEvent('dragenter', { dataTransfer: transfer });
  await zone.dispatchEvent('dragover', { dataTransfer: transfer });
  check(await zone.evaluate((el) => el.classList.contains('over')), `drop zone highlights while ${basename(path)} is over it`);
  await zone.dispatchEvent('drop', { dataTransfer: transfer });
}

async function main() {
  await mkdir(OUT, { recursive: true });
  const { context, close } = await launch();
  try {
    // Every status text a row shows, in order, so the test can tell the bar really moved through the stages.
    await context.addInitScript(() => {
      window.__statuses = [];
      new MutationObserver(() => {
        for (const el of document.querySelectorAll('[data-testid=upload-row]:not([data-state=refused]) [data-testid=upload-status]')) {
          const t = el.textContent;
          if (window.__statuses[window.__statuses.length - 1] !== t) window.__statuses.push(t);
        }
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    const page = await firstPage(context);

    await page.goto(`${BASE}/#/uploads`);
    await signIn(page);
    await page.getByTestId('dropzone').waitFor({ timeout: 15_000 });
    check(true, 'signed in and on the upload page');
    await titled(page, 'upload page', 'Recorded calls');
    await accessible(page, 'upload page');

    // A text file named .mp3 is refused with the server's reason, and makes no job.
    await dropFile(page, BAD_FILE, 'audio/mpeg');
    const refused = page.locator('[data-testid=upload-row][data-state=refused]');
    await refused.waitFor({ timeout: 20_000 });
    const refusal = await refused.getByTestId('upload-status').textContent();
    check(/^Refused \(415\): .+/.test(refusal), `a text file named .mp3 is refused: "${refusal}"`);

    // The rep of this recording spoke second: the choice goes with the upload. Then, by keyboard only: Tab from
    // the choice to the drop zone, Enter opens the file picker, and the file chosen there is uploaded.
    await page.getByLabel('the second (right channel)').check();
    const sent = page.waitForRequest((r) => r.method() === 'POST' && r.url().includes('/api/uploads?rep=2'),
      { timeout: 60_000 });
    sent.catch(() => {}); // awaited below; a failure before that must not end the script as an unhandled rejection
    // The listener goes on before any key is pressed: Playwright turns file-chooser interception on when the first
    // listener appears, asynchronously, and a chooser opened before that is cancelled by headless Chromium unseen.
    let chosen;
    const chooserSeen = new Promise((resolve) => { chosen = resolve; });
    page.on('filechooser', (c) => chosen(c));
    await page.keyboard.press('Tab');
    const onDropZone = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'dropzone');
    check(await onDropZone(), 'Tab from the rep choice reaches the drop zone');
    let chooser = null;
    for (let attempt = 1; chooser === null && attempt <= 3; attempt++) {
      if (attempt > 1) {
        log(`no file chooser after Enter; pressing it again (attempt ${attempt}, focus on the drop zone: ${await onDropZone()})`);
      }
      await page.keyboard.press('Enter');
      chooser = await Promise.race([chooserSeen, new Promise((r) => setTimeout(() => r(null), 10_000))]);
    }
    check(chooser !== null, 'a file chooser opened');
    await chooser.setFiles(FILE);
    check(true, 'Enter on the drop zone opens the file picker');
    await sent;
    check(true, 'the file chosen in the picker is uploaded, and says the rep is Speaker 2');
    const done = page.locator('[data-testid=upload-row][data-state=done]');
    await done.waitFor({ timeout: 90_000 });
    const statuses = await page.evaluate(() => window.__statuses);
    log(`statuses seen: ${JSON.stringify(statuses)}`);
    const stages = statuses.filter((s) => /^(Decoding|Diarizing|Transcribing|Analysing) \d+ %/.test(s));
    check(stages.some((s) => s.startsWith('Transcribing')), 'progress showed the transcribing stage');
    const percents = statuses.map((s) => /^Transcribing (\d+) %/.exec(s)).filter(Boolean).map((m) => Number(m[1]));
    check(percents.every((p, i) => i === 0 || p >= percents[i - 1]), `transcription percent never ran backwards ${percents}`);
    check((await done.getByRole('progressbar').getAttribute('aria-valuenow')) === '100', 'finished bar is full');
    await page.mouse.move(5, 5);
    await page.screenshot({ path: join(OUT, 'console-upload.png'), animations: 'disabled', caret: 'hide' });
    if (DOCS) await copyFile(join(OUT, 'console-upload.png'), join(DOCS, 'console-upload.png'));

    await done.getByRole('link', { name: 'Open call' }).click();
    await page.getByTestId('call-page').waitFor({ timeout: 15_000 });
    const callId = decodeURIComponent(new URL(page.url()).hash.split('/').pop());
    await page.locator('[data-party="Speaker 1"][data-final=true]').first().waitFor({ timeout: 15_000 });
    await page.locator('[data-party="Speaker 2"][data-final=true]').first().waitFor({ timeout: 15_000 });
    check(true, 'the call page shows both speakers\' lines');
    await page.getByTestId('summary').locator('text=/action/i').first().waitFor({ timeout: 30_000 }).catch(() => {});

    // Rename a speaker; after a reload the new name labels the transcript.
    await page.fill('input[data-speaker="Speaker 2"]', 'Dana (rep)');
    await page.getByRole('button', { name: 'Rename' }).click();
    await page.locator('.speaker-actions [role=status]', { hasText: 'Saved' }).waitFor({ timeout: 10_000 });
    await page.reload();
    await page.locator('[data-party="Speaker 2"] .who').first().waitFor({ timeout: 15_000 });
    const who = await page.locator('[data-party="Speaker 2"] .who').first().textContent();
    check(who === 'Dana (rep)', `renamed speaker sticks after reload (${who})`);
    // the form says where each name came from: this one a person gave
    const source = page.locator('label:has(input[data-speaker="Speaker 2"]) [data-name-source]');
    await source.waitFor({ timeout: 10_000 });
    check((await source.getAttribute('data-name-source')) === 'user' && (await source.textContent()) === 'renamed',
      `the renamed speaker's name is marked as renamed (${await source.textContent()})`);
    await page.screenshot({ path: join(OUT, 'console-upload-call.png'), animations: 'disabled', caret: 'hide' });
    await titled(page, 'call page', 'Call');
    await accessible(page, 'call page');

    // The calls library lists the call with its columns; a search for words said finds it; the state is in the
    // address, so a reload (or a shared link) shows the same search.
    await page.goto(`${BASE}/#/calls`);
    const table = page.getByTestId('library-table');
    await table.locator(`tr[data-call-id="${callId}"]`).waitFor({ timeout: 15_000 });
    await titled(page, 'calls library', 'Calls');
    // a word the call's own transcript has, whatever the recording says
    const detail = await (await page.request.get(`${BASE}/api/calls/${encodeURIComponent(callId)}`)).json();
    const said = detail.segments.map((x) => x.text).join(' ').split(/[^A-Za-z']+/).find((w) => w.length >= 5);
    check(Boolean(said), `a word said in the call to search for ("${said}")`);
    await page.getByLabel('Words said').fill(said);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/#\/calls\?q=/);
    await page.reload();
    await table.locator(`tr[data-call-id="${callId}"]`).waitFor({ timeout: 15_000 });
    check(await page.getByLabel('Words said').inputValue() !== '', 'the search survives a reload (URL state)');
    const count = await page.getByTestId('library-count').textContent();
    check(/^1–\d+ of \d+$/.test(count), `the library counts its results ("${count}")`);
    await accessible(page, 'calls library');
    await page.screenshot({ path: join(OUT, 'console-library.png'), animations: 'disabled', caret: 'hide' });

    // Phone: the menu holds the navigation, nothing widens the page.
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    check(overflow <= 1, `390px calls library: no horizontal scrolling (${overflow})`);
    const menu = page.getByRole('button', { name: 'Menu' });
    check(await menu.isVisible(), '390px: the navigation folds into a menu button');
    check(!(await page.getByRole('link', { name: 'Upload' }).isVisible()), '390px: the links are hidden until the menu opens');
    await menu.click();
    await page.getByRole('link', { name: 'Upload' }).click();
    await page.getByTestId('dropzone').waitFor({ timeout: 10_000 });
    check(true, '390px: the menu opens and leads to the upload page');
    await accessible(page, '390px upload page');
    await page.screenshot({ path: join(OUT, 'console-phone-menu.png'), animations: 'disabled', caret: 'hide' });
    console.log(`CALL_ID=${callId}`);
  } finally {
    await close();
  }
}

main().then(() => log('all checks passed'), (e) => {
  console.error(e.stack ?? String(e));
  process.exit(1);
});
