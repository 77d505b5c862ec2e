// The console as a rep opens it on a server with HTTPS on (run by HttpsBrowserIT): the plain-HTTP address is
// redirected to HTTPS, the page is a secure context (the softphone's microphone needs one), the sign-in cookie is
// Secure and HttpOnly, and the live events come over wss://.
// Env: HTTP_URL (the plain-HTTP redirect address), HTTPS_URL, SPKI (base64 SHA-256 of the server certificate's
// public key: Chromium trusts that certificate and no other), E2E_USERNAME/E2E_PASSWORD, CHROMIUM.
import { check, firstPage, launch, log, signIn } from './chromium.mjs';

const HTTP = process.env.HTTP_URL.replace(/\/$/, '');
const HTTPS = process.env.HTTPS_URL.replace(/\/$/, '');

async function main() {
  // Pinning the test certificate's key, rather than ignoring certificate errors, keeps the check honest: a server
  // showing any other certificate fails to load.
  const { context, close } = await launch({ args: [`--ignore-certificate-errors-spki-list=${process.env.SPKI}`] });
  try {
    const page = await firstPage(context);
    const sockets = [];
    page.on('websocket', (ws) => sockets.push(ws));
    const secureSocket = page.waitForEvent('websocket',
      { predicate: (ws) => ws.url().startsWith('wss://'), timeout: 30_000 }).catch(() => null);

    const response = await page.goto(`${HTTP}/#/`);
    check(page.url().startsWith(`${HTTPS}/`), `the plain-HTTP address lands on HTTPS (${page.url()})`);
    check(response !== null && response.ok(), `the console page loads over HTTPS (${response?.status()})`);
    const hsts = (await response.allHeaders())['strict-transport-security'] ?? '';
    check(/max-age=\d+/.test(hsts), `the page carries HSTS ("${hsts}")`);
    check(await page.evaluate(() => window.isSecureContext), 'the page is a secure context');
    check(await page.evaluate(() => typeof navigator.mediaDevices?.getUserMedia === 'function'),
      'the microphone API the softphone needs is available');

    await signIn(page);
    await page.locator('#username').waitFor({ state: 'detached', timeout: 15_000 });
    const cookies = (await context.cookies(HTTPS)).filter((c) => c.httpOnly);
    check(cookies.length > 0, `a sign-in cookie is set (${cookies.map((c) => c.name).join(', ')})`);
    check(cookies.every((c) => c.secure), 'every HttpOnly cookie is Secure');

    // A live call's page opens its events socket; the address the page builds must follow the page to wss://.
    await page.goto(`${HTTPS}/#/live/00000000-0000-4000-8000-000000000000`);
    const wss = await secureSocket;
    check(wss !== null, `the live events socket uses wss:// (${sockets.map((ws) => ws.url()).join(', ') || 'none opened'})`);
    check(!sockets.some((ws) => ws.url().startsWith('ws://')), 'no socket is opened in the clear');
    log('all checks passed');
  } finally {
    await close();
  }
}

main().catch((e) => {
  console.error(e.stack ?? String(e));
  process.exit(1);
});
