import type { CardView, Objection, PartyView } from './types';
import type { Line } from './transcript';

/**
 * How far into the whole-call recording each party's own recording starts: the server mixes the parties at their
 * legs' start times (GET /api/calls/{id}/audio/call.wav), and each line's time is on its party's recording.
 */
export function partyOffsets(parties: Pick<PartyView, 'party' | 'startedAt'>[]): Record<string, number> {
  const starts = parties.map((p) => (p.startedAt ? Date.parse(p.startedAt) : NaN));
  const known = starts.filter((t) => !Number.isNaN(t));
  const first = known.length ? Math.min(...known) : 0;
  const out: Record<string, number> = {};
  parties.forEach((p, i) => {
    out[p.party] = Number.isNaN(starts[i]) ? 0 : starts[i] - first;
  });
  return out;
}

/** Where a line starts in the whole-call recording, in ms. */
export function lineAt(line: Pick<Line, 'party' | 'startMs'>, offsets: Record<string, number>): number {
  return line.startMs + (offsets[line.party] ?? 0);
}

export interface Marker {
  kind: 'card' | 'objection';
  atMs: number;
  label: string;
}

/**
 * Card and objection markers for the player's lane, placed at the start of the utterance that raised them.
 * Utterances are the call's lines in time order (as the server numbers them); one past the end goes to the last.
 */
export function markers(lines: Line[], offsets: Record<string, number>, cards: CardView[],
  objections: Objection[]): Marker[] {
  if (lines.length === 0) return [];
  const at = (u: number) => lineAt(lines[Math.min(Math.max(0, u), lines.length - 1)], offsets);
  return [
    ...cards.map((c) => ({ kind: 'card' as const, atMs: at(c.utterance), label: `Card: ${c.title}` })),
    ...objections.map((o) => ({ kind: 'objection' as const, atMs: at(o.utterance),
      label: `Objection (${o.kind.replace(/_/g, ' ')})${o.answered ? '' : ', not answered'}` })),
  ].sort((a, b) => a.atMs - b.atMs);
}

/** The lane's length: the longest of the call's duration and its last line's end. */
export function laneLength(durationMs: number | null, lines: Line[], offsets: Record<string, number>): number {
  const lastEnd = lines.reduce((m, l) => Math.max(m, l.endMs + (offsets[l.party] ?? 0)), 0);
  return Math.max(durationMs ?? 0, lastEnd, 1);
}

/** An action item's due state on {@code today} (YYYY-MM-DD): overdue when open past its date. */
export function dueState(item: { done: boolean; dueDate: string | null }, today: string): 'done' | 'overdue' | 'open' {
  if (item.done) return 'done';
  return item.dueDate != null && item.dueDate < today ? 'overdue' : 'open';
}

/** A sentiment score in [-1, 1] as words a manager reads ("positive, +0.40"). */
export function sentimentText(label: string, overall: number): string {
  const sign = overall > 0 ? '+' : '';
  return `${label} (${sign}${overall.toFixed(2)})`;
}
