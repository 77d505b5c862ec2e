/** The analytics dashboard's shapes (GET /api/analytics) and the pure reshaping its charts need. */

export interface RepWeek { rep: string; week: string; calls: number }
export interface Talk { rep: string; repMs: number; totalMs: number; talkRatio: number; longestMonologueMs: number }
export interface KindWeek { week: string; kind: string; count: number }
export interface CardRate { key: string; title: string; shown: number; used: number; dismissed: number; acceptRate: number }
export interface ActionItemCounts { rep: string; open: number; overdue: number; done: number }

export interface Dashboard {
  callsPerWeek: RepWeek[];
  talk: Talk[];
  objections: KindWeek[];
  cardsPerRep: CardRate[];
  cardsPerCard: CardRate[];
  actionItems: ActionItemCounts[];
}

export interface AnalyticsView {
  from: string;
  to: string;
  team: string | null;
  teams: string[];
  reps: string[];
  dashboard: Dashboard;
  queryMs: number;
}

/** The filters, kept in the address ("#/analytics?from=2026-10-01&to=2026-12-31&team=red"). */
export interface AnalyticsFilter { from: string; to: string; team: string }

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function parseAnalyticsFilter(query: string): AnalyticsFilter {
  const p = new URLSearchParams(query);
  const day = (k: string) => (DAY.test(p.get(k) ?? '') ? (p.get(k) as string) : '');
  return { from: day('from'), to: day('to'), team: (p.get('team') ?? '').slice(0, 128) };
}

export function analyticsQuery(f: AnalyticsFilter): string {
  const p = new URLSearchParams();
  if (f.from) p.set('from', f.from);
  if (f.to) p.set('to', f.to);
  if (f.team) p.set('team', f.team);
  return p.toString();
}

/** Every Monday from the first to the last, so weeks without calls still show as zero. */
export function weeksBetween(from: string, to: string): string[] {
  const start = new Date(`${from}T00:00:00Z`);
  const monday = new Date(start);
  monday.setUTCDate(start.getUTCDate() - ((start.getUTCDay() + 6) % 7));
  const end = new Date(`${to}T00:00:00Z`);
  const out: string[] = [];
  for (const d = monday; d <= end && out.length < 60; d.setUTCDate(d.getUTCDate() + 7)) {
    out.push(d.toISOString().slice(0, 10));
  }
  return out;
}

/** Rows keyed by series name, one value per week (0 where nothing happened). */
export function seriesByWeek<T>(rows: T[], weeks: string[], name: (r: T) => string, week: (r: T) => string,
  value: (r: T) => number): { name: string; data: number[] }[] {
  const index = new Map(weeks.map((w, i) => [w, i]));
  const series = new Map<string, number[]>();
  for (const r of rows) {
    const i = index.get(week(r));
    if (i === undefined) continue;
    const data = series.get(name(r)) ?? weeks.map(() => 0);
    data[i] += value(r);
    series.set(name(r), data);
  }
  return [...series.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([n, data]) => ({ name: n, data }));
}

/** Headline figures: calls, talk ratio over everyone, accept rate, open and overdue items. */
export function totals(d: Dashboard) {
  const calls = d.callsPerWeek.reduce((n, r) => n + r.calls, 0);
  const repMs = d.talk.reduce((n, r) => n + r.repMs, 0);
  const allMs = d.talk.reduce((n, r) => n + r.totalMs, 0);
  const shown = d.cardsPerCard.reduce((n, r) => n + r.shown, 0);
  const used = d.cardsPerCard.reduce((n, r) => n + r.used, 0);
  return {
    calls,
    talkRatio: allMs ? repMs / allMs : null,
    acceptRate: shown ? used / shown : null,
    open: d.actionItems.reduce((n, r) => n + r.open, 0),
    overdue: d.actionItems.reduce((n, r) => n + r.overdue, 0),
  };
}

export const percent = (x: number | null) => (x == null ? '–' : `${Math.round(x * 100)} %`);
