// The playbook as the structured editor shows it: triggers (an intent: its tag, example phrases and keyword
// patterns) each with the cards it shows (title, body, priority, cool-down), plus cards whose trigger names no
// intent (a prefix such as "objection", or a tag another part of the engine raises). Settings the form does not
// show (thresholds, speakers, disclosure, coaching, ...) are kept as they were and sent back unchanged.

type Json = Record<string, unknown>;

export interface TriggerForm {
  tag: string;
  /** example phrases, one per line */
  examples: string;
  /** keyword patterns (regular expressions), one per line */
  keywords: string;
  /** the intent's other settings, kept as they were */
  rest: Json;
}

export interface CardForm {
  id: string;
  trigger: string;
  title: string;
  body: string;
  priority: string;
  cooldown: string;
  rest: Json;
}

export interface PlaybookForm {
  triggers: TriggerForm[];
  cards: CardForm[];
  rest: Json;
}

const lines = (v: unknown) => (Array.isArray(v) ? v.map(String).join('\n') : '');
const listOf = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);
const text = (v: unknown) => (v === undefined || v === null ? '' : String(v));

function without(o: Json, ...keys: string[]): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(o)) if (!keys.includes(k)) out[k] = v;
  return out;
}

/** The form of a playbook tree as the server reads it (GET /api/playbooks/{team} → structure). */
export function toForm(structure: unknown): PlaybookForm {
  const root = (structure && typeof structure === 'object' ? structure : {}) as Json;
  const intents = Array.isArray(root.intents) ? (root.intents as Json[]) : [];
  const cards = Array.isArray(root.cards) ? (root.cards as Json[]) : [];
  return {
    triggers: intents.map((i) => ({
      tag: text(i.tag), examples: lines(i.exemplars), keywords: lines(i.keywords),
      rest: without(i, 'tag', 'exemplars', 'keywords'),
    })),
    cards: cards.map((c) => ({
      id: text(c.id), trigger: text(c.trigger), title: text(c.title), body: text(c.body),
      priority: text(c.priority), cooldown: text(c.cooldown_s),
      rest: without(c, 'id', 'trigger', 'title', 'body', 'priority', 'cooldown_s'),
    })),
    rest: without(root, 'intents', 'cards'),
  };
}

const numberOr = (s: string) => (s.trim() !== '' && Number.isFinite(Number(s)) ? Number(s) : s);

/**
 * The playbook tree of a form, in the form's order, so that a server error's path ({@code intents[2].exemplars})
 * names the same trigger or card the form shows. Sent as JSON, which the server reads as it reads YAML.
 */
export function toStructure(form: PlaybookForm): Json {
  const out: Json = { ...form.rest };
  out.intents = form.triggers.map((t) => {
    const intent: Json = { tag: t.tag.trim(), ...t.rest };
    const keywords = listOf(t.keywords);
    if (keywords.length || Array.isArray(t.rest.keywords)) intent.keywords = keywords;
    intent.exemplars = listOf(t.examples);
    return intent;
  });
  out.cards = form.cards.map((c) => ({
    id: c.id.trim(), trigger: c.trigger.trim(), title: c.title.trim(), body: c.body.trim(),
    priority: numberOr(c.priority), cooldown_s: numberOr(c.cooldown), ...c.rest,
  }));
  return out;
}

/** The DOM id of a form field; {@code fieldPath} maps a server path onto these. */
export const fieldId = (path: string) => `pb-${path.replace(/\[(\d+)\]/g, '-$1').replace(/\./g, '-')}`;

/**
 * The form field a server path points at: {@code intents[1].keywords[3]} is the trigger's keywords box,
 * {@code intents[1].exemplars} its example phrases; null for settings the form does not show.
 */
export function fieldPath(serverPath: string | undefined | null): string | null {
  if (!serverPath) return null;
  const m = /^(intents|cards)\[(\d+)\]\.([a-z_]+)/.exec(serverPath);
  if (!m) return null;
  const shown = m[1] === 'intents' ? ['tag', 'exemplars', 'keywords'] : ['id', 'trigger', 'title', 'body', 'priority', 'cooldown_s'];
  return shown.includes(m[3]) ? `${m[1]}[${m[2]}].${m[3]}` : null;
}

const TAG = /^[A-Za-z0-9_.:-]+$/;

/** Problems the form can see before the server does, in plain words, by field path (as the server names fields). */
export function validate(form: PlaybookForm): Record<string, string> {
  const errors: Record<string, string> = {};
  const seen = new Set<string>();
  form.triggers.forEach((t, i) => {
    const tag = t.tag.trim();
    if (!tag) errors[`intents[${i}].tag`] = 'Give the trigger a name, such as objection:price.';
    else if (!TAG.test(tag)) errors[`intents[${i}].tag`] = 'Use letters, digits and : _ - . only (no spaces).';
    else if (seen.has(tag)) errors[`intents[${i}].tag`] = `Another trigger is already called ${tag}.`;
    seen.add(tag);
    if (!listOf(t.examples).length && !listOf(t.keywords).length) {
      errors[`intents[${i}].exemplars`] = 'Add at least one example phrase (one per line) that a caller might say.';
    }
  });
  const ids = new Set<string>();
  form.cards.forEach((c, i) => {
    const id = c.id.trim();
    if (!id) errors[`cards[${i}].id`] = 'Give the card a short id, such as price-objection.';
    else if (ids.has(id)) errors[`cards[${i}].id`] = `Another card already has the id ${id}.`;
    ids.add(id);
    if (!c.trigger.trim()) errors[`cards[${i}].trigger`] = 'Say which trigger shows this card.';
    if (!c.title.trim()) errors[`cards[${i}].title`] = 'The card needs a title: it is what the rep reads first.';
    if (!c.body.trim()) errors[`cards[${i}].body`] = 'The card needs a body: what the rep should say or do.';
    const p = Number(c.priority);
    if (c.priority.trim() === '' || !Number.isInteger(p) || p < 1) {
      errors[`cards[${i}].priority`] = 'Priority is a whole number: 1 is the most urgent.';
    }
    const cool = Number(c.cooldown);
    if (c.cooldown.trim() === '' || !Number.isFinite(cool) || cool < 0) {
      errors[`cards[${i}].cooldown_s`] = 'Cool-down is the seconds before the card may show again: 0 or more.';
    }
  });
  return errors;
}

/** The name a field's error is listed under, e.g. "Trigger objection:price · Example phrases". */
export function fieldName(form: PlaybookForm, path: string): string {
  const m = /^(intents|cards)\[(\d+)\]\.([a-z_]+)/.exec(path);
  if (!m) return path;
  const i = Number(m[2]);
  const labels: Record<string, string> = {
    tag: 'Name', exemplars: 'Example phrases', keywords: 'Keyword patterns', id: 'Card id', trigger: 'Trigger',
    title: 'Title', body: 'Body', priority: 'Priority', cooldown_s: 'Cool-down',
  };
  const owner = m[1] === 'intents'
    ? `Trigger ${form.triggers[i]?.tag.trim() || i + 1}`
    : `Card ${form.cards[i]?.title.trim() || form.cards[i]?.id.trim() || i + 1}`;
  return `${owner} · ${labels[m[3]] ?? m[3]}`;
}

/** A new trigger with one card for it, the shape most playbook edits start from. */
export function newTrigger(form: PlaybookForm): PlaybookForm {
  let n = form.triggers.length + 1;
  while (form.triggers.some((t) => t.tag === `custom:trigger-${n}`)) n++;
  const tag = `custom:trigger-${n}`;
  return {
    ...form,
    // the similarity a caller's words need to an example phrase (with a keyword hit: less), as the default's own
    triggers: [...form.triggers, { tag, examples: '', keywords: '', rest: { speakers: ['customer'], threshold: 0.6, keyword_threshold: 0.35 } }],
    cards: [...form.cards, newCardFor(form, tag)],
  };
}

export function newCardFor(form: PlaybookForm, trigger: string): CardForm {
  let n = form.cards.length + 1;
  const base = trigger.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'card';
  while (form.cards.some((c) => c.id === `${base}-${n}`)) n++;
  return { id: `${base}-${n}`, trigger, title: '', body: '', priority: '2', cooldown: '60', rest: {} };
}

/** Renames a trigger and moves its cards along with it. */
export function renameTrigger(form: PlaybookForm, index: number, tag: string): PlaybookForm {
  const old = form.triggers[index].tag;
  return {
    ...form,
    triggers: form.triggers.map((t, i) => (i === index ? { ...t, tag } : t)),
    cards: form.cards.map((c) => (c.trigger === old && old !== '' ? { ...c, trigger: tag } : c)),
  };
}

/**
 * A pasted transcript ("Rep: …" / "Customer: …" per line; lines without a speaker continue the previous one) as
 * the JSON /api/analyze reads, three seconds a line.
 */
export function transcriptOf(pasted: string): { utterances: { speaker: string; start: number; end: number; text: string }[] } {
  const utterances: { speaker: string; start: number; end: number; text: string }[] = [];
  for (const raw of pasted.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const m = /^(rep|agent|me|you|customer|caller|client|prospect)\s*:\s*(.*)$/i.exec(line);
    if (m) {
      const speaker = /^(rep|agent|me|you)$/i.test(m[1]) ? 'rep' : 'customer';
      const start = utterances.length * 3;
      utterances.push({ speaker, start, end: start + 3, text: m[2] });
    } else if (utterances.length) {
      utterances[utterances.length - 1].text += ` ${line}`;
    } else {
      utterances.push({ speaker: 'customer', start: 0, end: 3, text: line });
    }
  }
  return { utterances };
}

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

function scalar(v: unknown): string | null {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  // a JSON string is a YAML double-quoted scalar: any text, newlines and quotes included, reads back the same
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v) && v.length === 0) return '[]';
  if (typeof v === 'object' && Object.keys(v as object).length === 0) return '{}';
  return null;
}

function emit(v: unknown, indent: string): string[] {
  const out: string[] = [];
  if (Array.isArray(v)) {
    for (const item of v) {
      const s = scalar(item);
      if (s !== null) {
        out.push(`${indent}- ${s}`);
      } else {
        const sub = emit(item, `${indent}  `);
        out.push(`${indent}- ${sub[0].slice(indent.length + 2)}`, ...sub.slice(1));
      }
    }
    return out;
  }
  for (const [k, child] of Object.entries(v as Json)) {
    const key = PLAIN_KEY.test(k) ? k : JSON.stringify(k);
    const s = scalar(child);
    if (s !== null) out.push(`${indent}${key}: ${s}`);
    else out.push(`${indent}${key}:`, ...emit(child, `${indent}  `));
  }
  return out;
}

/**
 * A playbook tree as YAML, so a version saved from the form reads like one written by hand (in the text editor
 * and in the history's comparison). Strings are double-quoted, which keeps every character as typed.
 */
export function toYaml(tree: unknown, { sorted = false } = {}): string {
  const t = sorted ? sortKeys(tree) : tree;
  const s = scalar(t);
  return s !== null ? `${s}\n` : `${emit(t, '').join('\n')}\n`;
}

/** The tree with every map's keys in alphabetical order, so two versions compare by content, not key order. */
function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.keys(v as Json).sort().map((k) => [k, sortKeys((v as Json)[k])]));
  }
  return v;
}
