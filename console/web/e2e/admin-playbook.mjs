// Admin pages in headless Chromium (run by AdminBrowserIT): edits the default playbook (an invalid text is refused
// with the server's reason, a valid edit becomes a new version), then adds a knowledge-base document.
// Env: BASE_URL, E2E_USERNAME, E2E_PASSWORD, OUT_DIR, CHROMIUM. Prints "OK ..." per check, VERSION=<n> of the saved
// playbook and KB_SLUG=<slug> of the document; exits 0 when all pass.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { accessible, check, launch, log, signIn, titled } from './chromium.mjs';

const BASE = (process.env.BASE_URL ?? 'http://127.0.0.1:8080').replace(/\/$/, '');
const OUT = process.env.OUT_DIR ?? 'target/browser';
const MARK = '# edited in the browser test';
const KB_TITLE = 'Payment terms for invoices';

async function main() {
  await mkdir(OUT, { recursive: true });
  const { context, close } = await launch();
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => log(`page error: ${e.message}`));
    await page.goto(`${BASE}/#/admin/playbooks`);
    await signIn(page);
    const editor = page.getByTestId('playbook-editor');
    await editor.getByTestId('playbook-version').waitFor({ timeout: 15_000 });
    await titled(page, 'admin playbooks', 'Admin');
    await accessible(page, 'admin playbooks');
    const version = await editor.getByTestId('playbook-version').textContent();
    check(/^version 1\b/.test(version), `the default playbook is loaded (${version})`);
    const box = editor.locator('textarea');
    const original = await box.inputValue();
    check(original.length > 100, `its text is in the editor (${original.length} characters)`);

    await box.fill('cards: [this is not a playbook');
    await editor.getByRole('button', { name: 'Save new version' }).click();
    const refused = editor.locator('[data-testid=playbook-status][role=alert]');
    await refused.waitFor({ timeout: 10_000 });
    const reason = await refused.textContent();
    check(/^Not saved \(400\): .+/.test(reason), `an invalid playbook is refused with the reason: "${reason}"`);

    await box.fill(`${original.replace(/\s*$/, '')}\n${MARK}\n`);
    await editor.getByRole('button', { name: 'Save new version' }).click();
    const saved = editor.locator('[data-testid=playbook-status][role=status]');
    await saved.waitFor({ timeout: 30_000 });
    const text = await saved.textContent();
    const m = /^Saved as version (\d+)$/.exec(text);
    check(m !== null, `a valid edit is saved as a new version ("${text}")`);
    await page.screenshot({ path: join(OUT, 'admin-playbook.png'), animations: 'disabled', caret: 'hide' });
    console.log(`VERSION=${m[1]}`);
    await page.locator('table td', { hasText: /^2$/ }).first().waitFor({ timeout: 10_000 });
    check(true, 'the versions table shows the new version without a reload');

    // A knowledge-base document added on the page is listed and citable.
    await page.goto(`${BASE}/#/admin/knowledge`);
    const form = page.getByTestId('knowledge-form');
    await form.waitFor({ timeout: 15_000 });
    await form.getByLabel('Title').fill(KB_TITLE);
    await form.getByLabel('Answer').fill('Invoices can be paid by bank transfer within thirty days of issue.');
    await form.getByLabel('Source (URL)').fill('https://docs.example.test/billing/terms');
    await form.getByRole('button', { name: 'Add document' }).click();
    const added = form.locator('[data-testid=knowledge-status][role=status]');
    await added.waitFor({ timeout: 10_000 });
    const slug = /^Added as kb:(\S+)$/.exec(await added.textContent());
    check(slug !== null, `the document is added (${await added.textContent()})`);
    await page.locator('table td', { hasText: KB_TITLE }).first().waitFor({ timeout: 10_000 });
    check(true, 'the knowledge table lists it');
    console.log(`KB_SLUG=${slug[1]}`);
    await accessible(page, 'admin knowledge base');

    // Users: create one with a role and a new team in the form, then disable them from their row.
    await page.goto(`${BASE}/#/admin/users`);
    const userForm = page.getByTestId('user-form');
    await userForm.waitFor({ timeout: 15_000 });
    await userForm.getByLabel('Username', { exact: true }).fill('browser-rep');
    await userForm.getByLabel('Password', { exact: true }).fill('browser-rep-Secret-1');
    await userForm.getByLabel('Role', { exact: true }).selectOption('REP');
    await userForm.getByLabel('Team', { exact: true }).fill('north');
    await userForm.getByRole('button', { name: 'Create user' }).click();
    await userForm.locator('[data-testid=user-status][role=status]').waitFor({ timeout: 10_000 });
    const row = page.locator('tr[data-username="browser-rep"]');
    await row.waitFor({ timeout: 10_000 });
    check((await row.textContent()).includes('north'), 'the new user is listed with their team');
    const headers = await page.locator('.admin-body thead th').allTextContents();
    check(headers.includes('SIP user') && headers.includes('Created at'), `readable column names (${headers.join(', ')})`);
    await row.getByRole('button', { name: /Disable/ }).click();
    await row.getByRole('button', { name: /Enable/ }).waitFor({ timeout: 10_000 });
    check(true, 'the user is disabled from their row');
    await accessible(page, 'admin users');
    console.log('DISABLED_USER=browser-rep');

    // A manager's Admin tab: only the sections a manager may use, each readable, none "Access Denied".
    if (process.env.MANAGER_USERNAME) {
      await page.getByRole('button', { name: 'Sign out' }).click();
      await signIn(page, process.env.MANAGER_USERNAME, process.env.MANAGER_PASSWORD);
      await page.locator('.topbar').waitFor({ timeout: 15_000 });
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
      const sections = page.getByRole('navigation', { name: 'Admin sections' }).getByRole('link');
      await sections.first().waitFor({ timeout: 15_000 });
      const names = await sections.allTextContents();
      check(JSON.stringify(names) === JSON.stringify(['Playbooks', 'Knowledge base', 'Card stats']),
        `a manager sees only the sections they may use (${names.join(', ')})`);
      for (const name of names) {
        await sections.filter({ hasText: name }).click();
        await page.locator('#admin-title', { hasText: name }).waitFor({ timeout: 10_000 });
        await page.waitForFunction(() => !document.querySelector('.admin-body').textContent.includes('Loading'),
          null, { timeout: 10_000 });
        const text = await page.locator('.admin-body').textContent();
        check(!/access denied|forbidden|not available/i.test(text) && (await page.locator('.admin-body [role=alert]').count()) === 0,
          `manager: ${name} is readable, without an error`);
      }
      await sections.filter({ hasText: 'Playbooks' }).click();
      await page.locator('.admin-body table td').first().waitFor({ timeout: 10_000 });
      check(await page.getByTestId('playbook-editor').count() === 0, 'manager: playbooks are read only (no editor)');
      await accessible(page, 'manager admin page');
    }
  } finally {
    await close();
  }
}

main().then(() => log('all checks passed'), (e) => {
  console.error(e.stack ?? String(e));
  process.exit(1);
});
