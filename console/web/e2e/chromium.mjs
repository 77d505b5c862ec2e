// What the browser scripts share: timestamped log lines, checks that stop a script with their reason, and
// Debian's headless Chromium (playwright-core with executablePath) in a throw-away profile.
import { chromium } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const started = Date.now();

export const log = (msg) => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s] ${msg}`);
export const ok = (msg) => log(`OK ${msg}`);

/** Logs "OK msg", or throws "check failed: msg". */
export function check(cond, msg) {
  if (!cond) throw new Error(`check failed: ${msg}`);
  ok(msg);
}

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run'];

/**
 * Chromium (CHROMIUM, default /usr/bin/chromium) at 1280x720 in a fresh profile, with {@code args} added to the
 * usual ones; close() closes it and deletes the profile.
 */
/** The console under test: BASE_URL without a trailing slash. */
export const BASE = (process.env.BASE_URL ?? 'http://127.0.0.1:8080').replace(/\/$/, '');

/** The browser's first tab, its page errors logged (an error in the app shows in the log even when no check fails). */
export async function firstPage(context) {
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => log(`page error: ${e.message}`));
  return page;
}

export async function launch({ args = [], profilePrefix = 'earpiece-chromium-' } = {}) {
  const profile = await mkdtemp(join(tmpdir(), profilePrefix));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [...ARGS, ...args],
    viewport: { width: 1280, height: 720 },
    deviceScaleFactor: 1,
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Runs axe-core (WCAG 2 A/AA rules) over the page as it is now and fails on any serious or critical violation,
 * naming each rule and its first elements; minor and moderate ones are logged.
 */
export async function accessible(page, label) {
  // Axe measures colours as they are at that instant: a card sliding in, or fading out (the live view fades tips
  // after a few seconds, so one may start while axe runs), is half transparent and reads as low contrast. With
  // reduced motion (the app honours it) every element is either shown fully or gone; the animations already
  // running are let finish first (endless ones, such as the ringing dot, are left running).
  await page.emulateMedia({ reducedMotion: 'reduce' });
  let result;
  try {
    await page.evaluate(() => Promise.all(document.getAnimations()
      .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
      .map((a) => a.finished.catch(() => {}))));
    const { AxeBuilder } = await import('@axe-core/playwright');
    result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  } finally {
    await page.emulateMedia({ reducedMotion: null });
  }
  const describe = (v) => `${v.id} [${v.impact}] ×${v.nodes.length}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`;
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of result.violations.filter((x) => !serious.includes(x))) log(`axe (${label}, not failing): ${describe(v)}`);
  check(serious.length === 0, `${label}: axe finds no serious or critical violations${serious.length
    ? ` — ${serious.map(describe).join('; ')}` : ''}`);
}

/** The page itself does not scroll sideways at the current viewport (wide tables scroll in their own box). */
export async function fitsTheScreen(page, label) {
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  const view = page.viewportSize().width;
  check(wide <= view, `${label}: the page is no wider than the screen (${wide} ≤ ${view} px)`);
}

/** The page's title names it, and it has exactly one h1. */
export async function titled(page, label, title) {
  await page.waitForFunction((t) => document.title.includes(t), title, { timeout: 10_000 });
  const h1 = await page.locator('h1').count();
  check(h1 === 1, `${label}: title "${await page.title()}" and one h1 (${h1})`);
}

/**
 * Fills the sign-in form that the page shows now (waiting for it) with {@code username} and {@code password},
 * by default E2E_USERNAME (else admin) and E2E_PASSWORD, and submits it; the caller waits for the page it expects.
 */
export async function signIn(page, username = process.env.E2E_USERNAME ?? 'admin', password = process.env.E2E_PASSWORD ?? '') {
  await page.locator('#username').waitFor({ timeout: 15_000 });
  await page.fill('#username', username);
  await page.fill('#password', password ?? '');
  await page.click('button[type=submit]');
}
