import { describe, expect, it } from 'vitest';
import { backoffMs } from './socket';

describe('reconnect back-off', () => {
  it('doubles from half a second up to ten seconds', () => {
    const mid = () => 0.5;
    expect([0, 1, 2, 3, 4, 5, 9].map((a) => backoffMs(a, mid))).toEqual([500, 1000, 2000, 4000, 8000, 10000, 10000]);
  });

  it('spreads retries by a quarter either way', () => {
    expect(backoffMs(1, () => 0)).toBe(750);
    expect(backoffMs(1, () => 0.999999)).toBe(1250);
  });
});
