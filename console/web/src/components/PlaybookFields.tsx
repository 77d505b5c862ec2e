import type { ReactNode } from 'react';
import { LabelledField, type FieldProps } from './LabelledField';
import {
  fieldId, newCardFor, newTrigger, renameTrigger, type CardForm, type PlaybookForm,
} from '../playbookForm';

type Errors = Record<string, string>;

/** A playbook field, its id and error found by its path. */
function Field({ path, label, errors, hint, children }: {
  path: string; label: string; errors: Errors; hint?: string; children: (props: FieldProps) => ReactNode;
}) {
  return <LabelledField id={fieldId(path)} label={label} error={errors[path]} hint={hint}>{children}</LabelledField>;
}

/**
 * The structured playbook: each trigger with its example phrases and the cards it shows, then the cards whose
 * trigger is no single intent's (prefixes such as "objection", or tags the engine raises itself).
 */
export function PlaybookFields({ form, errors, onChange }: {
  form: PlaybookForm; errors: Errors; onChange: (form: PlaybookForm) => void;
}) {
  const tags = new Set(form.triggers.map((t) => t.tag));
  const setCard = (index: number, patch: Partial<CardForm>) =>
    onChange({ ...form, cards: form.cards.map((c, i) => (i === index ? { ...c, ...patch } : c)) });
  const removeCard = (index: number) => onChange({ ...form, cards: form.cards.filter((_, i) => i !== index) });

  const card = (c: CardForm, i: number, showTrigger: boolean) => (
    <fieldset key={i} className="pb-card" data-testid="pb-card">
      <legend>Card {c.title.trim() || c.id || i + 1}</legend>
      <Field path={`cards[${i}].title`} label="Title" errors={errors}>
        {(p) => <input {...p} value={c.title} maxLength={200} onChange={(e) => setCard(i, { title: e.target.value })} />}
      </Field>
      <Field path={`cards[${i}].body`} label="Body" errors={errors} hint="What the rep should say or do.">
        {(p) => <textarea {...p} rows={2} value={c.body} onChange={(e) => setCard(i, { body: e.target.value })} />}
      </Field>
      <div className="pb-row">
        <Field path={`cards[${i}].priority`} label="Priority" errors={errors} hint="1 is the most urgent.">
          {(p) => <input {...p} type="number" min={1} step={1} inputMode="numeric" value={c.priority}
            onChange={(e) => setCard(i, { priority: e.target.value })} />}
        </Field>
        <Field path={`cards[${i}].cooldown_s`} label="Cool-down (s)" errors={errors} hint="Before it may show again.">
          {(p) => <input {...p} type="number" min={0} step="any" inputMode="decimal" value={c.cooldown}
            onChange={(e) => setCard(i, { cooldown: e.target.value })} />}
        </Field>
        <Field path={`cards[${i}].id`} label="Card id" errors={errors}>
          {(p) => <input {...p} value={c.id} maxLength={100} onChange={(e) => setCard(i, { id: e.target.value })} />}
        </Field>
      </div>
      {showTrigger && (
        <Field path={`cards[${i}].trigger`} label="Shown on trigger" errors={errors}
          hint="A trigger's name, or its start (objection covers every objection:…).">
          {(p) => <input {...p} value={c.trigger} maxLength={100} onChange={(e) => setCard(i, { trigger: e.target.value })} />}
        </Field>
      )}
      <button type="button" className="btn small ghost" onClick={() => removeCard(i)}>
        Remove card<span className="visually-hidden"> {c.title || c.id}</span>
      </button>
    </fieldset>
  );

  return (
    <div className="pb-fields">
      {form.triggers.map((t, ti) => (
        <fieldset key={ti} className="pb-trigger" data-testid="pb-trigger">
          <legend>Trigger {t.tag || ti + 1}</legend>
          <Field path={`intents[${ti}].tag`} label="Name" errors={errors} hint="Shown on cards and in reports, e.g. objection:price.">
            {(p) => <input {...p} value={t.tag} maxLength={100} onChange={(e) => onChange(renameTrigger(form, ti, e.target.value))} />}
          </Field>
          <Field path={`intents[${ti}].exemplars`} label="Example phrases" errors={errors}
            hint="One per line: things a caller says when this happens. Meaning counts, not exact words.">
            {(p) => <textarea {...p} rows={4} value={t.examples}
              onChange={(e) => onChange({ ...form, triggers: form.triggers.map((x, i) => (i === ti ? { ...x, examples: e.target.value } : x)) })} />}
          </Field>
          <details className="pb-advanced" open={Boolean(errors[`intents[${ti}].keywords`])}>
            <summary>Keyword patterns (optional)</summary>
            <Field path={`intents[${ti}].keywords`} label="Keyword patterns" errors={errors}
              hint="One regular expression per line; a hit lowers the similarity needed.">
              {(p) => <textarea {...p} className="code" rows={3} spellCheck={false} value={t.keywords}
                onChange={(e) => onChange({ ...form, triggers: form.triggers.map((x, i) => (i === ti ? { ...x, keywords: e.target.value } : x)) })} />}
            </Field>
          </details>
          <div className="pb-cards">
            <h4>Cards it shows</h4>
            {form.cards.map((c, ci) => (c.trigger === t.tag && t.tag !== '' ? card(c, ci, false) : null))}
            <button type="button" className="btn small" onClick={() => onChange({ ...form, cards: [...form.cards, newCardFor(form, t.tag)] })}>
              Add a card<span className="visually-hidden"> for {t.tag}</span>
            </button>
          </div>
          <button type="button" className="btn small ghost" onClick={() => onChange({
            ...form, triggers: form.triggers.filter((_, i) => i !== ti),
            cards: form.cards.filter((c) => c.trigger !== t.tag || t.tag === ''),
          })}>
            Remove trigger<span className="visually-hidden"> {t.tag}</span> and its cards
          </button>
        </fieldset>
      ))}
      <button type="button" className="btn small" onClick={() => onChange(newTrigger(form))}>Add a trigger</button>
      {form.cards.some((c) => !tags.has(c.trigger) || c.trigger === '') && (
        <section className="pb-other" aria-labelledby="pb-other-title">
          <h3 id="pb-other-title">Cards on other triggers</h3>
          <p className="pb-hint">Shown for a family of triggers or for events the engine raises itself.</p>
          {form.cards.map((c, ci) => (!tags.has(c.trigger) || c.trigger === '' ? card(c, ci, true) : null))}
        </section>
      )}
    </div>
  );
}
