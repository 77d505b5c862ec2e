// Drives the console in headless Chromium through one live call (placed by ConsoleBrowserIT with sipp).
// Env: BASE_URL, CALL (call id), FADE_S (card fade seconds, default 4), OUT_DIR (screenshots),
// DOCS_DIR (optional: where the idle/live/call screenshots are copied), E2E_USERNAME/E2E_PASSWORD (if sign-in is on),
// CHROMIUM (default /usr/bin/chromium). Prints "OK ..." per check and USED_CARD=<id>; exits 0 when all pass.
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { accessible, BASE, check, launch, log, ok, signIn, titled } from './chromium.mjs';

const CALL = process.env.CALL;
const FADE_S = Number(process.env.FADE_S ?? 4);
const OUT = process.env.OUT_DIR ?? 'target/browser';
const DOCS = process.env.DOCS_DIR;

if (!CALL) {
  console.error('CALL (the live call id) is required');
  process.exit(2);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Relative luminance contrast of two CSS rgb() colours. */
function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = c.match(/[\d.]+/g).slice(0, 3).map(Number).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

async function shot(page, name, opts = {}) {
  const file = join(OUT, name);
  await page.screenshot({ path: file, animations: 'disabled', caret: 'hide', ...opts });
  log(`screenshot ${file}`);
  return file;
}

async function signInIfAsked(page) {
  const me = await page.request.get(`${BASE}/api/auth/me`);
  if (me.status() === 404) {
    ok('server has no sign-in (GET /api/auth/me is 404): open mode');
    return;
  }
  if (me.status() === 200) return;
  await signIn(page);
  await page.locator('.topbar').waitFor({ timeout: 15_000 });
  ok('signed in');
}

async function finalKeys(page) {
  return page.$$eval('.sidebar [data-key][data-final=true]', (els) => els.map((e) => e.getAttribute('data-key')));
}

async function noHorizontalOverflow(page, label) {
  const { sw, w } = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, w: innerWidth }));
  check(sw <= w + 1, `${label}: no horizontal scrolling (${sw} <= ${w})`);
}

async function main() {
  await mkdir(OUT, { recursive: true });
  const { context, close } = await launch();
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE });
    // Lets the test reach the page's sockets (to drop one) and watch each card's life on screen.
    await context.addInitScript(() => {
      const Native = window.WebSocket;
      window.__sockets = [];
      window.WebSocket = class extends Native {
        constructor(...a) {
          super(...a);
          window.__sockets.push(this);
        }
      };
      window.__cardLife = {};
      new MutationObserver(() => {
        const now = performance.now();
        const seen = new Set();
        for (const el of document.querySelectorAll('.card-stack [data-card-id]')) {
          const id = el.getAttribute('data-card-id');
          seen.add(id);
          window.__cardLife[id] ??= { shown: now, gone: null, held: false };
        }
        for (const [id, life] of Object.entries(window.__cardLife)) {
          if (!seen.has(id) && life.gone === null) life.gone = now;
        }
      }).observe(document, { subtree: true, childList: true });
    });
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (m) => m.type() === 'error' && log(`browser console: ${m.text()}`));
    page.on('pageerror', (e) => log(`page error: ${e.message}`));

    await page.goto(`${BASE}/?fade=${FADE_S}#/phone`); // "#/" is the analytics home for an admin
    await signInIfAsked(page);

    // Idle softphone: dial pad, the call list with our call live, the incoming-call banner.
    const row = page.locator(`.call-row[data-call-id="${CALL}"]`);
    await row.waitFor({ timeout: 20_000 });
    await page.locator('.incoming').waitFor({ timeout: 10_000 });
    check(await page.locator('.call-btn').isDisabled(), 'call button disabled without a softphone');
    await page.mouse.move(5, 5);
    await shot(page, 'console-idle.png');
    await noHorizontalOverflow(page, '1280x720 idle');
    await titled(page, 'softphone', 'Softphone');
    await accessible(page, 'softphone, idle');

    // Keyboard: the dial pad is reachable with Tab and shows a visible focus ring.
    await page.locator('#dial-number').focus();
    for (let i = 0; i < 3 && (await page.evaluate(() => document.activeElement.getAttribute('aria-label'))) !== '1'; i++) {
      await page.keyboard.press('Tab');
    }
    const focus = await page.evaluate(() => {
      const el = document.activeElement;
      const s = getComputedStyle(el);
      return { label: el.getAttribute('aria-label'), outline: s.outlineStyle, width: parseFloat(s.outlineWidth) };
    });
    check(focus.label === '1' && focus.outline !== 'none' && focus.width >= 2,
      `Tab reaches the dial pad with a visible focus ring (${JSON.stringify(focus)})`);
    await page.keyboard.press('Enter');
    check((await page.inputValue('#dial-number')) === '1', 'dial pad key works from the keyboard');
    await page.click('[aria-label="Delete last digit"]');

    await row.click();
    await page.waitForURL(`**#/live/${CALL}`);
    await page.locator('.sidebar [data-party=rep][data-final=true]').first().waitFor({ timeout: 40_000 });
    await page.locator('.sidebar [data-party=customer][data-final=true]').first().waitFor({ timeout: 40_000 });
    ok('transcript shows final lines from both parties');
    check(await page.getByTestId('copy-hint').isVisible(), 'the Ctrl+Shift+Space hint is on screen during the call');

    const colours = await page.evaluate(() => {
      const pick = (sel) => {
        const el = document.querySelector(sel);
        const text = el.querySelector('.line-text');
        return { fg: getComputedStyle(text).color, bg: getComputedStyle(el).backgroundColor,
          who: getComputedStyle(el.querySelector('.who')).color };
      };
      return { rep: pick('.line-rep'), customer: pick('.line-customer') };
    });
    for (const party of ['rep', 'customer']) {
      const c = colours[party];
      check(contrast(c.fg, c.bg) >= 7 && contrast(c.who, c.bg) >= 4.5,
        `${party} lines have enough contrast (text ${contrast(c.fg, c.bg).toFixed(1)}:1, label ${contrast(c.who, c.bg).toFixed(1)}:1)`);
    }
    check(colours.rep.bg !== colours.customer.bg, 'rep and customer lines are styled differently');

    // The first whisper card: hover it, so it must outlive its fade time.
    await page.locator('.card-stack [data-card-id]').first().waitFor({ timeout: 60_000 });
    const cardId = await page.locator('.card-stack [data-card-id]').first().getAttribute('data-card-id');
    const card = page.locator(`.card-stack [data-card-id="${cardId}"]`);
    await card.hover();
    await page.evaluate((id) => { window.__cardLife[id].held = true; }, cardId);
    ok(`card ${cardId} shown: "${await card.locator('h3').innerText()}"`);

    // Ctrl+Shift+Space copies the newest card's tip.
    const before = await page.getAttribute('.sidebar', 'data-newest-card');
    await page.keyboard.press('Control+Shift+Space');
    await page.locator('[data-testid=toast]', { hasText: 'Tip copied' }).waitFor({ timeout: 5_000 });
    const clip = await page.evaluate(() => navigator.clipboard.readText());
    const after = await page.getAttribute('.sidebar', 'data-newest-card');
    const detail = await (await page.request.get(`${BASE}/api/calls/${CALL}`)).json();
    const bodies = detail.cards.filter((c) => [before, after].includes(String(c.id))).map((c) => c.body);
    check(clip.length > 0 && bodies.includes(clip), `Ctrl+Shift+Space put the newest tip on the clipboard ("${clip}")`);

    await sleep(FADE_S * 1000 + 1500);
    await page.evaluate(() => document.querySelector('.phone-left').scrollTo(0, 0));
    check((await card.getAttribute('data-phase')) === 'shown', `hovered card still shown after ${FADE_S + 1.5} s`);
    await shot(page, 'console-live.png');
    await accessible(page, 'live call');

    await card.locator('[data-action=used]').click();
    await card.waitFor({ state: 'detached', timeout: 5_000 });
    console.log(`USED_CARD=${cardId}`);
    ok(`card ${cardId} marked used`);
    await page.mouse.move(5, 5);

    // Drop the socket mid-call while the network is down, then come back: nothing lost, nothing twice.
    const keysBefore = new Set(await finalKeys(page));
    await context.setOffline(true);
    await page.evaluate(() => window.__sockets.at(-1).close());
    await page.locator('[data-testid=socket-state][data-state=waiting]').waitFor({ timeout: 5_000 });
    ok(`socket dropped with ${keysBefore.size} final lines on screen`);
    // Stay offline until the server stored a final we have not seen: the replay must bring it back.
    const stored = async () => (await (await page.request.get(`${BASE}/api/calls/${CALL}`)).json()).segments
      .map((x) => `${x.party}:${x.index}`);
    const until = Date.now() + 20_000;
    let missed = [];
    await sleep(2_000);
    while (Date.now() < until && (missed = (await stored()).filter((k) => !keysBefore.has(k))).length === 0) {
      await sleep(250);
    }
    log(`finals stored while the socket was down: ${missed.join(', ') || 'none'}`);
    await context.setOffline(false);
    await page.locator('[data-testid=socket-state]:is([data-state=live],[data-state=ended])').waitFor({ timeout: 15_000 });
    const reconnects = Number(await page.getAttribute('[data-testid=socket-state]', 'data-reconnects'));
    check(reconnects >= 1, `socket reconnected (${reconnects} reconnect(s))`);
    await page.waitForFunction((keys) => keys.every((k) =>
      document.querySelector(`.sidebar [data-key="${k}"][data-final=true]`)), missed, { timeout: 5_000 });
    check(missed.length > 0, `the ${missed.length} final(s) missed while offline came back with the replay`);
    const afterKeys = await finalKeys(page);
    check(new Set(afterKeys).size === afterKeys.length, `no duplicated lines right after the reconnect (${afterKeys.length})`);

    // Narrow (phone) width, while the call is still live.
    const narrow = await context.newPage();
    await narrow.setViewportSize({ width: 390, height: 844 });
    await narrow.goto(`${BASE}/?fade=${FADE_S}#/live/${CALL}`);
    await narrow.locator('.sidebar [data-final=true]').first().waitFor({ timeout: 15_000 });
    await noHorizontalOverflow(narrow, '390px live');
    const sidebarFirst = await narrow.evaluate(() => {
      const s = document.querySelector('.sidebar').getBoundingClientRect();
      const p = document.querySelector('.softphone').getBoundingClientRect();
      return s.top < p.top;
    });
    check(sidebarFirst, '390px: the live transcript comes before the dial pad');
    check(await narrow.getByTestId('copy-hint').isVisible(), '390px: the Ctrl+Shift+Space hint stays on screen');
    check(await narrow.getByRole('button', { name: 'Menu' }).isVisible(), '390px: the navigation is a menu');
    await accessible(narrow, '390px live call');
    await shot(narrow, 'console-narrow.png');
    await narrow.close();

    // The end of the call, then the transcript must match the database exactly.
    await page.locator('[data-testid=socket-state][data-state=ended]').waitFor({ timeout: 90_000 });
    ok('call ended');
    await sleep(500);
    const final = await (await page.request.get(`${BASE}/api/calls/${CALL}`)).json();
    const expected = final.segments.map((s) => `${s.party}:${s.index}`).sort();
    const shown = (await finalKeys(page)).sort();
    check(new Set(shown).size === shown.length, `no duplicated lines (${shown.length} lines)`);
    check(JSON.stringify(shown) === JSON.stringify(expected),
      `transcript equals the stored one after the reconnect (${expected.length} segments, ${expected.filter((k) => !keysBefore.has(k)).length} arrived after the drop)`);
    check(await page.locator('.sidebar [data-final=false]').count() === 0, 'no partial lines left');

    const lives = await page.evaluate(() => window.__cardLife);
    const faded = Object.entries(lives).filter(([, l]) => !l.held && l.gone !== null)
      .map(([id, l]) => [id, (l.gone - l.shown) / 1000]);
    check(faded.length > 0 && faded.every(([, s]) => s >= FADE_S - 0.5 && s <= FADE_S + 2),
      `unhovered cards faded after about ${FADE_S} s (${faded.map(([id, s]) => `#${id}: ${s.toFixed(1)} s`).join(', ')})`);

    // The call page: one player for the whole call, transcript with cards at their moments.
    await page.click('text=Open call page');
    await page.locator('[data-testid=call-page]').waitFor({ timeout: 10_000 });
    const players = await page.locator('audio[aria-label="Whole call recording"]').count();
    check(players === 1, `one player for the whole call of ${final.parties.length} parties`);
    await page.locator('.transcript-panel [data-final=true]').first().waitFor();
    const moments = await page.locator('.transcript-panel [data-card-moment]').count();
    check(moments === final.cards.length, `${moments} cards shown at their moments`);
    await page.locator('[data-testid=summary] h2').first().waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-testid=summary]').textContent.includes('Loading'));
    await page.waitForFunction(() => [...document.querySelectorAll('audio')].every((a) => a.readyState >= 1 && a.duration > 0),
      null, { timeout: 15_000 });
    ok('recordings load in the players');
    await page.mouse.move(5, 5);
    await shot(page, 'console-call.png', { fullPage: true });
    await noHorizontalOverflow(page, '1280x720 call page');
    await accessible(page, 'call page');

    await page.setViewportSize({ width: 390, height: 844 });
    await noHorizontalOverflow(page, '390px call page');
    await shot(page, 'console-call-narrow.png');

    if (DOCS) {
      await mkdir(DOCS, { recursive: true });
      for (const f of ['console-idle.png', 'console-live.png', 'console-call.png']) {
        await copyFile(join(OUT, f), join(DOCS, f));
      }
      log(`copied screenshots to ${DOCS}`);
    }
    log('all checks passed');
  } catch (e) {
    const page = context.pages()[0];
    if (page) await page.screenshot({ path: join(OUT, 'failure.png'), fullPage: true }).catch(() => {});
    throw e;
  } finally {
    await close();
  }
}

main().then(() => process.exit(0), (e) => {
  console.error(e?.stack ?? String(e));
  process.exit(1);
});
