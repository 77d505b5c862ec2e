import { useEffect, useState } from 'react';
import { api, ApiError } from '../api';
import { cardPhase, nextChangeAt, type LiveCard } from '../cards';
import { useNotify } from '../toast';

interface Props {
  callId: string;
  cards: LiveCard[];
  fadeMs: number;
  updateCard: (id: number, change: Partial<LiveCard>) => void;
}

/** Whisper cards floating over the transcript; each fades after {@code fadeMs} unless hovered, focused or pinned. */
export function CardStack({ callId, cards, fadeMs, updateCard }: Props) {
  const notify = useNotify();
  const [now, setNow] = useState(() => Date.now());

  // One timer for the whole stack, set to the next moment any card changes phase.
  useEffect(() => {
    const t = Date.now();
    const next = nextChangeAt(cards, t, fadeMs);
    if (next === null) return;
    const id = setTimeout(() => setNow(Date.now()), Math.max(16, next - t + 5));
    return () => clearTimeout(id);
  }, [cards, fadeMs, now]);

  const react = async (card: LiveCard, action: 'used' | 'dismissed') => {
    updateCard(card.id, { sending: true });
    try {
      await api.feedback(callId, card.id, action);
      updateCard(card.id, { feedback: action, sending: false });
      notify(action === 'used' ? `Marked “${card.title}” as used` : `Dismissed “${card.title}”`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        updateCard(card.id, { feedback: action, sending: false });
      } else {
        updateCard(card.id, { sending: false });
        notify(`Could not record feedback: ${e instanceof Error ? e.message : e}`, 'error');
      }
    }
  };

  const visible = cards
    .map((c) => ({ card: c, phase: cardPhase(c, now, fadeMs) }))
    .filter((v) => v.phase !== 'gone')
    // Oldest on top and new ones below: a card never moves away from the pointer reaching for its buttons.
    .slice(-3);

  return (
    <div className="card-stack" aria-label="Whisper cards" role="region" aria-live="polite">
      {visible.map(({ card, phase }, i) => (
        <article key={card.uiKey ?? card.id}
          className={`whisper ${phase} prio-${Math.min(card.priority, 3)}${card.provisionalKey ? ' provisional' : ''}`}
          data-card-id={card.id} data-phase={phase} data-provisional={card.provisionalKey ? 'true' : undefined}
          aria-labelledby={`card-title-${card.id}`}
          onMouseEnter={() => updateCard(card.id, { held: true })}
          onMouseLeave={() => updateCard(card.id, { held: false, releasedAt: Date.now() })}
          onFocus={() => updateCard(card.id, { held: true })}
          onBlur={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget as Node)) {
              updateCard(card.id, { held: false, releasedAt: Date.now() });
            }
          }}>
          <header>
            <h3 id={`card-title-${card.id}`}>{card.title}</h3>
            <button type="button" className={`icon pin ${card.pinned ? 'on' : ''}`} aria-pressed={card.pinned}
              title={card.pinned ? 'Unpin' : 'Pin (keep on screen)'} aria-label={card.pinned ? 'Unpin card' : 'Pin card'}
              onClick={() => updateCard(card.id, { pinned: !card.pinned, releasedAt: Date.now() })}>
              <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
                <path d="M9 3h6l-1 6 4 4v2h-5v6l-1 1-1-1v-6H6v-2l4-4z" fill="currentColor" />
              </svg>
            </button>
          </header>
          <p className="whisper-body">{card.body}</p>
          <footer>
            {/* feedback needs the stored card: a provisional one gets its buttons once its final confirms it */}
            <button type="button" className="btn small primary" disabled={card.sending || !!card.provisionalKey}
              onClick={() => react(card, 'used')} data-action="used">✓ Used</button>
            <button type="button" className="btn small ghost" disabled={card.sending || !!card.provisionalKey}
              onClick={() => react(card, 'dismissed')} data-action="dismissed">Dismiss</button>
            {i === visible.length - 1 && <span className="hint" aria-hidden="true"><kbd>Ctrl+Shift+Space</kbd> copies</span>}
          </footer>
        </article>
      ))}
    </div>
  );
}
