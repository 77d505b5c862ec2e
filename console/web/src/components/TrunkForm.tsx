import { useState, type FormEvent } from 'react';
import { api } from '../api';

/** The fields of a trunk the form edits (the API's TrunkView, password never included). */
export interface TrunkFields {
  id: string;
  host: string;
  port: number;
  transport: string;
  username: string | null;
  registerIntervalSeconds: number;
  enabled: boolean;
  realm: string | null;
  callerId: string | null;
  codecs: string[];
  allowedSources: string[];
  srtp: string | null;
}

const EMPTY = { id: '', host: '', port: '5060', transport: 'udp', username: '', password: '', interval: '300', enabled: true };

/**
 * Adds a SIP trunk, or edits the one picked in the table ({@code editing}); the password is write-only, so on an
 * edit an empty password keeps the stored one, and the fields this form does not show (realm, caller ID, codecs,
 * allowed sources, media encryption) are sent back as they were, since the API resets what a request leaves out. The server's refusal (bad host, taken id) is shown next to the button.
 */
export function TrunkForm({ editing, onSaved, onCancel }: {
  editing: TrunkFields | null; onSaved: () => void; onCancel: () => void;
}) {
  // The fields start from the trunk being edited in the first render (the page remounts the form, keyed by the trunk,
  // when another is picked): filling them from an effect left one render of an "Edit trunk" form with empty fields,
  // and a keystroke landing in it was lost.
  const [f, setF] = useState(() => (editing ? {
    id: editing.id, host: editing.host, port: String(editing.port), transport: editing.transport.toLowerCase(),
    username: editing.username ?? '', password: '', interval: String(editing.registerIntervalSeconds),
    enabled: editing.enabled,
  } : EMPTY));
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);

  const set = (key: keyof typeof EMPTY) => (e: { target: { value: string } }) => setF({ ...f, [key]: e.target.value });

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setStatus(null);
    const body = {
      id: f.id.trim(), host: f.host.trim(), port: Number(f.port), transport: f.transport,
      username: f.username.trim() || null, password: f.password || null,
      registerIntervalSeconds: Number(f.interval), enabled: f.enabled,
      ...(editing ? {
        realm: editing.realm, callerId: editing.callerId, codecs: editing.codecs, allowedSources: editing.allowedSources,
        srtp: editing.srtp,
      } : {}),
    };
    try {
      if (editing) {
        await api.put(`/api/admin/trunks/${encodeURIComponent(editing.id)}`, body);
      } else {
        await api.post('/api/admin/trunks', body);
      }
      setStatus({ ok: true, message: `${editing ? 'Saved' : 'Added'} ${body.id}` });
      if (!editing) setF(EMPTY);
      onSaved();
    } catch (err) {
      setStatus({ ok: false, message: `Not saved: ${(err as Error).message ?? err}` });
    }
  };

  return (
    <form className="knowledge-form" onSubmit={save} data-testid="trunk-form" aria-label={editing ? `Edit trunk ${editing.id}` : 'New trunk'}>
      <h2>{editing ? `Edit trunk ${editing.id}` : 'New trunk'}</h2>
      <label><span>Trunk ID</span><input value={f.id} onChange={set('id')} required maxLength={64} disabled={!!editing} autoComplete="off" /></label>
      <label><span>Host</span><input value={f.host} onChange={set('host')} required maxLength={255} placeholder="sip.carrier.example" /></label>
      <label><span>Port</span><input type="number" min={1} max={65535} value={f.port} onChange={set('port')} required /></label>
      <label>
        <span>Transport</span>
        <select value={f.transport} onChange={set('transport')}>
          <option value="udp">UDP</option>
          <option value="tcp">TCP</option>
          <option value="tls">TLS</option>
        </select>
      </label>
      <label><span>Username</span><input value={f.username} onChange={set('username')} required maxLength={128} autoComplete="off" /></label>
      <label><span>Password</span><input type="password" value={f.password} onChange={set('password')} autoComplete="new-password" placeholder={editing ? 'unchanged' : ''} /></label>
      <label><span>Register every (s)</span><input type="number" min={0} value={f.interval} onChange={set('interval')} required /></label>
      <label className="inline-check">
        <span>Enabled</span>
        <input type="checkbox" checked={f.enabled} onChange={(e) => setF({ ...f, enabled: e.target.checked })} />
      </label>
      <div className="editor-actions">
        <button type="submit" className="btn primary small" disabled={!f.id.trim() || !f.host.trim() || !f.username.trim()}>
          {editing ? 'Save trunk' : 'Add trunk'}
        </button>
        {editing && <button type="button" className="btn small ghost" onClick={onCancel}>Cancel</button>}
        {status && (
          <span className={status.ok ? 'ok-text' : 'error'} role={status.ok ? 'status' : 'alert'}
            data-testid="trunk-status">{status.message}</span>
        )}
      </div>
    </form>
  );
}
