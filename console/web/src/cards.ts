import type { CardEvent, CardView, ProvisionalCardEvent } from './types';

/** A whisper card as the live view holds it: what the server sent plus what the rep did to it. */
export interface LiveCard extends CardView {
  /** When this browser first received it (ms since epoch); the fade timer starts here. */
  receivedAt: number;
  pinned: boolean;
  /** Hovered or focused now: a card the rep is looking at never fades. */
  held: boolean;
  /** When the rep last stopped holding it; the timer restarts from there. */
  releasedAt: number | null;
  /** 'used' or 'dismissed' once the rep reacted (or the server says so). */
  feedback: string | null;
  /** The feedback POST is in flight. */
  sending?: boolean;
  /**
   * Set while the card is provisional (raised before the sentence ended): its key, until the final confirms it
   * (the stored card takes its place) or withdraws it. A provisional card has a negative id and takes no feedback.
   */
  provisionalKey?: string;
  /** Stays the same when a provisional card is confirmed, so the element on screen is kept. */
  uiKey?: string;
}

export type CardPhase = 'shown' | 'fading' | 'gone';

/** How long the fade-out animation takes at the end of a card's time. */
export const FADE_OUT_MS = 700;
export const DEFAULT_FADE_SECONDS = 12;

/**
 * Where a card stands at {@code now}: shown while pinned or held and for {@code fadeMs} after it arrived or
 * was last released, fading during the last {@link FADE_OUT_MS}, gone after. Reacted cards leave at once.
 */
export function cardPhase(card: LiveCard, now: number, fadeMs: number): CardPhase {
  if (card.feedback) return 'gone';
  if (card.pinned || card.held) return 'shown';
  const since = Math.max(card.receivedAt, card.releasedAt ?? 0);
  const left = since + fadeMs - now;
  if (left <= 0) return 'gone';
  return left <= Math.min(FADE_OUT_MS, fadeMs) ? 'fading' : 'shown';
}

/** When the next phase change of any card happens (for the one timer the stack needs), or null if none will. */
export function nextChangeAt(cards: LiveCard[], now: number, fadeMs: number): number | null {
  let next: number | null = null;
  for (const c of cards) {
    const phase = cardPhase(c, now, fadeMs);
    if (phase === 'gone' || c.pinned || c.held) continue;
    const end = Math.max(c.receivedAt, c.releasedAt ?? 0) + fadeMs;
    const at = phase === 'shown' ? end - Math.min(FADE_OUT_MS, fadeMs) : end;
    if (next === null || at < next) next = at;
  }
  return next;
}

/** The newest card by arrival, whatever its phase: Ctrl+Shift+Space copies its tip. */
export function newestCard(cards: LiveCard[]): LiveCard | null {
  let best: LiveCard | null = null;
  for (const c of cards) {
    if (!best || c.receivedAt > best.receivedAt || (c.receivedAt === best.receivedAt && c.id > best.id)) best = c;
  }
  return best;
}

/** Adds cards not seen yet (by id): cards recovered after a reconnect must not restart the timers of those on screen. */
export function mergeCards(have: LiveCard[], incoming: CardView[], now: number): LiveCard[] {
  const known = new Set(have.map((c) => c.id));
  const added: LiveCard[] = [];
  for (const c of incoming) {
    if (known.has(c.id)) continue;
    known.add(c.id);
    added.push({ ...c, receivedAt: now, pinned: false, held: false, releasedAt: null, feedback: c.feedback ?? null });
  }
  return added.length ? [...have, ...added] : have;
}

/** Reads the fade time: ?fade=SECONDS wins, then the saved setting, then the default. */
export function fadeSeconds(search: string, saved: string | null): number {
  const q = new URLSearchParams(search).get('fade');
  for (const v of [q, saved]) {
    const n = v == null ? NaN : Number(v);
    if (Number.isFinite(n) && n > 0 && n <= 3600) return n;
  }
  return DEFAULT_FADE_SECONDS;
}

/** Provisional cards get negative ids, so they never collide with stored ones (positive database ids). */
function provisionalId(key: string): number {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (h * 31 + key.charCodeAt(i)) | 0;
  return -(Math.abs(h) + 1);
}

/** Puts up a provisional card unless it is up already (a replayed event). */
export function addProvisional(have: LiveCard[], e: ProvisionalCardEvent, now: number): LiveCard[] {
  if (have.some((c) => c.provisionalKey === e.key)) return have;
  return [...have, {
    id: provisionalId(e.key), cardKey: e.cardKey, title: e.title, body: e.body, priority: e.priority, utterance: -1,
    trigger: e.trigger, receivedAt: now, pinned: false, held: false, releasedAt: null, feedback: null,
    provisionalKey: e.key, uiKey: e.key,
  }];
}

/**
 * Adds a stored card. One that confirms a provisional card takes its place, keeping what the rep did to it (its
 * timer, pin and hover), so the card the rep is reading neither jumps nor restarts.
 */
export function addStoredCard(have: LiveCard[], e: CardEvent, now: number): LiveCard[] {
  const at = e.replaces ? have.findIndex((c) => c.provisionalKey === e.replaces) : -1;
  if (at < 0) return mergeCards(have, [e], now);
  if (have.some((c) => c.id === e.id)) return have.filter((_, i) => i !== at);
  const old = have[at];
  const confirmed: LiveCard = { ...old, ...e, receivedAt: old.receivedAt, pinned: old.pinned, held: old.held,
    releasedAt: old.releasedAt, feedback: e.feedback ?? null, provisionalKey: undefined };
  return have.map((c, i) => (i === at ? confirmed : c));
}

/** Takes down a provisional card the final did not bear out. */
export function withdrawProvisional(have: LiveCard[], key: string): LiveCard[] {
  const left = have.filter((c) => c.provisionalKey !== key);
  return left.length === have.length ? have : left;
}
