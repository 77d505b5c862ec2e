import { clock, when, who } from '../format';
import { href } from '../route';
import type { CallSummary } from '../types';

/** Calls with the live ones first; a live call opens in the softphone view, an ended one on its call page. */
export function CallsList({ calls, selected, error, compact }: {
  calls: CallSummary[] | null;
  selected: string | null;
  error: string | null;
  compact?: boolean;
}) {
  const sorted = [...(calls ?? [])].sort((a, b) =>
    Number(b.status === 'ACTIVE') - Number(a.status === 'ACTIVE') || Date.parse(b.startedAt) - Date.parse(a.startedAt));
  const shown = compact ? sorted.slice(0, 8) : sorted;
  return (
    <section className="panel calls" aria-label="Calls">
      <h2>Calls</h2>
      {error && <p className="error" role="alert">{error}</p>}
      {calls && calls.length === 0 && <p className="muted">No calls yet.</p>}
      {!calls && !error && <p className="muted">Loading…</p>}
      <ul className="call-list">
        {shown.map((c) => {
          const active = c.status === 'ACTIVE';
          const to = active ? href({ page: 'phone', callId: c.id }) : href({ page: 'call', callId: c.id });
          return (
            <li key={c.id}>
              <a href={to} className={`call-row ${c.id === selected ? 'selected' : ''}`} data-call-id={c.id}
                aria-current={c.id === selected ? 'true' : undefined}>
                <span className={`badge ${active ? 'badge-live' : 'badge-ended'}`}>{active ? 'Live' : 'Ended'}</span>
                <span className="call-peer">{who(c.from)} → {who(c.to)}</span>
                <span className="call-meta">
                  {when(c.startedAt)}
                  {c.durationMs != null && ` · ${clock(c.durationMs)}`}
                  {` · ${c.segments} lines`}
                </span>
              </a>
            </li>
          );
        })}
      </ul>
      {compact && sorted.length > shown.length && <a className="more" href={href({ page: 'calls' })}>All calls →</a>}
    </section>
  );
}
