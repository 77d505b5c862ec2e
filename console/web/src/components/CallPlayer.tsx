import { useEffect, useState, type MouseEvent, type RefObject } from 'react';
import { clock, partyName, partyStyle } from '../format';
import { lineAt, type Marker } from '../report';
import type { Line } from '../transcript';
import type { PartyView } from '../types';

interface Props {
  callId: string;
  audio: RefObject<HTMLAudioElement | null>;
  lengthMs: number;
  lines: Line[];
  offsets: Record<string, number>;
  markers: Marker[];
  parties: PartyView[];
  names?: Record<string, string>;
  onSeek: (ms: number) => void;
}

const pct = (ms: number, length: number) => `${Math.min(100, Math.max(0, (ms / length) * 100))}%`;

/**
 * One player for the whole call (the server's mix of both parties), with a lane per speaker showing when each
 * spoke and a row of markers for the cards shown and the objections raised; clicking the lanes or a marker plays
 * from there. Where the mix cannot be served, each party's own recording is offered instead.
 */
export function CallPlayer({ callId, audio, lengthMs, lines, offsets, markers, parties, names, onSeek }: Props) {
  const [now, setNow] = useState(0);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const el = audio.current;
    if (!el) return;
    const tick = () => setNow(el.currentTime * 1000);
    el.addEventListener('timeupdate', tick);
    el.addEventListener('seeked', tick);
    return () => {
      el.removeEventListener('timeupdate', tick);
      el.removeEventListener('seeked', tick);
    };
  }, [audio, failed]);
  const speakers = parties.map((p) => p.party);
  const seekAt = (e: MouseEvent<HTMLDivElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    onSeek(((e.clientX - box.left) / box.width) * lengthMs);
  };

  if (failed) {
    return (
      <section className="panel player-panel" aria-label="Recording">
        <h2>Recording</h2>
        <p className="muted small">The whole call cannot be played as one recording; each party's is below.</p>
        {parties.map((p) => (
          <div key={p.party} className={`player player-${partyStyle(p.party)}`}>
            <span className="who">{names?.[p.party] ?? partyName(p.party)}</span>
            <audio controls preload="metadata" src={p.recordingUrl} aria-label={`${partyName(p.party)} recording`} />
          </div>
        ))}
      </section>
    );
  }
  return (
    <section className="panel player-panel" aria-label="Recording" data-testid="call-player">
      <h2>Recording</h2>
      <audio ref={audio} controls preload="metadata" src={`/api/calls/${encodeURIComponent(callId)}/audio/call.wav`}
        aria-label="Whole call recording" onError={() => setFailed(true)} />
      <div className="lanes">
        {speakers.map((party) => (
          <div key={party} className="lane-row">
            <span className="lane-name">{names?.[party] ?? partyName(party)}</span>
            {/* a mouse shortcut: the transcript's time buttons and the markers do the same by keyboard */}
            <div className={`lane lane-${partyStyle(party)}`} onClick={seekAt} data-lane={party} aria-hidden="true">
              {lines.filter((l) => l.party === party).map((l) => (
                <span key={l.key} className="talk" style={{ left: pct(lineAt(l, offsets), lengthMs),
                  width: pct(Math.max(l.endMs - l.startMs, lengthMs / 400), lengthMs) }} />
              ))}
              <span className="playhead" style={{ left: pct(now, lengthMs) }} />
            </div>
          </div>
        ))}
        <div className="lane-row">
          <span className="lane-name">Moments</span>
          <div className="lane lane-markers" data-testid="markers">
            {markers.map((m, i) => (
              <button key={i} type="button" className={`marker marker-${m.kind}`} style={{ left: pct(m.atMs, lengthMs) }}
                title={`${m.label} at ${clock(m.atMs)}`} aria-label={`${m.label} at ${clock(m.atMs)}`}
                onClick={() => onSeek(m.atMs)} />
            ))}
            <span className="playhead" style={{ left: pct(now, lengthMs) }} aria-hidden="true" />
          </div>
        </div>
        <div className="lane-legend small muted">
          <span><span className="key key-card" aria-hidden="true" /> card shown</span>
          <span><span className="key key-objection" aria-hidden="true" /> objection</span>
          <span>{clock(now)} / {clock(lengthMs)}</span>
        </div>
      </div>
    </section>
  );
}
