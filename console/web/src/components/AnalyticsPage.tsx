import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { api } from '../api';
import {
  analyticsQuery, parseAnalyticsFilter, percent, seriesByWeek, totals, weeksBetween, type AnalyticsView,
} from '../analytics';
import { clock } from '../format';
import { href } from '../route';
import { Chart, type ChartOption } from './Chart';

const grid = { left: 48, right: 16, top: 36, bottom: 48, containLabel: true };
const legend = { type: 'scroll' as const, top: 0 };
const tooltip = { trigger: 'axis' as const };

/**
 * The managers' and admins' home: calls per rep and week, talk ratio and longest monologue per rep, objections by
 * kind over time, card accept rates, action items open and overdue; a period and a team to filter by, kept in the
 * address. Figures come from the server (GET /api/analytics), scoped to the calls the user may open.
 */
export default function AnalyticsPage({ query }: { query: string }) {
  const filter = parseAnalyticsFilter(query);
  const [view, setView] = useState<AnalyticsView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [draft, setDraft] = useState(filter);
  useEffect(() => setDraft(parseAnalyticsFilter(query)), [query]);
  useEffect(() => {
    let cancelled = false;
    setError(null);
    api.get<AnalyticsView>(`/api/analytics?${analyticsQuery(parseAnalyticsFilter(query))}`).then(
      (v) => !cancelled && setView(v), (e) => !cancelled && setError(String(e.message ?? e)));
    return () => {
      cancelled = true;
    };
  }, [query]);
  const apply = (e: FormEvent) => {
    e.preventDefault();
    location.hash = href({ page: 'analytics', query: analyticsQuery(draft) });
  };

  const charts = useMemo(() => {
    if (!view) return null;
    const d = view.dashboard;
    const weeks = weeksBetween(view.from, view.to);
    const reps = d.talk.map((t) => t.rep);
    const perWeek = seriesByWeek(d.callsPerWeek, weeks, (r) => r.rep, (r) => r.week, (r) => r.calls);
    const kinds = seriesByWeek(d.objections, weeks, (r) => r.kind.replace(/_/g, ' '), (r) => r.week, (r) => r.count);
    const calls: ChartOption = {
      tooltip, legend, grid, xAxis: { type: 'category', data: weeks }, yAxis: { type: 'value', minInterval: 1 },
      series: perWeek.map((s) => ({ ...s, type: 'bar', stack: 'calls' })),
    };
    const talk: ChartOption = {
      tooltip, legend, grid, xAxis: { type: 'category', data: reps },
      yAxis: [{ type: 'value', max: 100, name: 'talk %' }, { type: 'value', name: 'monologue s' }],
      series: [
        { name: 'Rep talk ratio (%)', type: 'bar', data: d.talk.map((t) => Math.round(t.talkRatio * 100)) },
        { name: 'Longest monologue (s)', type: 'bar', yAxisIndex: 1,
          data: d.talk.map((t) => Math.round(t.longestMonologueMs / 1000)) },
      ],
    };
    const objections: ChartOption = {
      tooltip, legend, grid, xAxis: { type: 'category', data: weeks }, yAxis: { type: 'value', minInterval: 1 },
      series: kinds.map((s) => ({ ...s, type: 'line', smooth: false })),
    };
    const cards: ChartOption = {
      tooltip, legend, grid, xAxis: { type: 'category', data: d.cardsPerRep.map((c) => c.key) },
      yAxis: { type: 'value', max: 100, name: '%' },
      series: [{ name: 'Cards used (%)', type: 'bar', data: d.cardsPerRep.map((c) => Math.round(c.acceptRate * 100)) }],
    };
    const items: ChartOption = {
      tooltip, legend, grid, xAxis: { type: 'category', data: d.actionItems.map((a) => a.rep) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: 'Overdue', type: 'bar', stack: 'open', data: d.actionItems.map((a) => a.overdue), color: '#b42318' },
        { name: 'Open, not overdue', type: 'bar', stack: 'open', data: d.actionItems.map((a) => a.open - a.overdue), color: '#1d5bbf' },
      ],
    };
    return { calls, talk, objections, cards, items };
  }, [view]);

  const t = view ? totals(view.dashboard) : null;
  return (
    <main className="page analytics-page" data-testid="analytics">
      <div className="page-head">
        <div>
          <h1>Team analytics</h1>
          {view && <p className="sub">{view.from} to {view.to}{view.team ? ` · ${view.team}` : ' · all teams'}
            {' · '}{view.reps.length} people</p>}
        </div>
      </div>
      <form className="panel filters analytics-filters" onSubmit={apply} aria-label="Analytics filters">
        <label><span>From</span>
          <input type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} /></label>
        <label><span>To</span>
          <input type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} /></label>
        <label><span>Team</span>
          <select value={draft.team} onChange={(e) => setDraft({ ...draft, team: e.target.value })}
            disabled={!view || view.teams.length <= 1}>
            {view && view.teams.length !== 1 && <option value="">All teams</option>}
            {view?.teams.map((name) => <option key={name} value={name}>{name}</option>)}
          </select></label>
        <button type="submit" className="btn small primary">Show</button>
      </form>
      {error && <p className="error" role="alert">{error}</p>}
      {!view && !error && <p className="muted">Loading…</p>}
      {view && t && charts && (
        <>
          <ul className="tiles" aria-label="Totals" data-testid="totals">
            <li><strong>{t.calls}</strong><span>calls</span></li>
            <li><strong>{percent(t.talkRatio)}</strong><span>rep talk ratio</span></li>
            <li><strong>{percent(t.acceptRate)}</strong><span>cards used</span></li>
            <li><strong>{t.open}</strong><span>action items open</span></li>
            <li className={t.overdue ? 'bad' : undefined}><strong>{t.overdue}</strong><span>overdue</span></li>
          </ul>
          <div className="analytics-grid">
            <section className="panel" aria-label="Calls per rep and week">
              <h2>Calls per rep and week</h2>
              <Chart option={charts.calls} testId="chart-calls"
                label={`Calls per rep and week: ${view.dashboard.callsPerWeek.length ? perRepText(view) : 'no calls'}`} />
            </section>
            <section className="panel" aria-label="Talk ratio and longest monologue">
              <h2>Talk ratio and longest monologue</h2>
              <Chart option={charts.talk} testId="chart-talk" label="Rep talk ratio and longest monologue per rep, as in the table below" />
              <table className="data small">
                <thead><tr><th scope="col">Rep</th><th scope="col">Talk ratio</th><th scope="col">Longest monologue</th></tr></thead>
                <tbody>{view.dashboard.talk.map((r) => (
                  <tr key={r.rep}><td>{r.rep}</td><td>{percent(r.talkRatio)}</td><td>{clock(r.longestMonologueMs)}</td></tr>
                ))}</tbody>
              </table>
            </section>
            <section className="panel" aria-label="Objections by kind">
              <h2>Objections by kind over time</h2>
              <Chart option={charts.objections} testId="chart-objections"
                label={`Objections by kind per week: ${objectionText(view)}`} />
            </section>
            <section className="panel" aria-label="Card accept rate">
              <h2>Card accept rate</h2>
              <Chart option={charts.cards} testId="chart-cards" label="Share of cards shown that reps used, per rep, as in the table below" />
              <table className="data small" data-testid="cards-table">
                <thead><tr><th scope="col">Card</th><th scope="col">Shown</th><th scope="col">Used</th><th scope="col">Accept rate</th></tr></thead>
                <tbody>{view.dashboard.cardsPerCard.map((c) => (
                  <tr key={c.key}><td>{c.title}</td><td>{c.shown}</td><td>{c.used}</td><td>{percent(c.acceptRate)}</td></tr>
                ))}</tbody>
              </table>
            </section>
            <section className="panel" aria-label="Action items">
              <h2>Action items open and overdue</h2>
              <Chart option={charts.items} testId="chart-items" label={`Action items per rep: ${view.dashboard.actionItems
                .map((a) => `${a.rep} ${a.open} open, ${a.overdue} overdue`).join('; ') || 'none'}`} />
            </section>
          </div>
          <p className="muted small">Computed in {view.queryMs} ms.</p>
        </>
      )}
    </main>
  );
}

function perRepText(view: AnalyticsView): string {
  const byRep = new Map<string, number>();
  for (const r of view.dashboard.callsPerWeek) byRep.set(r.rep, (byRep.get(r.rep) ?? 0) + r.calls);
  return [...byRep.entries()].map(([rep, n]) => `${rep} ${n}`).join(', ');
}

function objectionText(view: AnalyticsView): string {
  const byKind = new Map<string, number>();
  for (const r of view.dashboard.objections) byKind.set(r.kind, (byKind.get(r.kind) ?? 0) + r.count);
  return [...byKind.entries()].map(([k, n]) => `${k.replace(/_/g, ' ')} ${n}`).join(', ') || 'none';
}
