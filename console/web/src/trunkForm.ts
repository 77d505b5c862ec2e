/**
 * The trunk form's state, the request it sends, its own checks and where the server's refusals go: kept apart from
 * the component so that each rule is tested alone (trunkForm.test.ts). The server decides; these checks only spare
 * the admin a round trip for what is plainly wrong, with the same wording rules as its 400s.
 */

/** A TLS trunk's certificate settings as the API has them: files on the Earpiece host, and a pin. */
export interface TrunkTls {
  serverPin: string | null;
  trustedCa: string | null;
  clientCertificate: string | null;
  clientKey: string | null;
}

/** The fields of a trunk the form edits (the API's TrunkView, password never included). */
export interface TrunkFields {
  id: string;
  host: string;
  port: number;
  transport: string;
  username: string | null;
  registerIntervalSeconds: number;
  enabled: boolean;
  realm: string | null;
  callerId: string | null;
  codecs: string[];
  allowedSources: string[];
  srtp: string | null;
  tls?: TrunkTls | null;
  routePatterns?: string[];
  routePriority?: number;
}

/** What the inputs hold: text as typed. */
export interface TrunkFormState {
  id: string; host: string; port: string; transport: string; username: string; password: string; interval: string;
  enabled: boolean; srtp: string; patterns: string; priority: string;
  serverPin: string; trustedCa: string; clientCertificate: string; clientKey: string;
}

export type TrunkFormKey = keyof TrunkFormState;

export const EMPTY_TRUNK: TrunkFormState = {
  id: '', host: '', port: '5060', transport: 'udp', username: '', password: '', interval: '300', enabled: true,
  srtp: 'optional', patterns: '', priority: '100', serverPin: '', trustedCa: '', clientCertificate: '', clientKey: '',
};

/** The form for an existing trunk, or an empty one. */
export function formFrom(t: TrunkFields | null): TrunkFormState {
  if (!t) return EMPTY_TRUNK;
  return {
    id: t.id, host: t.host, port: String(t.port), transport: t.transport.toLowerCase(), username: t.username ?? '',
    password: '', interval: String(t.registerIntervalSeconds), enabled: t.enabled,
    srtp: (t.srtp ?? 'optional').toLowerCase(), patterns: (t.routePatterns ?? []).join(', '),
    priority: String(t.routePriority ?? 100), serverPin: t.tls?.serverPin ?? '', trustedCa: t.tls?.trustedCa ?? '',
    clientCertificate: t.tls?.clientCertificate ?? '', clientKey: t.tls?.clientKey ?? '',
  };
}

/** Route patterns as typed ("+1, 0044 00"): split on commas and spaces, blanks dropped. */
export function patternsOf(text: string): string[] {
  return text.split(/[\s,]+/).map((p) => p.trim()).filter(Boolean);
}

const blank = (s: string) => (s.trim() ? s.trim() : null);

/**
 * The request body. On an edit the settings the form does not show (realm, caller ID, codecs, allowed sources) go
 * back as they were, since the API resets what a request leaves out; the TLS settings go only with transport TLS
 * (left out, the stored ones are kept).
 */
export function requestOf(f: TrunkFormState, editing: TrunkFields | null): Record<string, unknown> {
  return {
    id: f.id.trim(), host: f.host.trim(), port: Number(f.port), transport: f.transport,
    username: f.username.trim() || null, password: f.password || null,
    registerIntervalSeconds: Number(f.interval), enabled: f.enabled, srtp: f.srtp,
    routePatterns: patternsOf(f.patterns), routePriority: Number(f.priority),
    ...(f.transport === 'tls' ? {
      tls: {
        serverPin: blank(f.serverPin), trustedCa: blank(f.trustedCa), clientCertificate: blank(f.clientCertificate),
        clientKey: blank(f.clientKey),
      },
    } : {}),
    ...(editing ? {
      realm: editing.realm, callerId: editing.callerId, codecs: editing.codecs, allowedSources: editing.allowedSources,
    } : {}),
  };
}

const PATTERN = /^[0-9+*#X]{1,32}$/;
const PIN = /^[0-9a-fA-F]{64}$/;

/** What is plainly wrong before asking the server, by field; empty when nothing is. */
export function check(f: TrunkFormState): Partial<Record<TrunkFormKey, string>> {
  const errors: Partial<Record<TrunkFormKey, string>> = {};
  const port = Number(f.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) errors.port = 'Port must be 1-65535.';
  const interval = Number(f.interval);
  if (!Number.isInteger(interval) || interval < 0) errors.interval = 'Register every must be 0 (never) or more seconds.';
  const priority = Number(f.priority);
  if (!Number.isInteger(priority) || priority < 0 || priority > 1000) errors.priority = 'Priority must be 0-1000 (lower is tried first).';
  const bad = patternsOf(f.patterns).find((p) => !PATTERN.test(p));
  if (bad !== undefined) errors.patterns = `Route pattern '${bad}' must be 1-32 of digits, +, *, # and X (any digit).`;
  if (f.transport === 'tls') {
    const pin = f.serverPin.replace(/:/g, '').trim();
    if (pin && !PIN.test(pin)) errors.serverPin = 'A pin is the certificate\'s SHA-256 fingerprint: 64 hex digits (colons allowed).';
    if (blank(f.clientCertificate) && !blank(f.clientKey)) errors.clientKey = 'Mutual TLS needs the private key of the client certificate too.';
    if (!blank(f.clientCertificate) && blank(f.clientKey)) errors.clientCertificate = 'Mutual TLS needs the client certificate of this key too.';
  }
  return errors;
}

/** The form field a server refusal names (its API name: registerIntervalSeconds, tls.trustedCa), or null. */
export function fieldOf(serverField: string | undefined): TrunkFormKey | null {
  switch (serverField) {
    case 'id': case 'host': case 'port': case 'transport': case 'username': case 'password': case 'srtp':
      return serverField;
    case 'registerIntervalSeconds': return 'interval';
    case 'routePatterns': return 'patterns';
    case 'routePriority': return 'priority';
    case 'tls.serverPin': return 'serverPin';
    case 'tls.trustedCa': return 'trustedCa';
    case 'tls.clientCertificate': return 'clientCertificate';
    case 'tls.clientKey': return 'clientKey';
    default: return null;
  }
}
