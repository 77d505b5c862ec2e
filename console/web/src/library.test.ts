import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER, filterQuery, pageCount, pageLabel, parseFilter, searchQuery } from './library';

describe('library filter in the address', () => {
  it('round-trips every filter, pages counted from 1 for people', () => {
    const f = { ...EMPTY_FILTER, q: 'price increase', rep: 'dana', customer: '+1 555', from: '2031-05-01',
      to: '2031-05-31', type: 'sales', sentiment: 'negative', objection: 'price', sort: 'longest' as const, page: 2 };
    const query = filterQuery(f);
    expect(query).toContain('page=3');
    expect(parseFilter(query)).toEqual(f);
  });

  it('leaves defaults out of the address', () => {
    expect(filterQuery(EMPTY_FILTER)).toBe('');
    expect(parseFilter('')).toEqual(EMPTY_FILTER);
  });

  it('drops malformed values instead of sending them', () => {
    const f = parseFilter('from=yesterday&to=2031-13&sort=random&page=-4');
    expect(f.from).toBe('');
    expect(f.to).toBe('');
    expect(f.sort).toBe('newest');
    expect(f.page).toBe(0);
  });

  it('asks the API for the page (0-based) and size, dates as whole days', () => {
    const q = new URLSearchParams(searchQuery({ ...EMPTY_FILTER, q: ' budget ', from: '2031-05-01', page: 1 }, 25));
    expect(q.get('q')).toBe('budget');
    expect(q.get('from')).toBe('2031-05-01');
    expect(q.get('page')).toBe('1');
    expect(q.get('size')).toBe('25');
    expect(q.has('sort')).toBe(false);
  });

  it('labels pages', () => {
    expect(pageLabel(1, 25, 25, 227)).toBe('26–50 of 227');
    expect(pageLabel(9, 25, 2, 227)).toBe('226–227 of 227');
    expect(pageLabel(0, 25, 0, 0)).toBe('0 of 0');
    expect(pageCount(227, 25)).toBe(10);
    expect(pageCount(0, 25)).toBe(1);
  });
});
