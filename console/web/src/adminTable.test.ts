import { describe, expect, it } from 'vitest';
import { cell, columnLabel } from './adminTable';

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
});
