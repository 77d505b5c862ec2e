/** mm:ss (or h:mm:ss) for a duration in milliseconds. */
export function clock(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

export function when(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  const today = new Date();
  const sameDay = d.toDateString() === today.toDateString();
  return sameDay
    ? d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
    : d.toLocaleString([], { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** The user part of a SIP URI ("sip:alice@host" → "alice"), for compact display. */
export function who(uri: string | null | undefined): string {
  if (!uri) return 'unknown';
  const m = /^(?:sips?:)?([^@;>]+)/.exec(uri.replace(/^.*</, ''));
  return m ? m[1] : uri;
}

export function partyName(party: string): string {
  return party === 'rep' ? 'Rep' : party === 'customer' ? 'Customer' : 'Call';
}

/** A tag such as "objection:price" as a short label ("Objection · price"). */
export function tagLabel(tag: string): string {
  const [kind, ...rest] = tag.split(':');
  const head = kind.replace(/_/g, ' ');
  const tail = rest.filter(Boolean).join(' · ').replace(/_/g, ' ');
  return tail ? `${head[0].toUpperCase()}${head.slice(1)} · ${tail}` : head[0].toUpperCase() + head.slice(1);
}
