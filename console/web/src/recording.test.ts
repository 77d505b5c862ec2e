import { describe, expect, it } from 'vitest';
import {
  isRecordingSession, participantAddress, participantName, participantRole, pausePeriods,
  type CallEventView, type RecordingParticipantView,
} from './recording';

function event(id: number, kind: string, party: string | null, offsetMs: number): CallEventView {
  return { id, kind, party, detail: null, durationMs: null, offsetMs, at: '2026-01-01T00:00:00Z' };
}

function participant(p: Partial<RecordingParticipantView>): RecordingParticipantView {
  return { name: null, aor: null, number: null, role: 'unknown', labels: [], party: null, ...p };
}

describe('recording session', () => {
  it('is shown only for calls that came from a recording client', () => {
    expect(isRecordingSession(null)).toBe(false);
    expect(isRecordingSession({ recordingSessionId: null, participants: [] })).toBe(false);
    expect(isRecordingSession({ recordingSessionId: 'rs-1', participants: [] })).toBe(true);
    expect(isRecordingSession({ recordingSessionId: null, participants: [participant({ aor: 'sip:a@b' })] })).toBe(true);
  });
});

describe('pause periods', () => {
  it('pairs each party\'s hold with its resume', () => {
    expect(pausePeriods([
      event(1, 'hold', 'customer', 4000), event(2, 'hold', 'rep', 4010),
      event(3, 'resume', 'rep', 7000), event(4, 'resume', 'customer', 7020),
    ])).toEqual([
      { party: 'customer', fromMs: 4000, toMs: 7020 },
      { party: 'rep', fromMs: 4010, toMs: 7000 },
    ]);
  });

  it('keeps an unresumed hold open, ignores a repeated hold, a stray resume and DTMF', () => {
    expect(pausePeriods([
      event(1, 'resume', 'rep', 100), event(2, 'dtmf', 'rep', 200), event(3, 'hold', 'rep', 1000),
      event(4, 'hold', 'rep', 1500), event(5, 'resume', 'rep', 2000), event(6, 'hold', 'rep', 9000),
    ])).toEqual([
      { party: 'rep', fromMs: 1000, toMs: 2000 },
      { party: 'rep', fromMs: 9000, toMs: null },
    ]);
  });
});

describe('participants', () => {
  it('are named by name, then number, then AoR', () => {
    expect(participantName(participant({ name: 'Dana', number: '7001', aor: 'sip:7001@pbx' }))).toBe('Dana');
    expect(participantName(participant({ name: ' ', number: '+1555', aor: 'sip:x@pbx' }))).toBe('+1555');
    expect(participantName(participant({ aor: 'sip:x@pbx' }))).toBe('sip:x@pbx');
    expect(participantName(participant({}))).toBe('unnamed');
  });

  it('show the AoR with the number only when the AoR lacks it', () => {
    expect(participantAddress(participant({ aor: 'sip:+1555@carrier', number: '+1555' }))).toBe('sip:+1555@carrier');
    expect(participantAddress(participant({ aor: 'sip:agent@pbx', number: '7001' }))).toBe('sip:agent@pbx · 7001');
    expect(participantAddress(participant({ number: '7001' }))).toBe('7001');
  });

  it('say which party they are heard in and their role in the call', () => {
    expect(participantRole(participant({ party: 'rep', role: 'callee' }))).toBe('Rep (callee)');
    expect(participantRole(participant({ party: 'customer', role: 'caller' }))).toBe('Customer (caller)');
    expect(participantRole(participant({ party: 'mixed', role: 'unknown' }))).toBe('Both (mixed)');
    expect(participantRole(participant({ party: null }))).toBe('Not recorded');
    expect(participantRole(participant({ party: 'customer-2', role: 'unknown' }))).toBe('Customer 2');
  });
});
