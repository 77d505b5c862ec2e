import { useEffect, useRef, useState } from 'react';
import { optional } from '../api';
import { href } from '../route';
import { KnowledgeForm } from './KnowledgeForm';
import { PlaybookEditor } from './PlaybookEditor';

/** An admin list and the endpoints that may serve it, tried in order (the first that exists wins). */
const SECTIONS: { id: string; title: string; urls: string[]; blurb: string }[] = [
  { id: 'users', title: 'Users', urls: ['/api/admin/users', '/api/users'], blurb: 'People who sign in, with their roles.' },
  { id: 'teams', title: 'Teams', urls: ['/api/admin/teams', '/api/teams'], blurb: 'Managers see their team’s calls.' },
  { id: 'trunks', title: 'Trunks', urls: ['/api/admin/trunks', '/api/trunks'], blurb: 'SIP trunks that bring calls in.' },
  { id: 'playbooks', title: 'Playbooks', urls: ['/api/admin/playbooks', '/api/playbooks'], blurb: 'What triggers which card.' },
  { id: 'knowledge', title: 'Knowledge base', urls: ['/api/admin/knowledge', '/api/knowledge', '/api/kb'], blurb: 'Articles cards can quote.' },
  { id: 'cards', title: 'Card stats', urls: ['/api/cards/stats'], blurb: 'How often each card was shown, used and dismissed.' },
];

type Rows = Record<string, unknown>[];

function cell(v: unknown): string {
  if (v == null) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(2);
  if (Array.isArray(v)) return v.map(cell).join(', ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function rowsOf(body: unknown): Rows {
  if (Array.isArray(body)) return body.map((r) => (typeof r === 'object' && r ? r : { value: r }) as Record<string, unknown>);
  if (body && typeof body === 'object') {
    const list = Object.values(body).find(Array.isArray);
    if (list) return rowsOf(list);
    return [body as Record<string, unknown>];
  }
  return [];
}

/** Admin lists; a section whose API the server does not have says so instead of failing. */
export function AdminPage({ section }: { section: string }) {
  const current = SECTIONS.find((s) => s.id === section) ?? SECTIONS[0];
  const [rows, setRows] = useState<Rows | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const shown = useRef(current.id);

  useEffect(() => {
    let cancelled = false;
    // a reload after an edit keeps the rows (and the editor) on screen until the new ones come
    if (shown.current !== current.id) setRows(undefined);
    shown.current = current.id;
    setError(null);
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

  const columns = rows && rows.length ? Array.from(new Set(rows.flatMap((r) => Object.keys(r)))).slice(0, 8) : [];
  return (
    <main className="page admin-page">
      <nav className="admin-nav" aria-label="Admin sections">
        {SECTIONS.map((s) => (
          <a key={s.id} href={href({ page: 'admin', section: s.id })} aria-current={s.id === current.id ? 'page' : undefined}>
            {s.title}
          </a>
        ))}
      </nav>
      <section className="panel admin-body" aria-labelledby="admin-title">
        <h1 id="admin-title">{current.title}</h1>
        <p className="sub">{current.blurb}</p>
        {error && <p className="error" role="alert">{error}</p>}
        {rows === undefined && !error && <p className="muted">Loading…</p>}
        {rows === null && <p className="not-available" data-testid="not-available">Not available on this server yet.</p>}
        {current.id === 'playbooks' && rows && rows.length > 0 && (
          <PlaybookEditor teams={Array.from(new Set(rows.map((r) => String(r.team ?? 'default'))))}
            onSaved={() => setReload((n) => n + 1)} />
        )}
        {current.id === 'knowledge' && rows !== undefined && rows !== null && (
          <KnowledgeForm onAdded={() => setReload((n) => n + 1)} />
        )}
        {rows && rows.length === 0 && <p className="muted">Nothing here yet.</p>}
        {rows && rows.length > 0 && (
          <div className="table-wrap">
            <table>
              <thead><tr>{columns.map((c) => <th key={c} scope="col">{c}</th>)}</tr></thead>
              <tbody>
                {rows.map((r, i) => (
                  <tr key={i}>{columns.map((c) => <td key={c}>{cell(r[c])}</td>)}</tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </main>
  );
}
