import { useState, type ReactNode } from 'react';
import { api } from '../api';
import { partyName, when } from '../format';
import { dueState, sentimentText } from '../report';
import type { ActionItem, CallExport, CallSummaryReport } from '../types';

const today = () => new Date().toISOString().slice(0, 10);
const words = (s: string) => s.replace(/_/g, ' ');

/** Type, priority and sentiment of the call as chips under the headline. */
export function SummaryChips({ summary }: { summary: CallSummaryReport }) {
  return (
    <ul className="chips" aria-label="Call type, priority and sentiment">
      {summary.type && <li className="chip chip-type">Type: {words(summary.type)}</li>}
      {summary.priority && <li className={`chip chip-priority-${summary.priority}`}>Priority: {summary.priority}</li>}
      {summary.sentiment && (
        <li className={`chip chip-${summary.sentiment.label}`}>
          Sentiment: {sentimentText(summary.sentiment.label, summary.sentiment.overall)}
        </li>
      )}
    </ul>
  );
}

/** Action items as a checklist: owner, what, due; a tick is stored for everyone who opens the call. */
export function ActionItems({ callId, items, onChange }: {
  callId: string; items: ActionItem[]; onChange: (items: ActionItem[]) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const mark = async (item: ActionItem, done: boolean) => {
    setBusy(item.seq);
    setError(null);
    try {
      const saved = await api.put<ActionItem>(
        `/api/calls/${encodeURIComponent(callId)}/action-items/${item.seq}`, { done });
      onChange(items.map((i) => (i.seq === saved.seq ? saved : i)));
    } catch (e) {
      setError(`Not saved: ${(e as Error).message ?? e}`);
    } finally {
      setBusy(null);
    }
  };
  const t = today();
  return (
    <section className="panel" aria-label="Action items" data-testid="action-items">
      <h2>Action items</h2>
      {items.length === 0 && <p className="muted">No action items.</p>}
      <ul className="checklist">
        {items.map((item) => {
          const state = dueState(item, t);
          return (
            <li key={item.seq} className={`check-${state}`}>
              <label>
                <input type="checkbox" checked={item.done} disabled={busy === item.seq}
                  onChange={(e) => void mark(item, e.target.checked)} data-action-item={item.seq} />
                <span className="what">{item.what}</span>
              </label>
              <span className="small muted">
                {words(item.owner)}
                {item.dueDate ? ` · due ${item.dueDate}` : item.due ? ` · ${item.due}` : ''}
                {item.assignee ? ` · assigned to ${item.assignee}` : ''}
                {state === 'overdue' && <strong className="overdue"> · overdue</strong>}
                {item.done && item.doneBy ? ` · done by ${item.doneBy}` : ''}
              </span>
            </li>
          );
        })}
      </ul>
      {error && <p className="error" role="alert">{error}</p>}
    </section>
  );
}

/**
 * A titled panel listing a summary's items, or "No …" when there are none: the objections and the questions read
 * alike, so they share this frame and differ only in how one item is drawn.
 */
function ReportList<T>({ title, testId, items, render }: {
  title: string; testId: string; items: T[]; render: (item: T) => ReactNode;
}) {
  return (
    <section className="panel" aria-label={title} data-testid={testId}>
      <h2>{title}</h2>
      {items.length === 0 && <p className="muted">No {title.toLowerCase()}.</p>}
      <ul className="report-list">
        {items.map((item, i) => <li key={i}>{render(item)}</li>)}
      </ul>
    </section>
  );
}

/** Each objection with who raised it, what they said and how the rep answered it. */
export function Objections({ items }: { items: CallSummaryReport['objections'] }) {
  return (
    <ReportList title="Objections" testId="objections" items={items} render={(o) => (
      <>
        <span className="muted small" data-testid="objection-by">{partyName(o.by ?? 'customer')} · </span>
        <span className={`chip ${o.answered ? 'chip-positive' : 'chip-negative'}`}>{words(o.kind)}</span>
        <blockquote>{o.said}</blockquote>
        <p className="small">{o.answered ? <>Handled: {o.response}</> : <strong>Not answered</strong>}</p>
      </>
    )} />
  );
}

/** The questions asked, by whom, and the answer given. */
export function Questions({ items }: { items: CallSummaryReport['questions'] }) {
  return (
    <ReportList title="Questions" testId="questions" items={items} render={(q) => (
      <>
        <p><span className="muted small">{words(q.asker)}{q.topic ? ` · ${words(q.topic)}` : ''}</span><br />{q.text}</p>
        <p className="small">{q.answer ? <>Answer: {q.answer}</> : <span className="muted">No answer given</span>}</p>
      </>
    )} />
  );
}

const STATES: Record<string, string> = { PENDING: 'queued', DONE: 'sent', FAILED: 'failed' };

/** The report's PDF and where the call's CRM and other exports stand. */
export function ExportStatus({ callId, exports }: { callId: string; exports: CallExport[] | null }) {
  return (
    <section className="panel" aria-label="Export" data-testid="exports">
      <h2>Report and CRM</h2>
      <p><a className="btn small" href={`/api/calls/${encodeURIComponent(callId)}/report.pdf`} download>Download PDF report</a></p>
      {exports === null && <p className="muted small">Export status unavailable.</p>}
      {exports && exports.length === 0 && <p className="muted small">Not exported: no CRM or export is configured for it.</p>}
      {exports && exports.length > 0 && (
        <ul className="report-list">
          {exports.map((x) => (
            <li key={x.exporter} data-exporter={x.exporter}>
              <strong>{x.exporter}</strong>{' '}
              <span className={`chip ${x.state === 'DONE' ? 'chip-positive' : x.state === 'FAILED' ? 'chip-negative' : ''}`}>
                {STATES[x.state] ?? x.state.toLowerCase()}
              </span>
              <span className="small muted"> {x.attempts} attempt{x.attempts === 1 ? '' : 's'}{x.updatedAt ? ` · ${when(x.updatedAt)}` : ''}</span>
              {x.lastOutcome && <p className="small muted">{x.lastOutcome}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
