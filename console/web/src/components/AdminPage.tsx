import { useEffect, useRef, useState } from 'react';
import { api, optional } from '../api';
import { href } from '../route';
import { KnowledgeForm } from './KnowledgeForm';
import { UserForm } from './UserForm';
import { TeamForm } from './TeamForm';
import { TrunkForm, type TrunkFields } from './TrunkForm';
import { PlaybookEditor } from './PlaybookEditor';
import { UserAssignForm, type UserRow } from './UserAssignForm';
import { SipUserForm } from './SipUserForm';
import { DidRouteForm } from './DidRouteForm';
import { RoutingSection } from './RoutingSection';
import { cell, columnLabel, trunkStatusText, type TrunkStatus } from '../adminTable';
import type { User } from '../types';

type Role = 'ADMIN' | 'MANAGER';

/**
 * An admin list, the endpoints that may serve it (tried in order, the first that exists wins) and the roles that
 * may read it: a section a role cannot use is not shown, rather than answering "Access Denied".
 */
const SECTIONS: { id: string; title: string; urls: string[]; blurb: string; roles: Role[]; columns?: string[] }[] = [
  { id: 'users', title: 'Users', urls: ['/api/admin/users'], blurb: 'People who sign in, with their roles.', roles: ['ADMIN'] },
  { id: 'teams', title: 'Teams', urls: ['/api/admin/teams'], blurb: 'Managers see their team’s calls.', roles: ['ADMIN'] },
  { id: 'trunks', title: 'Trunks', urls: ['/api/admin/trunks'], blurb: 'SIP trunks that bring calls in; their registration is live.', roles: ['ADMIN'],
    columns: ['id', 'host', 'port', 'transport', 'username', 'enabled', 'status', 'updatedAt'] },
  { id: 'sip-users', title: 'SIP users', urls: ['/api/admin/sip-users'], blurb: 'Accounts that desk phones and softphones register with.', roles: ['ADMIN'],
    columns: ['username', 'devices', 'srtp', 'updatedAt'] },
  { id: 'did-routes', title: 'DID routes', urls: ['/api/admin/did-routes'], blurb: 'Which SIP user’s phone rings for each dialled number.', roles: ['ADMIN'] },
  // managers read playbooks and knowledge through the endpoints they may use; only admins edit them
  { id: 'playbooks', title: 'Playbooks', urls: ['/api/playbooks'], blurb: 'What triggers which card.', roles: ['ADMIN', 'MANAGER'] },
  { id: 'knowledge', title: 'Knowledge base', urls: ['/api/knowledge'], blurb: 'Articles cards can quote.', roles: ['ADMIN', 'MANAGER'] },
  // per team; RoutingSection loads the team's rules itself (a manager edits their own team's)
  { id: 'routing', title: 'Routing', urls: [], blurb: 'Who hears about which calls: rules on the summary and what was said.', roles: ['ADMIN', 'MANAGER'] },
  { id: 'cards', title: 'Card stats', urls: ['/api/cards/stats'], blurb: 'How often each card was shown, used and dismissed.', roles: ['ADMIN', 'MANAGER'] },
];

/** The sections {@code user} may use; everything without sign-in (open mode). */
export function sectionsFor(user: User | null) {
  if (!user) return SECTIONS;
  const roles = user.roles.map((r) => r.replace(/^ROLE_/, '').toUpperCase());
  return SECTIONS.filter((s) => s.roles.some((r) => roles.includes(r)));
}

type Rows = Record<string, unknown>[];

function rowsOf(body: unknown): Rows {
  if (Array.isArray(body)) return body.map((r) => (typeof r === 'object' && r ? r : { value: r }) as Record<string, unknown>);
  if (body && typeof body === 'object') {
    const list = Object.values(body).find(Array.isArray);
    if (list) return rowsOf(list);
    return [body as Record<string, unknown>];
  }
  return [];
}

/** How often the trunks section reads the registration status again while it is open. */
const TRUNK_REFRESH_MS = 5_000;

const ROLES = [['REP', 'Rep'], ['MANAGER', 'Manager'], ['ADMIN', 'Admin']];

/**
 * Admin lists with the forms that change them (users: create, role, team and lines, disable; teams: create; SIP
 * users: add, reset password, delete; DID routes: add or change, delete; trunks: add, edit, delete, with their
 * registration read again every few seconds); a section whose API the server does not have says so instead of
 * failing.
 */
export function AdminPage({ section, user }: { section: string; user: User | null }) {
  const sections = sectionsFor(user);
  const editor = !user || user.roles.some((r) => /^(ROLE_)?ADMIN$/i.test(r));
  const current = sections.find((s) => s.id === section) ?? sections[0];
  const [rows, setRows] = useState<Rows | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const shown = useRef(current.id);
  const [editingTrunk, setEditingTrunk] = useState<TrunkFields | null>(null);
  const [editingUser, setEditingUser] = useState<UserRow | null>(null);
  const [resettingSip, setResettingSip] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [sipUsers, setSipUsers] = useState<string[]>([]);

  useEffect(() => {
    let cancelled = false;
    // a reload after an edit keeps the rows (and the editor) on screen until the new ones come
    if (shown.current !== current.id) setRows(undefined);
    shown.current = current.id;
    setError(null);
    if (current.id === 'routing') return undefined;
    (async () => {
      for (const url of current.urls) {
        const body = await optional<unknown>(url);
        if (body !== null) return rowsOf(body);
      }
      return null;
    })().then((r) => !cancelled && setRows(r), (e) => !cancelled && setError(String(e.message ?? e)));
    return () => {
      cancelled = true;
    };
  }, [current, reload]);

  // the SIP users a user or a number can be put on
  useEffect(() => {
    if (!editor || (current.id !== 'users' && current.id !== 'did-routes')) return;
    optional<{ username: string }[]>('/api/admin/sip-users')
      .then((list) => setSipUsers((list ?? []).map((u) => u.username)), () => setSipUsers([]));
  }, [current, editor, reload]);

  useEffect(() => {
    setEditingTrunk(null);
    setEditingUser(null);
    setResettingSip(null);
    setNotice(null);
    if (current.id !== 'trunks') return undefined;
    const timer = window.setInterval(() => setReload((n) => n + 1), TRUNK_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [current]);

  // users can be disabled (their sessions end at once) and enabled again from their row
  const userRows = editor && current.id === 'users';
  const setEnabled = async (username: string, enabled: boolean) => {
    try {
      await api.put(`/api/admin/users/${encodeURIComponent(username)}/enabled`, { enabled });
      setReload((n) => n + 1);
    } catch (e) {
      setError(`Could not ${enabled ? 'enable' : 'disable'} ${username}: ${(e as Error).message ?? e}`);
    }
  };
  const setRole = async (username: string, role: string) => {
    try {
      await api.put(`/api/admin/users/${encodeURIComponent(username)}/role`, { role });
      setReload((n) => n + 1);
    } catch (e) {
      setError(`Could not change ${username}'s role: ${(e as Error).message ?? e}`);
    }
  };
  const trunkRows = editor && current.id === 'trunks';
  const sipRows = editor && current.id === 'sip-users';
  const didRows = editor && current.id === 'did-routes';
  const remove = async (url: string, what: string) => {
    if (!window.confirm(`Delete ${what}? This cannot be undone.`)) return;
    setError(null);
    try {
      await api.delete(url);
      setNotice(`Deleted ${what}`);
      setReload((n) => n + 1);
    } catch (e) {
      setError(`Could not delete ${what}: ${(e as Error).message ?? e}`);
    }
  };
  const saved = (message: string) => {
    setNotice(message);
    setReload((n) => n + 1);
  };
  const columns = rows && rows.length
    ? current.columns ?? Array.from(new Set(rows.flatMap((r) => Object.keys(r)))).slice(0, 8) : [];
  const label = (column: string) => (current.id === 'trunks' && column === 'status' ? 'Registration' : columnLabel(column));
  const show = (column: string, value: unknown) => {
    if (current.id === 'trunks' && column === 'status') return trunkStatusText(value as TrunkStatus | null);
    if (current.id === 'sip-users' && column === 'devices') {
      const n = Array.isArray(value) ? value.length : 0;
      return n === 0 ? 'None registered' : `${n} registered`;
    }
    return cell(value);
  };
  return (
    <main className="page admin-page">
      <nav className="admin-nav" aria-label="Admin sections">
        {sections.map((s) => (
          <a key={s.id} href={href({ page: 'admin', section: s.id })} aria-current={s.id === current.id ? 'page' : undefined}>
            {s.title}
          </a>
        ))}
      </nav>
      <section className="panel admin-body" aria-labelledby="admin-title">
        <h1 id="admin-title">{current.title}</h1>
        <p className="sub">{current.blurb}</p>
        {error && <p className="error" role="alert">{error}</p>}
        {notice && <p className="ok-text" role="status" data-testid="admin-notice">{notice}</p>}
        {current.id === 'routing' && <RoutingSection user={user} />}
        {rows === undefined && !error && current.id !== 'routing' && <p className="muted">Loading…</p>}
        {rows === null && <p className="not-available" data-testid="not-available">Not available on this server yet.</p>}
        {!editor && (current.id === 'playbooks' || current.id === 'knowledge') && (
          <p className="muted small">Read only: admins edit these.</p>
        )}
        {editor && current.id === 'playbooks' && rows && rows.length > 0 && (
          <PlaybookEditor teams={Array.from(new Set(rows.map((r) => String(r.team ?? 'default'))))}
            onSaved={() => setReload((n) => n + 1)} />
        )}
        {editor && current.id === 'knowledge' && rows !== undefined && rows !== null && (
          <KnowledgeForm onAdded={() => setReload((n) => n + 1)} />
        )}
        {editor && current.id === 'teams' && rows && <TeamForm onCreated={() => setReload((n) => n + 1)} />}
        {trunkRows && rows && (
          <TrunkForm key={editingTrunk ? `edit-${editingTrunk.id}` : 'add'} editing={editingTrunk} onSaved={() => { setEditingTrunk(null); setReload((n) => n + 1); }}
            onCancel={() => setEditingTrunk(null)} />
        )}
        {editor && current.id === 'users' && rows && !editingUser && (
          <UserForm teams={Array.from(new Set(rows.map((r) => String(r.team ?? '')).filter(Boolean)))}
            onCreated={() => setReload((n) => n + 1)} />
        )}
        {editor && current.id === 'users' && rows && editingUser && (
          <UserAssignForm key={editingUser.username} user={editingUser} sipUsers={sipUsers}
            teams={Array.from(new Set(rows.map((r) => String(r.team ?? '')).filter(Boolean)))}
            onSaved={() => { saved(`Saved the team and lines of ${editingUser.username}`); setEditingUser(null); }}
            onCancel={() => setEditingUser(null)} />
        )}
        {sipRows && rows && (
          <SipUserForm resetting={resettingSip} onSaved={(m) => { saved(m); setResettingSip(null); }}
            onCancel={() => setResettingSip(null)} />
        )}
        {didRows && rows && <DidRouteForm sipUsers={sipUsers} onSaved={saved} />}
        {rows && rows.length === 0 && <p className="muted">Nothing here yet.</p>}
        {rows && rows.length > 0 && (
          <div className="table-wrap" tabIndex={0} role="region" aria-label={`${current.title} table`}>
            <table>
              <thead>
                <tr>
                  {columns.map((c) => <th key={c} scope="col">{label(c)}</th>)}
                  {(userRows || trunkRows || sipRows || didRows) && <th scope="col"><span className="visually-hidden">Actions</span></th>}
                </tr>
              </thead>
              <tbody>
                {rows.map((r, i) => (
                  <tr key={i} data-username={userRows ? String(r.username) : undefined}
                    data-trunk={trunkRows ? String(r.id) : undefined}
                    data-sip-user={sipRows ? String(r.username) : undefined} data-did={didRows ? String(r.did) : undefined}>
                    {columns.map((c) => <td key={c} data-column={c}>{show(c, r[c])}</td>)}
                    {trunkRows && (
                      <td className="row-actions">
                        <button type="button" className="btn small ghost" onClick={() => setEditingTrunk(r as unknown as TrunkFields)}>
                          Edit<span className="visually-hidden"> trunk {String(r.id)}</span>
                        </button>
                        <button type="button" className="btn small ghost"
                          onClick={() => void remove(`/api/admin/trunks/${encodeURIComponent(String(r.id))}`, `trunk ${String(r.id)}`)}>
                          Delete<span className="visually-hidden"> trunk {String(r.id)}</span>
                        </button>
                      </td>
                    )}
                    {sipRows && (
                      <td className="row-actions">
                        <button type="button" className="btn small ghost" onClick={() => setResettingSip(String(r.username))}>
                          Reset password<span className="visually-hidden"> of {String(r.username)}</span>
                        </button>
                        <button type="button" className="btn small ghost"
                          onClick={() => void remove(`/api/admin/sip-users/${encodeURIComponent(String(r.username))}`, `SIP user ${String(r.username)}`)}>
                          Delete<span className="visually-hidden"> SIP user {String(r.username)}</span>
                        </button>
                      </td>
                    )}
                    {didRows && (
                      <td className="row-actions">
                        <button type="button" className="btn small ghost"
                          onClick={() => void remove(`/api/admin/did-routes/${encodeURIComponent(String(r.did))}`, `the route of ${String(r.did)}`)}>
                          Delete<span className="visually-hidden"> route {String(r.did)}</span>
                        </button>
                      </td>
                    )}
                    {userRows && (
                      <td className="row-actions">
                        <label className="visually-hidden" htmlFor={`role-${i}`}>Role of {String(r.username)}</label>
                        <select id={`role-${i}`} value={String(r.role)}
                          onChange={(e) => void setRole(String(r.username), e.target.value)}>
                          {ROLES.map(([v, label]) => <option key={v} value={v}>{label}</option>)}
                        </select>{' '}
                        <button type="button" className="btn small ghost" onClick={() => setEditingUser(r as unknown as UserRow)}>
                          Team and lines<span className="visually-hidden"> of {String(r.username)}</span>
                        </button>{' '}
                        <button type="button" className="btn small ghost"
                          onClick={() => void setEnabled(String(r.username), !r.enabled)}>
                          {r.enabled ? 'Disable' : 'Enable'}<span className="visually-hidden"> {String(r.username)}</span>
                        </button>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </main>
  );
}
