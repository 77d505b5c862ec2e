import { who } from './format';
import type { PhoneCall } from './sipphone';
import type { CallSummary } from './types';

/** How far a call's start may precede the moment the softphone dialled or rang (clock skew, set-up time). */
const SLACK_MS = 10_000;

/**
 * The call Earpiece's B2BUA made for the softphone's call: a live call from the rep to the dialled number, or,
 * for an incoming one, from the caller; the newest that started around the time the softphone dialled or rang.
 */
export function earpieceCallOf(calls: CallSummary[], call: PhoneCall, me: string): CallSummary | null {
  const fits = (c: CallSummary) => {
    if (c.status !== 'ACTIVE' || Date.parse(c.startedAt) < call.since - SLACK_MS) return false;
    return call.direction === 'out' ? who(c.from) === me && who(c.to) === call.peer : who(c.from) === call.peer;
  };
  return calls.filter(fits).sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt))[0] ?? null;
}
