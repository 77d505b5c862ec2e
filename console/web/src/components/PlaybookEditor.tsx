import { useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../api';
import { savePlaybook } from '../playbookApi';
import {
  fieldId, fieldName, fieldPath, toForm, toStructure, toYaml, validate, type PlaybookForm,
} from '../playbookForm';
import { PlaybookFields } from './PlaybookFields';
import { PlaybookTryIt } from './PlaybookTryIt';
import { PlaybookHistory } from './PlaybookHistory';

export interface PlaybookView {
  team: string;
  version: number;
  author?: string;
  createdAt?: string;
  inherited?: boolean;
  body?: string;
  structure?: unknown;
}

type Status = { ok: boolean; message: string } | null;

const DISCARD = 'You have unsaved changes to this playbook. Discard them?';

/** Asks before unsaved edits are lost: leaving the page, or following a link inside the console. */
function useUnsavedGuard(dirty: boolean) {
  useEffect(() => {
    if (!dirty) return undefined;
    const beforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    const click = (e: MouseEvent) => {
      const link = (e.target as Element | null)?.closest?.('a[href]');
      // the error list's links only move the focus to a field of this form
      if (link && !link.getAttribute('href')?.startsWith('#pb-') && !window.confirm(DISCARD)) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener('beforeunload', beforeUnload);
    document.addEventListener('click', click, true);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      document.removeEventListener('click', click, true);
    };
  }, [dirty]);
}

/**
 * A team's playbook as a form (triggers → example phrases → cards with title, body, priority and cool-down) or
 * as its text; each save is a new version, a team without its own starts one from the default, problems are
 * shown beside the field at fault (the form's own checks first, then the server's), unsaved edits are guarded,
 * the version history compares and restores, and "Try it" runs the saved playbook over a pasted transcript.
 */
export function PlaybookEditor({ teams, onSaved }: { teams: string[]; onSaved?: () => void }) {
  const [allTeams, setAllTeams] = useState<string[]>(teams.length ? teams : ['default']);
  const [team, setTeam] = useState(allTeams[0] ?? 'default');
  const [loaded, setLoaded] = useState<PlaybookView | null>(null);
  const [mode, setMode] = useState<'form' | 'text'>('form');
  const [form, setForm] = useState<PlaybookForm | null>(null);
  const [text, setText] = useState('');
  const [startedOwn, setStartedOwn] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<Status>(null);
  const [saving, setSaving] = useState(false);
  const [reload, setReload] = useState(0);

  // every team may get a playbook, not only those that have one already
  useEffect(() => {
    api.get<{ name: string }[]>('/api/admin/teams').then((list) => {
      setAllTeams((old) => Array.from(new Set(['default', ...old, ...list.map((t) => t.name)])));
    }, () => { /* the playbooks' own teams stay */ });
  }, []);

  // a reload after a save keeps the save's message; another team starts clean
  const shownTeam = useRef(team);
  useEffect(() => {
    let cancelled = false;
    if (shownTeam.current !== team) setStatus(null);
    shownTeam.current = team;
    setLoaded(null);
    setErrors({});
    setStartedOwn(false);
    api.get<PlaybookView>(`/api/playbooks/${encodeURIComponent(team)}`).then((p) => {
      if (cancelled) return;
      setLoaded(p);
      setText(p.body ?? '');
      setForm(p.structure ? toForm(p.structure) : null);
      if (!p.structure) setMode('text');
    }, (e) => !cancelled && setStatus({ ok: false, message: `Could not load: ${e.message ?? e}` }));
    return () => {
      cancelled = true;
    };
  }, [team, reload]);

  const original = useMemo(() => (loaded?.structure ? JSON.stringify(toStructure(toForm(loaded.structure))) : ''), [loaded]);
  const formDirty = form !== null && loaded !== null && JSON.stringify(toStructure(form)) !== original;
  const textDirty = loaded !== null && text !== (loaded.body ?? '');
  // a new playbook for a team is unsaved until its first version is stored, even as an unchanged copy
  const dirty = startedOwn || (mode === 'form' ? formDirty : textDirty);
  useUnsavedGuard(dirty);

  const inherited = Boolean(loaded?.inherited) && !startedOwn;
  const confirmDiscard = () => !dirty || window.confirm(DISCARD);

  const save = async () => {
    if (!loaded) return;
    setStatus(null);
    let body = text;
    if (mode === 'form' && form) {
      const found = validate(form);
      setErrors(found);
      if (Object.keys(found).length) {
        setStatus({ ok: false, message: `Not saved: ${Object.keys(found).length} field${Object.keys(found).length > 1 ? 's need' : ' needs'} attention (listed above the form).` });
        document.getElementById(fieldId(Object.keys(found)[0]))?.focus();
        return;
      }
      // stored as YAML, like a playbook written by hand
      body = toYaml(toStructure(form));
    }
    setSaving(true);
    try {
      const { ok, status: code, body: answer } = await savePlaybook(team, body);
      if (!ok) {
        const path = mode === 'form' ? fieldPath(answer.field) : null;
        if (path && form) {
          setErrors({ [path]: plain(answer.message) });
          document.getElementById(fieldId(path))?.focus();
          setStatus({ ok: false, message: `Not saved: ${fieldName(form, path)}: ${plain(answer.message)}` });
        } else {
          setStatus({ ok: false, message: `Not saved (${code}): ${answer.message ?? answer.error ?? 'refused'}` });
        }
        return;
      }
      setStatus({ ok: true, message: code === 201 ? `Saved as version ${answer.version}` : `No change (version ${answer.version})` });
      setReload((n) => n + 1);
      onSaved?.();
    } catch (e) {
      setStatus({ ok: false, message: `Not saved: ${(e as Error).message ?? e}` });
    } finally {
      setSaving(false);
    }
  };

  const errorList = Object.entries(errors);
  return (
    <div className="playbook-editor" data-testid="playbook-editor">
      <div className="editor-head">
        <label>
          <span>Team</span>
          <select value={team} onChange={(e) => { if (confirmDiscard()) setTeam(e.target.value); }}>
            {allTeams.map((t) => <option key={t} value={t}>{t}</option>)}
          </select>
        </label>
        {loaded && (
          <span className="muted small" data-testid="playbook-version">
            {inherited ? `uses the default playbook (version ${loaded.version})` : `version ${loaded.version}`}
            {!inherited && loaded.author ? ` · ${loaded.author}` : ''}
          </span>
        )}
        {loaded && !inherited && (
          <div className="pb-modes" role="group" aria-label="Edit as">
            <button type="button" className={`btn small${mode === 'form' ? ' primary' : ''}`} aria-pressed={mode === 'form'}
              disabled={!form} onClick={() => { if (mode !== 'form' && confirmDiscard()) { setText(loaded.body ?? ''); setMode('form'); } }}>Form</button>
            <button type="button" className={`btn small${mode === 'text' ? ' primary' : ''}`} aria-pressed={mode === 'text'}
              onClick={() => { if (mode !== 'text' && confirmDiscard()) { setForm(loaded.structure ? toForm(loaded.structure) : null); setErrors({}); setMode('text'); } }}>Text (YAML)</button>
          </div>
        )}
        {dirty && <span className="pb-unsaved" data-testid="playbook-unsaved">Unsaved changes</span>}
      </div>

      {loaded && inherited && (
        <div className="note pb-new" data-testid="playbook-inherited">
          <p>{team} has no playbook of its own: its calls use the default playbook.</p>
          <button type="button" className="btn small primary" onClick={() => setStartedOwn(true)}>
            New playbook for {team}
          </button>
          <span className="pb-hint"> Starts from a copy of the default; saving makes it {team}’s version 1.</span>
        </div>
      )}

      {loaded && !inherited && errorList.length > 0 && (
        <div className="error pb-errors" role="alert" data-testid="playbook-errors">
          <p>Fix {errorList.length === 1 ? 'this field' : `these ${errorList.length} fields`} to save:</p>
          <ul>
            {errorList.map(([path, message]) => (
              <li key={path}>
                <a href={`#${fieldId(path)}`} onClick={(e) => { e.preventDefault(); e.stopPropagation(); document.getElementById(fieldId(path))?.focus(); }}>
                  {form ? fieldName(form, path) : path}</a>: {message}
              </li>
            ))}
          </ul>
        </div>
      )}

      {loaded && !inherited && mode === 'form' && form && (
        <PlaybookFields form={form} errors={errors} onChange={(f) => { setForm(f); setStatus(null); }} />
      )}
      {loaded && !inherited && mode === 'text' && (
        <textarea className="code" aria-label={`Playbook of ${team}`} spellCheck={false} value={text}
          onChange={(e) => { setText(e.target.value); setStatus(null); }} rows={18} />
      )}
      {loaded && !inherited && (
        <div className="editor-actions">
          <button type="button" className="btn primary small" onClick={() => void save()}
            disabled={saving || !dirty}>Save new version</button>
          {status && (
            <span className={status.ok ? 'ok-text' : 'error'} role={status.ok ? 'status' : 'alert'}
              data-testid="playbook-status">{status.message}</span>
          )}
        </div>
      )}
      {loaded && <PlaybookTryIt team={team} unsaved={dirty} />}
      {loaded && !loaded.inherited && (
        <PlaybookHistory team={team} current={loaded} confirmDiscard={confirmDiscard}
          onRestored={(v) => { setStatus({ ok: true, message: `Restored as version ${v}` }); setReload((n) => n + 1); onSaved?.(); }} />
      )}
    </div>
  );
}

/** The server's reason without its "invalid playbook:" lead, which the field's place already says. */
function plain(message: unknown): string {
  return String(message ?? 'refused').replace(/^invalid playbook:\s*/i, '');
}
