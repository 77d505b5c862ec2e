import { useState, type FormEvent } from 'react';
import { api } from '../api';

/**
 * Creates a console user with a role, a team (created when new) and optionally the SIP user and extension that
 * make calls theirs; the server refuses a bad one with the reason, shown next to the button.
 */
export function UserForm({ teams, onCreated }: { teams: string[]; onCreated: () => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState('REP');
  const [team, setTeam] = useState('');
  const [sipUser, setSipUser] = useState('');
  const [extension, setExtension] = useState('');
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setStatus(null);
    try {
      const user = await api.post<{ username: string }>('/api/admin/users', {
        username: username.trim(), password, role, team: team.trim() || null, sipUser: sipUser.trim() || null,
        extension: extension.trim() || null,
      });
      setStatus({ ok: true, message: `Created ${user.username}` });
      setUsername('');
      setPassword('');
      setSipUser('');
      setExtension('');
      onCreated();
    } catch (err) {
      setStatus({ ok: false, message: `Not created: ${(err as Error).message ?? err}` });
    }
  };

  return (
    <form className="knowledge-form" onSubmit={create} data-testid="user-form" aria-label="New user">
      <h2>New user</h2>
      <label><span>Username</span><input value={username} onChange={(e) => setUsername(e.target.value)} required maxLength={64} autoComplete="off" /></label>
      <label><span>Password</span><input type="password" value={password} onChange={(e) => setPassword(e.target.value)} required autoComplete="new-password" /></label>
      <label>
        <span>Role</span>
        <select value={role} onChange={(e) => setRole(e.target.value)} aria-label="Role">
          <option value="REP">Rep: their own calls</option>
          <option value="MANAGER">Manager: their team’s calls</option>
          <option value="ADMIN">Admin: everything</option>
        </select>
      </label>
      <label>
        <span>Team</span>
        <input value={team} onChange={(e) => setTeam(e.target.value)} list="team-names" maxLength={64} placeholder="none" />
        <datalist id="team-names">{teams.map((t) => <option key={t} value={t} />)}</datalist>
      </label>
      <label><span>SIP user</span><input value={sipUser} onChange={(e) => setSipUser(e.target.value)} maxLength={64} placeholder="defaults to the username" /></label>
      <label><span>Extension</span><input value={extension} onChange={(e) => setExtension(e.target.value)} maxLength={32} /></label>
      <div className="editor-actions">
        <button type="submit" className="btn primary small" disabled={!username.trim() || !password}>Create user</button>
        {status && (
          <span className={status.ok ? 'ok-text' : 'error'} role={status.ok ? 'status' : 'alert'}
            data-testid="user-status">{status.message}</span>
        )}
      </div>
    </form>
  );
}
