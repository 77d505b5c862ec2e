import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { api, checkSession } from './api';
import { addProvisional, addStoredCard, mergeCards, withdrawProvisional, type LiveCard } from './cards';
import { eventsUrl, LiveSocket, type SocketStatus } from './socket';
import { emptyTranscript, transcriptReducer } from './transcript';
import type { CallDetail, InsightView } from './types';

function insightKey(i: InsightView): string {
  return `${i.utterance}/${i.tag}`;
}

function mergeInsights(have: InsightView[], incoming: InsightView[]): InsightView[] {
  const known = new Set(have.map(insightKey));
  const added = incoming.filter((i) => !known.has(insightKey(i)) && known.add(insightKey(i)));
  return added.length ? [...have, ...added] : have;
}

/** Everything the live view shows about one call, kept current over a reconnecting WebSocket. */
export function useLiveCall(callId: string | null) {
  const [transcript, dispatch] = useReducer(transcriptReducer, emptyTranscript);
  const [cards, setCards] = useState<LiveCard[]>([]);
  const [insights, setInsights] = useState<InsightView[]>([]);
  const [detail, setDetail] = useState<CallDetail | null>(null);
  const [status, setStatus] = useState<SocketStatus>({ state: 'connecting' });
  const [ended, setEnded] = useState(false);
  const [onHold, setOnHold] = useState(false);
  const [reconnects, setReconnects] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const socket = useRef<LiveSocket | null>(null);

  useEffect(() => {
    dispatch({ type: 'reset' });
    setCards([]);
    setInsights([]);
    setDetail(null);
    setEnded(false);
    setOnHold(false);
    setReconnects(0);
    setError(null);
    if (!callId) return;
    let cancelled = false;

    // The socket replays stored finals but not cards or insights: those are re-read over REST on every connect.
    const refresh = async () => {
      try {
        const d = await api.call(callId);
        if (cancelled) return;
        setDetail(d);
        dispatch({ type: 'snapshot', segments: d.segments });
        setCards((c) => mergeCards(c, d.cards, Date.now()));
        setInsights((i) => mergeInsights(i, d.insights));
        if (d.status === 'ENDED') {
          setEnded(true);
          socket.current?.stop();
        }
      } catch (e) {
        if (!cancelled) setError(e instanceof Error ? e.message : String(e));
      }
    };

    const s = new LiveSocket(eventsUrl(callId), {
      onStatus: (st) => {
        if (cancelled) return;
        setStatus(st);
        // The handshake of an expired session fails like a network drop; tell the two apart.
        if (st.state === 'waiting' && st.attempt >= 3) void checkSession();
      },
      onOpen: (reconnect) => {
        if (reconnect) setReconnects((n) => n + 1);
        void refresh();
      },
      onEvent: (e) => {
        if (cancelled || e.callId !== callId) return;
        switch (e.type) {
          case 'segment':
          case 'partial':
            dispatch({ type: 'segment', party: e.party, index: e.index, startMs: e.startMs, endMs: e.endMs,
              text: e.text, isFinal: e.isFinal ?? e.type === 'segment' });
            break;
          case 'card':
            setCards((c) => addStoredCard(c, e, Date.now()));
            break;
          case 'card_provisional':
            setCards((c) => addProvisional(c, e, Date.now()));
            break;
          case 'card_withdrawn':
            setCards((c) => withdrawProvisional(c, e.key));
            break;
          case 'insight':
            setInsights((i) => mergeInsights(i, [e]));
            break;
          case 'call':
            if (e.state === 'hold') setOnHold(true);
            else if (e.state === 'resume') setOnHold(false);
            else if (e.state === 'ended' || e.state === 'party-joined' || e.state === 'party-left'
              || e.state === 'transcribed') void refresh();
            break;
        }
      },
    });
    socket.current = s;
    s.start();
    return () => {
      cancelled = true;
      s.stop();
      socket.current = null;
    };
  }, [callId]);

  const updateCard = useCallback((id: number, change: Partial<LiveCard>) => {
    setCards((cs) => cs.map((c) => (c.id === id ? { ...c, ...change } : c)));
  }, []);

  return { transcript, cards, insights, detail, status, ended, onHold, reconnects, error, updateCard };
}
