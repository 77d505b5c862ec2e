import { useState, type FormEvent } from 'react';
import { api } from '../api';

/** Routes a dialled number (DID) to the SIP user whose phone rings for it; an existing route is changed. */
export function DidRouteForm({ sipUsers, onSaved }: { sipUsers: string[]; onSaved: (message: string) => void }) {
  const [did, setDid] = useState('');
  const [rep, setRep] = useState(sipUsers[0] ?? '');
  const [error, setError] = useState<string | null>(null);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api.put(`/api/admin/did-routes/${encodeURIComponent(did.trim())}`, { rep });
      onSaved(`${did.trim()} now rings ${rep}`);
      setDid('');
    } catch (err) {
      setError(`Not saved: ${(err as Error).message ?? err}`);
    }
  };

  return (
    <form className="knowledge-form" onSubmit={save} data-testid="did-route-form" aria-labelledby="did-form-title">
      <h2 id="did-form-title">Route a number</h2>
      <label><span>Number (DID)</span><input value={did} onChange={(e) => setDid(e.target.value)} required maxLength={64} placeholder="+15550100" autoComplete="off" /></label>
      <label>
        <span>Rings SIP user</span>
        {/* named on its own: a wrapping label's name would take in the chosen option's text */}
        <select value={rep} onChange={(e) => setRep(e.target.value)} aria-label="Rings SIP user">
          {sipUsers.length === 0 && <option value="">Add a SIP user first</option>}
          {sipUsers.map((s) => <option key={s} value={s}>{s}</option>)}
        </select>
      </label>
      <div className="editor-actions">
        <button type="submit" className="btn primary small" disabled={!did.trim() || !rep}>Save route</button>
        {error && <span className="error" role="alert" data-testid="did-route-status">{error}</span>}
      </div>
    </form>
  );
}
