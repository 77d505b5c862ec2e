import { partyName } from './format';

/** What the call page shows of a SIPREC recording session: who the client said was in the call, and its pauses. */

/** GET /api/calls/{id}/recording: empty (no session id, no participants) for calls that did not come from SIPREC. */
export interface RecordingParticipantView {
  name: string | null;
  aor: string | null;
  number: string | null;
  /** "caller", "callee" or "unknown" (the recording client did not say). */
  role: string | null;
  labels: string[];
  /** The party it is heard in ("rep", "customer", "mixed"), or null when its stream is not recorded. */
  party: string | null;
}

export interface RecordingView {
  recordingSessionId: string | null;
  participants: RecordingParticipantView[];
}

/** GET /api/calls/{id}/events: DTMF digits, hold and resume, in the order they happened. */
export interface CallEventView {
  id: number;
  kind: string;
  party: string | null;
  detail: string | null;
  durationMs: number | null;
  /** hold and resume: milliseconds since the call started. */
  offsetMs: number;
  at: string;
}

/** One stretch in which a party was not recorded; {@code toMs} null while still paused (or paused until the end). */
export interface PausePeriod {
  party: string;
  fromMs: number;
  toMs: number | null;
}

/** Whether the call came from a SIPREC recording client (other calls have nothing to show). */
export function isRecordingSession(view: RecordingView | null | undefined): view is RecordingView {
  return !!view && (!!view.recordingSessionId || view.participants.length > 0);
}

/**
 * Pairs each party's hold with its next resume. A repeated hold (the client re-sending {@code inactive}) does not
 * open a second period, a resume without a hold is ignored, and a hold never resumed stays open.
 */
export function pausePeriods(events: CallEventView[]): PausePeriod[] {
  const open = new Map<string, PausePeriod>();
  const out: PausePeriod[] = [];
  for (const e of events) {
    const party = e.party ?? 'call';
    if (e.kind === 'hold' && !open.has(party)) {
      const p: PausePeriod = { party, fromMs: e.offsetMs, toMs: null };
      open.set(party, p);
      out.push(p);
    } else if (e.kind === 'resume') {
      const p = open.get(party);
      if (p) {
        p.toMs = Math.max(e.offsetMs, p.fromMs);
        open.delete(party);
      }
    }
  }
  return out;
}

/** How a participant is named: the name the client gave, else the number, else the AoR, else "unnamed". */
export function participantName(p: RecordingParticipantView): string {
  return p.name?.trim() || p.number?.trim() || p.aor?.trim() || 'unnamed';
}

/** The participant's address line: the AoR, with the number when it adds something. */
export function participantAddress(p: RecordingParticipantView): string {
  const aor = p.aor?.trim() ?? '';
  const number = p.number?.trim() ?? '';
  if (aor && number && !aor.includes(number)) return `${aor} · ${number}`;
  return aor || number;
}

/** "Rep (callee)", "Customer (caller)", "Customer 2" (a further stream), "Not recorded" for a participant whose stream Earpiece did not record. */
export function participantRole(p: RecordingParticipantView): string {
  const party = p.party == null ? 'Not recorded' : p.party === 'mixed' ? 'Both (mixed)' : partyName(p.party);
  return p.role === 'caller' || p.role === 'callee' ? `${party} (${p.role})` : party;
}
