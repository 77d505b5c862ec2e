import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../api';
import { clock, tagLabel, when, who } from '../format';
import { EMPTY_FILTER, filterQuery, PAGE_SIZE, pageCount, pageLabel, parseFilter, searchQuery, type LibraryFilter } from '../library';
import { href } from '../route';
import type { CallHit, SearchPage } from '../types';

const TYPES = ['sales', 'support', 'meeting'];
const SENTIMENTS = ['positive', 'neutral', 'negative'];
const OBJECTIONS = ['price', 'timing', 'competitor', 'authority', 'need', 'trust'];

/** Puts a filter in the address: the page re-reads it from there, so Back and a shared link both work. */
function go(f: LibraryFilter) {
  location.hash = href({ page: 'calls', query: filterQuery(f) });
}

function label(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

/** The rep as named, else the user part of the URI that is not the customer's. */
function repOf(h: CallHit): string {
  return h.rep ?? who(h.fromUri);
}

function customerOf(h: CallHit): string {
  return h.customer ? who(h.customer) : who(h.toUri);
}

/**
 * The call library: every call the user may open, searchable by words said and filtered by rep, customer, date,
 * type, sentiment and objection, sorted and paged on the server (GET /api/search), with the state in the address.
 */
export function CallLibrary({ query }: { query: string }) {
  const filter = parseFilter(query);
  const key = filterQuery(filter);
  const [draft, setDraft] = useState(filter);
  const [result, setResult] = useState<SearchPage | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => setDraft(parseFilter(query)), [query]);
  useEffect(() => {
    let cancelled = false;
    setError(null);
    const load = () => api.search(searchQuery(parseFilter(key))).then(
      (r) => { if (!cancelled) { setResult(r); setError(null); } },
      (e) => !cancelled && setError(`Could not search calls: ${e.message ?? e}`));
    void load();
    // live calls change state and new calls arrive: refresh while the page is open
    const id = setInterval(load, 10_000);
    return () => {
      cancelled = true;
      clearInterval(id);
    };
  }, [key]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    go({ ...draft, page: 0 });
  };
  const set = (k: keyof LibraryFilter) => (e: { target: { value: string } }) =>
    setDraft({ ...draft, [k]: e.target.value });
  const pick = (k: keyof LibraryFilter) => (e: { target: { value: string } }) =>
    go({ ...draft, [k]: e.target.value, page: 0 });
  const pages = result ? pageCount(result.total, PAGE_SIZE) : 1;
  const filtered = key.replace(/(^|&)(page|sort)=[^&]*/g, '') !== '';

  return (
    <main className="page library-page">
      <div className="page-head">
        <div>
          <h1>Calls</h1>
          <p className="sub">Every call you may open, newest first. Search the words said, or filter.</p>
        </div>
      </div>
      <form className="panel library-filters" role="search" aria-label="Search calls" onSubmit={submit}>
        <label className="grow">
          <span>Words said</span>
          <input type="search" name="q" value={draft.q} onChange={set('q')} placeholder="e.g. price increase" />
        </label>
        <label>
          <span>Rep</span>
          <input name="rep" value={draft.rep} onChange={set('rep')} />
        </label>
        <label>
          <span>Customer</span>
          <input name="customer" value={draft.customer} onChange={set('customer')} />
        </label>
        <label>
          <span>From</span>
          <input type="date" name="from" value={draft.from} onChange={set('from')} />
        </label>
        <label>
          <span>To</span>
          <input type="date" name="to" value={draft.to} onChange={set('to')} />
        </label>
        <label>
          <span>Type</span>
          <select name="type" value={draft.type} onChange={pick('type')}>
            <option value="">Any</option>
            {TYPES.map((t) => <option key={t} value={t}>{label(t)}</option>)}
          </select>
        </label>
        <label>
          <span>Sentiment</span>
          <select name="sentiment" value={draft.sentiment} onChange={pick('sentiment')}>
            <option value="">Any</option>
            {SENTIMENTS.map((t) => <option key={t} value={t}>{label(t)}</option>)}
          </select>
        </label>
        <label>
          <span>Objection</span>
          <select name="objection" value={draft.objection} onChange={pick('objection')}>
            <option value="">Any</option>
            {OBJECTIONS.map((t) => <option key={t} value={t}>{label(t)}</option>)}
          </select>
        </label>
        <label>
          <span>Sort</span>
          <select name="sort" value={draft.sort} onChange={pick('sort')}>
            <option value="newest">Newest first</option>
            <option value="oldest">Oldest first</option>
            <option value="longest">Longest first</option>
            <option value="shortest">Shortest first</option>
          </select>
        </label>
        <div className="filter-actions">
          <button type="submit" className="btn primary">Search</button>
          {filtered && <button type="button" className="btn ghost" onClick={() => go({ ...EMPTY_FILTER })}>Clear</button>}
        </div>
      </form>
      <section className="panel" aria-labelledby="results-title">
        <h2 id="results-title" className="results-head">
          Results{' '}
          <span className="muted small" data-testid="library-count" aria-live="polite">
            {result ? pageLabel(result.page, PAGE_SIZE, result.hits.length, result.total) : ''}
          </span>
        </h2>
        {error && <p className="error" role="alert">{error}</p>}
        {!result && !error && <p className="muted">Loading…</p>}
        {result && result.hits.length === 0 && (
          <p className="muted">{filtered ? 'No call matches these filters.' : 'No calls yet.'}</p>
        )}
        {result && result.hits.length > 0 && (
          <div className="table-wrap" tabIndex={0} role="region" aria-label={'Calls found'}>
            <table className="library-table" data-testid="library-table">
              <thead>
                <tr>
                  <th scope="col">Call</th>
                  <th scope="col">Rep</th>
                  <th scope="col">Customer</th>
                  <th scope="col">Duration</th>
                  <th scope="col">Type</th>
                  <th scope="col">Sentiment</th>
                  <th scope="col">Objections</th>
                </tr>
              </thead>
              <tbody>
                {result.hits.map((h) => {
                  const live = h.status === 'ACTIVE';
                  const to = live ? href({ page: 'phone', callId: h.callId }) : href({ page: 'call', callId: h.callId });
                  const untranscribed = !live && h.segments === 0;
                  return (
                    <tr key={h.callId} data-call-id={h.callId}>
                      <td>
                        <a href={to} className="library-call">
                          {live && <span className="badge badge-live">Live</span>} {when(h.startedAt)}
                        </a>
                        {untranscribed && <span className="muted small block">Not transcribed</span>}
                      </td>
                      <td className="wrap">{repOf(h)}</td>
                      <td className="wrap">{customerOf(h)}</td>
                      <td>{h.durationMs != null ? clock(h.durationMs) : live ? 'live' : '–'}</td>
                      <td>{h.callType ? label(h.callType) : '–'}</td>
                      <td>{h.sentiment ? <span className={`chip chip-${h.sentiment}`}>{label(h.sentiment)}</span> : '–'}</td>
                      <td className="wrap">{h.objections?.length ? h.objections.map((o) => tagLabel(o)).join(', ') : '–'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        {result && result.total > PAGE_SIZE && (
          <nav className="pager" aria-label="Pages">
            <button type="button" className="btn small" disabled={filter.page === 0}
              onClick={() => go({ ...filter, page: filter.page - 1 })}>← Previous</button>
            <span className="muted small">Page {filter.page + 1} of {pages}</span>
            <button type="button" className="btn small" disabled={filter.page + 1 >= pages}
              onClick={() => go({ ...filter, page: filter.page + 1 })}>Next →</button>
          </nav>
        )}
      </section>
    </main>
  );
}
