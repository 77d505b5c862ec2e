import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, api, csrfToken } from '../api';
import { dialBody, dialState, type MeetingFields } from '../meeting';
import { href } from '../route';

/** The API's view of one dial (GET /api/calls/dial/{callId}). */
interface DialView {
  callId: string;
  number: string;
  title: string | null;
  trunk: string | null;
  state: string;
  sipStatus: number | null;
  reason: string | null;
  endedAt: string | null;
}

const EMPTY: MeetingFields = { number: '', pin: '', pinDelaySeconds: '', rep: '', title: '' };

/** Sends a multipart dial (with the invitation); the server's refusal becomes an ApiError with its message. */
async function postForm(form: FormData): Promise<DialView> {
  const token = await csrfToken();
  const res = await fetch('/api/calls/dial', {
    method: 'POST', credentials: 'same-origin', body: form,
    headers: { Accept: 'application/json', ...(token ? { 'X-XSRF-TOKEN': token } : {}) },
  });
  const text = await res.text();
  if (!res.ok) {
    let message = `${res.status}`;
    try { message = JSON.parse(text).message ?? message; } catch { /* not JSON: the status says it */ }
    throw new ApiError(res.status, message);
  }
  return JSON.parse(text) as DialView;
}

/**
 * "Invite Earpiece to a meeting": dials a bridge's number, enters the PIN after the prompt, and transcribes the
 * meeting as a silent participant. The number, PIN and title may come from the meeting's invitation (.ics); what is
 * typed overrides it. Admins may dial for another rep. The dial's progress is shown until it ends, with a hang-up.
 */
export function MeetingPage({ isAdmin }: { isAdmin: boolean }) {
  const [f, setF] = useState(EMPTY);
  const [invite, setInvite] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dial, setDial] = useState<DialView | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!dial || dial.endedAt) return;
    const id = window.setInterval(() => {
      api.get<DialView>(`/api/calls/dial/${encodeURIComponent(dial.callId)}`).then(setDial).catch(() => {});
    }, 2000);
    return () => window.clearInterval(id);
  }, [dial]);

  const set = (key: keyof MeetingFields) => (e: { target: { value: string } }) => setF({ ...f, [key]: e.target.value });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const body = dialBody(f, invite);
    if ('error' in body) {
      setError(body.error);
      return;
    }
    setBusy(true);
    try {
      setDial(body.kind === 'json' ? await api.post<DialView>('/api/calls/dial', body.body) : await postForm(body.form));
    } catch (err) {
      setError(`Not dialled: ${(err as Error).message ?? err}`);
    } finally {
      setBusy(false);
    }
  };

  const hangUp = async () => {
    if (!dial) return;
    try {
      setDial(await api.delete<DialView>(`/api/calls/dial/${encodeURIComponent(dial.callId)}`));
    } catch (err) {
      setError(`Not hung up: ${(err as Error).message ?? err}`);
    }
  };

  return (
    <section className="meeting-page" aria-labelledby="meeting-heading">
      <h1 id="meeting-heading">Invite Earpiece to a meeting</h1>
      <p className="copy-hint">Earpiece dials the meeting's phone number, enters the PIN after the welcome prompt and
        transcribes the meeting without speaking.</p>
      <form className="knowledge-form" onSubmit={submit} data-testid="meeting-form" aria-label="Invite Earpiece to a meeting">
        <label><span>Invitation (.ics)</span>
          <input type="file" accept=".ics,text/calendar" data-testid="meeting-invite"
            onChange={(e) => setInvite(e.target.files?.[0] ?? null)} /></label>
        <label><span>Dial-in number</span><input type="tel" inputMode="tel" value={f.number} onChange={set('number')}
          maxLength={40} placeholder={invite ? 'from the invitation' : '+1 555 010 2000'} autoComplete="off" /></label>
        <label><span>PIN</span><input value={f.pin} onChange={set('pin')} maxLength={33} inputMode="numeric"
          placeholder={invite ? 'from the invitation' : '482193#'} autoComplete="off" /></label>
        <label><span>PIN delay (s)</span><input type="number" min={0} max={120} step="0.5" value={f.pinDelaySeconds}
          onChange={set('pinDelaySeconds')} placeholder="when the prompt ends" /></label>
        {isAdmin && <label><span>Rep</span><input value={f.rep} onChange={set('rep')} maxLength={64}
          placeholder="me" autoComplete="off" /></label>}
        <label><span>Title</span><input value={f.title} onChange={set('title')} maxLength={64}
          placeholder={invite ? 'from the invitation' : 'Quarterly review'} /></label>
        <div className="editor-actions">
          <button type="submit" className="btn primary small" disabled={busy}>Dial in</button>
          {error && <span className="error" role="alert" data-testid="meeting-error">{error}</span>}
        </div>
      </form>
      {dial && (
        <div className="meeting-dial" role="status" data-testid="meeting-dial">
          <p><strong>{dial.title ?? dial.number}</strong>: {dialState(dial.state)}
            {dial.sipStatus ? ` (${dial.sipStatus}${dial.reason ? `, ${dial.reason}` : ''})` : ''}
            {dial.trunk ? ` via ${dial.trunk}` : ''}</p>
          <p>
            <a href={href({ page: 'phone', callId: dial.callId })}>Open the live transcript</a>
            {!dial.endedAt && <> {' '}<button type="button" className="btn small ghost" onClick={hangUp}>Hang up</button></>}
          </p>
        </div>
      )}
    </section>
  );
}
