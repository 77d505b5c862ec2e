import { describe as group, expect, it } from 'vitest';
import { describe, emptyForm, formField, formProblems, fromForm, matchedPairs, statusText, toForm, type RoutingRule } from './routing';

const rule: RoutingRule = {
  name: 'Cancellation risk',
  escalation: true,
  when: { callTypes: ['support'], minPriority: 'normal', sentiments: ['negative'], objectionKinds: ['price', 'timing'],
    phrases: ['cancel my account', 'refund'] },
  recipients: [{ kind: 'team-lead' }, { kind: 'slack', url: 'https://hooks.slack.com/services/T/B/x' },
    { kind: 'email', to: 'ops@example.com' }],
  assignActionItemsTo: 'lena',
};

group('routing rules in the form', () => {
  it('round-trips a rule through the form', () => {
    expect(fromForm(toForm(rule))).toEqual(rule);
  });

  it('reads phrases a line each and kinds comma-separated, dropping blanks', () => {
    const form = { ...emptyForm(), name: ' Angry ', sentiments: ['negative'], phrases: ' cancel \n\n  refund now ',
      objectionKinds: 'price, , timing', recipients: [{ kind: 'webhook' as const, value: ' https://h.example/x ' }] };
    expect(fromForm(form)).toEqual({ name: 'Angry', escalation: false,
      when: { callTypes: [], minPriority: null, sentiments: ['negative'], objectionKinds: ['price', 'timing'],
        phrases: ['cancel', 'refund now'] },
      recipients: [{ kind: 'webhook', url: 'https://h.example/x' }], assignActionItemsTo: null });
  });

  it('says in plain words what is missing or wrong, at the field', () => {
    const form = { ...emptyForm(), recipients: [{ kind: 'email' as const, value: 'lead' },
      { kind: 'slack' as const, value: 'hooks.slack.com' }] };
    expect(formProblems(form, [])).toEqual({
      name: 'Give the rule a name.',
      conditions: 'Choose at least one condition, or the rule would route every call.',
      'recipient-0': '“lead” is not an e-mail address.',
      'recipient-1': 'Give the Slack incoming-webhook URL (https://hooks.slack.com/…).',
    });
    expect(formProblems({ ...toForm(rule), name: 'other' }, ['Other']).name).toBe('Another rule is already named “other”.');
    expect(formProblems({ ...toForm(rule), recipients: [], assignee: '' }, []).recipients)
      .toBe('Say whom to notify, or whom to assign the action items to.');
    expect(formProblems({ ...toForm(rule), phrases: 'ok\n?!' }, []).phrases).toBe('Each phrase needs at least one letter or digit.');
    expect(formProblems(toForm(rule), [])).toEqual({});
  });

  it('maps the server field paths onto the form fields', () => {
    expect(formField('rules[2].when.phrases[1]')).toEqual({ rule: 2, field: 'phrases' });
    expect(formField('rules[0].when')).toEqual({ rule: 0, field: 'conditions' });
    expect(formField('rules[1].recipients[3].url')).toEqual({ rule: 1, field: 'recipient-3' });
    expect(formField('rules[1].recipients')).toEqual({ rule: 1, field: 'recipients' });
    expect(formField('rules[0].assignActionItemsTo')).toEqual({ rule: 0, field: 'assignee' });
    expect(formField('rules[4].name')).toEqual({ rule: 4, field: 'name' });
    expect(formField('rules')).toEqual({ rule: null, field: 'rules' });
    expect(formField(undefined)).toEqual({ rule: null, field: 'rules' });
  });

  it('describes a rule in one sentence', () => {
    expect(describe(rule)).toBe('When it is a support call and its priority is normal or higher and the customer was '
      + 'negative and a price or timing objection came up and someone said “cancel my account” or “refund”: notify the '
      + 'team lead, Slack, ops@example.com and assign the action items to lena.');
  });
});

group('routed entries on the call page', () => {
  const entry = { rule: 'r', escalation: true, reason: 'x', matched: {}, channel: 'email' as const, recipient: 'a', attempts: 0 };

  it('says where delivery stands', () => {
    expect(statusText({ ...entry, status: 'delivered' })).toBe('Delivered');
    expect(statusText({ ...entry, status: 'pending', attempts: 2, detail: 'slack webhook: 503' }))
      .toBe('Sending (retrying after 2 failed attempts)');
    expect(statusText({ ...entry, status: 'failed', detail: 'gave up' })).toBe('Failed: gave up');
    expect(statusText({ ...entry, status: 'not-sent', detail: 'leo has no e-mail address' }))
      .toBe('Not sent: leo has no e-mail address');
  });

  it('lists the values that matched', () => {
    expect(matchedPairs({ phrases: ['cancel my account'], callType: 'support', objectionKinds: ['price', 'timing'] }))
      .toEqual([['Call type', 'support'], ['Objections', 'price, timing'], ['Said', '“cancel my account”']]);
  });
});
