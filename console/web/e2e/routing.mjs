// Routing rules and a call's routed entries in headless Chromium (run by ReportBrowserIT), at 1440x900 and 390x844
// with axe: a manager opens Admin > Routing, is told in plain words at the fields what a rule lacks, adds a rule,
// sees the server's refusal of an unknown assignee at that field, edits and deletes rules; then the call page shows
// the call's escalation prominently and each routed entry's recipient and delivery status.
// Env: BASE_URL, E2E_USERNAME, E2E_PASSWORD, OUT_DIR, CHROMIUM, CALL_ID (a call with routed entries), TEAM.
// Prints "OK ..." per check; exits 0 when all pass.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { accessible, BASE, check, firstPage, fitsTheScreen, launch, log, signIn } from './chromium.mjs';

const OUT = process.env.OUT_DIR ?? 'target/browser';
const CALL = process.env.CALL_ID;
const TEAM = process.env.TEAM;

async function editorError(editor, label) {
  const field = editor.getByLabel(label, { exact: true });
  const described = await field.getAttribute('aria-describedby');
  const invalid = await field.getAttribute('aria-invalid');
  const id = (described ?? '').split(' ').find((d) => d.endsWith('-error'));
  return invalid === 'true' && id ? (await editor.locator(`#${id}`).textContent()) : null;
}

async function main() {
  await mkdir(OUT, { recursive: true });
  const { context, close } = await launch();
  try {
    const page = await firstPage(context);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${BASE}/#/admin/routing`);
    await signIn(page);
    const section = page.getByTestId('routing-section');
    await section.waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Add a rule' }).waitFor({ timeout: 15_000 });
    check(/No rules yet/.test(await section.textContent()), `a manager sees ${TEAM} has no rules yet`);

    await page.getByRole('button', { name: 'Add a rule' }).click();
    let editor = page.getByTestId('routing-editor');
    await editor.getByRole('button', { name: 'Save rule' }).click();
    await editor.getByRole('alert').first().waitFor({ timeout: 5_000 });
    check(await editorError(editor, 'Name') === 'Give the rule a name.', 'a nameless rule is refused at its name');
    check(/Choose at least one condition/.test(await editor.textContent()), 'a rule without conditions is refused in words');
    await accessible(page, 'routing editor with errors 1440x900');

    await editor.getByLabel('Name', { exact: true }).fill('Unhappy customers');
    await editor.getByRole('checkbox', { name: 'negative' }).check();
    await editor.getByLabel('Words or phrases said (any of, one a line)', { exact: true }).fill('cancel my account\nspeak to your manager');
    await editor.getByLabel('Assign the call’s action items to (username, optional)', { exact: true }).fill('no-such-user');
    await editor.getByRole('button', { name: 'Save rule' }).click();
    await page.waitForFunction(() => document.querySelector('#rr-assignee[aria-invalid=true]'), null, { timeout: 10_000 });
    check(await editorError(editor, 'Assign the call’s action items to (username, optional)') === 'there is no user named "no-such-user"',
      'the server’s refusal of an unknown assignee is shown at that field');

    await editor.getByLabel('Assign the call’s action items to (username, optional)', { exact: true }).fill('');
    await editor.getByRole('button', { name: 'Save rule' }).click();
    await page.getByTestId('routing-notice').waitFor({ timeout: 10_000 });
    const listed = page.locator('li[data-rule="Unhappy customers"]');
    await listed.waitFor({ timeout: 5_000 });
    check(/When the customer was negative and someone said “cancel my account” or “speak to your manager”: notify the team lead\./
      .test(await listed.textContent()), 'the stored rule is described in one sentence');

    await page.getByRole('button', { name: 'Edit rule Unhappy customers' }).click();
    editor = page.getByTestId('routing-editor');
    await editor.getByLabel('Name', { exact: true }).fill('Unhappy customer escalation');
    await editor.getByRole('checkbox', { name: /An escalation/ }).check();
    await editor.getByRole('button', { name: 'Save rule' }).click();
    await page.locator('li[data-rule="Unhappy customer escalation"]').waitFor({ timeout: 10_000 });
    check(/Escalation/.test(await page.locator('li[data-rule="Unhappy customer escalation"]').textContent()), 'an edited rule is kept, marked as an escalation');
    await accessible(page, 'routing rules 1440x900');
    await page.screenshot({ path: join(OUT, 'routing-rules.png'), fullPage: true, animations: 'disabled', caret: 'hide' });

    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('button', { name: 'Add a rule' }).click();
    editor = page.getByTestId('routing-editor');
    await editor.getByLabel('Name', { exact: true }).fill('Price trouble');
    await editor.getByLabel('Objection kinds (any of, comma-separated)', { exact: true }).fill('price');
    await editor.getByLabel('How to notify, recipient 1', { exact: true }).selectOption('email');
    await editor.getByLabel('E-mail address, recipient 1', { exact: true }).fill('not-an-address');
    await editor.getByRole('button', { name: 'Save rule' }).click();
    check(await editorError(editor, 'E-mail address, recipient 1') === '“not-an-address” is not an e-mail address.',
      'a bad address is refused at its field on a phone');
    await editor.getByLabel('E-mail address, recipient 1', { exact: true }).fill('deals@example.com');
    await accessible(page, 'routing editor 390x844');
    await fitsTheScreen(page, 'routing editor 390x844');
    await editor.getByRole('button', { name: 'Save rule' }).click();
    await page.locator('li[data-rule="Price trouble"]').waitFor({ timeout: 10_000 });
    page.once('dialog', (d) => d.accept());
    await page.getByRole('button', { name: 'Delete rule Price trouble' }).click();
    await page.locator('li[data-rule="Price trouble"]').waitFor({ state: 'detached', timeout: 10_000 });
    check(await page.locator('li[data-rule]').count() === 1, 'a deleted rule is gone and the other stays');
    await accessible(page, 'routing rules 390x844');

    await page.goto(`${BASE}/#/calls/${encodeURIComponent(CALL)}`);
    const routed = page.getByTestId('routed');
    await routed.waitFor({ timeout: 20_000 });
    const escalation = await routed.getByTestId('escalation').textContent();
    check(/Escalated by “Cancellation risk”: call type support; said "cancel my account"/.test(escalation),
      `the escalation and its reason come first (${escalation})`);
    const mail = await routed.locator('li[data-channel=email]').textContent();
    check(/E-mail to team lead .*Delivered/.test(mail) && /Said “cancel my account”/.test(mail), `the e-mail entry: ${mail}`);
    const slack = await routed.locator('li[data-channel=slack]').textContent();
    check(/Slack to Slack hooks\.slack\.com\/…x1y2\s*Failed/.test(slack), `the Slack entry shows its failure: ${slack}`);
    await fitsTheScreen(page, 'call page with routing 390x844');
    await accessible(page, 'call page with routing 390x844');
    await page.setViewportSize({ width: 1440, height: 900 });
    await accessible(page, 'call page with routing 1440x900');
    await page.screenshot({ path: join(OUT, 'call-routed.png'), fullPage: true, animations: 'disabled', caret: 'hide' });
  } finally {
    await close();
  }
}

main().then(() => log('all checks passed'), (e) => {
  console.error(e.stack ?? String(e));
  process.exit(1);
});
