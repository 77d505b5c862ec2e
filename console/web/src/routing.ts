/** Routing and escalation rules (GET/PUT /api/admin/teams/{team}/routing-rules) and the call page's routed entries. */

export type RecipientKind = 'email' | 'team-lead' | 'slack' | 'webhook';

export interface Recipient {
  kind: RecipientKind;
  to?: string | null;
  url?: string | null;
}

export interface When {
  callTypes: string[];
  minPriority?: string | null;
  sentiments: string[];
  objectionKinds: string[];
  phrases: string[];
}

export interface RoutingRule {
  name: string;
  escalation: boolean;
  when: When;
  recipients: Recipient[];
  assignActionItemsTo?: string | null;
}

/** One entry of GET /api/calls/{id}/routing. */
export interface RoutedEntry {
  rule: string;
  escalation: boolean;
  reason: string;
  matched: Record<string, unknown>;
  channel: 'email' | 'slack' | 'webhook' | 'assign';
  recipient: string;
  status: 'pending' | 'delivered' | 'failed' | 'assigned' | 'not-sent';
  detail?: string | null;
  attempts: number;
  at?: string | null;
}

export const CALL_TYPES = ['sales', 'support', 'meeting'] as const;
export const PRIORITIES = ['low', 'normal', 'high'] as const;
export const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;
export const KINDS: [RecipientKind, string][] = [
  ['team-lead', 'Team lead (the team’s managers)'],
  ['email', 'E-mail address'],
  ['slack', 'Slack channel (incoming webhook)'],
  ['webhook', 'Webhook'],
];

/** A rule as the form edits it: lists as text (one phrase a line, kinds comma-separated). */
export interface RuleForm {
  name: string;
  escalation: boolean;
  callTypes: string[];
  minPriority: string;
  sentiments: string[];
  objectionKinds: string;
  phrases: string;
  recipients: { kind: RecipientKind; value: string }[];
  assignee: string;
}

export function emptyForm(): RuleForm {
  return { name: '', escalation: false, callTypes: [], minPriority: '', sentiments: [], objectionKinds: '', phrases: '',
    recipients: [{ kind: 'team-lead', value: '' }], assignee: '' };
}

export function toForm(rule: RoutingRule): RuleForm {
  return {
    name: rule.name,
    escalation: rule.escalation,
    callTypes: [...rule.when.callTypes],
    minPriority: rule.when.minPriority ?? '',
    sentiments: [...rule.when.sentiments],
    objectionKinds: rule.when.objectionKinds.join(', '),
    phrases: rule.when.phrases.join('\n'),
    recipients: rule.recipients.map((r) => ({ kind: r.kind, value: (r.kind === 'email' ? r.to : r.url) ?? '' })),
    assignee: rule.assignActionItemsTo ?? '',
  };
}

const list = (text: string, separator: RegExp) => text.split(separator).map((s) => s.trim()).filter(Boolean);

export function fromForm(form: RuleForm): RoutingRule {
  return {
    name: form.name.trim(),
    escalation: form.escalation,
    when: {
      callTypes: form.callTypes,
      minPriority: form.minPriority || null,
      sentiments: form.sentiments,
      objectionKinds: list(form.objectionKinds, /,/),
      phrases: list(form.phrases, /\n/),
    },
    recipients: form.recipients.map((r) => (r.kind === 'email' ? { kind: r.kind, to: r.value.trim() }
      : r.kind === 'team-lead' ? { kind: r.kind } : { kind: r.kind, url: r.value.trim() })),
    assignActionItemsTo: form.assignee.trim() || null,
  };
}

/** The form's fields an error can sit at: name, conditions, phrases, objectionKinds, recipient-N, assignee. */
export type FormField = 'name' | 'conditions' | 'phrases' | 'objectionKinds' | 'callTypes' | 'minPriority' | 'sentiments'
  | 'recipients' | `recipient-${number}` | 'assignee' | 'rules';

/**
 * Where a server field path lands: {@code rules[2].when.phrases[1]} is rule 2's phrases box, {@code
 * rules[0].recipients[1].url} its second recipient; null rule for faults of the whole list.
 */
export function formField(path: string | null | undefined): { rule: number | null; field: FormField } {
  const m = /^rules\[(\d+)\](?:\.(\w+)(?:\[(\d+)\])?(?:\.(\w+))?)?/.exec(path ?? '');
  if (!m) return { rule: null, field: 'rules' };
  const rule = Number(m[1]);
  const [, , first, index, second] = m;
  if (first === 'name') return { rule, field: 'name' };
  if (first === 'when') {
    if (['phrases', 'objectionKinds', 'callTypes', 'minPriority', 'sentiments'].includes(second ?? '')) {
      return { rule, field: second as FormField };
    }
    return { rule, field: 'conditions' };
  }
  if (first === 'recipients') return { rule, field: index === undefined ? 'recipients' : `recipient-${Number(index)}` };
  if (first === 'assignActionItemsTo') return { rule, field: 'assignee' };
  return { rule, field: 'name' };
}

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

/** What the form can tell before the server: in plain words, by field. */
export function formProblems(form: RuleForm, otherNames: string[]): Partial<Record<FormField, string>> {
  const out: Partial<Record<FormField, string>> = {};
  if (!form.name.trim()) out.name = 'Give the rule a name.';
  else if (otherNames.some((n) => n.toLowerCase() === form.name.trim().toLowerCase())) {
    out.name = `Another rule is already named “${form.name.trim()}”.`;
  }
  const rule = fromForm(form);
  const w = rule.when;
  if (!w.callTypes.length && !w.minPriority && !w.sentiments.length && !w.objectionKinds.length && !w.phrases.length) {
    out.conditions = 'Choose at least one condition, or the rule would route every call.';
  }
  if (w.phrases.some((p) => !/[\p{L}\p{N}]/u.test(p))) out.phrases = 'Each phrase needs at least one letter or digit.';
  if (!rule.recipients.length && !rule.assignActionItemsTo) {
    out.recipients = 'Say whom to notify, or whom to assign the action items to.';
  }
  form.recipients.forEach((r, i) => {
    const v = r.value.trim();
    if (r.kind === 'email' && !EMAIL.test(v)) out[`recipient-${i}`] = v ? `“${v}” is not an e-mail address.` : 'Give an e-mail address.';
    if ((r.kind === 'slack' || r.kind === 'webhook') && !/^https?:\/\/[^\s/]+/i.test(v)) {
      out[`recipient-${i}`] = r.kind === 'slack' ? 'Give the Slack incoming-webhook URL (https://hooks.slack.com/…).'
        : 'Give the webhook URL, starting with https://.';
    }
  });
  return out;
}

const quote = (s: string) => `“${s}”`;
const or = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`);

/** The rule in one plain sentence, for the list. */
export function describe(rule: RoutingRule): string {
  const w = rule.when;
  const when: string[] = [];
  if (w.callTypes.length) when.push(`it is a ${or(w.callTypes)} call`);
  if (w.minPriority) when.push(`its priority is ${w.minPriority === 'high' ? 'high' : `${w.minPriority} or higher`}`);
  if (w.sentiments.length) when.push(`the customer was ${or(w.sentiments)}`);
  if (w.objectionKinds.length) when.push(`a ${or(w.objectionKinds)} objection came up`);
  if (w.phrases.length) when.push(`someone said ${or(w.phrases.map(quote))}`);
  const to = rule.recipients.map((r) => (r.kind === 'team-lead' ? 'the team lead' : r.kind === 'email' ? r.to ?? ''
    : r.kind === 'slack' ? 'Slack' : 'the webhook'));
  const then = [to.length ? `notify ${to.join(', ')}` : '', rule.assignActionItemsTo ? `assign the action items to ${rule.assignActionItemsTo}` : '']
    .filter(Boolean).join(' and ');
  return `When ${when.join(' and ')}: ${then}.`;
}

const STATUS: Record<RoutedEntry['status'], string> = {
  pending: 'Sending', delivered: 'Delivered', failed: 'Failed', assigned: 'Assigned', 'not-sent': 'Not sent',
};

/** The delivery status in words, with the retry count or the reason where there is one. */
export function statusText(e: RoutedEntry): string {
  const base = STATUS[e.status] ?? e.status;
  if (e.status === 'pending' && e.attempts > 0) return `${base} (retrying after ${e.attempts} failed attempt${e.attempts === 1 ? '' : 's'})`;
  if ((e.status === 'failed' || e.status === 'not-sent') && e.detail) return `${base}: ${e.detail}`;
  return base;
}

export const CHANNELS: Record<RoutedEntry['channel'], string> = {
  email: 'E-mail', slack: 'Slack', webhook: 'Webhook', assign: 'Action items',
};

/** The matched values as "label: values" pairs, in the order the rule checks them. */
export function matchedPairs(matched: Record<string, unknown>): [string, string][] {
  const labels: [string, string][] = [['callType', 'Call type'], ['priority', 'Priority'], ['sentiment', 'Sentiment'],
    ['objectionKinds', 'Objections'], ['phrases', 'Said']];
  return labels.filter(([k]) => matched[k] !== undefined).map(([k, label]) => {
    const v = matched[k];
    const values = Array.isArray(v) ? v.map(String) : [String(v)];
    return [label, (k === 'phrases' ? values.map(quote) : values).join(', ')];
  });
}
