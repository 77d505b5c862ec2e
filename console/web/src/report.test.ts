import { describe, expect, it } from 'vitest';
import { dueState, laneLength, lineAt, markers, partyOffsets, sentimentText } from './report';
import type { Line } from './transcript';

const line = (party: 'rep' | 'customer', index: number, startMs: number, endMs: number): Line =>
  ({ key: `${party}:${index}`, party, index, startMs, endMs, text: 'x', final: true });

describe('report', () => {
  it('offsets each party by when its leg started', () => {
    expect(partyOffsets([
      { party: 'rep', startedAt: '2026-01-01T10:00:00.000Z' },
      { party: 'customer', startedAt: '2026-01-01T10:00:01.500Z' },
    ])).toEqual({ rep: 0, customer: 1500 });
    expect(partyOffsets([{ party: 'mixed', startedAt: null }])).toEqual({ mixed: 0 });
  });

  it('puts lines and markers on the whole-call timeline', () => {
    const offsets = { rep: 0, customer: 1000 };
    const lines = [line('rep', 0, 0, 900), line('customer', 0, 500, 2000)];
    expect(lineAt(lines[1], offsets)).toBe(1500);
    const m = markers(lines, offsets,
      [{ id: 1, cardKey: 'k', title: 'Price', body: '', priority: 1, utterance: 1, trigger: null }],
      [{ utterance: 0, kind: 'price_too_high', said: '', response: null, answered: false, by: 'customer' },
        { utterance: 7, kind: 'timing', said: '', response: 'ok', answered: true, by: 'customer-2' }]);
    expect(m.map((x) => [x.kind, x.atMs])).toEqual([['objection', 0], ['card', 1500], ['objection', 1500]]);
    expect(m[0].label).toBe('Objection (price too high), not answered');
    expect(laneLength(null, lines, offsets)).toBe(3000);
    expect(markers([], offsets, [], [])).toEqual([]);
  });

  it('calls an open item past its date overdue', () => {
    expect(dueState({ done: false, dueDate: '2026-01-01' }, '2026-01-02')).toBe('overdue');
    expect(dueState({ done: false, dueDate: '2026-01-02' }, '2026-01-02')).toBe('open');
    expect(dueState({ done: true, dueDate: '2026-01-01' }, '2026-01-02')).toBe('done');
    expect(dueState({ done: false, dueDate: null }, '2026-01-02')).toBe('open');
  });

  it('writes sentiment with its sign', () => {
    expect(sentimentText('positive', 0.4)).toBe('positive (+0.40)');
    expect(sentimentText('negative', -0.25)).toBe('negative (-0.25)');
  });
});
