import { describe, expect, it } from 'vitest';
import { cell, columnLabel, trunkStatusText } from './adminTable';

describe('admin tables', () => {
  it('names columns as people read them', () => {
    expect(columnLabel('sipUser')).toBe('SIP user');
    expect(columnLabel('createdAt')).toBe('Created at');
    expect(columnLabel('did_number')).toBe('DID number');
  });

  it('shows booleans as yes/no and instants as dates, not raw values', () => {
    expect(cell(true)).toBe('Yes');
    expect(cell(false)).toBe('No');
    expect(cell('2031-05-06T09:00:00Z')).not.toContain('T09:00');
    expect(cell('plain text')).toBe('plain text');
    expect(cell(null)).toBe('');
  });

  it('says how a trunk registers in words, with the carrier answer when it fails', () => {
    const base = { lastStatus: 0, lastReason: null, registeredUntil: null, nextAttempt: null };
    expect(trunkStatusText({ ...base, state: 'REGISTERED', registeredUntil: '2031-05-06T09:00:00Z' })).toMatch(/^Registered until \d/);
    expect(trunkStatusText({ ...base, state: 'REGISTERING' })).toBe('Registering…');
    expect(trunkStatusText({ ...base, state: 'FAILING', lastStatus: 403, lastReason: 'Forbidden' })).toBe('Failing: 403 Forbidden');
    expect(trunkStatusText({ ...base, state: 'FAILING' })).toBe('Failing: no answer');
    expect(trunkStatusText({ ...base, state: 'STOPPED' })).toBe('Stopped (not the active trunk)');
    expect(trunkStatusText(null)).toBe('Unknown');
  });
});
