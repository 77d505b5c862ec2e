// The managers' analytics home in headless Chromium (run by ReportBrowserIT), at 1440x900 and 390x844: a manager
// lands on it, sees the totals and the five charts, and a new period is kept in the address.
// Env: BASE_URL, E2E_USERNAME, E2E_PASSWORD, OUT_DIR, CHROMIUM, DOCS_DIR (screenshots, optional).
// Prints "OK ..." per check; exits 0 when all pass.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { accessible, BASE, check, firstPage, launch, log, signIn, titled } from './chromium.mjs';

const OUT = process.env.OUT_DIR ?? 'target/browser';

async function main() {
  await mkdir(OUT, { recursive: true });
  const { context, close } = await launch();
  try {
    const page = await firstPage(context);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${BASE}/#/`);
    await signIn(page);
    const totals = page.getByTestId('totals');
    await totals.waitFor({ timeout: 20_000 });
    await titled(page, 'analytics', 'Analytics');
    check((await page.locator('h1').textContent()) === 'Team analytics', 'a manager lands on the analytics home');
    const calls = await totals.locator('li').first().textContent();
    check(/^1\s*calls$/.test(calls), `the team's call is counted (${calls})`);
    for (const id of ['chart-calls', 'chart-talk', 'chart-objections', 'chart-cards', 'chart-items']) {
      await page.locator(`[data-testid=${id}] svg`).first().waitFor({ timeout: 10_000 });
    }
    check(true, 'five charts are drawn');
    check(/Price objection/.test(await page.getByTestId('cards-table').textContent()), 'the card accept table names the card');
    await accessible(page, 'analytics 1440x900');
    await page.screenshot({ path: join(OUT, 'analytics.png'), fullPage: true, animations: 'disabled', caret: 'hide' });
    if (process.env.DOCS_DIR) {
      await page.screenshot({ path: join(process.env.DOCS_DIR, 'console-analytics.png'), animations: 'disabled', caret: 'hide' });
    }

    await page.getByLabel('From', { exact: true }).fill('2020-01-01');
    await page.getByLabel('To', { exact: true }).fill('2020-03-31');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForFunction(() => location.hash.includes('from=2020-01-01'), null, { timeout: 10_000 });
    await page.getByText('2020-01-01 to 2020-03-31').waitFor({ timeout: 10_000 });
    check(/^0\s*calls$/.test(await totals.locator('li').first().textContent()), 'a period is kept in the address and applied');

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${BASE}/#/analytics`);
    await totals.waitFor({ timeout: 15_000 });
    await page.locator('[data-testid=chart-calls] svg').first().waitFor({ timeout: 10_000 });
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    check(wide <= 390, `nothing runs off a phone screen (${wide} px)`);
    await accessible(page, 'analytics 390x844');
  } finally {
    await close();
  }
}

main().then(() => log('all checks passed'), (e) => {
  console.error(e.stack ?? String(e));
  process.exit(1);
});
