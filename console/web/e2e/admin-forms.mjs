// Admin forms in headless Chromium (run by AdminBrowserIT), at 1440x900 and 390x844: a team is created; a SIP user is
// added and its password reset; a user is created in the team, given another role from their row, then put on the
// SIP user with an extension; a number (DID) is routed to the SIP user, another routed and deleted; a trunk form
// marks a bad pin and the server's refusal of TLS at their fields, then a trunk with route patterns, priority and
// SRTP is added, shows its registration in words, is edited, and its status is read again while the page stays open; a
// spare trunk is deleted. Readable column names and dates; axe-core on
// each page; at 390x844 the page itself does not scroll sideways (wide tables scroll in their own box).
// Env: BASE_URL, E2E_USERNAME, E2E_PASSWORD, OUT_DIR, CHROMIUM. Prints "OK ..." per check; exits 0 when all pass.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { accessible, BASE, check, firstPage, fitsTheScreen, launch, log, signIn } from './chromium.mjs';

const OUT = process.env.OUT_DIR ?? 'target/browser';
const VIEWPORTS = [{ name: 'desktop', width: 1440, height: 900 }, { name: 'phone', width: 390, height: 844 }];

async function section(page, id, title) {
  await page.goto(`${BASE}/#/admin/${id}`);
  await page.locator('#admin-title', { hasText: title }).waitFor({ timeout: 15_000 });
  await page.waitForFunction(() => !document.querySelector('.admin-body').textContent.includes('Loading'), null,
    { timeout: 10_000 });
}

/**
 * The refusal shown at its field: the message beside it, the control marked invalid, described by the message and
 * holding the focus.
 */
async function fieldError(page, form, key, label, pattern, what) {
  const error = form.getByTestId(`trunk-error-${key}`);
  await error.waitFor({ timeout: 10_000 });
  const text = await error.textContent();
  const control = form.getByLabel(label, { exact: true });
  const invalid = await control.getAttribute('aria-invalid');
  const described = (await control.getAttribute('aria-describedby')) ?? '';
  const errorId = await error.getAttribute('id');
  await page.waitForFunction((id) => document.activeElement?.id === id, await control.getAttribute('id'), { timeout: 5_000 });
  check(pattern.test(text) && invalid === 'true' && described.split(' ').includes(errorId),
    `${what} is shown at ${label}, which is marked and focused ("${text}")`);
}

async function main() {
  await mkdir(OUT, { recursive: true });
  const { context, close } = await launch();
  try {
    const page = await firstPage(context);
    await page.goto(`${BASE}/#/admin/teams`);
    await signIn(page);
    for (const vp of VIEWPORTS) {
      await page.setViewportSize({ width: vp.width, height: vp.height });
      const team = `forms-${vp.name}`;
      const user = `forms-user-${vp.name}`;
      const trunk = `carrier-${vp.name}`;
      const sip = `sip-${vp.name}`;
      const n = vp.name === 'desktop' ? 1 : 2;

      // Teams: create one; it is listed.
      await section(page, 'teams', 'Teams');
      const teamForm = page.getByTestId('team-form');
      await teamForm.getByLabel('Team name', { exact: true }).fill(team);
      await teamForm.getByRole('button', { name: 'Create team' }).click();
      await teamForm.locator('[data-testid=team-status][role=status]').waitFor({ timeout: 10_000 });
      await page.locator('.admin-body td', { hasText: team }).first().waitFor({ timeout: 10_000 });
      check(true, `${vp.name}: team ${team} is created and listed`);
      await accessible(page, `admin teams ${vp.name}`);
      await fitsTheScreen(page, `teams ${vp.name}`);

      // SIP users: add one, then reset its password from its row.
      await section(page, 'sip-users', 'SIP users');
      const sipForm = page.getByTestId('sip-user-form');
      await sipForm.getByLabel('SIP user', { exact: true }).fill(sip);
      await sipForm.getByLabel('Password', { exact: true }).fill('sip-Secret-1');
      await sipForm.getByRole('button', { name: 'Add SIP user' }).click();
      await page.getByTestId('admin-notice').filter({ hasText: `Added SIP user ${sip}` }).waitFor({ timeout: 10_000 });
      const sipRow = page.locator(`tr[data-sip-user="${sip}"]`);
      await sipRow.waitFor({ timeout: 10_000 });
      check((await sipRow.locator('td[data-column=devices]').textContent()) === 'None registered',
        `${vp.name}: the SIP user is listed, no phone registered yet`);
      await sipRow.getByRole('button', { name: `Reset password of ${sip}` }).click();
      await sipForm.getByRole('heading', { name: `New password for ${sip}` }).waitFor({ timeout: 10_000 });
      await sipForm.getByLabel('New password', { exact: true }).fill('short');
      await sipForm.getByRole('button', { name: 'Set password' }).click();
      const sipRefused = sipForm.getByTestId('sip-user-status');
      await sipRefused.waitFor({ timeout: 10_000 });
      check(/at least 8 characters/.test(await sipRefused.textContent()), `${vp.name}: a short password is refused with the reason`);
      await sipForm.getByLabel('New password', { exact: true }).fill('sip-Secret-2-reset');
      await sipForm.getByRole('button', { name: 'Set password' }).click();
      await page.getByTestId('admin-notice').filter({ hasText: `New password set for ${sip}` }).waitFor({ timeout: 10_000 });
      check(true, `${vp.name}: the SIP user's password is reset from its row`);
      await accessible(page, `admin SIP users ${vp.name}`);
      await fitsTheScreen(page, `SIP users ${vp.name}`);

      // Users: create one in the new team, then make them a manager from their row.
      await section(page, 'users', 'Users');
      const userForm = page.getByTestId('user-form');
      await userForm.getByLabel('Username', { exact: true }).fill(user);
      await userForm.getByLabel('Password', { exact: true }).fill('forms-user-Secret-1');
      await userForm.getByLabel('Role', { exact: true }).selectOption('REP');
      await userForm.getByLabel('Team', { exact: true }).fill(team);
      await userForm.getByRole('button', { name: 'Create user' }).click();
      const row = page.locator(`tr[data-username="${user}"]`);
      await row.waitFor({ timeout: 10_000 });
      check((await row.textContent()).includes(team), `${vp.name}: the new user is listed with their team`);
      await row.getByLabel(`Role of ${user}`).selectOption('MANAGER');
      await page.waitForFunction((u) => document.querySelector(`tr[data-username="${u}"] td[data-column=role]`)
        ?.textContent === 'MANAGER', user, { timeout: 10_000 });
      check(true, `${vp.name}: the role is changed from the user's row`);
      const created = await row.locator('td[data-column=createdAt]').textContent();
      check(created.length > 0 && !/T\d\d:\d\d/.test(created), `${vp.name}: dates read as dates (${created})`);
      // ... and put them on the SIP user with an extension.
      await row.getByRole('button', { name: `Team and lines of ${user}` }).click();
      const assign = page.getByTestId('user-assign-form');
      await assign.waitFor({ timeout: 10_000 });
      check(await assign.getByLabel('Team', { exact: true }).inputValue() === team, `${vp.name}: the form starts from the user's team`);
      await assign.getByLabel('SIP user', { exact: true }).fill(sip);
      await assign.getByLabel('Extension', { exact: true }).fill(`70${n}`);
      await assign.getByRole('button', { name: 'Save' }).click();
      await page.waitForFunction(([u, s]) => document.querySelector(`tr[data-username="${u}"] td[data-column=sipUser]`)
        ?.textContent === s, [user, sip], { timeout: 10_000 });
      check((await row.locator('td[data-column=extension]').textContent()) === `70${n}`,
        `${vp.name}: the user's SIP user and extension are changed from their row`);
      await accessible(page, `admin users ${vp.name}`);
      await fitsTheScreen(page, `users ${vp.name}`);

      // DID routes: a number rings the SIP user; another is routed, then deleted.
      await section(page, 'did-routes', 'DID routes');
      const didForm = page.getByTestId('did-route-form');
      for (const did of [`+1555010${n}`, `+1555019${n}`]) {
        await didForm.getByLabel('Number (DID)', { exact: true }).fill(did);
        await didForm.getByLabel('Rings SIP user', { exact: true }).selectOption(sip);
        await didForm.getByRole('button', { name: 'Save route' }).click();
        await page.locator(`tr[data-did="${did}"]`).waitFor({ timeout: 10_000 });
      }
      check((await page.locator(`tr[data-did="+1555010${n}"]`).textContent()).includes(sip), `${vp.name}: the number is routed to ${sip}`);
      page.once('dialog', (d) => void d.accept());
      await page.locator(`tr[data-did="+1555019${n}"]`).getByRole('button', { name: `Delete route +1555019${n}` }).click();
      await page.locator(`tr[data-did="+1555019${n}"]`).waitFor({ state: 'detached', timeout: 10_000 });
      check(true, `${vp.name}: a route is deleted from its row, after a confirmation`);
      await accessible(page, `admin DID routes ${vp.name}`);
      await fitsTheScreen(page, `DID routes ${vp.name}`);

      // Trunks: add one; its registration is shown in words and read again while the page is open; edit it.
      await section(page, 'trunks', 'Trunks');
      const trunkForm = page.getByTestId('trunk-form');
      await trunkForm.getByLabel('Trunk ID', { exact: true }).fill(trunk);
      await trunkForm.getByLabel('Host', { exact: true }).fill('127.0.0.1');
      await trunkForm.getByLabel('Port', { exact: true }).fill('5999');
      await trunkForm.getByLabel('Username', { exact: true }).fill('earpiece');
      await trunkForm.getByLabel('Password', { exact: true }).fill('trunk-Secret-1');
      // TLS shows the certificate settings; a pin that is no fingerprint is marked at its field before sending.
      await trunkForm.getByLabel('Transport', { exact: true }).selectOption('tls');
      await trunkForm.getByTestId('trunk-tls').waitFor({ timeout: 10_000 });
      await trunkForm.getByLabel('Pinned certificate (SHA-256)', { exact: true }).fill('12:34');
      await trunkForm.getByRole('button', { name: 'Add trunk' }).click();
      await fieldError(page, trunkForm, 'serverPin', 'Pinned certificate (SHA-256)', /SHA-256 fingerprint/, `${vp.name}: a bad pin`);
      // A valid pin goes to the server, which refuses TLS here (no TLS listener): its 400 names the transport field.
      await trunkForm.getByLabel('Pinned certificate (SHA-256)', { exact: true }).fill('AB:'.repeat(31) + 'AB');
      await trunkForm.getByRole('button', { name: 'Add trunk' }).click();
      await fieldError(page, trunkForm, 'transport', 'Transport', /does not listen on tls/, `${vp.name}: the server's refusal`);
      await accessible(page, `admin trunk form with a refusal ${vp.name}`);
      await fitsTheScreen(page, `trunk form with a refusal ${vp.name}`);
      // Over UDP, with routes and mandatory SRTP, it is added.
      await trunkForm.getByLabel('Transport', { exact: true }).selectOption('udp');
      check(await trunkForm.getByTestId('trunk-tls').count() === 0, `${vp.name}: the TLS settings go with TLS`);
      check(await trunkForm.getByTestId('trunk-error-transport').count() === 0, `${vp.name}: changing a field clears its error`);
      await trunkForm.getByLabel('Route patterns', { exact: true }).fill('+1, 0044');
      await trunkForm.getByLabel('Route priority', { exact: true }).fill('20');
      await trunkForm.getByLabel('Media encryption (SRTP)', { exact: true }).selectOption('mandatory');
      await trunkForm.getByRole('button', { name: 'Add trunk' }).click();
      await trunkForm.locator('[data-testid=trunk-status][role=status]').waitFor({ timeout: 10_000 });
      const trunkRow = page.locator(`tr[data-trunk="${trunk}"]`);
      await trunkRow.waitFor({ timeout: 10_000 });
      const headers = await page.locator('.admin-body thead th').allTextContents();
      check(headers.includes('Registration') && headers.includes('Updated at'), `trunk columns are readable (${headers.join(', ')})`);
      const state = await trunkRow.locator('td[data-column=status]').textContent();
      check(/^(Registered|Registering|Failing|Stopped)/.test(state), `${vp.name}: the registration in words (${state})`);
      await page.waitForResponse((r) => r.url().endsWith('/api/admin/trunks') && r.request().method() === 'GET',
        { timeout: 15_000 });
      check(true, `${vp.name}: the status is read again while the page is open`);
      await trunkRow.getByRole('button', { name: `Edit trunk ${trunk}` }).click();
      const editForm = page.getByRole('form', { name: `Edit trunk ${trunk}` });
      await editForm.waitFor({ timeout: 10_000 });
      check(await editForm.getByLabel('Trunk ID', { exact: true }).isDisabled(), `${vp.name}: a trunk's ID cannot be edited`);
      check(await editForm.getByLabel('Trunk ID', { exact: true }).inputValue() === trunk,
        `${vp.name}: the edit form starts from the trunk's fields`);
      const routes = [await editForm.getByLabel('Route patterns', { exact: true }).inputValue(),
        await editForm.getByLabel('Route priority', { exact: true }).inputValue(),
        await editForm.getByLabel('Media encryption (SRTP)', { exact: true }).inputValue()];
      check(routes.join('|') === '+1, 0044|20|mandatory', `${vp.name}: routes, priority and SRTP were stored (${routes.join('|')})`);
      await editForm.getByLabel('Port', { exact: true }).fill('5998');
      await editForm.getByRole('button', { name: 'Save trunk' }).click();
      await page.waitForFunction((t) => document.querySelector(`tr[data-trunk="${t}"] td[data-column=port]`)
        ?.textContent === '5998', trunk, { timeout: 10_000 });
      check(true, `${vp.name}: the trunk is edited`);
      await accessible(page, `admin trunks ${vp.name}`);
      await fitsTheScreen(page, `trunks ${vp.name}`);
      await page.screenshot({ path: join(OUT, `admin-trunks-${vp.name}.png`), fullPage: true, animations: 'disabled', caret: 'hide' });

      // A spare trunk is deleted from its row, after a confirmation.
      const spare = `spare-${vp.name}`;
      const addForm = page.getByTestId('trunk-form');
      await addForm.getByLabel('Trunk ID', { exact: true }).fill(spare);
      await addForm.getByLabel('Host', { exact: true }).fill('127.0.0.1');
      await addForm.getByLabel('Port', { exact: true }).fill('5997');
      await addForm.getByLabel('Username', { exact: true }).fill('spare');
      await addForm.getByRole('button', { name: 'Add trunk' }).click();
      const spareRow = page.locator(`tr[data-trunk="${spare}"]`);
      await spareRow.waitFor({ timeout: 10_000 });
      let asked = null;
      page.once('dialog', (d) => { asked = d.message(); void d.accept(); });
      await spareRow.getByRole('button', { name: `Delete trunk ${spare}` }).click();
      await spareRow.waitFor({ state: 'detached', timeout: 10_000 });
      check(asked !== null && asked.includes(spare), `${vp.name}: the trunk is deleted after a confirmation ("${asked}")`);
    }
  } finally {
    await close();
  }
}

main().then(() => log('all checks passed'), (e) => {
  console.error(e.stack ?? String(e));
  process.exit(1);
});
