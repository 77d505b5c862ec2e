import { useEffect, useMemo, useState } from 'react';
import { api, optional } from '../api';
import { clock, partyName, when, who } from '../format';
import { href } from '../route';
import { orderedLines, transcriptReducer, emptyTranscript } from '../transcript';
import type { CallDetail } from '../types';
import { SummaryValue } from './Summary';
import { TranscriptView } from './TranscriptView';

/** After the call: recordings per party, the transcript with cards at their moments, and the summary if any. */
export function CallPage({ callId }: { callId: string }) {
  const [call, setCall] = useState<CallDetail | null>(null);
  const [summary, setSummary] = useState<unknown>(undefined);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    setCall(null);
    setSummary(undefined);
    setError(null);
    api.call(callId).then((c) => !cancelled && setCall(c), (e) => !cancelled && setError(String(e.message ?? e)));
    optional<unknown>(`/api/calls/${encodeURIComponent(callId)}/summary`).then(
      (s) => !cancelled && setSummary(s), () => !cancelled && setSummary(null));
    return () => {
      cancelled = true;
    };
  }, [callId]);

  const lines = useMemo(() => orderedLines(
    transcriptReducer(emptyTranscript, { type: 'snapshot', segments: call?.segments ?? [] })), [call]);

  if (error) return <main className="page"><p className="error" role="alert">{error}</p></main>;
  if (!call) return <main className="page"><p className="muted">Loading call…</p></main>;

  const used = call.cards.filter((c) => c.feedback === 'used').length;
  return (
    <main className="page call-page" data-testid="call-page">
      <div className="page-head">
        <div>
          <a className="back" href={href({ page: 'calls' })}>← Calls</a>
          <h1>{who(call.from)} → {who(call.to)}</h1>
          <p className="sub">
            {when(call.startedAt)} · {call.durationMs != null ? clock(call.durationMs) : 'in progress'}
            {call.endReason ? ` · ${call.endReason.toLowerCase().replace(/_/g, ' ')}` : ''}
          </p>
        </div>
        <div className="stats">
          <div><strong>{call.segments.length}</strong><span>lines</span></div>
          <div><strong>{call.cards.length}</strong><span>tips</span></div>
          <div><strong>{used}</strong><span>used</span></div>
        </div>
        {call.status === 'ACTIVE' && (
          <a className="btn primary" href={href({ page: 'phone', callId })}>Open live view</a>
        )}
      </div>
      <div className="call-grid">
        <div className="call-side">
          <section className="panel" aria-label="Recordings">
            <h2>Recordings</h2>
            {call.parties.length === 0 && <p className="muted">No recordings.</p>}
            {call.parties.map((p) => (
              <div key={p.party} className={`player player-${p.party}`}>
                <span className="who">{partyName(p.party)}</span>
                <audio controls preload="metadata" src={p.recordingUrl} aria-label={`${partyName(p.party)} recording`} />
              </div>
            ))}
          </section>
          <section className="panel summary" aria-label="Summary" data-testid="summary">
            <h2>Summary</h2>
            {summary === undefined && <p className="muted">Loading…</p>}
            {summary === null && <p className="muted">No summary for this call yet.</p>}
            {summary != null && <SummaryValue value={summary} />}
          </section>
        </div>
        <section className="panel transcript-panel" aria-label="Transcript">
          <h2>Transcript</h2>
          <TranscriptView lines={lines} cards={call.cards} insights={call.insights} follow={false}
            label="Call transcript" empty="Nothing was transcribed." />
        </section>
      </div>
    </main>
  );
}
