import { useEffect, useState } from 'react';
import { api } from '../api';
import { clock, who } from '../format';
import { href } from '../route';
import { useNotify } from '../toast';
import type { CallDetail, CallSummary } from '../types';

const KEYS: [string, string][] = [
  ['1', ''], ['2', 'ABC'], ['3', 'DEF'], ['4', 'GHI'], ['5', 'JKL'], ['6', 'MNO'],
  ['7', 'PQRS'], ['8', 'TUV'], ['9', 'WXYZ'], ['*', ''], ['0', '+'], ['#', ''],
];

interface Props {
  /** Whether the server offers a softphone (GET /api/softphone answered 200). */
  softphone: boolean;
  /** The call on screen, if any: the timer runs while it is live. */
  call: CallDetail | null;
  ended: boolean;
  onHold: boolean;
  incoming: CallSummary | null;
  onIgnoreIncoming: () => void;
}

/** Dial pad, call controls and timer; placing calls needs the Janus softphone, which is not there yet. */
export function Softphone({ softphone, call, ended, onHold, incoming, onIgnoreIncoming }: Props) {
  const notify = useNotify();
  const [number, setNumber] = useState('');
  const [now, setNow] = useState(() => Date.now());
  const live = call && !ended;

  useEffect(() => {
    if (!live) return;
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [live]);

  const elapsed = !call ? 0 : ended && call.durationMs != null ? call.durationMs : now - Date.parse(call.startedAt);
  const dial = async () => {
    try {
      await api.post('/api/softphone/calls', { to: number });
      notify(`Calling ${number}…`);
    } catch (e) {
      notify(`Could not call: ${e instanceof Error ? e.message : e}`, 'error');
    }
  };

  return (
    <section className="panel softphone" aria-label="Softphone">
      <div className="banner-area" aria-live="polite">
        {incoming ? (
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
          <div className="status-label">{live ? (onHold ? 'On hold' : 'In call') : ended && call ? 'Call ended' : 'Ready'}</div>
          <div className="status-peer">{call ? `${who(call.from)} → ${who(call.to)}` : 'No active call'}</div>
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
            onClick={() => setNumber((n) => n + k)}>
            <span className="digit">{k}</span>
            <span className="letters" aria-hidden="true">{letters || '\u00a0'}</span>
          </button>
        ))}
      </div>
      <button type="button" className="btn call-btn" disabled={!softphone || !number} onClick={dial}
        aria-describedby={softphone ? undefined : 'softphone-note'}>
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
          <path fill="currentColor" d="M6.6 10.8a15.1 15.1 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.25 11.4 11.4 0 0 0 3.6.57 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.57 3.57a1 1 0 0 1-.25 1z" />
        </svg>
        Call
      </button>
      {!softphone && <p className="note" id="softphone-note">Softphone via Janus: coming. Calls reach Earpiece through your SIP trunk meanwhile.</p>}
      <div className="controls" role="group" aria-label="Call controls">
        <button type="button" className="btn control" disabled={!softphone || !live} aria-pressed={false}>Mute</button>
        <button type="button" className="btn control" disabled={!softphone || !live} aria-pressed={onHold}>Hold</button>
        <button type="button" className="btn control hangup" disabled={!softphone || !live}>Hang up</button>
      </div>
    </section>
  );
}
