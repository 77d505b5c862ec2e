import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { api, optional } from '../api';
import {
  clock, emptyTranscriptText, legEncrypted, legEncryption, partyName, partyStyle, transcriptionNotice, when, who,
} from '../format';
import { laneLength, lineAt, markers, partyOffsets } from '../report';
import { href } from '../route';
import { orderedLines, transcriptReducer, emptyTranscript } from '../transcript';
import type { CallDetail, CallExport, CallSummaryReport } from '../types';
import {
  isRecordingSession, participantAddress, participantName, participantRole, pausePeriods,
  type CallEventView, type RecordingView,
} from '../recording';
import { CallPlayer } from './CallPlayer';
import { FollowUp } from './FollowUp';
import { RoutedBlock } from './RoutedBlock';
import { ActionItems, ExportStatus, Objections, Questions, SummaryChips } from './CallReport';
import { TranscriptView } from './TranscriptView';
import { renameChanges, shownName, sourceLabel, sourcesOf, type PartyNameView } from '../names';

/**
 * Renames a call's speakers ("Speaker 1" → "Dana"); the server stores it, so the name sticks over any name found
 * later. Each field says where the name it shows came from (said in the call, the rep's account, renamed).
 */
function SpeakerNames({ callId, names, parties, onSaved }: {
  callId: string; names: Record<string, string>; parties: Record<string, PartyNameView>;
  onSaved: (n: Record<string, string>) => void;
}) {
  const [draft, setDraft] = useState(names);
  const [status, setStatus] = useState<string | null>(null);
  useEffect(() => setDraft(names), [names]);
  const changes = renameChanges(draft, names);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    try {
      onSaved(await api.put<Record<string, string>>(`/api/calls/${encodeURIComponent(callId)}/speakers`, changes));
      setStatus('Saved');
    } catch (err) {
      setStatus(`Not saved: ${(err as Error).message ?? err}`);
    }
  };
  return (
    <section className="panel" aria-label="Speakers">
      <h2>Speakers</h2>
      <form className="speaker-names" onSubmit={save}>
        {Object.keys(names).map((label) => {
          const source = sourceLabel(parties[label]?.source, parties[label]?.confidence);
          return (
            <label key={label}>
              <span>{partyName(label)}</span>
              <input value={draft[label] ?? ''} maxLength={128} data-speaker={label}
                onChange={(e) => { setDraft({ ...draft, [label]: e.target.value }); setStatus(null); }} />
              {source && <span className="muted small" data-name-source={parties[label]?.source}>{source}</span>}
            </label>
          );
        })}
        <div className="speaker-actions">
          <button type="submit" className="btn small" disabled={Object.keys(changes).length === 0}>Rename</button>
          {status && <span className="muted small" role="status">{status}</span>}
        </div>
      </form>
    </section>
  );
}

/**
 * A SIPREC call's recording session: its id, who the recording client said was in the call (and which party each
 * is heard in) and when the client paused the recording. Absent for other calls.
 */
function RecordingSessionPanel({ recording, events, names }: {
  recording: RecordingView; events: CallEventView[]; names: Record<string, string> | null;
}) {
  const pauses = pausePeriods(events);
  const partyLabel = (party: string) => shownName(party, names);
  return (
    <section className="panel recording-session" aria-label="Recording session" data-testid="recording-session">
      <h2>Recording session</h2>
      {recording.recordingSessionId && (
        <p className="muted small">Session <code data-testid="recording-session-id">{recording.recordingSessionId}</code></p>
      )}
      {recording.participants.length === 0 && <p className="muted">The recording client named no participants.</p>}
      {recording.participants.length > 0 && (
        <ul className="participants" aria-label="Participants">
          {recording.participants.map((p, i) => (
            <li key={i} className={`participant participant-${p.party ? partyStyle(p.party) : 'none'}`} data-testid="participant"
              data-party={p.party ?? ''}>
              <span className="participant-name">{participantName(p)}</span>
              <span className="participant-role">{participantRole(p)}</span>
              {participantAddress(p) && <span className="muted small participant-aor">{participantAddress(p)}</span>}
              {p.labels.length > 0 && <span className="muted small">stream {p.labels.join(', ')}</span>}
            </li>
          ))}
        </ul>
      )}
      <h3>Paused</h3>
      {pauses.length === 0 && <p className="muted small" data-testid="pauses-none">Recorded throughout.</p>}
      {pauses.length > 0 && (
        <ul className="pauses" aria-label="Pauses">
          {pauses.map((p, i) => (
            <li key={i} data-testid="pause">
              {partyLabel(p.party)}: {clock(p.fromMs)} – {p.toMs == null ? 'end' : clock(p.toMs)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** A summary of a call with no transcribed line: the server leaves type, priority and sentiment out. */
function unclaimed(summary: CallSummaryReport): boolean {
  return summary.type == null && summary.sentiment == null && summary.abstractText == null;
}

/**
 * After the call, a report: the abstract as headline with type, priority and sentiment; one player for the whole
 * call with speaker lanes and card/objection markers (a transcript line plays from where it was said); action
 * items to tick off, objections with how they were handled, questions; the PDF and the CRM export status.
 */
export function CallPage({ callId, transcribing = true }: { callId: string; transcribing?: boolean }) {
  const [call, setCall] = useState<CallDetail | null>(null);
  const [summary, setSummary] = useState<CallSummaryReport | null | undefined>(undefined);
  const [exports, setExports] = useState<CallExport[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // undefined while loading: the page waits for the names so lines never flash their default labels.
  const [names, setNames] = useState<Record<string, string> | null | undefined>(undefined);
  const [parties, setParties] = useState<PartyNameView[] | null>(null);
  const [recording, setRecording] = useState<RecordingView | null>(null);
  const [events, setEvents] = useState<CallEventView[]>([]);
  const audio = useRef<HTMLAudioElement | null>(null);

  useEffect(() => {
    let cancelled = false;
    setCall(null);
    setSummary(undefined);
    setExports(null);
    setError(null);
    setNames(undefined);
    setParties(null);
    setRecording(null);
    setEvents([]);
    const base = `/api/calls/${encodeURIComponent(callId)}`;
    // Optional extras: a server without them, or a failure, leaves the page as it was.
    optional<RecordingView>(`${base}/recording`).then((r) => !cancelled && setRecording(r), () => {});
    optional<CallEventView[]>(`${base}/events`).then((e) => !cancelled && setEvents(e ?? []), () => {});
    optional<Record<string, string>>(`${base}/speakers`).then(
      (n) => !cancelled && setNames(n ?? null), () => !cancelled && setNames(null));
    optional<PartyNameView[]>(`${base}/names`).then((p) => !cancelled && setParties(p ?? null), () => {});
    api.call(callId).then((c) => !cancelled && setCall(c), (e) => !cancelled && setError(String(e.message ?? e)));
    optional<CallSummaryReport>(`${base}/summary`).then(
      (s) => !cancelled && setSummary(s), () => !cancelled && setSummary(null));
    optional<CallExport[]>(`${base}/exports`).then((x) => !cancelled && setExports(x), () => {});
    return () => {
      cancelled = true;
    };
  }, [callId]);

  const notice = call ? transcriptionNotice(call.transcription, call.status === 'ENDED') : null;
  const lines = useMemo(() => orderedLines(
    transcriptReducer(emptyTranscript, { type: 'snapshot', segments: call?.segments ?? [] })), [call]);
  const offsets = useMemo(() => partyOffsets(call?.parties ?? []), [call]);
  const claims = summary != null && !unclaimed(summary) ? summary : null;
  const moments = useMemo(() => markers(lines, offsets, call?.cards ?? [], claims?.objections ?? []),
    [lines, offsets, call, claims]);

  if (error) return <main className="page"><p className="error" role="alert">{error}</p></main>;
  if (!call || names === undefined) return <main className="page"><p className="muted">Loading call…</p></main>;

  const seek = (ms: number) => {
    const el = audio.current;
    if (!el) return;
    el.currentTime = Math.max(0, ms / 1000);
    void el.play().catch(() => {});
  };
  const used = call.cards.filter((c) => c.feedback === 'used').length;
  const peers = `${who(call.from)} → ${who(call.to)}`;
  return (
    <main className="page call-page" data-testid="call-page">
      <div className="page-head">
        <div>
          <a className="back" href={href({ page: 'calls' })}>← Calls</a>
          {claims?.abstractText && <p className="sub peers">{peers}</p>}
          <h1 className={claims?.abstractText ? 'headline' : undefined} data-testid="headline">
            {claims?.abstractText ?? peers}
          </h1>
          <p className="sub">
            {when(call.startedAt)} · {call.durationMs != null ? clock(call.durationMs) : 'in progress'}
            {call.endReason ? ` · ${call.endReason.toLowerCase().replace(/_/g, ' ')}` : ''}
          </p>
          {claims && <SummaryChips summary={claims} />}
        </div>
        <div className="stats">
          <div><strong>{call.segments.length}</strong><span>lines</span></div>
          <div><strong>{call.cards.length}</strong><span>tips</span></div>
          <div><strong>{used}</strong><span>used</span></div>
        </div>
        {call.status === 'ACTIVE' && (
          <a className="btn primary" href={href({ page: 'phone', callId })}>Open live view</a>
        )}
      </div>
      {call.parties.length === 0 ? (
        <section className="panel player-panel" aria-label="Recording"><h2>Recording</h2><p className="muted">No recordings.</p></section>
      ) : (
        <CallPlayer callId={callId} audio={audio} lengthMs={laneLength(call.durationMs, lines, offsets)} lines={lines}
          offsets={offsets} markers={moments} parties={call.parties} names={names ?? undefined} onSeek={seek} />
      )}
      <div className="call-grid">
        <div className="call-side">
          {call.parties.some((p) => legEncryption(p)) && (
            <section className="panel" aria-label="How the call was carried">
              <h2>Connection</h2>
              {call.parties.map((p) => legEncryption(p) && (
                <div key={p.party} className={`player player-${partyStyle(p.party)}`}>
                  <span className="who">{shownName(p.party, names)}</span>
                  <span className={`leg-security${legEncrypted(p) ? ' encrypted' : ''}`} data-testid="leg-security"
                    data-party={p.party}>{legEncrypted(p) ? '🔒 ' : ''}{legEncryption(p)}</span>
                </div>
              ))}
            </section>
          )}
          {isRecordingSession(recording) && <RecordingSessionPanel recording={recording} events={events} names={names} />}
          {/* first in the column: an escalation's reason is the first thing a lead opening the call reads */}
          <RoutedBlock callId={callId} />
          {summary === undefined && <section className="panel" aria-label="Summary"><h2>Summary</h2><p className="muted">Loading…</p></section>}
          {summary === null && (
            <section className="panel" aria-label="Summary" data-testid="summary"><h2>Summary</h2>
              <p className="muted">No summary for this call yet.</p></section>
          )}
          {summary != null && !claims && (
            <section className="panel" aria-label="Summary" data-testid="summary"><h2>Summary</h2>
              <p className="muted" data-testid="summary-untranscribed">Not transcribed: there is nothing to summarise.</p></section>
          )}
          {claims && (
            <div className="summary-parts" data-testid="summary">
              <ActionItems callId={callId} items={claims.actionItems}
                onChange={(items) => setSummary({ ...claims, actionItems: items })} />
              <Objections items={claims.objections} />
              <Questions items={claims.questions} />
              <FollowUp callId={callId} />
            </div>
          )}
          <ExportStatus callId={callId} exports={exports} />
          {names && Object.keys(names).length > 0 && (
            <SpeakerNames callId={callId} names={names} parties={sourcesOf(parties)}
              onSaved={(n) => {
                setNames(n);
                // a rename is the user's name from now on: the hints follow what the server stored
                optional<PartyNameView[]>(`/api/calls/${encodeURIComponent(callId)}/names`)
                  .then((p) => setParties(p ?? null), () => {});
              }} />
          )}
        </div>
        <section className="panel transcript-panel" aria-label="Transcript">
          <h2>Transcript</h2>
          {notice && <p className="notice" role="status" data-testid="transcription-notice">{notice}</p>}
          <TranscriptView lines={lines} cards={call.cards} insights={call.insights} follow={false}
            names={names ?? undefined} onSeek={call.parties.length ? (l) => seek(lineAt(l, offsets)) : undefined}
            label="Call transcript" empty={emptyTranscriptText(call.status === 'ENDED', transcribing)} />
        </section>
      </div>
    </main>
  );
}
