import { useEffect, useState } from 'react';
import { api, csrfToken } from '../api';

interface PlaybookView {
  team: string;
  version: number;
  author?: string;
  createdAt?: string;
  inherited?: boolean;
  body?: string;
}

/** Edits a team's playbook (YAML or JSON): each save is a new version; the server refuses an invalid one and says why. */
export function PlaybookEditor({ teams, onSaved }: { teams: string[]; onSaved?: () => void }) {
  const [team, setTeam] = useState(teams[0] ?? 'default');
  const [loaded, setLoaded] = useState<PlaybookView | null>(null);
  const [text, setText] = useState('');
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    let cancelled = false;
    setLoaded(null);
    setStatus(null);
    api.get<PlaybookView>(`/api/playbooks/${encodeURIComponent(team)}`).then((p) => {
      if (cancelled) return;
      setLoaded(p);
      setText(p.body ?? '');
    }, (e) => !cancelled && setStatus({ ok: false, message: `Could not load: ${e.message ?? e}` }));
    return () => {
      cancelled = true;
    };
  }, [team]);

  const save = async () => {
    setSaving(true);
    setStatus(null);
    try {
      // the playbook is sent as written (YAML keeps its comments), not wrapped in JSON
      const token = await csrfToken();
      const res = await fetch(`/api/playbooks/${encodeURIComponent(team)}`, {
        method: 'PUT',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'text/plain', Accept: 'application/json', ...(token ? { 'X-XSRF-TOKEN': token } : {}) },
        body: text,
      });
      const body = await res.json().catch(() => ({}));
      if (!res.ok) {
        setStatus({ ok: false, message: `Not saved (${res.status}): ${body.message ?? body.error ?? res.statusText}` });
        return;
      }
      setLoaded({ ...(body as PlaybookView), body: text });
      setStatus({ ok: true, message: res.status === 201 ? `Saved as version ${body.version}` : `No change (version ${body.version})` });
      onSaved?.();
    } catch (e) {
      setStatus({ ok: false, message: `Not saved: ${(e as Error).message ?? e}` });
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="playbook-editor" data-testid="playbook-editor">
      <div className="editor-head">
        <label>
          <span>Team</span>
          <select value={team} onChange={(e) => setTeam(e.target.value)}>
            {teams.map((t) => <option key={t} value={t}>{t}</option>)}
          </select>
        </label>
        {loaded && (
          <span className="muted small" data-testid="playbook-version">
            version {loaded.version}{loaded.inherited ? ' (inherited from default)' : ''}
            {loaded.author ? ` · ${loaded.author}` : ''}
          </span>
        )}
      </div>
      <textarea className="code" aria-label={`Playbook of ${team}`} spellCheck={false} value={text}
        onChange={(e) => { setText(e.target.value); setStatus(null); }} rows={18} />
      <div className="editor-actions">
        <button type="button" className="btn primary small" onClick={() => void save()}
          disabled={saving || !loaded || text === (loaded.body ?? '')}>Save new version</button>
        {status && (
          <span className={status.ok ? 'ok-text' : 'error'} role={status.ok ? 'status' : 'alert'}
            data-testid="playbook-status">{status.message}</span>
        )}
      </div>
    </div>
  );
}
