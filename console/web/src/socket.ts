import type { CallEvent } from './types';

export type SocketStatus =
  | { state: 'connecting' }
  | { state: 'live' }
  | { state: 'waiting'; retryAt: number; attempt: number }
  | { state: 'stopped' };

/** Delay before reconnect attempt {@code attempt} (0-based): doubling from 0.5 s to 10 s, with ±25 % jitter. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(10_000, 500 * 2 ** Math.min(attempt, 10));
  return Math.round(base * (0.75 + random() * 0.5));
}

export interface LiveSocketHandlers {
  onEvent(event: CallEvent): void;
  /** Called on every (re)connect, before the replayed events: the place to re-read what a socket cannot replay. */
  onOpen(reconnect: boolean): void;
  onStatus(status: SocketStatus): void;
}

/**
 * The call's event stream over a WebSocket that reconnects with back-off after a drop. The server replays the
 * stored finals on every connect, so the transcript reducer (which de-duplicates) heals any gap.
 */
export class LiveSocket {
  private socket: WebSocket | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private attempt = 0;
  private opened = false;
  private stopped = false;
  private readonly onOnline = () => this.reconnectNow();
  private readonly onOffline = () => this.socket?.close();

  constructor(private readonly url: string, private readonly handlers: LiveSocketHandlers) {}

  start(): void {
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    if (this.timer) clearTimeout(this.timer);
    const s = this.socket;
    this.socket = null;
    s?.close();
    this.handlers.onStatus({ state: 'stopped' });
  }

  private reconnectNow(): void {
    if (this.stopped || this.socket) return;
    if (this.timer) clearTimeout(this.timer);
    this.connect();
  }

  private connect(): void {
    this.timer = null;
    this.handlers.onStatus({ state: 'connecting' });
    const s = new WebSocket(this.url);
    this.socket = s;
    s.onopen = () => {
      if (this.socket !== s) return;
      this.handlers.onStatus({ state: 'live' });
      this.handlers.onOpen(this.opened);
      this.opened = true;
    };
    s.onmessage = (m) => {
      if (this.socket !== s) return;
      // Only a socket that delivered something resets the back-off: a server that accepts and drops does not.
      this.attempt = 0;
      try {
        this.handlers.onEvent(JSON.parse(m.data as string) as CallEvent);
      } catch {
        // A frame we cannot read is skipped; the replay on the next connect fills what it carried.
      }
    };
    s.onclose = () => {
      if (this.socket !== s) return;
      this.socket = null;
      if (this.stopped) return;
      const delay = backoffMs(this.attempt);
      this.handlers.onStatus({ state: 'waiting', retryAt: Date.now() + delay, attempt: this.attempt + 1 });
      this.attempt++;
      this.timer = setTimeout(() => this.connect(), delay);
    };
  }
}

export function eventsUrl(callId: string): string {
  const proto = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${proto}://${location.host}/ws/events?call=${encodeURIComponent(callId)}`;
}
