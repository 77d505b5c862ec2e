import { useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { clock, partyStyle, tagLabel } from '../format';
import { shownName } from '../names';
import { utteranceKeys, type Line } from '../transcript';
import type { CardView, InsightView } from '../types';

interface Props {
  lines: Line[];
  cards: CardView[];
  insights: InsightView[];
  /** Live: keep the newest line in view unless the reader scrolled up. */
  follow: boolean;
  empty: ReactNode;
  label: string;
  /** Display names of speakers ("Speaker 1" → "Dana"), where the call has them. */
  names?: Record<string, string>;
  /** After the call: clicking a line (or its time) plays the recording from there. */
  onSeek?: (line: Line) => void;
}

/** The two-party transcript with insight tags on lines and cards placed after the utterance that raised them. */
export function TranscriptView({ lines, cards, insights, follow, empty, label, names, onSeek }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [pinnedToEnd, setPinnedToEnd] = useState(true);
  const [unseen, setUnseen] = useState(0);
  const lastCount = useRef(0);

  const { cardsAt, tagsAt } = useMemo(() => {
    const keys = utteranceKeys(lines);
    const cardsAt = new Map<string, CardView[]>();
    const tagsAt = new Map<string, string[]>();
    for (const c of cards) {
      const k = keys[c.utterance] ?? keys[keys.length - 1];
      if (k) cardsAt.set(k, [...(cardsAt.get(k) ?? []), c]);
    }
    for (const i of insights) {
      const k = keys[i.utterance];
      if (k) tagsAt.set(k, [...(tagsAt.get(k) ?? []), i.tag]);
    }
    return { cardsAt, tagsAt };
  }, [lines, cards, insights]);

  const atEnd = () => {
    const el = box.current;
    return !el || el.scrollHeight - el.scrollTop - el.clientHeight < 48;
  };

  useLayoutEffect(() => {
    const grown = lines.length + cards.length - lastCount.current;
    lastCount.current = lines.length + cards.length;
    if (!follow) return;
    if (pinnedToEnd) {
      box.current?.scrollTo({ top: box.current.scrollHeight });
    } else if (grown > 0) {
      setUnseen((n) => n + grown);
    }
  }, [lines, cards, follow, pinnedToEnd]);

  const onScroll = () => {
    const end = atEnd();
    if (end !== pinnedToEnd) setPinnedToEnd(end);
    if (end) setUnseen(0);
  };

  const jump = () => {
    setPinnedToEnd(true);
    setUnseen(0);
    box.current?.scrollTo({ top: box.current.scrollHeight, behavior: 'smooth' });
  };

  return (
    <div className="transcript-wrap">
      <div className="transcript" ref={box} onScroll={onScroll} role="log" aria-label={label} tabIndex={0}
        data-testid="transcript">
        {lines.length === 0 && <div className="transcript-empty">{empty}</div>}
        {lines.map((l) => (
          <div key={l.key}>
            <div className={`line line-${partyStyle(l.party)} ${l.final ? 'final' : 'partial'}${onSeek ? ' seekable' : ''}`}
              data-key={l.key} data-final={l.final} data-party={l.party}
              onClick={onSeek ? (e) => { if (!(e.target as HTMLElement).closest('button')) onSeek(l); } : undefined}>
              <div className="line-head">
                <span className="who">{shownName(l.party, names)}</span>
                {onSeek ? (
                  <button type="button" className="at seek" onClick={() => onSeek(l)}
                    aria-label={`Play from ${clock(l.startMs)}`}>▶ {clock(l.startMs)}</button>
                ) : <span className="at">{clock(l.startMs)}</span>}
                {!l.final && <span className="typing" aria-label="still speaking">…</span>}
              </div>
              <p className="line-text">{l.text || '…'}</p>
              {tagsAt.get(l.key)?.map((t) => (
                <span key={t} className="tag">{tagLabel(t)}</span>
              ))}
            </div>
            {cardsAt.get(l.key)?.map((c) => (
              <div key={c.id} className="moment" data-card-moment={c.id}>
                <svg className="moment-icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
                  <path fill="currentColor" d="M12 2a7 7 0 0 0-4 12.74V17a1 1 0 0 0 1 1h6a1 1 0 0 0 1-1v-2.26A7 7 0 0 0 12 2zm-2 18h4a2 2 0 0 1-4 0z" />
                </svg>
                <div>
                  <strong>{c.title}</strong>
                  <span className="moment-body">{c.body}</span>
                  {c.feedback && <span className={`feedback feedback-${c.feedback}`}>{c.feedback}</span>}
                </div>
              </div>
            ))}
          </div>
        ))}
      </div>
      {follow && !pinnedToEnd && (
        <button type="button" className="jump" onClick={jump} data-testid="jump-live">
          ↓ Jump to live{unseen > 0 ? ` (${unseen} new)` : ''}
        </button>
      )}
    </div>
  );
}
