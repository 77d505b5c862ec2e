import { partyName } from './format';

/** One speaker of a call with the name it goes by and where that came from (`GET /api/calls/{id}/names`). */
export interface PartyNameView {
  party: string;
  role: string;
  name: string;
  source: 'user' | 'account' | 'recording' | 'call' | 'role' | string;
  confidence: number | null;
}

/** What a name's source means to the person renaming; empty for a speaker known only by its label. */
export function sourceLabel(source: string | undefined, confidence?: number | null): string {
  switch (source) {
    case 'user': return 'renamed';
    case 'account': return 'from the rep\'s account';
    case 'recording': return 'from the recording system';
    case 'call': return confidence == null ? 'said in the call' : `said in the call (${Math.round(confidence * 100)} %)`;
    default: return '';
  }
}

/** Speaker label to source, for the rename form's hints. */
export function sourcesOf(parties: PartyNameView[] | null | undefined): Record<string, PartyNameView> {
  return Object.fromEntries((parties ?? []).map((p) => [p.party, p]));
}

/**
 * The renames a form sends: speakers whose field holds a name (trimmed) other than the one they go by. A field
 * emptied is left out, not sent as a blank name the server would refuse.
 */
export function renameChanges(draft: Record<string, string>, names: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [label, value] of Object.entries(draft)) {
    const name = value.trim();
    if (name && name !== names[label] && label in names) out[label] = name;
  }
  return out;
}

/** How a line's speaker is shown: the name it goes by, or its role ("Rep", "Customer 2") while that is its label. */
export function shownName(party: string, names: Record<string, string> | null | undefined): string {
  const name = names?.[party];
  return name && name !== party ? name : partyName(party);
}
