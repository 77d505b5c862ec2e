import { describe, expect, it } from 'vitest';
import { emptyTranscript, gaps, orderedLines, transcriptReducer, utteranceKeys, type TranscriptAction } from './transcript';
import type { Party } from './types';

const seg = (party: Party, index: number, startMs: number, text: string, isFinal: boolean): TranscriptAction =>
  ({ type: 'segment', party, index, startMs, endMs: startMs + 1000, text, isFinal });

const run = (...actions: TranscriptAction[]) => actions.reduce(transcriptReducer, emptyTranscript);

describe('transcript reducer', () => {
  it('replaces a partial with later partials and then the final of the same party and index', () => {
    const t = run(
      seg('rep', 0, 800, 'Hi', false),
      seg('rep', 0, 800, 'Hi Dana', false),
      seg('rep', 0, 800, 'Hi Dana, this is Sam.', true),
    );
    expect(orderedLines(t)).toEqual([
      expect.objectContaining({ key: 'rep:0', text: 'Hi Dana, this is Sam.', final: true }),
    ]);
  });

  it('keeps partials of the two parties apart', () => {
    const t = run(seg('rep', 0, 0, 'hello', false), seg('customer', 0, 500, 'hi', false));
    expect(orderedLines(t).map((l) => [l.key, l.text, l.final])).toEqual([
      ['rep:0', 'hello', false],
      ['customer:0', 'hi', false],
    ]);
  });

  it('ignores a partial that arrives after its final', () => {
    const final = run(seg('customer', 2, 5000, 'That could work.', true));
    const late = transcriptReducer(final, seg('customer', 2, 5000, 'That could', false));
    expect(late).toBe(final);
  });

  it('orders lines by media time across parties', () => {
    const t = run(seg('customer', 0, 6900, 'b', true), seg('rep', 0, 800, 'a', true), seg('rep', 1, 9800, 'c', true));
    expect(orderedLines(t).map((l) => l.text)).toEqual(['a', 'b', 'c']);
  });

  it('does not duplicate finals replayed after a reconnect and fills the gap the drop left', () => {
    // Live before the drop: rep 0, customer 0. Missed while down: rep 1, customer 1 (final) and a partial.
    const before = run(seg('rep', 0, 800, 'one', true), seg('customer', 0, 6900, 'two', true),
      seg('rep', 1, 9800, 'thr', false));
    // The server replays every stored final on connect, then goes live.
    const replay: TranscriptAction = {
      type: 'snapshot', segments: [
        { party: 'rep', index: 0, startMs: 800, endMs: 1800, text: 'one' },
        { party: 'customer', index: 0, startMs: 6900, endMs: 7900, text: 'two' },
        { party: 'rep', index: 1, startMs: 9800, endMs: 10800, text: 'three' },
        { party: 'customer', index: 1, startMs: 13600, endMs: 14600, text: 'four' },
      ],
    };
    const after = [replay, seg('rep', 0, 800, 'one', true), seg('rep', 2, 17800, 'five', false)]
      .reduce(transcriptReducer, before);
    const lines = orderedLines(after);
    expect(lines.map((l) => l.key)).toEqual(['rep:0', 'customer:0', 'rep:1', 'customer:1', 'rep:2']);
    expect(new Set(lines.map((l) => l.key)).size).toBe(lines.length);
    expect(lines.find((l) => l.key === 'rep:1')).toMatchObject({ text: 'three', final: true });
    expect(gaps(after)).toEqual([]);
  });

  it('reports finals missing below the highest index of a party', () => {
    const t = run(seg('rep', 0, 0, 'a', true), seg('rep', 2, 5000, 'c', true), seg('customer', 1, 3000, 'x', true));
    expect(gaps(t).sort()).toEqual(['customer:0', 'rep:1']);
  });

  it('returns the same state when a snapshot brings nothing new', () => {
    const t = run(seg('rep', 0, 0, 'a', true));
    expect(transcriptReducer(t, { type: 'snapshot', segments: [{ party: 'rep', index: 0, startMs: 0, endMs: 1, text: 'a' }] }))
      .toBe(t);
  });

  it('numbers utterances in the order the non-blank finals completed', () => {
    const t = run(seg('rep', 0, 0, 'a', true), seg('customer', 0, 1500, 'b', true), seg('rep', 1, 2600, ' ', true),
      seg('rep', 2, 4000, 'c', false));
    expect(utteranceKeys(orderedLines(t))).toEqual(['rep:0', 'customer:0']);
  });

  it('starts over on reset', () => {
    expect(transcriptReducer(run(seg('rep', 0, 0, 'a', true)), { type: 'reset' })).toEqual(emptyTranscript);
  });
});
