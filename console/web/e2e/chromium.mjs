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
