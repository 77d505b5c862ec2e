import { describe, expect, it } from 'vitest';
import { lineDiff } from './textDiff';

describe('lineDiff', () => {
  it('keeps common lines and marks what was removed and added', () => {
    expect(lineDiff('a\nb\nc', 'a\nx\nc\nd')).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'removed', text: 'b' },
      { kind: 'added', text: 'x' },
      { kind: 'same', text: 'c' },
      { kind: 'added', text: 'd' },
    ]);
  });

  it('equal texts are all kept', () => {
    expect(lineDiff('one\ntwo', 'one\ntwo').every((l) => l.kind === 'same')).toBe(true);
  });
});
