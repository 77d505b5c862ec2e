import { useEffect, useMemo, useRef, useState } from 'react';
import { newestCard } from '../cards';
import { copyText } from '../clipboard';
import { emptyTranscriptText, transcriptionNotice } from '../format';
import { href } from '../route';
import type { SocketStatus } from '../socket';
import { orderedLines } from '../transcript';
import { useNotify } from '../toast';
import type { useLiveCall } from '../useLiveCall';
import { CardStack } from './CardStack';
import { TranscriptView } from './TranscriptView';

type Live = ReturnType<typeof useLiveCall>;

function statusText(s: SocketStatus, ended: boolean): string {
  if (ended) return 'Call ended';
  switch (s.state) {
    case 'live':
      return 'Live';
    case 'connecting':
      return 'Connecting…';
    case 'waiting':
      return `Reconnecting in ${Math.max(1, Math.round((s.retryAt - Date.now()) / 1000))} s…`;
    case 'stopped':
      return 'Disconnected';
  }
}

/** The right-hand sidebar of a live call: transcript, floating whisper cards, and the copy shortcut. */
export function LiveSidebar({ callId, live, fadeMs, transcribing = true }: {
  callId: string; live: Live; fadeMs: number;
  /** false while the server has no speech model: the call is recorded, not transcribed */
  transcribing?: boolean;
}) {
  const notify = useNotify();
  const lines = useMemo(() => orderedLines(live.transcript), [live.transcript]);
  const cardsRef = useRef(live.cards);
  cardsRef.current = live.cards;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey && e.shiftKey && (e.code === 'Space' || e.key === ' '))) return;
      e.preventDefault();
      const card = newestCard(cardsRef.current);
      if (!card) {
        notify('No tip to copy yet');
        return;
      }
      copyText(card.body).then(
        () => notify(`Tip copied: ${card.title}`),
        (err) => notify(`Could not copy: ${err instanceof Error ? err.message : err}`, 'error'),
      );
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [notify]);

  // Re-render each second while waiting to reconnect, so the countdown moves.
  const [, tick] = useState(0);
  useEffect(() => {
    if (live.status.state !== 'waiting') return;
    const id = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(id);
  }, [live.status]);

  const state = live.ended ? 'ended' : live.status.state;
  const deferredNotice = transcriptionNotice(live.detail?.transcription, live.ended);
  const newest = newestCard(live.cards);
  return (
    <section className="sidebar panel" aria-label="Live call" data-newest-card={newest?.id ?? ''}>
      <header className="sidebar-head">
        <div>
          <h2>Live transcript</h2>
          <p className="sub">{live.onHold ? 'On hold · ' : ''}{live.cards.length} tip{live.cards.length === 1 ? '' : 's'} so far</p>
          {/* stays on screen for the whole call (the card's own hint goes with the card) */}
          <p className="copy-hint small" data-testid="copy-hint"><kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>Space</kbd> copies the newest tip</p>
        </div>
        <span className={`conn conn-${state}`} data-testid="socket-state" data-state={state}
          data-reconnects={live.reconnects}>
          <span className="dot" aria-hidden="true" />{statusText(live.status, live.ended)}
        </span>
      </header>
      {live.error && <p className="error" role="alert">{live.error}</p>}
      {deferredNotice && <p className="notice" role="status" data-testid="transcription-notice">{deferredNotice}</p>}
      <div className="sidebar-body">
        <TranscriptView lines={lines} cards={live.cards.filter((c) => c.feedback !== 'dismissed')}
          insights={live.insights} follow label="Live transcript"
          empty={emptyTranscriptText(live.ended, transcribing)} />
        <CardStack callId={callId} cards={live.cards} fadeMs={fadeMs} updateCard={live.updateCard} />
      </div>
      {live.ended && (
        <div className="ended-bar">
          <span>The call has ended.</span>
          <a className="btn primary small" href={href({ page: 'call', callId })}>Open call page →</a>
        </div>
      )}
    </section>
  );
}
