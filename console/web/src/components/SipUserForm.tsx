import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../api';

/**
 * Adds a SIP user (the account a desk phone or softphone registers with), or, with {@code resetting}, sets a new
 * password for one: its phones must then register with the new one.
 */
export function SipUserForm({ resetting, onSaved, onCancel }: {
  resetting: string | null; onSaved: (message: string) => void; onCancel: () => void;
}) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setPassword('');
    setError(null);
  }, [resetting]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      if (resetting) {
        await api.put(`/api/admin/sip-users/${encodeURIComponent(resetting)}`, { password });
        onSaved(`New password set for ${resetting}`);
      } else {
        const u = await api.post<{ username: string }>('/api/admin/sip-users', { username: username.trim(), password });
        setUsername('');
        onSaved(`Added SIP user ${u.username}`);
      }
      setPassword('');
    } catch (err) {
      setError(`${resetting ? 'Not reset' : 'Not added'}: ${(err as Error).message ?? err}`);
    }
  };

  return (
    <form className="knowledge-form" onSubmit={save} data-testid="sip-user-form" aria-labelledby="sip-user-form-title">
      <h2 id="sip-user-form-title">{resetting ? `New password for ${resetting}` : 'New SIP user'}</h2>
      {!resetting && (
        <label><span>SIP user</span><input value={username} onChange={(e) => setUsername(e.target.value)} required maxLength={128} autoComplete="off" /></label>
      )}
      <label>
        <span>{resetting ? 'New password' : 'Password'}</span>
        {/* no minLength: the server owns the rule and its refusal names it, rather than a second copy here */}
        <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} required
          autoComplete="new-password" aria-describedby="sip-password-hint" />
      </label>
      <span id="sip-password-hint" className="pb-hint">At least 8 characters; the phone’s SIP account settings need it too.</span>
      <div className="editor-actions">
        <button type="submit" className="btn primary small" disabled={!password || (!resetting && !username.trim())}>
          {resetting ? 'Set password' : 'Add SIP user'}
        </button>
        {resetting && <button type="button" className="btn small ghost" onClick={onCancel}>Cancel</button>}
        {error && <span className="error" role="alert" data-testid="sip-user-status">{error}</span>}
      </div>
    </form>
  );
}
