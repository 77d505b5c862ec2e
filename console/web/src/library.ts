/** The calls library's filters, kept in the address ("#/calls?q=price&type=sales&page=2") so a search can be shared. */
export interface LibraryFilter {
  q: string;
  rep: string;
  customer: string;
  /** yyyy-mm-dd, inclusive */
  from: string;
  /** yyyy-mm-dd, inclusive */
  to: string;
  type: string;
  sentiment: string;
  objection: string;
  sort: 'newest' | 'oldest' | 'longest' | 'shortest';
  /** 0-based */
  page: number;
}

export const PAGE_SIZE = 25;

export const EMPTY_FILTER: LibraryFilter = {
  q: '', rep: '', customer: '', from: '', to: '', type: '', sentiment: '', objection: '', sort: 'newest', page: 0,
};

const TEXT_KEYS = ['q', 'rep', 'customer', 'from', 'to', 'type', 'sentiment', 'objection'] as const;
const SORTS = ['newest', 'oldest', 'longest', 'shortest'] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Reads the filter from the address's query; anything unknown or malformed falls back to its default. */
export function parseFilter(query: string): LibraryFilter {
  const p = new URLSearchParams(query);
  const f: LibraryFilter = { ...EMPTY_FILTER };
  for (const k of TEXT_KEYS) f[k] = (p.get(k) ?? '').slice(0, 200);
  if (!DAY.test(f.from)) f.from = '';
  if (!DAY.test(f.to)) f.to = '';
  const sort = p.get('sort');
  if (sort && (SORTS as readonly string[]).includes(sort)) f.sort = sort as LibraryFilter['sort'];
  const page = Number(p.get('page'));
  f.page = Number.isInteger(page) && page > 0 ? Math.min(page - 1, 9999) : 0;
  return f;
}

/** The address's query for a filter: only what differs from the defaults; pages count from 1 for people. */
export function filterQuery(f: LibraryFilter): string {
  const p = new URLSearchParams();
  for (const k of TEXT_KEYS) if (f[k].trim()) p.set(k, f[k].trim());
  if (f.sort !== 'newest') p.set('sort', f.sort);
  if (f.page > 0) p.set('page', String(f.page + 1));
  return p.toString();
}

/** The /api/search query for a filter; the date range covers whole days (the server reads them in its zone). */
export function searchQuery(f: LibraryFilter, size = PAGE_SIZE): string {
  const p = new URLSearchParams();
  for (const k of TEXT_KEYS) {
    if (k === 'from' || k === 'to') continue;
    if (f[k].trim()) p.set(k, f[k].trim());
  }
  if (f.from) p.set('from', f.from);
  if (f.to) p.set('to', f.to);
  if (f.sort !== 'newest') p.set('sort', f.sort);
  p.set('page', String(f.page));
  p.set('size', String(size));
  return p.toString();
}

/** "26–50 of 227" for a page of hits. */
export function pageLabel(page: number, size: number, shown: number, total: number): string {
  if (total === 0 || shown === 0) return `0 of ${total}`;
  const first = page * size + 1;
  return `${first}–${first + shown - 1} of ${total}`;
}

export function pageCount(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / size));
}
