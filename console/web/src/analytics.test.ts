import { describe, expect, it } from 'vitest';
import { analyticsQuery, parseAnalyticsFilter, percent, seriesByWeek, totals, weeksBetween } from './analytics';

describe('analytics', () => {
  it('keeps its filters in the address and drops malformed dates', () => {
    expect(parseAnalyticsFilter('from=2026-10-01&to=nope&team=red')).toEqual({ from: '2026-10-01', to: '', team: 'red' });
    expect(analyticsQuery({ from: '2026-10-01', to: '', team: 'a b' })).toBe('from=2026-10-01&team=a+b');
  });

  it('lists every Monday of the period', () => {
    expect(weeksBetween('2026-10-07', '2026-10-20')).toEqual(['2026-10-05', '2026-10-12', '2026-10-19']);
  });

  it('fills weeks without rows with zero', () => {
    const weeks = ['2026-10-05', '2026-10-12'];
    expect(seriesByWeek([{ rep: 'b', week: '2026-10-12', calls: 2 }, { rep: 'a', week: '2026-10-05', calls: 1 }],
      weeks, (r) => r.rep, (r) => r.week, (r) => r.calls))
      .toEqual([{ name: 'a', data: [1, 0] }, { name: 'b', data: [0, 2] }]);
  });

  it('adds up the headline figures', () => {
    const t = totals({
      callsPerWeek: [{ rep: 'a', week: 'w', calls: 3 }],
      talk: [{ rep: 'a', repMs: 4000, totalMs: 5000, talkRatio: 0.8, longestMonologueMs: 3000 }],
      objections: [],
      cardsPerRep: [],
      cardsPerCard: [{ key: 'k', title: 'K', shown: 4, used: 1, dismissed: 1, acceptRate: 0.25 }],
      actionItems: [{ rep: 'a', open: 2, overdue: 1, done: 1 }],
    });
    expect(t).toEqual({ calls: 3, talkRatio: 0.8, acceptRate: 0.25, open: 2, overdue: 1 });
    expect(percent(0.256)).toBe('26 %');
    expect(percent(null)).toBe('–');
  });
});
