/** How admin tables show the API's rows to people: readable column names, yes/no, local dates. */

/** "sipUser" → "SIP user", "createdAt" → "Created at": a column's key as people read it. */
export function columnLabel(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase().trim();
  const fixed = words.replace(/\b(sip|did|id|url|kb|api)\b/g, (w) => w.toUpperCase());
  return fixed ? fixed[0].toUpperCase() + fixed.slice(1) : key;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

export function cell(v: unknown): string {
  if (v == null) return '';
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  if (typeof v === 'string' && ISO_TIME.test(v) && !Number.isNaN(Date.parse(v))) {
    return new Date(v).toLocaleString([], { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  }
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(2);
  if (Array.isArray(v)) return v.map(cell).join(', ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** A trunk's registration status from the admin API. */
export interface TrunkStatus {
  state: string;
  lastStatus: number;
  lastReason: string | null;
  registeredUntil: string | null;
  nextAttempt: string | null;
}

const clock = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** "Registered until 15:30", "Failing: 403 Forbidden, next try 15:02": a trunk's registration as people read it. */
export function trunkStatusText(s: TrunkStatus | null | undefined): string {
  if (!s) return 'Unknown';
  switch (s.state) {
    case 'REGISTERED':
      return s.registeredUntil ? `Registered until ${clock(s.registeredUntil)}` : 'Registered';
    case 'REGISTERING':
      return 'Registering…';
    case 'FAILING': {
      const why = s.lastStatus ? `${s.lastStatus}${s.lastReason ? ` ${s.lastReason}` : ''}` : s.lastReason || 'no answer';
      return `Failing: ${why}${s.nextAttempt ? `, next try ${clock(s.nextAttempt)}` : ''}`;
    }
    case 'STOPPED':
      return 'Stopped (not the active trunk)';
    default:
      return s.state.charAt(0) + s.state.slice(1).toLowerCase();
  }
}
