import { useId, useState, type FormEvent } from 'react';
import { api } from '../api';

interface Draft {
  subject: string;
  body: string;
  calendarEntries: number;
  mailConfigured: boolean;
  from: string;
}

interface Sent {
  to: string[];
  calendarEntries: number;
}

/**
 * The follow-up e-mail: drafted by the server from the summary (recap, action items, next meeting), edited here,
 * sent through the server's SMTP with the action items' due dates attached as calendar entries (.ics), which can
 * also be downloaded on their own.
 */
export function FollowUp({ callId }: { callId: string }) {
  const base = `/api/calls/${encodeURIComponent(callId)}/follow-up`;
  const [draft, setDraft] = useState<Draft | null>(null);
  const [to, setTo] = useState('');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [attach, setAttach] = useState(true);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  const open = async () => {
    setStatus(null);
    try {
      const d = await api.get<Draft>(base);
      setDraft(d);
      setSubject(d.subject);
      setBody(d.body);
    } catch (e) {
      setStatus({ ok: false, text: `No draft: ${(e as Error).message ?? e}` });
    }
  };
  const send = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setStatus(null);
    try {
      const sent = await api.post<Sent>(base, { to, subject, body, attachCalendar: attach });
      setStatus({ ok: true, text: `Sent to ${sent.to.join(', ')}${sent.calendarEntries
        ? ` with ${sent.calendarEntries} calendar entr${sent.calendarEntries === 1 ? 'y' : 'ies'}` : ''}` });
    } catch (err) {
      setStatus({ ok: false, text: `Not sent: ${(err as Error).message ?? err}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel follow-up" aria-label="Follow-up" data-testid="follow-up">
      <h2>Follow-up</h2>
      {!draft && (
        <>
          <button type="button" className="btn small primary" onClick={() => void open()}>Draft follow-up e-mail</button>
          {status && <p className="error" role="alert">{status.text}</p>}
        </>
      )}
      {draft && (
        <form className="follow-up-form" onSubmit={send}>
          <div className="field">
            <label htmlFor={`${id}-to`}>To</label>
            <input id={`${id}-to`} type="text" value={to} onChange={(e) => setTo(e.target.value)} required autoComplete="email"
              placeholder="name@example.com, another@example.com" maxLength={2000} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-subject`}>Subject</label>
            <input id={`${id}-subject`} type="text" value={subject} onChange={(e) => setSubject(e.target.value)}
              required maxLength={200} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-body`}>Message</label>
            <textarea id={`${id}-body`} value={body} onChange={(e) => setBody(e.target.value)} rows={14} required
              maxLength={20000} />
          </div>
          {draft.calendarEntries > 0 && (
            <div className="follow-up-calendar">
              <label className="inline">
                <input type="checkbox" checked={attach} onChange={(e) => setAttach(e.target.checked)} />
                <span>Attach {draft.calendarEntries} calendar entr{draft.calendarEntries === 1 ? 'y' : 'ies'} (.ics)</span>
              </label>
              <a className="small" href={`${base}.ics`} download>Download .ics</a>
            </div>
          )}
          {!draft.mailConfigured && (
            <p className="notice" role="status">E-mail is not set up on this server: copy the text, or ask an admin to set
              earpiece.mail.host.</p>
          )}
          <div className="speaker-actions">
            <button type="submit" className="btn small primary" disabled={busy || !draft.mailConfigured}>
              {busy ? 'Sending…' : 'Send'}
            </button>
            <span className="muted small">from {draft.from}</span>
          </div>
          {status && (
            <p className={status.ok ? 'muted small' : 'error'} role={status.ok ? 'status' : 'alert'}
              data-testid="follow-up-status">{status.text}</p>
          )}
        </form>
      )}
    </section>
  );
}
