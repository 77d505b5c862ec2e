import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError, me, setUnauthorizedHandler } from './api';
import { fadeSeconds } from './cards';
import { AdminPage } from './components/AdminPage';
import { CallPage } from './components/CallPage';
import { CallLibrary } from './components/CallLibrary';
import { CallsList } from './components/CallsList';
import { TranscriptionBanner } from './components/TranscriptionBanner';
import { LiveSidebar } from './components/LiveSidebar';
import { SignIn } from './components/SignIn';
import { Softphone } from './components/Softphone';
import { UploadsPage } from './components/UploadsPage';
import { MeetingPage } from './components/MeetingPage';
import { when, who } from './format';
import { href, useRoute, type Route } from './route';
import { earpieceCallOf } from './softphoneCall';
import { ToastProvider } from './toast';
import type { CallSummary, ServerStatus, User } from './types';
import { useLiveCall } from './useLiveCall';
import { useSoftphone, type Softphone as SoftphoneState } from './useSoftphone';

const FADE_KEY = 'earpiece.fadeSeconds';

// ECharts is only loaded by those who see the dashboard.
const AnalyticsPage = lazy(() => import('./components/AnalyticsPage'));

type Auth = { state: 'checking' } | { state: 'signed-out' } | { state: 'in'; user: User | null };

function useCalls(enabled: boolean) {
  const [calls, setCalls] = useState<CallSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    const load = () => api.calls().then(
      (c) => { if (!cancelled) { setCalls(c); setError(null); } },
      (e) => !cancelled && setError(`Could not load calls: ${e.message ?? e}`));
    void load();
    const id = setInterval(load, 3000);
    return () => {
      cancelled = true;
      clearInterval(id);
    };
  }, [enabled]);
  return { calls, error };
}

/** What the server can do (GET /api/status), re-read each minute; null until known or on an older server. */
function useServerStatus(): ServerStatus | null {
  const [status, setStatus] = useState<ServerStatus | null>(null);
  useEffect(() => {
    let cancelled = false;
    const load = () => api.status().then((s) => !cancelled && setStatus(s), () => {});
    void load();
    const id = setInterval(load, 60_000);
    return () => {
      cancelled = true;
      clearInterval(id);
    };
  }, []);
  return status;
}

const TITLES: Record<string, string> = {
  phone: 'Softphone', calls: 'Calls', call: 'Call', uploads: 'Recorded calls', meeting: 'Invite to a meeting', admin: 'Admin',
  analytics: 'Analytics',
};

function PhonePage({ callId, calls, callsError, softphone, fadeMs, transcribing }: {
  callId: string | null; calls: CallSummary[] | null; callsError: string | null; softphone: SoftphoneState; fadeMs: number;
  transcribing: boolean;
}) {
  const live = useLiveCall(callId);
  useFollowSoftphoneCall(softphone, calls, callId);
  const [ignored, setIgnored] = useState<Set<string>>(() => new Set());
  const incoming = (calls ?? [])
    .filter((c) => c.status === 'ACTIVE' && c.id !== callId && !ignored.has(c.id))
    .sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt))[0] ?? null;
  const liveNow = (calls ?? []).filter((c) => c.status === 'ACTIVE').slice(0, 4);
  return (
    <main className={`phone-layout ${callId ? 'in-call' : 'idle'}`}>
      <h1 className="visually-hidden">Softphone</h1>
      <div className="phone-left">
        <Softphone softphone={softphone} call={live.detail} ended={live.ended} onHold={live.onHold} incoming={incoming}
          onIgnoreIncoming={() => incoming && setIgnored((s) => new Set(s).add(incoming.id))} />
        <CallsList calls={calls} selected={callId} error={callsError} compact />
      </div>
      {callId ? (
        <LiveSidebar callId={callId} live={live} fadeMs={fadeMs} transcribing={transcribing} />
      ) : (
        <section className="sidebar panel empty-sidebar" aria-label="Live transcript">
          <div className="empty-state">
            <div className="empty-icon" aria-hidden="true">
              <svg viewBox="0 0 48 48" width="48" height="48"><path d="M8 12h24v16H18l-6 6v-6H8z" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinejoin="round"/><path d="M36 18h4v14h-4v5l-5-5h-9" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinejoin="round"/></svg>
            </div>
            <h2>No call on screen</h2>
            <p>When a call is live, its transcript and whisper cards appear here. Pick a live call from the list
              {incoming ? ' or open the incoming one' : ''}.</p>
            {liveNow.length > 0 && (
              <ul className="live-now" aria-label="Live now">
                {liveNow.map((c) => (
                  <li key={c.id}>
                    <a className="live-now-row" href={href({ page: 'phone', callId: c.id })}>
                      <span className="badge badge-live">Live</span>
                      <span className="call-peer">{who(c.from)} → {who(c.to)}</span>
                      <span className="call-meta">since {when(c.startedAt)}</span>
                      <span className="go" aria-hidden="true">→</span>
                    </a>
                  </li>
                ))}
              </ul>
            )}
            <p className="muted small"><kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>Space</kbd> copies the newest tip during a call.</p>
          </div>
        </section>
      )}
    </main>
  );
}

/**
 * Puts the call that Earpiece's B2BUA made for the softphone's call on screen (its transcript and cards), once
 * per softphone call, as soon as it shows up in the calls list.
 */
function useFollowSoftphoneCall(softphone: SoftphoneState, calls: CallSummary[] | null, callId: string | null) {
  const followed = useRef<number | null>(null);
  const own = softphone.state === 'on' ? softphone.status.call : null;
  const me = softphone.state === 'on' ? softphone.config.username : '';
  useEffect(() => {
    if (!own || own.phase === 'incoming' || followed.current === own.since || !calls) return;
    const found = earpieceCallOf(calls, own, me);
    if (!found) return;
    followed.current = own.since;
    if (found.id !== callId) location.hash = href({ page: 'phone', callId: found.id });
  }, [own, me, calls, callId]);
}

function Shell({ user, onSignOut }: { user: User | null; onSignOut: () => void }) {
  const isAdmin = !user || user.roles.some((r) => /admin|manager/i.test(r));
  const isRealAdmin = !user || user.roles.some((r) => /^admin$/i.test(r));
  const asked = useRoute();
  // Home is the dashboard for managers and admins, the softphone for reps.
  const route: Route = asked.page === 'home' ? (isAdmin && user ? { page: 'analytics' } : { page: 'phone', callId: null })
    : asked;
  const { calls, error } = useCalls(true);
  const softphone = useSoftphone(true);
  const status = useServerStatus();
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => {
    document.title = `${TITLES[route.page] ?? 'Console'} · Earpiece`;
    setMenuOpen(false);
  }, [route]);
  const [saved, setSaved] = useState(() => localStorage.getItem(FADE_KEY));
  const fade = fadeSeconds(location.search, saved);
  const fromQuery = new URLSearchParams(location.search).has('fade');

  const nav: [string, string, boolean][] = [];
  if (isAdmin && user) nav.push(['Analytics', href({ page: 'analytics' }), route.page === 'analytics']);
  nav.push(
    ['Softphone', href({ page: 'phone', callId: null }), route.page === 'phone'],
    ['Calls', href({ page: 'calls' }), route.page === 'calls' || route.page === 'call'],
    ['Upload', href({ page: 'uploads' }), route.page === 'uploads'],
    ['Meeting', href({ page: 'meeting' }), route.page === 'meeting'],
  );
  if (isAdmin) nav.push(['Admin', href({ page: 'admin', section: isRealAdmin ? 'users' : 'playbooks' }), route.page === 'admin']);

  return (
    <div className="app">
      <a className="skip" href="#content">Skip to content</a>
      <header className="topbar">
        <a className="brand" href="#/"><span className="logo" aria-hidden="true" />Earpiece</a>
        {/* on a phone the links fold into a menu, so the bar never runs off the screen */}
        <button type="button" className="menu-button" aria-expanded={menuOpen} aria-controls="main-nav"
          onClick={() => setMenuOpen((o) => !o)}>
          <span aria-hidden="true">☰</span> Menu
        </button>
        <nav aria-label="Main" id="main-nav" className={menuOpen ? 'open' : undefined}>
          {nav.map(([label, to, current]) => (
            <a key={label} href={to} aria-current={current ? 'page' : undefined}>{label}</a>
          ))}
        </nav>
        <div className="topbar-right">
          <label className="fade-setting" title={fromQuery ? 'Set by ?fade= in the address' : 'Seconds before a card fades'}>
            <span>Tips fade after</span>
            <input type="number" min={2} max={120} value={fade} disabled={fromQuery}
              onChange={(e) => { localStorage.setItem(FADE_KEY, e.target.value); setSaved(e.target.value); }} />
            <span>s</span>
          </label>
          {user ? (
            <div className="user">
              <span className="avatar" aria-hidden="true">{user.username.slice(0, 1).toUpperCase()}</span>
              <span className="user-name">{user.username}{user.team ? <span className="muted"> · {user.team}</span> : null}</span>
              <button type="button" className="btn small ghost on-dark" onClick={onSignOut}>Sign out</button>
            </div>
          ) : (
            <span className="open-mode" title="The server has no sign-in configured">Open access</span>
          )}
        </div>
      </header>
      {status && <TranscriptionBanner status={status.transcription} admin={isRealAdmin} />}
      <div id="content" className="content">
        {route.page === 'phone' && (
          <PhonePage callId={route.callId} calls={calls} callsError={error} softphone={softphone} fadeMs={fade * 1000}
            transcribing={status?.transcription.live ?? true} />
        )}
        {route.page === 'calls' && <CallLibrary query={route.query ?? ''} />}
        {route.page === 'call' && <CallPage callId={route.callId} transcribing={status?.transcription.live ?? true} />}
        {route.page === 'uploads' && <UploadsPage transcription={status?.transcription ?? null} />}
        {route.page === 'meeting' && <MeetingPage isAdmin={isRealAdmin} />}
        {route.page === 'admin' && <AdminPage section={route.section} user={user} />}
        {route.page === 'analytics' && (
          <Suspense fallback={<main className="page"><p className="muted">Loading…</p></main>}>
            <AnalyticsPage query={route.query ?? ''} />
          </Suspense>
        )}
      </div>
    </div>
  );
}

/** The console: signs in when the server asks for it, then the softphone, calls and admin pages. */
export function App() {
  const [auth, setAuth] = useState<Auth>({ state: 'checking' });

  const check = useCallback(() => {
    me().then(
      (user) => setAuth({ state: 'in', user }),
      (e) => setAuth(e instanceof ApiError && e.status === 401 ? { state: 'signed-out' } : { state: 'in', user: null }),
    );
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => setAuth({ state: 'signed-out' }));
    check();
  }, [check]);

  const signOut = async () => {
    try {
      await api.logout();
    } finally {
      setAuth({ state: 'signed-out' });
    }
  };

  return (
    <ToastProvider>
      {auth.state === 'checking' && <div className="loading" aria-busy="true">Loading…</div>}
      {auth.state === 'signed-out' && <SignIn onSignedIn={(user) => setAuth({ state: 'in', user })} />}
      {auth.state === 'in' && <Shell user={auth.user} onSignOut={signOut} />}
    </ToastProvider>
  );
}
