/** What the "Invite Earpiece to a meeting" form holds, as typed. */
export interface MeetingFields {
  number: string;
  pin: string;
  /** The longest wait for the bridge's prompt to end, in seconds, as typed; empty: the server's default. */
  pinDelaySeconds: string;
  rep: string;
  title: string;
}

/** What POST /api/calls/dial is sent: JSON, or a multipart form when an invitation (.ics) gives the dial-in. */
export type DialBody =
  | { kind: 'json'; body: Record<string, string | number> }
  | { kind: 'form'; form: FormData };

/**
 * The request for the form's fields and optional invitation, or the reason it cannot be sent yet. Empty fields are
 * left out (the invitation, or the server's defaults, fill them); the PIN delay goes in milliseconds.
 */
export function dialBody(f: MeetingFields, invite: File | null): DialBody | { error: string } {
  const fields: Record<string, string | number> = {};
  const number = f.number.trim();
  if (number) fields.number = number;
  else if (!invite) return { error: 'Enter the dial-in number, or choose the invitation (.ics)' };
  if (f.pin.trim()) fields.pin = f.pin.trim();
  const delay = f.pinDelaySeconds.trim();
  if (delay) {
    const seconds = Number(delay);
    if (!Number.isFinite(seconds) || seconds < 0 || seconds > 120) return { error: 'PIN delay must be 0-120 seconds' };
    fields.pinDelay = Math.round(seconds * 1000);
  }
  if (f.rep.trim()) fields.rep = f.rep.trim();
  if (f.title.trim()) fields.title = f.title.trim();
  if (!invite) return { kind: 'json', body: fields };
  const form = new FormData();
  form.append('invite', invite, invite.name);
  for (const [k, v] of Object.entries(fields)) form.append(k, String(v));
  return { kind: 'form', form };
}

/** How a dial's state reads to the rep. */
export function dialState(state: string): string {
  switch (state) {
    case 'DIALLING': return 'Dialling…';
    case 'RINGING': return 'Ringing';
    case 'ANSWERED': return 'Answered, waiting for the prompt';
    case 'ENTERING_PIN': return 'Entering the PIN';
    case 'JOINED': return 'In the meeting, transcribing';
    case 'FAILED': return 'Failed';
    case 'ENDED': return 'Ended';
    default: return state;
  }
}
