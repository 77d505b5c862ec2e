import { useEffect, useRef, useState } from 'react';
import { clock, who } from '../format';
import { href } from '../route';
import { useNotify } from '../toast';
import type { CallPhase } from '../sipphone';
import type { CallDetail, CallSummary } from '../types';
import type { Softphone as SoftphoneState } from '../useSoftphone';

const KEYS: [string, string][] = [
  ['1', ''], ['2', 'ABC'], ['3', 'DEF'], ['4', 'GHI'], ['5', 'JKL'], ['6', 'MNO'],
  ['7', 'PQRS'], ['8', 'TUV'], ['9', 'WXYZ'], ['*', ''], ['0', '+'], ['#', ''],
];

interface Props {
  /** The rep's Janus softphone, or why there is none. */
  softphone: SoftphoneState;
  /** The call on screen, if any: the timer runs while it is live. */
  call: CallDetail | null;
  ended: boolean;
  onHold: boolean;
  incoming: CallSummary | null;
  onIgnoreIncoming: () => void;
}

const PHASE: Record<CallPhase, string> = { calling: 'Calling…', ringing: 'Ringing…', incoming: 'Incoming call', incall: 'In call' };

function registrationText(s: SoftphoneState): string {
  if (s.state === 'loading') return 'Softphone: loading…';
  if (s.state === 'off') return s.reason;
  switch (s.status.registration) {
    case 'connecting':
      return 'Softphone: connecting to Janus…';
    case 'registering':
      return `Softphone: registering ${s.config.username}…`;
    case 'registered':
      return `Softphone ready: ${s.config.username}`;
    case 'failed':
      return s.status.message ?? 'Softphone: registration failed';
    case 'stopped':
      return 'Softphone stopped';
  }
}

/** Dial pad, call controls and timer; calls go out and come in through the rep's Janus softphone when there is one. */
export function Softphone({ softphone, call, ended, onHold, incoming, onIgnoreIncoming }: Props) {
  const notify = useNotify();
  const [number, setNumber] = useState('');
  const [now, setNow] = useState(() => Date.now());
  const speaker = useRef<HTMLAudioElement>(null);
  const phone = softphone.state === 'on' ? softphone.phone : null;
  const status = softphone.state === 'on' ? softphone.status : null;
  const own = status?.call ?? null;
  const ready = status?.registration === 'registered';
  const live = (call && !ended) || own?.phase === 'incall';

  useEffect(() => {
    phone?.setSpeaker(speaker.current);
    return () => phone?.setSpeaker(null);
  }, [phone]);

  const lastMessage = useRef<string | null>(null);
  useEffect(() => {
    const m = status?.message ?? null;
    if (m && m !== lastMessage.current && status?.registration === 'registered') notify(m, 'error');
    lastMessage.current = m;
  }, [status, notify]);

  useEffect(() => {
    if (!live && !own) return;
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [live, own]);

  const elapsed = own?.phase === 'incall' ? now - own.since
    : !call ? 0 : ended && call.durationMs != null ? call.durationMs : now - Date.parse(call.startedAt);
  const act = (what: string, f: () => Promise<void> | void) => async () => {
    try {
      await f();
    } catch (e) {
      notify(`Could not ${what}: ${e instanceof Error ? e.message : e}`, 'error');
    }
  };
  const dial = act('call', async () => {
    await phone?.call(number);
    notify(`Calling ${number}…`);
  });
  const press = (k: string) => {
    if (own?.phase === 'incall') phone?.dtmf(k);
    setNumber((n) => n + k);
  };
  const statusLabel = own ? (own.held ? 'On hold' : PHASE[own.phase])
    : live ? (onHold ? 'On hold' : 'In call') : ended && call ? 'Call ended' : 'Ready';
  const peer = own ? `${own.direction === 'out' ? 'To' : 'From'} ${own.peer}`
    : call ? `${who(call.from)} → ${who(call.to)}` : 'No active call';

  return (
    <section className="panel softphone" aria-label="Softphone" data-testid="softphone"
      data-registration={status?.registration ?? softphone.state} data-phase={own?.phase ?? 'idle'}>
      <audio ref={speaker} autoPlay data-testid="speaker" />
      <div className="banner-area" aria-live="polite">
        {own?.phase === 'incoming' ? (
          <div className="incoming" data-testid="incoming-softphone">
            <span className="ring" aria-hidden="true" />
            <div className="incoming-text">
              <strong>Incoming call</strong>
              <span>{own.peer}</span>
            </div>
            <button type="button" className="btn small accept" onClick={act('answer', () => phone?.accept())}>Answer</button>
            <button type="button" className="btn small ghost" onClick={act('decline', () => phone?.decline())}>Decline</button>
          </div>
        ) : incoming && !own ? (
          <div className="incoming" data-testid="incoming">
            <span className="ring" aria-hidden="true" />
            <div className="incoming-text">
              <strong>Incoming call</strong>
              <span>{who(incoming.from)} → {who(incoming.to)}</span>
            </div>
            <a className="btn small accept" href={href({ page: 'phone', callId: incoming.id })}>Open</a>
            <button type="button" className="btn small ghost" onClick={onIgnoreIncoming}>Ignore</button>
          </div>
        ) : (
          <div className="no-incoming">No incoming calls</div>
        )}
      </div>

      <div className="call-status">
        <div>
          <div className="status-label" data-testid="call-state">{statusLabel}</div>
          <div className="status-peer">{peer}</div>
        </div>
        <time className={`timer ${live ? 'running' : ''}`} aria-label="Call time" data-testid="timer">{clock(elapsed)}</time>
      </div>

      <label className="sr-only" htmlFor="dial-number">Number to call</label>
      <div className="number-row">
        <input id="dial-number" className="number" type="tel" inputMode="tel" autoComplete="off"
          placeholder="Enter a number" value={number}
          onChange={(e) => setNumber(e.target.value.replace(/[^0-9*#+]/g, ''))} />
        <button type="button" className="icon erase" aria-label="Delete last digit" disabled={!number}
          onClick={() => setNumber((n) => n.slice(0, -1))}>⌫</button>
      </div>
      <div className="dialpad" role="group" aria-label="Dial pad">
        {KEYS.map(([k, letters]) => (
          <button key={k} type="button" className="key" aria-label={k}
            onClick={() => press(k)}>
            <span className="digit">{k}</span>
            <span className="letters" aria-hidden="true">{letters || '\u00a0'}</span>
          </button>
        ))}
      </div>
      <button type="button" className="btn call-btn" disabled={!ready || !number || !!own} onClick={dial}
        aria-describedby="softphone-note">
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
          <path fill="currentColor" d="M6.6 10.8a15.1 15.1 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.25 11.4 11.4 0 0 0 3.6.57 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.57 3.57a1 1 0 0 1-.25 1z" />
        </svg>
        Call
      </button>
      <p className={`note ${ready ? 'ok' : ''}`} id="softphone-note" data-testid="softphone-note">{registrationText(softphone)}</p>
      <div className="controls" role="group" aria-label="Call controls">
        <button type="button" className="btn control" disabled={own?.phase !== 'incall'} aria-pressed={!!own?.muted}
          onClick={act('mute', () => phone?.mute(!own?.muted))}>{own?.muted ? 'Unmute' : 'Mute'}</button>
        <button type="button" className="btn control" disabled={own?.phase !== 'incall'} aria-pressed={!!own?.held}
          onClick={act('hold', () => phone?.hold(!own?.held))}>{own?.held ? 'Resume' : 'Hold'}</button>
        <button type="button" className="btn control hangup" disabled={!own}
          onClick={act('hang up', () => phone?.hangup())}>Hang up</button>
      </div>
    </section>
  );
}
