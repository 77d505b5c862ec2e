// The playbook editor in headless Chromium (run by AdminBrowserIT), at 1440x900 and 390x844, then the knowledge base,
// a user form and a manager's read-only view.
// Desktop: the default playbook as a form (triggers → example phrases → cards); a new trigger without example
// phrases is refused by the form, and a bad keyword pattern by the server, each shown beside its field with focus
// moved there; the fixed trigger is saved as a new version; unsaved edits are guarded; "Try it" shows the new card
// on a pasted transcript; the history compares version 1 with the new one and restores it; a team without a
// playbook gets its own from "New playbook for …". Phone: the form fits the screen and shows a field's error.
// axe-core on each state.
// Env: BASE_URL, E2E_USERNAME, E2E_PASSWORD, OUT_DIR, CHROMIUM, PLAYBOOK_TEAM (a team without a playbook),
// DOCS_DIR (screenshots, optional).
// Prints "OK ..." per check, VERSION=<n> of the saved playbook, RESTORED=<n>, TEAM_VERSION=<n> and
// KB_SLUG=<slug> of the document; exits 0 when all pass.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { accessible, BASE, check, firstPage, fitsTheScreen, launch, log, signIn, titled } from './chromium.mjs';

const OUT = process.env.OUT_DIR ?? 'target/browser';
const KB_TITLE = 'Payment terms for invoices';
const TEAM = process.env.PLAYBOOK_TEAM ?? 'pb-team';
const PHRASE = 'We have a budget freeze until the end of the quarter.';

async function playbooks(page) {
  await page.goto(`${BASE}/#/admin/playbooks`);
  const editor = page.getByTestId('playbook-editor');
  await editor.getByTestId('playbook-version').waitFor({ timeout: 15_000 });
  return editor;
}

/** The focused element's id, once the page has moved the focus. */
async function focusedId(page) {
  return page.evaluate(() => document.activeElement?.id ?? '');
}

async function desktop(page) {
  await page.setViewportSize({ width: 1440, height: 900 });
  const editor = await playbooks(page);
  await titled(page, 'admin playbooks', 'Admin');
  const version = await editor.getByTestId('playbook-version').textContent();
  check(/^version 1\b/.test(version), `the default playbook is loaded (${version})`);
  const triggers = editor.getByTestId('pb-trigger');
  await triggers.first().waitFor({ timeout: 10_000 });
  check(await triggers.count() >= 5, `its triggers are a form (${await triggers.count()} triggers)`);
  check(await triggers.first().getByLabel('Name').inputValue() === 'objection:price', 'the first trigger is objection:price');
  check(await triggers.first().getByTestId('pb-card').count() >= 1, 'each trigger lists the cards it shows');
  await accessible(page, 'playbook form');

  // The form's own check: a new trigger with no example phrase.
  await editor.getByRole('button', { name: 'Add a trigger' }).click();
  const added = triggers.last();
  await added.getByLabel('Name').fill('objection:budget-freeze');
  const card = added.getByTestId('pb-card');
  await card.getByLabel('Title').fill('Budget freeze');
  await card.getByLabel('Body').fill('Ask when the freeze ends and offer to start with a free pilot.');
  check(await editor.getByTestId('playbook-unsaved').isVisible(), 'the edit is marked unsaved');
  await editor.getByRole('button', { name: 'Save new version' }).click();
  const errors = editor.getByTestId('playbook-errors');
  await errors.waitFor({ timeout: 10_000 });
  const examples = added.getByLabel('Example phrases');
  check(await examples.getAttribute('aria-invalid') === 'true', 'the form marks the empty example phrases');
  check((await errors.textContent()).includes('Trigger objection:budget-freeze · Example phrases: Add at least one example phrase'),
    `the error names the trigger and field in plain words ("${(await errors.textContent()).trim()}")`);
  check(await focusedId(page) === await examples.getAttribute('id'), 'the focus moves to that field');
  await accessible(page, 'playbook form with an error');

  // The server's check: a keyword pattern that is not a regular expression.
  await examples.fill(`${PHRASE}\nNo new spending is approved this year.`);
  await added.getByText('Keyword patterns (optional)').click();
  const keywords = added.getByLabel('Keyword patterns', { exact: true });
  await keywords.fill('(budget freeze');
  await editor.getByRole('button', { name: 'Save new version' }).click();
  const status = editor.locator('[data-testid=playbook-status][role=alert]');
  await status.waitFor({ timeout: 15_000 });
  const refused = await status.textContent();
  check(/Trigger objection:budget-freeze · Keyword patterns: .*'\(budget freeze' is not a valid pattern/.test(refused),
    `the server's refusal points at the keyword field ("${refused}")`);
  check(!/Exception|jackson|java\./i.test(refused), 'and says it without parser jargon');
  check(await keywords.getAttribute('aria-invalid') === 'true' && await focusedId(page) === await keywords.getAttribute('id'),
    'the refused field is marked and focused');

  await keywords.fill('\\bbudget freeze\\b');
  await editor.getByRole('button', { name: 'Save new version' }).click();
  const saved = editor.locator('[data-testid=playbook-status][role=status]');
  await saved.waitFor({ timeout: 30_000 });
  const m = /^Saved as version (\d+)$/.exec(await saved.textContent());
  check(m !== null, `the fixed trigger is saved as a new version ("${await saved.textContent()}")`);
  console.log(`VERSION=${m[1]}`);
  await editor.getByTestId('playbook-version').filter({ hasText: `version ${m[1]}` }).waitFor({ timeout: 10_000 });
  check(await editor.getByTestId('playbook-unsaved').count() === 0, 'nothing is unsaved after the save');
  await page.screenshot({ path: join(OUT, 'admin-playbook.png'), animations: 'disabled', caret: 'hide' });
  if (process.env.DOCS_DIR) {
    await added.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(process.env.DOCS_DIR, 'console-playbook.png'), animations: 'disabled', caret: 'hide' });
  }

  // Unsaved edits are guarded: leaving by a link asks first, and staying keeps them.
  await editor.getByTestId('pb-trigger').first().getByTestId('pb-card').first().getByLabel('Title').fill('Price, edited');
  let asked = null;
  page.once('dialog', (d) => { asked = d.message(); void d.dismiss(); });
  await page.getByRole('navigation', { name: 'Admin sections' }).getByRole('link', { name: 'Knowledge base' }).click();
  check(asked !== null && /unsaved changes/i.test(asked), `leaving with unsaved edits asks first ("${asked}")`);
  check(await page.locator('#admin-title').textContent() === 'Playbooks'
    && await editor.getByTestId('pb-trigger').first().getByTestId('pb-card').first().getByLabel('Title').inputValue() === 'Price, edited',
  'staying keeps the page and the edit');
  page.once('dialog', (d) => void d.accept());
  await editor.getByLabel('Team').selectOption(TEAM);
  await editor.getByTestId('playbook-inherited').waitFor({ timeout: 10_000 });
  check(true, 'discarding them lets the team be switched');

  // A team without its own playbook starts one from the default.
  check((await editor.getByTestId('playbook-inherited').textContent()).includes(`${TEAM} has no playbook of its own`),
    'a team without a playbook is told it uses the default');
  await editor.getByRole('button', { name: `New playbook for ${TEAM}` }).click();
  await editor.getByRole('button', { name: 'Save new version' }).click();
  const teamSaved = editor.locator('[data-testid=playbook-status][role=status]');
  await teamSaved.waitFor({ timeout: 30_000 });
  const t = /^Saved as version (\d+)$/.exec(await teamSaved.textContent());
  check(t !== null && t[1] === '1', `"New playbook for ${TEAM}" saves its version 1 ("${await teamSaved.textContent()}")`);
  console.log(`TEAM_VERSION=${t[1]}`);

  // Try it: the saved default playbook shows the new card on the phrase.
  await editor.getByLabel('Team').selectOption('default');
  await editor.getByTestId('playbook-version').filter({ hasText: `version ${m[1]}` }).waitFor({ timeout: 10_000 });
  const tryIt = editor.getByTestId('playbook-try');
  await tryIt.getByLabel('Transcript to try').fill(`Rep: Thanks for taking the call.\nCustomer: ${PHRASE}`);
  await tryIt.getByRole('button', { name: 'Try it' }).click();
  const result = tryIt.getByTestId('playbook-try-result');
  await result.waitFor({ timeout: 30_000 });
  const second = result.locator('li').nth(1);
  check((await second.textContent()).includes('Budget freeze'), `"Try it" shows the new card on the customer's line ("${(await second.textContent()).trim()}")`);
  check((await second.textContent()).includes('objection:budget-freeze'), 'with the trigger it recognised');
  await accessible(page, 'playbook try-it result');

  // History: version 1 against the current one, then restored as a new version.
  const history = editor.getByTestId('playbook-history');
  await history.getByRole('button', { name: 'Compare version 1 with current' }).click();
  const diff = history.getByTestId('playbook-diff');
  await diff.waitFor({ timeout: 10_000 });
  const changes = await diff.locator('.pb-diff-added').allTextContents();
  check(changes.some((l) => l.includes('objection:budget-freeze')) && changes.some((l) => l.includes('Budget freeze')),
    `the comparison shows the added trigger and card (${changes.length} lines added)`);
  check(await diff.locator('.pb-diff-removed').count() === 0,
    'and nothing removed: the comments and quoting the form rewrote are not counted as changes');
  await history.getByRole('button', { name: 'Restore version 1' }).click();
  const restored = editor.locator('[data-testid=playbook-status][role=status]');
  await restored.filter({ hasText: /^Restored as version \d+$/ }).waitFor({ timeout: 30_000 });
  const r = /(\d+)$/.exec(await restored.textContent());
  check(Number(r[1]) === Number(m[1]) + 1, `restoring version 1 stores it as version ${r[1]}`);
  console.log(`RESTORED=${r[1]}`);
  await accessible(page, 'playbook history');
}

async function phone(page) {
  await page.setViewportSize({ width: 390, height: 844 });
  const editor = await playbooks(page);
  const title = editor.getByTestId('pb-trigger').first().getByTestId('pb-card').first().getByLabel('Title');
  await title.waitFor({ timeout: 10_000 });
  await fitsTheScreen(page, 'phone: playbook form');
  const before = await title.inputValue();
  await title.fill('');
  await editor.getByRole('button', { name: 'Save new version' }).click();
  await editor.getByTestId('playbook-errors').waitFor({ timeout: 10_000 });
  check(await title.getAttribute('aria-invalid') === 'true' && await title.isVisible(),
    'phone: an empty card title is marked beside the field');
  await fitsTheScreen(page, 'phone: playbook form with an error');
  await accessible(page, 'phone: playbook form');
  await page.screenshot({ path: join(OUT, 'admin-playbook-phone.png'), animations: 'disabled', caret: 'hide' });
  await title.fill(before);
  check(await editor.getByTestId('playbook-unsaved').count() === 0, 'phone: typing the title back leaves nothing unsaved');
  await page.setViewportSize({ width: 1440, height: 900 });
}

async function main() {
  await mkdir(OUT, { recursive: true });
  const { context, close } = await launch();
  try {
    const page = await firstPage(context);
    await page.goto(`${BASE}/#/admin/playbooks`);
    await signIn(page);
    await desktop(page);
    await phone(page);

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
      check(JSON.stringify(names) === JSON.stringify(['Playbooks', 'Knowledge base', 'Routing', 'Card stats']),
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
