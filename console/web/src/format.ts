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

/**
 * The user part of a SIP URI ("sip:alice@host" → "alice"), for compact display, %-escapes decoded
 * ("sip:Dana%20Smith@host" → "Dana Smith"); a display name ("\"Dana\" <sip:…>") wins when there is one.
 */
export function who(uri: string | null | undefined): string {
  if (!uri) return 'unknown';
  const display = /^\s*"([^"]+)"\s*</.exec(uri) ?? /^\s*([^"<]+?)\s*</.exec(uri);
  if (display) return decoded(display[1]);
  const m = /^(?:sips?:|tel:)?([^@;>]+)/.exec(uri.replace(/^.*</, ''));
  return decoded(m ? m[1] : uri);
}

function decoded(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s; // a stray "%" is shown as it is
  }
}

export function partyName(party: string): string {
  if (party === 'rep') return 'Rep';
  if (party === 'customer') return 'Customer';
  // a further stream of a party (a SIPREC session recording a third participant): "customer-2"
  const further = /^(rep|customer)-(\d+)$/.exec(party);
  if (further) return `${partyName(further[1])} ${further[2]}`;
  // a recording's diarized speakers keep their label ("Speaker 1") until renamed
  return party === 'mixed' ? 'Call' : party;
}

/** The style a line gets: live parties by role; a recording's "Speaker 1" is taken for the rep, as the server does. */
export function partyStyle(party: string): string {
  if (party === 'rep' || party === 'customer' || party === 'mixed') return party;
  if (/^(rep|customer)-\d+$/.test(party)) return party.slice(0, party.indexOf('-'));
  return party === 'Speaker 1' ? 'rep' : 'customer';
}

/** A tag such as "objection:price" as a short label ("Objection · price"). */
export function tagLabel(tag: string): string {
  const [kind, ...rest] = tag.split(':');
  const head = kind.replace(/_/g, ' ');
  const tail = rest.filter(Boolean).join(' · ').replace(/_/g, ' ');
  return tail ? `${head[0].toUpperCase()}${head.slice(1)} · ${tail}` : head[0].toUpperCase() + head.slice(1);
}

/** What to tell the user about a call that was not transcribed live, or null for a live one. */
export function transcriptionNotice(transcription: string | undefined, ended: boolean): string | null {
  switch (transcription) {
    case 'DEFERRED':
      return ended
        ? 'The server was at capacity during this call: it is being transcribed now, and the transcript appears here.'
        : 'The server is at capacity: this call is recorded and will be transcribed when it ends.';
    case 'AFTER_CALL':
      return 'Transcribed after the call: the server was at capacity while it ran.';
    case 'FAILED':
      return 'This call could not be transcribed after it ended; its recordings are kept.';
    default:
      return null;
  }
}

/** What an empty transcript says: never "nothing was said" when nothing was listening. */
export function emptyTranscriptText(ended: boolean, transcribing: boolean): string {
  if (!transcribing) {
    return ended ? 'Not transcribed: transcription is off on this server. The recording is saved.'
      : 'Not transcribed: transcription is off on this server. The call is being recorded.';
  }
  return ended ? 'Not transcribed: no speech was recognised on this call.' : 'Waiting for the first words…';
}

/**
 * How a leg was carried, in words for the call page: "SIP over TLS · SRTP" (encrypted end to end), "SIP over UDP ·
 * clear RTP"; null when the server does not know (uploads, relayed legs, calls stored before it recorded this).
 */
export function legEncryption(leg: { sipTransport?: string | null; srtp?: boolean | null }): string | null {
  const transport = leg.sipTransport ? `SIP over ${leg.sipTransport.toUpperCase()}` : null;
  const media = leg.srtp == null ? null : leg.srtp ? 'SRTP' : 'clear RTP';
  if (!transport && !media) return null;
  return [transport, media].filter(Boolean).join(' · ');
}

/** Whether both signalling and media of a leg were encrypted (TLS and SRTP). */
export function legEncrypted(leg: { sipTransport?: string | null; srtp?: boolean | null }): boolean {
  return leg.sipTransport === 'tls' && leg.srtp === true;
}
