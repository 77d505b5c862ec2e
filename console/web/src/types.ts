/** Shapes of the console's REST and WebSocket API (see console/src/main/java/io/earpiece/console/api). */

export type Party = 'rep' | 'customer' | 'mixed';

export interface User {
  username: string;
  roles: string[];
  team?: string | null;
}

export interface PartyView {
  party: Party;
  legId: string;
  codec: string | null;
  startedAt: string | null;
  endedAt: string | null;
  packetsReceived: number;
  packetsLost: number;
  recordingUrl: string;
  /** udp, tcp or tls: how the leg's INVITE came; null or absent when not known. */
  sipTransport?: string | null;
  /** Whether the leg's media was SRTP; null or absent when not known. */
  srtp?: boolean | null;
}

export interface CallSummary {
  id: string;
  conversationId: string;
  from: string | null;
  to: string | null;
  status: 'ACTIVE' | 'ENDED' | string;
  startedAt: string;
  endedAt: string | null;
  durationMs: number | null;
  endReason: string | null;
  parties: PartyView[];
  segments: number;
  /** LIVE, or DEFERRED (beyond live capacity: transcribed after hang-up), then AFTER_CALL or FAILED. */
  transcription?: 'LIVE' | 'DEFERRED' | 'AFTER_CALL' | 'FAILED' | string;
}

export interface SegmentView {
  party: Party;
  index: number;
  startMs: number;
  endMs: number;
  text: string;
}

export interface InsightView {
  utterance: number;
  party: Party;
  tag: string;
  details: unknown;
}

export interface CardView {
  id: number;
  cardKey: string;
  title: string;
  body: string;
  priority: number;
  utterance: number;
  trigger: string | null;
  shownAt?: string | null;
  feedback?: string | null;
}

export interface CallDetail extends Omit<CallSummary, 'segments'> {
  segments: SegmentView[];
  insights: InsightView[];
  cards: CardView[];
}

export interface SegmentEvent {
  type: 'segment' | 'partial';
  callId: string;
  party: Party;
  index: number;
  startMs: number;
  endMs: number;
  text: string;
  isFinal: boolean;
}

export interface CardEvent extends CardView {
  type: 'card';
  callId: string;
  /** The provisional card this stored one confirms, if one was up. */
  replaces?: string | null;
}

/** A card raised on the committed words of a sentence still being spoken; its final confirms or withdraws it. */
export interface ProvisionalCardEvent {
  type: 'card_provisional';
  callId: string;
  key: string;
  cardKey: string;
  title: string;
  body: string;
  priority: number;
  party: Party;
  trigger: string | null;
}

export interface CardWithdrawnEvent {
  type: 'card_withdrawn';
  callId: string;
  key: string;
}

export interface InsightEvent {
  type: 'insight';
  callId: string;
  utterance: number;
  party: Party;
  tag: string;
  details: unknown;
}

export interface CallStateEvent {
  type: 'call';
  callId: string;
  state: string;
  party: Party | null;
}

export type CallEvent = SegmentEvent | CardEvent | ProvisionalCardEvent | CardWithdrawnEvent | InsightEvent
  | CallStateEvent;

/** GET /api/status: what the server can do now. */
export interface TranscriptionStatus {
  live: boolean;
  uploads: boolean;
  /** Why not, in plain words; null when both work. */
  reason: string | null;
  /** What an admin does about it; only admins get it. */
  howToEnable: string | null;
}

export interface ServerStatus {
  transcription: TranscriptionStatus;
}

/** One call of GET /api/search, with its summary's headline fields (null before the summary, or untranscribed). */
export interface CallHit {
  callId: string;
  startedAt: string;
  endedAt: string | null;
  durationMs: number | null;
  fromUri: string | null;
  toUri: string | null;
  callType: string | null;
  priority: string | null;
  sentiment: string | null;
  /** Added later: absent from older servers. */
  status?: string | null;
  rep?: string | null;
  customer?: string | null;
  segments?: number | null;
  objections?: string[] | null;
  cardsUsed?: number | null;
}

export interface SearchPage {
  hits: CallHit[];
  total: number;
  page: number;
  size: number;
}

/** GET /api/calls/{id}/summary (see SummaryView.java); type, priority, sentiment and abstract are null untranscribed. */
export interface ActionItem {
  seq: number;
  utterance: number;
  owner: string;
  what: string;
  due: string | null;
  dueDate: string | null;
  done: boolean;
  doneAt: string | null;
  doneBy: string | null;
  /** The user a routing rule assigned it to. */
  assignee?: string | null;
}

export interface Objection {
  utterance: number;
  kind: string;
  said: string;
  response: string | null;
  answered: boolean;
  /** who raised it: "customer", or a further party such as "customer-2" */
  by: string;
}

export interface Question {
  utterance: number;
  asker: string;
  topic: string | null;
  text: string;
  answer: string | null;
}

export interface CallSummaryReport {
  callId: string;
  callDate: string;
  type: string | null;
  priority: string | null;
  abstractText: string | null;
  sentiment: { label: string; overall: number; opening: number; closing: number;
    timeline: { utterance: number; startS: number; score: number }[] } | null;
  objections: Objection[];
  questions: Question[];
  decisions: { utterance: number; speaker: string; text: string }[];
  actionItems: ActionItem[];
  engine: string | null;
  createdAt: string;
}

/** GET /api/calls/{id}/exports: one exporter's job for the call; lastOutcome only for admins. */
export interface CallExport {
  exporter: string;
  state: string;
  attempts: number;
  updatedAt: string | null;
  lastOutcome?: string | null;
}
