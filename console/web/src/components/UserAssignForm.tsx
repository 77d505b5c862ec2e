import { useState, type FormEvent } from 'react';
import { api } from '../api';

export interface UserRow {
  username: string;
  team?: string | null;
  sipUser?: string | null;
  extension?: string | null;
  email?: string | null;
}

/**
 * Moves a user to another team and onto another SIP user and extension (each may be left empty for none); their
 * calls are matched by these from now on. Their e-mail address is where routing's "team lead" messages go. The
 * server's refusal is shown with its reason.
 */
export function UserAssignForm({ user, teams, sipUsers, onSaved, onCancel }: {
  user: UserRow; teams: string[]; sipUsers: string[]; onSaved: () => void; onCancel: () => void;
}) {
  const [team, setTeam] = useState(user.team ?? '');
  const [sipUser, setSipUser] = useState(user.sipUser ?? '');
  const [extension, setExtension] = useState(user.extension ?? '');
  const [email, setEmail] = useState(user.email ?? '');
  const [error, setError] = useState<string | null>(null);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api.put(`/api/admin/users/${encodeURIComponent(user.username)}/assignment`, {
        team: team.trim() || null, sipUser: sipUser.trim() || null, extension: extension.trim() || null,
      });
      if (email.trim() !== (user.email ?? '')) {
        await api.put(`/api/admin/users/${encodeURIComponent(user.username)}/email`, { email: email.trim() || null });
      }
      onSaved();
    } catch (err) {
      setError(`Not saved: ${(err as Error).message ?? err}`);
    }
  };

  return (
    <form className="knowledge-form" onSubmit={save} data-testid="user-assign-form" aria-labelledby="user-assign-title">
      <h2 id="user-assign-title">Team and lines of {user.username}</h2>
      <label>
        <span>Team</span>
        <input value={team} onChange={(e) => setTeam(e.target.value)} list="assign-team-names" maxLength={128} placeholder="none" />
        <datalist id="assign-team-names">{teams.map((t) => <option key={t} value={t} />)}</datalist>
      </label>
      <label>
        <span>SIP user</span>
        <input value={sipUser} onChange={(e) => setSipUser(e.target.value)} list="assign-sip-users" maxLength={128} placeholder="none" />
        <datalist id="assign-sip-users">{sipUsers.map((s) => <option key={s} value={s} />)}</datalist>
      </label>
      <label><span>Extension</span><input value={extension} onChange={(e) => setExtension(e.target.value)} maxLength={32} placeholder="none" /></label>
      <label><span>E-mail</span><input type="email" value={email} onChange={(e) => setEmail(e.target.value)} maxLength={254} placeholder="none" autoComplete="off" /></label>
      <div className="editor-actions">
        <button type="submit" className="btn primary small">Save</button>
        <button type="button" className="btn small ghost" onClick={onCancel}>Cancel</button>
        {error && <span className="error" role="alert" data-testid="user-assign-status">{error}</span>}
      </div>
    </form>
  );
}
