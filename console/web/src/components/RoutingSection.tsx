import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { api, ApiError, optional } from '../api';
import { LabelledField, type FieldProps } from './LabelledField';
import {
  CALL_TYPES, KINDS, PRIORITIES, SENTIMENTS, describe, emptyForm, formField, formProblems, fromForm, toForm,
  type FormField, type RecipientKind, type RoutingRule, type RuleForm,
} from '../routing';
import type { User } from '../types';

type Errors = Partial<Record<FormField, string>>;

const id = (field: string) => `rr-${field}`;

/** A rule's field, its id and error found by its name. */
function Field({ field, label, errors, hint, children }: {
  field: FormField; label: string; errors: Errors; hint?: string; children: (props: FieldProps) => ReactNode;
}) {
  return <LabelledField id={id(field)} label={label} error={errors[field]} hint={hint}>{children}</LabelledField>;
}

/** Boxes to tick, any of which matches; none ticked is no condition. */
function Choices({ field, legend, options, chosen, errors, onChange }: {
  field: FormField; legend: string; options: readonly string[]; chosen: string[]; errors: Errors; onChange: (v: string[]) => void;
}) {
  const error = errors[field];
  return (
    <fieldset className={`rr-choices${error ? ' invalid' : ''}`} aria-describedby={error ? `${id(field)}-error` : undefined}>
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o} className="rr-check">
          <input type="checkbox" checked={chosen.includes(o)}
            onChange={(e) => onChange(e.target.checked ? [...chosen, o] : chosen.filter((c) => c !== o))} /> {o}
        </label>
      ))}
      {error && <span id={`${id(field)}-error`} className="pb-error">{error}</span>}
    </fieldset>
  );
}

/** The form of one rule: name, conditions, recipients, assignee; errors at their fields. */
function RuleEditor({ initial, otherNames, serverErrors, saving, onSave, onCancel }: {
  initial: RuleForm; otherNames: string[]; serverErrors: Errors; saving: boolean;
  onSave: (rule: RoutingRule) => void; onCancel: () => void;
}) {
  const [form, setForm] = useState(initial);
  const [checked, setChecked] = useState(false);
  const problems = formProblems(form, otherNames);
  const errors: Errors = checked ? { ...serverErrors, ...problems } : serverErrors;
  const set = (patch: Partial<RuleForm>) => setForm({ ...form, ...patch });
  const setRecipient = (i: number, kind: RecipientKind, value: string) =>
    set({ recipients: form.recipients.map((r, j) => (j === i ? { kind, value } : r)) });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    if (Object.keys(problems).length === 0) onSave(fromForm(form));
  };
  return (
    <form className="pb-fields rr-editor" onSubmit={submit} noValidate aria-label={initial.name ? `Edit rule ${initial.name}` : 'New rule'}
      data-testid="routing-editor">
      <h2>{initial.name ? `Edit “${initial.name}”` : 'New rule'}</h2>
      {checked && Object.keys(problems).length > 0 && (
        <p className="error" role="alert">Not saved: correct the fields marked below.</p>
      )}
      <Field field="name" label="Name" errors={errors}>
        {(p) => <input {...p} value={form.name} maxLength={100} autoComplete="off" onChange={(e) => set({ name: e.target.value })} />}
      </Field>
      <label className="rr-check">
        <input type="checkbox" checked={form.escalation} onChange={(e) => set({ escalation: e.target.checked })} />{' '}
        An escalation (the reason is shown first, the subject says “Escalation”)
      </label>
      <fieldset className={errors.conditions ? 'invalid' : undefined} aria-describedby={errors.conditions ? `${id('conditions')}-error` : undefined}>
        <legend>When the call meets all of these</legend>
        {errors.conditions && <span id={`${id('conditions')}-error`} className="pb-error">{errors.conditions}</span>}
        <Choices field="callTypes" legend="Call type is any of" options={CALL_TYPES} chosen={form.callTypes} errors={errors}
          onChange={(callTypes) => set({ callTypes })} />
        <Field field="minPriority" label="Priority at least" errors={errors}>
          {(p) => (
            <select {...p} value={form.minPriority} onChange={(e) => set({ minPriority: e.target.value })}>
              <option value="">Any priority</option>
              {PRIORITIES.map((v) => <option key={v} value={v}>{v}</option>)}
            </select>
          )}
        </Field>
        <Choices field="sentiments" legend="Customer sentiment is any of" options={SENTIMENTS} chosen={form.sentiments}
          errors={errors} onChange={(sentiments) => set({ sentiments })} />
        <Field field="objectionKinds" label="Objection kinds (any of, comma-separated)" errors={errors} hint="For example: price, timing, competitor">
          {(p) => <input {...p} value={form.objectionKinds} autoComplete="off" onChange={(e) => set({ objectionKinds: e.target.value })} />}
        </Field>
        <Field field="phrases" label="Words or phrases said (any of, one a line)" errors={errors}
          hint="Case and punctuation do not matter; whole words only.">
          {(p) => <textarea {...p} rows={3} value={form.phrases} onChange={(e) => set({ phrases: e.target.value })} />}
        </Field>
      </fieldset>
      <fieldset className={errors.recipients ? 'invalid' : undefined}>
        <legend>Then notify</legend>
        {errors.recipients && <span className="pb-error" role="alert">{errors.recipients}</span>}
        {form.recipients.map((r, i) => {
          const field = `recipient-${i}` as FormField;
          return (
            <div key={i} className="rr-recipient">
              <label className="visually-hidden" htmlFor={id(`${field}-kind`)}>How to notify, recipient {i + 1}</label>
              <select id={id(`${field}-kind`)} value={r.kind} onChange={(e) => setRecipient(i, e.target.value as RecipientKind, r.value)}>
                {KINDS.map(([v, label]) => <option key={v} value={v}>{label}</option>)}
              </select>
              {r.kind !== 'team-lead' && (
                <Field field={field} label={r.kind === 'email' ? `E-mail address, recipient ${i + 1}` : `URL, recipient ${i + 1}`} errors={errors}>
                  {(p) => <input {...p} type={r.kind === 'email' ? 'email' : 'url'} value={r.value} autoComplete="off"
                    onChange={(e) => setRecipient(i, r.kind, e.target.value)} />}
                </Field>
              )}
              {r.kind === 'team-lead' && errors[field] && <span className="pb-error">{errors[field]}</span>}
              <button type="button" className="btn small ghost"
                onClick={() => set({ recipients: form.recipients.filter((_, j) => j !== i) })}>
                Remove<span className="visually-hidden"> recipient {i + 1}</span>
              </button>
            </div>
          );
        })}
        <p><button type="button" className="btn small"
          onClick={() => set({ recipients: [...form.recipients, { kind: 'email', value: '' }] })}>Add a recipient</button></p>
      </fieldset>
      <Field field="assignee" label="Assign the call’s action items to (username, optional)" errors={errors}>
        {(p) => <input {...p} value={form.assignee} autoComplete="off" onChange={(e) => set({ assignee: e.target.value })} />}
      </Field>
      <div className="editor-actions">
        <button type="submit" className="btn primary small" disabled={saving}>{saving ? 'Saving…' : 'Save rule'}</button>
        <button type="button" className="btn small ghost" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}

/**
 * A team's routing rules for its managers and admins: the list in plain words, add, edit and delete. Each change
 * stores the whole list (PUT); a refusal is shown at the field it names.
 */
export function RoutingSection({ user }: { user: User | null }) {
  const isAdmin = !user || user.roles.some((r) => /^(ROLE_)?ADMIN$/i.test(r));
  const [teams, setTeams] = useState<string[] | null>(isAdmin ? null : user?.team ? [user.team] : []);
  const [team, setTeam] = useState<string>(isAdmin ? '' : user?.team ?? '');
  const [rules, setRules] = useState<RoutingRule[] | null>(null);
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const [serverErrors, setServerErrors] = useState<Errors>({});
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!isAdmin) return;
    optional<{ name: string }[]>('/api/admin/teams').then((list) => {
      const names = (list ?? []).map((t) => t.name);
      setTeams(names);
      setTeam((t) => t || names[0] || '');
    }, (e) => setError(String(e.message ?? e)));
  }, [isAdmin]);

  useEffect(() => {
    if (!team) return;
    let cancelled = false;
    setRules(null);
    setEditing(null);
    api.get<{ rules: RoutingRule[] }>(`/api/admin/teams/${encodeURIComponent(team)}/routing-rules`)
      .then((r) => !cancelled && setRules(r.rules), (e) => !cancelled && setError(String(e.message ?? e)));
    return () => {
      cancelled = true;
    };
  }, [team]);

  const store = async (next: RoutingRule[], at: number | null, done: string) => {
    setSaving(true);
    setError(null);
    setNotice(null);
    setServerErrors({});
    try {
      const saved = await api.put<{ rules: RoutingRule[] }>(`/api/admin/teams/${encodeURIComponent(team)}/routing-rules`, { rules: next });
      setRules(saved.rules);
      setEditing(null);
      setNotice(done);
    } catch (e) {
      const where = e instanceof ApiError && e.status === 400 ? formField(e.field) : null;
      if (where && where.rule !== null && where.rule === at) {
        setServerErrors({ [where.field]: e instanceof Error ? e.message : String(e) });
      } else {
        setError(`Not saved: ${(e as Error).message ?? e}`);
      }
    } finally {
      setSaving(false);
    }
  };

  const list = rules ?? [];
  const save = (rule: RoutingRule) => {
    const at = editing === 'new' || editing === null ? list.length : editing;
    const next = editing === 'new' || editing === null ? [...list, rule] : list.map((r, i) => (i === at ? rule : r));
    void store(next, at, `Saved the rule “${rule.name}”`);
  };
  const remove = (i: number) => {
    if (!window.confirm(`Delete the rule “${list[i].name}”? This cannot be undone.`)) return;
    void store(list.filter((_, j) => j !== i), null, `Deleted the rule “${list[i].name}”`);
  };

  return (
    <div className="routing-section" data-testid="routing-section">
      {isAdmin && teams && teams.length > 0 && (
        <p>
          <label htmlFor="routing-team">Team </label>
          <select id="routing-team" value={team} onChange={(e) => setTeam(e.target.value)}>
            {teams.map((t) => <option key={t} value={t}>{t}</option>)}
          </select>
        </p>
      )}
      {!isAdmin && team && <p className="muted">Rules of your team, {team}.</p>}
      {teams && teams.length === 0 && <p className="muted">{isAdmin ? 'No teams yet: create one under Teams.' : 'You are in no team, so there are no rules to edit.'}</p>}
      {error && <p className="error" role="alert">{error}</p>}
      {notice && <p className="ok-text" role="status" data-testid="routing-notice">{notice}</p>}
      {team && rules === null && !error && <p className="muted">Loading…</p>}
      {rules && editing === null && (
        <p><button type="button" className="btn primary small" onClick={() => { setServerErrors({}); setEditing('new'); }}>Add a rule</button></p>
      )}
      {rules && editing !== null && (
        <RuleEditor key={String(editing)} initial={editing === 'new' ? emptyForm() : toForm(list[editing])}
          otherNames={list.filter((_, i) => i !== editing).map((r) => r.name)} serverErrors={serverErrors} saving={saving}
          onSave={save} onCancel={() => { setEditing(null); setServerErrors({}); }} />
      )}
      {rules && rules.length === 0 && <p className="muted">No rules yet: calls of {team} are not routed.</p>}
      {rules && rules.length > 0 && (
        <ul className="report-list routing-rules" aria-label={`Routing rules of ${team}`}>
          {rules.map((r, i) => (
            <li key={r.name} data-rule={r.name}>
              <strong>{r.name}</strong>{r.escalation && <> <span className="chip chip-negative">Escalation</span></>}
              <p>{describe(r)}</p>
              <div className="row-actions">
                <button type="button" className="btn small ghost" onClick={() => { setServerErrors({}); setEditing(i); }}>
                  Edit<span className="visually-hidden"> rule {r.name}</span>
                </button>{' '}
                <button type="button" className="btn small ghost" onClick={() => remove(i)}>
                  Delete<span className="visually-hidden"> rule {r.name}</span>
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
