import type { Party, SegmentView } from './types';

/** One transcript line: a final segment, or the latest partial of a segment still being spoken. */
export interface Line {
  key: string;
  party: Party;
  index: number;
  startMs: number;
  endMs: number;
  text: string;
  final: boolean;
}

/** The transcript of one call, keyed by party+index so replays and reconnects never duplicate a line. */
export interface Transcript {
  lines: Record<string, Line>;
  /** Keys ordered by media time (then party), recomputed on every change. */
  order: string[];
}

export type TranscriptAction =
  | { type: 'reset' }
  | { type: 'segment'; party: Party; index: number; startMs: number; endMs: number; text: string; isFinal: boolean }
  | { type: 'snapshot'; segments: SegmentView[] };

export const emptyTranscript: Transcript = { lines: {}, order: [] };

export function lineKey(party: string, index: number): string {
  return `${party}:${index}`;
}

function byTime(lines: Record<string, Line>): string[] {
  return Object.values(lines)
    .sort((a, b) => a.startMs - b.startMs || a.party.localeCompare(b.party) || a.index - b.index)
    .map((l) => l.key);
}

/** Applies one segment; returns null when nothing changes (a repeated final, or a partial after its final). */
function apply(lines: Record<string, Line>, s: Omit<Line, 'key' | 'final'> & { isFinal: boolean }): Line | null {
  const key = lineKey(s.party, s.index);
  const have = lines[key];
  if (have?.final) {
    // A final is what the database holds; replays after a reconnect repeat it and partials may arrive late.
    return null;
  }
  if (have && !s.isFinal && have.text === s.text && have.startMs === s.startMs) {
    return null;
  }
  return { key, party: s.party, index: s.index, startMs: s.startMs, endMs: s.endMs, text: s.text, final: s.isFinal };
}

export function transcriptReducer(state: Transcript, action: TranscriptAction): Transcript {
  switch (action.type) {
    case 'reset':
      return emptyTranscript;
    case 'segment': {
      const line = apply(state.lines, action);
      if (!line) return state;
      const lines = { ...state.lines, [line.key]: line };
      return { lines, order: byTime(lines) };
    }
    case 'snapshot': {
      let lines = state.lines;
      for (const s of action.segments) {
        const line = apply(lines, { ...s, isFinal: true });
        if (line) {
          if (lines === state.lines) lines = { ...lines };
          lines[line.key] = line;
        }
      }
      return lines === state.lines ? state : { lines, order: byTime(lines) };
    }
  }
}

export function orderedLines(t: Transcript): Line[] {
  return t.order.map((k) => t.lines[k]);
}

/**
 * Final indices missing below the highest final of each party. Segments are numbered from 0 per party,
 * so a hole means a final was lost (for instance while the socket was down and before the replay).
 */
export function gaps(t: Transcript): string[] {
  const highest: Record<string, number> = {};
  for (const l of Object.values(t.lines)) {
    if (l.final) highest[l.party] = Math.max(highest[l.party] ?? -1, l.index);
  }
  const missing: string[] = [];
  for (const [party, max] of Object.entries(highest)) {
    for (let i = 0; i <= max; i++) {
      if (!t.lines[lineKey(party, i)]?.final) missing.push(lineKey(party, i));
    }
  }
  return missing;
}

/**
 * Line keys by utterance number. The server numbers a call's non-blank finals in the order they completed,
 * across both parties; cards and insights refer to those numbers.
 */
export function utteranceKeys(lines: Line[]): string[] {
  return lines
    .filter((l) => l.final && l.text.trim() !== '')
    .sort((a, b) => a.endMs - b.endMs || a.startMs - b.startMs)
    .map((l) => l.key);
}
