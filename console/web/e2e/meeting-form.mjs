// "Invite Earpiece to a meeting" in headless Chromium (run by AdminBrowserIT) against the real server: the form
// says what is missing before sending; an invitation without a dial-in and a malformed number are refused with the
// server's reason shown next to the button; axe-core on the page; the page is titled with one h1.
// Env: BASE_URL, E2E_USERNAME, E2E_PASSWORD, OUT_DIR, CHROMIUM. Prints "OK ..." per check; exits 0 when all pass.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { accessible, BASE, check, firstPage, launch, log, signIn, titled } from './chromium.mjs';

const OUT = process.env.OUT_DIR ?? 'target/browser';

async function refusal(form, expected, label) {
  const alert = form.locator('[data-testid=meeting-error][role=alert]', { hasText: expected });
  await alert.waitFor({ timeout: 10_000 });
  check(true, `${label}: "${(await alert.textContent()).trim()}"`);
}

async function main() {
  await mkdir(OUT, { recursive: true });
  const { context, close } = await launch();
  try {
    const page = await firstPage(context);
    await page.goto(`${BASE}/#/meeting`);
    await signIn(page);
    await page.locator('#meeting-heading').waitFor({ timeout: 15_000 });
    await titled(page, 'meeting page', 'Invite to a meeting');
    const form = page.getByTestId('meeting-form');

    await form.getByRole('button', { name: 'Dial in' }).click();
    await refusal(form, 'Enter the dial-in number', 'an empty form is not sent');

    const ics = join(OUT, 'lunch.ics');
    await writeFile(ics, ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Earpiece tests//EN', 'BEGIN:VEVENT',
      'UID:lunch@example.test', 'DTSTAMP:20261207T090000Z', 'SUMMARY:Lunch', 'LOCATION:Room 4', 'END:VEVENT',
      'END:VCALENDAR', ''].join('\r\n'));
    await form.getByLabel('Invitation (.ics)').setInputFiles(ics);
    await form.getByRole('button', { name: 'Dial in' }).click();
    await refusal(form, 'no dial-in number found', 'an invitation without a dial-in is refused by the server');

    await form.getByLabel('Invitation (.ics)').setInputFiles([]);
    await form.getByLabel('Dial-in number').fill('555-CALL-NOW');
    await form.getByLabel('PIN', { exact: true }).fill('1234#');
    await form.getByRole('button', { name: 'Dial in' }).click();
    await refusal(form, 'number must be digits', 'a malformed number is refused by the server');
    await accessible(page, 'meeting page');
    await page.screenshot({ path: join(OUT, 'meeting-form.png'), fullPage: true });
  } finally {
    await close();
  }
}

main().then(() => log('meeting form: all checks passed'), (e) => {
  console.error(e);
  process.exit(1);
});
