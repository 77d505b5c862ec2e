import { useState, type FormEvent, type ReactNode } from 'react';
import { api, ApiError } from '../api';
import { check, EMPTY_TRUNK, fieldOf, formFrom, requestOf, type TrunkFields, type TrunkFormKey } from '../trunkForm';

export type { TrunkFields } from '../trunkForm';

/**
 * Adds a SIP trunk, or edits the one picked in the table ({@code editing}): where it is (host, port, transport), how
 * Earpiece signs in, the carrier leg's media encryption, which numbers it takes for outgoing calls and in which
 * order, and for TLS how the carrier's certificate is checked and the client certificate shown. The password is
 * write-only, so on an edit an empty password keeps the stored one. A refusal that names a field (the server's 400
 * {@code field}, or the form's own checks) is shown at that field, which takes the focus; any other beside the button.
 */
export function TrunkForm({ editing, onSaved, onCancel }: {
  editing: TrunkFields | null; onSaved: () => void; onCancel: () => void;
}) {
  // The fields start from the trunk being edited in the first render (the page remounts the form, keyed by the trunk,
  // when another is picked): filling them from an effect left one render of an "Edit trunk" form with empty fields,
  // and a keystroke landing in it was lost.
  const [f, setF] = useState(() => formFrom(editing));
  const [errors, setErrors] = useState<Partial<Record<TrunkFormKey, string>>>({});
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);
  const prefix = editing ? `trunk-edit-${editing.id}` : 'trunk-new';
  const idOf = (key: TrunkFormKey) => `${prefix}-${key}`;

  const set = (key: TrunkFormKey) => (e: { target: { value: string } }) => {
    setF({ ...f, [key]: e.target.value });
    if (errors[key]) setErrors({ ...errors, [key]: undefined });
  };

  const showAt = (found: Partial<Record<TrunkFormKey, string>>) => {
    setErrors(found);
    const first = Object.keys(found)[0] as TrunkFormKey | undefined;
    // after this render, so the field is marked invalid when it takes the focus
    if (first) setTimeout(() => document.getElementById(idOf(first))?.focus(), 0);
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setStatus(null);
    const found = check(f);
    if (Object.keys(found).length) {
      showAt(found);
      setStatus({ ok: false, message: 'Not saved: see the field marked above.' });
      return;
    }
    setErrors({});
    const body = requestOf(f, editing);
    try {
      if (editing) {
        await api.put(`/api/admin/trunks/${encodeURIComponent(editing.id)}`, body);
      } else {
        await api.post('/api/admin/trunks', body);
      }
      setStatus({ ok: true, message: `${editing ? 'Saved' : 'Added'} ${String(body.id)}` });
      if (!editing) setF(EMPTY_TRUNK);
      onSaved();
    } catch (err) {
      const message = (err as Error).message ?? String(err);
      const key = err instanceof ApiError ? fieldOf(err.field) : null;
      if (key && (key !== 'id' || !editing)) {
        showAt({ [key]: message });
        setStatus({ ok: false, message: 'Not saved: see the field marked above.' });
      } else {
        setStatus({ ok: false, message: `Not saved: ${message}` });
      }
    }
  };

  /** One labelled control, with its error (if any) tied to it for screen readers. */
  const field = (key: TrunkFormKey, label: string, control: (props: {
    id: string; 'aria-invalid': boolean; 'aria-describedby'?: string;
  }) => ReactNode, hint?: string) => {
    const error = errors[key];
    const described = [hint ? `${idOf(key)}-hint` : null, error ? `${idOf(key)}-error` : null].filter(Boolean).join(' ');
    return (
      <div className={`form-field${error ? ' invalid' : ''}`} data-field={key}>
        <label htmlFor={idOf(key)}><span>{label}</span></label>
        {control({ id: idOf(key), 'aria-invalid': Boolean(error), ...(described ? { 'aria-describedby': described } : {}) })}
        {hint && <small id={`${idOf(key)}-hint`} className="hint">{hint}</small>}
        {error && <span id={`${idOf(key)}-error`} className="error field-error" data-testid={`trunk-error-${key}`}>{error}</span>}
      </div>
    );
  };

  const tls = f.transport === 'tls';
  return (
    <form className="knowledge-form trunk-form" onSubmit={save} data-testid="trunk-form" noValidate
      aria-label={editing ? `Edit trunk ${editing.id}` : 'New trunk'}>
      <h2>{editing ? `Edit trunk ${editing.id}` : 'New trunk'}</h2>
      {field('id', 'Trunk ID', (p) => <input {...p} value={f.id} onChange={set('id')} required maxLength={64} disabled={!!editing} autoComplete="off" />)}
      {field('host', 'Host', (p) => <input {...p} value={f.host} onChange={set('host')} required maxLength={255} placeholder="sip.carrier.example" />)}
      {field('port', 'Port', (p) => <input {...p} type="number" min={1} max={65535} value={f.port} onChange={set('port')} required />)}
      {field('transport', 'Transport', (p) => (
        <select {...p} value={f.transport} onChange={set('transport')}>
          <option value="udp">UDP</option>
          <option value="tcp">TCP</option>
          <option value="tls">TLS</option>
        </select>
      ))}
      {field('username', 'Username', (p) => <input {...p} value={f.username} onChange={set('username')} required maxLength={128} autoComplete="off" />)}
      {field('password', 'Password', (p) => <input {...p} type="password" value={f.password} onChange={set('password')} autoComplete="new-password" placeholder={editing ? 'unchanged' : ''} />)}
      {field('interval', 'Register every (s)', (p) => <input {...p} type="number" min={0} value={f.interval} onChange={set('interval')} required />)}
      {field('srtp', 'Media encryption (SRTP)', (p) => (
        <select {...p} value={f.srtp} onChange={set('srtp')}>
          <option value="optional">Optional: SRTP when the carrier offers it</option>
          <option value="mandatory">Mandatory: SRTP only</option>
          <option value="off">Off: plain RTP only</option>
        </select>
      ))}
      {field('patterns', 'Route patterns', (p) => <input {...p} value={f.patterns} onChange={set('patterns')} placeholder="+1, 0044" autoComplete="off" />,
        'Number prefixes this trunk takes for outgoing calls (digits, +, *, #; X is any digit). Empty: every number.')}
      {field('priority', 'Route priority', (p) => <input {...p} type="number" min={0} max={1000} value={f.priority} onChange={set('priority')} required />,
        'Lower is tried first among the trunks that take a number.')}
      {tls && (
        <fieldset className="tls-settings" data-testid="trunk-tls">
          <legend>TLS</legend>
          <p className="hint">The carrier's certificate must name the host above. Files are paths on the Earpiece host (PEM).</p>
          {field('serverPin', 'Pinned certificate (SHA-256)', (p) => <input {...p} value={f.serverPin} onChange={set('serverPin')} autoComplete="off" spellCheck={false} />,
            'Only this certificate is accepted. Empty: it must chain to the CA below.')}
          {field('trustedCa', 'Trusted CA file', (p) => <input {...p} value={f.trustedCa} onChange={set('trustedCa')} autoComplete="off" spellCheck={false} />,
            "Empty: the server's default trust.")}
          {field('clientCertificate', 'Client certificate file', (p) => <input {...p} value={f.clientCertificate} onChange={set('clientCertificate')} autoComplete="off" spellCheck={false} />,
            'Mutual TLS: the certificate Earpiece shows the carrier.')}
          {field('clientKey', 'Client key file', (p) => <input {...p} value={f.clientKey} onChange={set('clientKey')} autoComplete="off" spellCheck={false} />)}
        </fieldset>
      )}
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
