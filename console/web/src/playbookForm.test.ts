import { describe, expect, it } from 'vitest';
import {
  fieldId, fieldName, fieldPath, newTrigger, renameTrigger, toForm, toStructure, toYaml, transcriptOf, validate,
} from './playbookForm';

const TREE = {
  name: 'tiny',
  intents: [{ tag: 'objection:price', speakers: ['customer'], threshold: 0.5, exemplars: ['Too expensive.'], keywords: ['\\bcheaper\\b'] }],
  cards: [
    { id: 'price', trigger: 'objection:price', title: 'Price', body: 'Ask about budget.', priority: 1, cooldown_s: 60 },
    { id: 'any', trigger: 'objection', title: 'Objection', body: 'Acknowledge it.', priority: 2, cooldown_s: 30 },
  ],
  coaching: { monologue_s: 45 },
};

describe('playbook form', () => {
  it('round-trips a playbook, keeping the settings the form does not show', () => {
    expect(toStructure(toForm(TREE))).toEqual(TREE);
  });

  it('renaming a trigger moves its cards with it', () => {
    const form = renameTrigger(toForm(TREE), 0, 'objection:cost');
    expect(form.cards.map((c) => c.trigger)).toEqual(['objection:cost', 'objection']);
  });

  it('says in plain words which field is wrong', () => {
    const form = newTrigger(toForm(TREE));
    form.cards[0].cooldown = '-1';
    form.cards[1].title = ' ';
    const errors = validate(form);
    expect(errors['intents[1].exemplars']).toMatch(/at least one example phrase/);
    expect(errors['cards[0].cooldown_s']).toMatch(/0 or more/);
    expect(errors['cards[1].title']).toMatch(/needs a title/);
    expect(errors['cards[2].title']).toBeDefined();
    expect(fieldName(form, 'intents[1].exemplars')).toBe('Trigger custom:trigger-2 · Example phrases');
    expect(validate(toForm(TREE))).toEqual({});
  });

  it('maps a server path onto the field that shows it', () => {
    expect(fieldPath('intents[0].keywords[3]')).toBe('intents[0].keywords');
    expect(fieldPath('cards[2].cooldown_s')).toBe('cards[2].cooldown_s');
    expect(fieldPath('intents[0].threshold')).toBeNull();
    expect(fieldPath(undefined)).toBeNull();
    expect(fieldId('intents[0].keywords')).toBe('pb-intents-0-keywords');
  });

  it('writes YAML whose strings keep every character', () => {
    const yaml = toYaml({ ...TREE, cards: [{ ...TREE.cards[0], body: 'Say "hi":\nthen # not a comment' }] });
    expect(yaml).toContain('  - id: "price"\n    trigger: "objection:price"');
    expect(yaml).toContain('body: "Say \\"hi\\":\\nthen # not a comment"');
    expect(yaml).toContain('coaching:\n  monologue_s: 45');
    expect(yaml).toContain('    exemplars:\n      - "Too expensive."');
    expect(toYaml({ b: 1, a: { d: 2, c: 3 } }, { sorted: true })).toBe('a:\n  c: 3\n  d: 2\nb: 1\n');
  });

  it('reads a pasted transcript line by line', () => {
    expect(transcriptOf('Customer: too expensive\nfor us\nRep: I see').utterances).toEqual([
      { speaker: 'customer', start: 0, end: 3, text: 'too expensive for us' },
      { speaker: 'rep', start: 3, end: 6, text: 'I see' },
    ]);
  });
});
