// A small client of Janus's JSON-over-HTTP API (https://janus.conf.meetecho.com/docs/rest.html): one session,
// plugin handles on it, a long-poll loop that hands each event to its handle, and keepalives. It knows nothing
// about SIP; see sipphone.ts for that.

/** A JSEP description as Janus sends and takes it. */
export interface Jsep {
  type: 'offer' | 'answer';
  sdp: string;
}

/** One message from Janus (an answer to a request or an event of the long poll). */
export interface JanusMessage {
  janus: string;
  transaction?: string;
  session_id?: number;
  sender?: number;
  data?: { id?: number };
  error?: { code: number; reason: string };
  plugindata?: { plugin: string; data: Record<string, unknown> };
  jsep?: Jsep;
  reason?: string;
}

/** Thrown when Janus answers a request with an error, or not at all. */
export class JanusError extends Error {
  constructor(readonly code: number, message: string) {
    super(message);
  }
}

type Fetch = typeof fetch;

export interface JanusOptions {
  fetch?: Fetch;
  /** Seconds between keepalives; Janus drops a session after 60 s of silence by default. */
  keepaliveSeconds?: number;
  /** Events per long poll. */
  maxEvents?: number;
  /** Called once when the session is lost (poll failures, or Janus timed it out). */
  onLost?: (reason: string) => void;
}

let transactions = 0;

function transaction(): string {
  transactions += 1;
  return `${Date.now().toString(36)}-${transactions}-${Math.random().toString(36).slice(2, 8)}`;
}

/** A Janus session; create it with {@link JanusSession.create}. */
export class JanusSession {
  private readonly handles = new Map<number, (m: JanusMessage) => void>();
  private readonly fetch: Fetch;
  private keepalive: ReturnType<typeof setInterval> | null = null;
  private polling = false;
  private closed = false;

  private constructor(readonly url: string, readonly id: number, private readonly options: JanusOptions) {
    this.fetch = options.fetch ?? fetch.bind(globalThis);
  }

  /** Creates a session on the Janus at {@code url} (its HTTP API base, e.g. http://host:8088/janus). */
  static async create(url: string, options: JanusOptions = {}): Promise<JanusSession> {
    const base = url.replace(/\/+$/, '');
    const answer = await post(options.fetch ?? fetch.bind(globalThis), base, { janus: 'create' });
    if (answer.janus !== 'success' || typeof answer.data?.id !== 'number') {
      throw new JanusError(0, `Janus did not create a session: ${JSON.stringify(answer)}`);
    }
    const session = new JanusSession(base, answer.data.id, options);
    session.start();
    return session;
  }

  /** Attaches a handle to {@code plugin}; its events go to {@code onEvent}. */
  async attach(plugin: string, onEvent: (m: JanusMessage) => void): Promise<JanusHandle> {
    const answer = await this.request({ janus: 'attach', plugin });
    const id = answer.data?.id;
    if (typeof id !== 'number') throw new JanusError(0, `Janus did not attach ${plugin}`);
    this.handles.set(id, onEvent);
    return new JanusHandle(this, id);
  }

  /** Destroys the session on the server and stops polling. */
  async destroy(): Promise<void> {
    if (this.closed) return;
    this.stop();
    await this.request({ janus: 'destroy' }).catch(() => undefined);
  }

  /** Sends a request on the session (or one of its handles) and returns Janus's immediate answer. */
  async request(body: Record<string, unknown>, handle?: number): Promise<JanusMessage> {
    const path = handle === undefined ? `${this.url}/${this.id}` : `${this.url}/${this.id}/${handle}`;
    return post(this.fetch, path, body);
  }

  forget(handle: number): void {
    this.handles.delete(handle);
  }

  private start(): void {
    const every = (this.options.keepaliveSeconds ?? 25) * 1000;
    this.keepalive = setInterval(() => void this.request({ janus: 'keepalive' }).catch(() => undefined), every);
    this.polling = true;
    void this.poll();
  }

  private stop(): void {
    this.closed = true;
    this.polling = false;
    if (this.keepalive) clearInterval(this.keepalive);
    this.keepalive = null;
  }

  private lost(reason: string): void {
    if (this.closed) return;
    this.stop();
    this.options.onLost?.(reason);
  }

  private async poll(): Promise<void> {
    let failures = 0;
    while (this.polling) {
      try {
        const res = await this.fetch(`${this.url}/${this.id}?rid=${Date.now()}&maxev=${this.options.maxEvents ?? 10}`,
          { cache: 'no-store' });
        if (!res.ok) throw new JanusError(res.status, `long poll answered ${res.status}`);
        const body = (await res.json()) as JanusMessage | JanusMessage[];
        failures = 0;
        for (const m of Array.isArray(body) ? body : [body]) this.dispatch(m);
      } catch (e) {
        failures += 1;
        if (failures >= 3) {
          this.lost(`Janus unreachable: ${e instanceof Error ? e.message : e}`);
          return;
        }
        await new Promise((r) => setTimeout(r, 500 * failures));
      }
    }
  }

  /** Routes one polled message; exported through the class for tests. */
  dispatch(m: JanusMessage): void {
    if (m.janus === 'keepalive') return;
    if (m.janus === 'error' && m.error?.code === 458) {
      // 458: no such session, i.e. Janus timed it out.
      this.lost('Janus session expired');
      return;
    }
    if (m.sender !== undefined) this.handles.get(m.sender)?.(m);
  }
}

/** A plugin handle: plugin messages, trickled candidates, detaching. */
export class JanusHandle {
  constructor(private readonly session: JanusSession, readonly id: number) {
  }

  /** Sends {@code body} to the plugin (with a JSEP if given); results come as events. */
  async message(body: Record<string, unknown>, jsep?: Jsep): Promise<JanusMessage> {
    const request: Record<string, unknown> = { janus: 'message', body };
    if (jsep) request.jsep = jsep;
    return this.session.request(request, this.id);
  }

  /** Trickles one ICE candidate, or null when gathering completed. */
  async trickle(candidate: RTCIceCandidateInit | null): Promise<void> {
    await this.session.request({ janus: 'trickle', candidate: candidate ?? { completed: true } }, this.id);
  }

  /** Tells Janus to close the peer connection of this handle, keeping the handle. */
  async hangupMedia(): Promise<void> {
    await this.session.request({ janus: 'hangup' }, this.id).catch(() => undefined);
  }

  async detach(): Promise<void> {
    this.session.forget(this.id);
    await this.session.request({ janus: 'detach' }, this.id).catch(() => undefined);
  }
}

async function post(f: Fetch, url: string, body: Record<string, unknown>): Promise<JanusMessage> {
  const res = await f(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...body, transaction: transaction() }),
  });
  if (!res.ok) throw new JanusError(res.status, `Janus answered HTTP ${res.status}`);
  const answer = (await res.json()) as JanusMessage;
  if (answer.janus === 'error') {
    throw new JanusError(answer.error?.code ?? 0, answer.error?.reason ?? 'Janus error');
  }
  return answer;
}
