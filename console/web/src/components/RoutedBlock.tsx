import { useEffect, useState } from 'react';
import { api } from '../api';
import { CHANNELS, matchedPairs, statusText, type RoutedEntry } from '../routing';

/**
 * The call's routed entries: which rule matched, why (the values), to whom, and where delivery stands; an
 * escalation's reason first and marked. Polls while anything is still being sent.
 */
export function RoutedBlock({ callId }: { callId: string }) {
  const [entries, setEntries] = useState<RoutedEntry[] | null | undefined>(undefined);

  useEffect(() => {
    let cancelled = false;
    let timer: number | undefined;
    const load = () => api.get<RoutedEntry[]>(`/api/calls/${encodeURIComponent(callId)}/routing`).then((list) => {
      if (cancelled) return;
      setEntries(list);
      if (list.some((e) => e.status === 'pending')) timer = window.setTimeout(load, 3000);
    }, () => !cancelled && setEntries(null));
    void load();
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [callId]);

  if (entries === undefined || (entries && entries.length === 0)) return null;
  const escalations = entries ? Array.from(new Map(entries.filter((e) => e.escalation).map((e) => [e.rule, e])).values()) : [];
  return (
    <section className="panel routed" aria-label="Routed" data-testid="routed">
      <h2>Routed</h2>
      {entries === null && <p className="muted small">Routing status unavailable.</p>}
      {escalations.map((e) => (
        <p key={e.rule} className="escalation" data-testid="escalation">
          <strong>Escalated by “{e.rule}”:</strong> {e.reason}
        </p>
      ))}
      {entries && (
        <ul className="report-list">
          {entries.map((e, i) => (
            <li key={i} data-channel={e.channel} data-status={e.status}>
              <strong>{CHANNELS[e.channel] ?? e.channel}</strong> to {e.recipient}{' '}
              <span className={`chip ${e.status === 'delivered' || e.status === 'assigned' ? 'chip-positive'
                : e.status === 'failed' || e.status === 'not-sent' ? 'chip-negative' : ''}`}>{statusText(e)}</span>
              <p className="small muted">
                Rule “{e.rule}”{e.escalation ? ' (escalation)' : ''}:{' '}
                {matchedPairs(e.matched).map(([label, values]) => `${label} ${values}`).join('; ')}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
