import { describe, expect, it } from 'vitest';
import { renameChanges, shownName, sourceLabel, sourcesOf } from './names';

describe('renameChanges', () => {
  const names = { 'Speaker 1': 'Marisol', 'Speaker 2': 'Teodor' };

  it('sends only the speakers whose name changed, trimmed', () => {
    expect(renameChanges({ 'Speaker 1': 'Marisol', 'Speaker 2': '  Teo Brandt ' }, names))
      .toEqual({ 'Speaker 2': 'Teo Brandt' });
  });

  it('sends nothing for an unchanged form, a field emptied or only spaces added', () => {
    expect(renameChanges(names, names)).toEqual({});
    expect(renameChanges({ 'Speaker 1': '', 'Speaker 2': 'Teodor  ' }, names)).toEqual({});
  });

  it('never sends a speaker the call does not have', () => {
    expect(renameChanges({ 'Speaker 3': 'Nobody' }, names)).toEqual({});
  });
});

describe('sourceLabel', () => {
  it('says where each name came from', () => {
    expect(sourceLabel('user')).toBe('renamed');
    expect(sourceLabel('account')).toBe("from the rep's account");
    expect(sourceLabel('recording')).toBe('from the recording system');
    expect(sourceLabel('call', 0.934)).toBe('said in the call (93 %)');
    expect(sourceLabel('call', null)).toBe('said in the call');
  });

  it('says nothing for a label or an unknown source', () => {
    expect(sourceLabel('role')).toBe('');
    expect(sourceLabel(undefined)).toBe('');
    expect(sourceLabel('crm')).toBe('');
  });
});

describe('sourcesOf', () => {
  it('indexes the parties by label', () => {
    const p = { party: 'rep', role: 'rep', name: 'Sam', source: 'account', confidence: null };
    expect(sourcesOf([p])).toEqual({ rep: p });
    expect(sourcesOf(null)).toEqual({});
  });
});

describe('shownName', () => {
  it('shows the name a speaker goes by, else its role', () => {
    expect(shownName('customer', { customer: 'Dana' })).toBe('Dana');
    expect(shownName('customer', { customer: 'customer' })).toBe('Customer');
    expect(shownName('customer-2', {})).toBe('Customer 2');
    expect(shownName('Speaker 1', null)).toBe('Speaker 1');
  });
});
