import { describe, expect, it } from 'vitest';
import type { PhoneCall } from './sipphone';
import { earpieceCallOf } from './softphoneCall';
import type { CallSummary } from './types';

const t0 = Date.parse('2026-03-01T10:00:00Z');

function summary(id: string, from: string, to: string, startedAt: number, status = 'ACTIVE'): CallSummary {
  return { id, conversationId: id, from: `sip:${from}@10.0.0.1:5060`, to: `sip:${to}@10.0.0.1`, status, startedAt: new Date(startedAt).toISOString(), endedAt: null,
    durationMs: null, endReason: null, parties: [], segments: 0 };
}

const out: PhoneCall = { phase: 'incall', direction: 'out', peer: '15550100', since: t0, muted: false, held: false };

describe('earpieceCallOf', () => {
  it('finds the live call from the rep to the dialled number', () => {
    const calls = [summary('other', 'bob', '15550100', t0 + 500), summary('mine', 'alice', '15550100', t0 + 800)];
    expect(earpieceCallOf(calls, out, 'alice')?.id).toBe('mine');
  });

  it('ignores ended calls and calls from before the dial', () => {
    const calls = [summary('old', 'alice', '15550100', t0 - 60_000), summary('done', 'alice', '15550100', t0, 'ENDED')];
    expect(earpieceCallOf(calls, out, 'alice')).toBeNull();
  });

  it('takes the newest when several fit', () => {
    const calls = [summary('a', 'alice', '15550100', t0 + 100), summary('b', 'alice', '15550100', t0 + 900)];
    expect(earpieceCallOf(calls, out, 'alice')?.id).toBe('b');
  });

  it('matches an incoming call by its caller', () => {
    const inbound: PhoneCall = { ...out, direction: 'in', peer: 'dana' };
    const calls = [summary('in', 'dana', '15550000', t0 + 200), summary('x', 'alice', 'dana', t0 + 200)];
    expect(earpieceCallOf(calls, inbound, 'alice')?.id).toBe('in');
  });
});
