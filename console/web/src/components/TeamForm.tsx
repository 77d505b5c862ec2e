import { useState, type FormEvent } from 'react';
import { api } from '../api';

/** Creates a team by name; a manager then sees the calls of the team's reps. The server's refusal is shown as is. */
export function TeamForm({ onCreated }: { onCreated: () => void }) {
  const [name, setName] = useState('');
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setStatus(null);
    try {
      const team = await api.post<{ name: string }>('/api/admin/teams', { name: name.trim() });
      setStatus({ ok: true, message: `Created ${team.name}` });
      setName('');
      onCreated();
    } catch (err) {
      setStatus({ ok: false, message: `Not created: ${(err as Error).message ?? err}` });
    }
  };

  return (
    <form className="knowledge-form" onSubmit={create} data-testid="team-form" aria-label="New team">
      <h2>New team</h2>
      <label><span>Team name</span><input value={name} onChange={(e) => setName(e.target.value)} required maxLength={64} autoComplete="off" /></label>
      <div className="editor-actions">
        <button type="submit" className="btn primary small" disabled={!name.trim()}>Create team</button>
        {status && (
          <span className={status.ok ? 'ok-text' : 'error'} role={status.ok ? 'status' : 'alert'}
            data-testid="team-status">{status.message}</span>
        )}
      </div>
    </form>
  );
}
