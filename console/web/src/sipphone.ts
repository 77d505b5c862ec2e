// The rep's softphone: registers the rep's SIP account at Earpiece through Janus's SIP plugin and places,
// answers, holds and hangs up calls over one WebRTC peer connection. React-free; useSoftphone.ts wraps it.
import { JanusSession, type JanusHandle, type JanusMessage, type JanusOptions, type Jsep } from './janus';

/** GET /api/softphone/config (see console/.../softphone/SoftphoneConfig.java). */
export interface SoftphoneConfig {
  janusUrl: string;
  iceServers: string[];
  identity: string;
  proxy: string;
  username: string;
  realm: string;
  /** A SIP password issued to this console session only (not the account's). */
  secret: string;
  dialHost: string;
}

export type Registration = 'connecting' | 'registering' | 'registered' | 'failed' | 'stopped';
export type CallPhase = 'calling' | 'ringing' | 'incoming' | 'incall';

export interface PhoneCall {
  phase: CallPhase;
  direction: 'out' | 'in';
  /** The other party's number or SIP user. */
  peer: string;
  /** When the call was placed or rang in (ms since the epoch). */
  since: number;
  muted: boolean;
  held: boolean;
}

export interface PhoneState {
  registration: Registration;
  /** Why registration or the last call failed, for the rep. */
  message: string | null;
  call: PhoneCall | null;
}

/** What the phone needs from the browser; tests pass fakes. */
export interface PhoneDeps {
  connect: (url: string, options: JanusOptions) => Promise<JanusSession>;
  microphone: () => Promise<MediaStream>;
  peerConnection: (config: RTCConfiguration) => RTCPeerConnection;
}

export const browserDeps: PhoneDeps = {
  connect: (url, options) => JanusSession.create(url, options),
  microphone: () => navigator.mediaDevices.getUserMedia({ audio: true, video: false }),
  peerConnection: (config) => new RTCPeerConnection(config),
};

/** The user part of a SIP URI ({@code sip:alice@host} → {@code alice}); the input when it is none. */
export function sipUser(uri: string): string {
  const m = /^sips?:([^@;]+)@/i.exec(uri.trim());
  return m ? decodeURIComponent(m[1]) : uri;
}

/** Where a dialled number goes: Earpiece's B2BUA, which sends it out through the trunk. */
export function dialUri(number: string, dialHost: string): string {
  const digits = number.replace(/[^0-9*#+]/g, '');
  if (!digits) throw new Error('No number to call');
  return `sip:${encodeURIComponent(digits).replace(/%2B/g, '+')}@${dialHost}`;
}

const REGISTER_TIMEOUT_MS = 15_000;

interface SipEvent {
  event?: string;
  username?: string;
  code?: number;
  reason?: string;
}

export class SipPhone {
  private state: PhoneState = { registration: 'connecting', message: null, call: null };
  private session: JanusSession | null = null;
  private handle: JanusHandle | null = null;
  private pc: RTCPeerConnection | null = null;
  private local: MediaStream | null = null;
  private remoteSet = false;
  private incomingOffer: Jsep | null = null;
  private speaker: HTMLAudioElement | null = null;
  private remote: MediaStream | null = null;
  private stopped = false;
  private registerTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly config: SoftphoneConfig, private readonly onChange: (s: PhoneState) => void,
    private readonly deps: PhoneDeps = browserDeps) {
  }

  get current(): PhoneState {
    return this.state;
  }

  /** Connects to Janus, attaches the SIP plugin and registers the rep's account. */
  async start(): Promise<void> {
    try {
      this.session = await this.deps.connect(this.config.janusUrl, {
        onLost: (reason) => this.update({ registration: 'failed', message: reason, call: null }),
      });
      if (this.stopped) {
        await this.session.destroy();
        return;
      }
      this.handle = await this.session.attach('janus.plugin.sip', (m) => this.onMessage(m));
      this.update({ registration: 'registering' });
      // Janus says nothing when its SIP stack cannot answer the registrar's challenge (e.g. SHA-256 only).
      this.registerTimer = setTimeout(() => {
        if (this.state.registration === 'registering') {
          this.update({ registration: 'failed', message: 'SIP registration got no answer: Janus could not authenticate '
            + 'at Earpiece (the server must offer MD5 digest first) or cannot reach it' });
        }
      }, REGISTER_TIMEOUT_MS);
      await this.handle.message({
        request: 'register',
        username: this.config.identity,
        secret: this.config.secret,
        proxy: this.config.proxy,
      });
    } catch (e) {
      this.update({ registration: 'failed', message: `Softphone unavailable: ${errorText(e)}` });
    }
  }

  /** Hangs up, unregisters and ends the Janus session. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.registerTimer) clearTimeout(this.registerTimer);
    this.closeMedia();
    const session = this.session;
    this.session = null;
    this.handle = null;
    this.update({ registration: 'stopped', call: null });
    await session?.destroy();
  }

  /** Where the other party's audio plays. */
  setSpeaker(el: HTMLAudioElement | null): void {
    this.speaker = el;
    if (el && this.remote) el.srcObject = this.remote;
  }

  async call(number: string): Promise<void> {
    if (!this.handle || this.state.registration !== 'registered') throw new Error('The softphone is not registered');
    if (this.state.call) throw new Error('A call is already in progress');
    const uri = dialUri(number, this.config.dialHost);
    this.update({ message: null, call: { phase: 'calling', direction: 'out', peer: sipUser(uri), since: Date.now(),
      muted: false, held: false } });
    try {
      const pc = await this.media();
      const offer = await pc.createOffer();
      await pc.setLocalDescription(offer);
      await this.handle.message({ request: 'call', uri }, { type: 'offer', sdp: offer.sdp ?? '' });
    } catch (e) {
      this.fail(`Could not call: ${errorText(e)}`);
      throw e;
    }
  }

  /** Answers the ringing incoming call. */
  async accept(): Promise<void> {
    const offer = this.incomingOffer;
    if (!this.handle || !offer || this.state.call?.phase !== 'incoming') throw new Error('No call to answer');
    try {
      const pc = await this.media();
      await pc.setRemoteDescription(offer);
      this.remoteSet = true;
      const answer = await pc.createAnswer();
      await pc.setLocalDescription(answer);
      await this.handle.message({ request: 'accept' }, { type: 'answer', sdp: answer.sdp ?? '' });
      this.patchCall({ phase: 'incall', since: Date.now() });
    } catch (e) {
      this.fail(`Could not answer: ${errorText(e)}`);
      throw e;
    }
  }

  async decline(): Promise<void> {
    if (!this.handle || this.state.call?.phase !== 'incoming') return;
    await this.handle.message({ request: 'decline', code: 486 });
    this.endCall(null);
  }

  async hangup(): Promise<void> {
    if (!this.handle || !this.state.call) return;
    if (this.state.call.phase === 'incoming') {
      await this.decline();
      return;
    }
    await this.handle.message({ request: 'hangup' });
    this.endCall(null);
  }

  /** Holds or resumes: Janus re-INVITEs the far end with sendonly / sendrecv. */
  async hold(on: boolean): Promise<void> {
    if (!this.handle || this.state.call?.phase !== 'incall') return;
    await this.handle.message(on ? { request: 'hold', direction: 'sendonly' } : { request: 'unhold' });
    this.patchCall({ held: on });
  }

  /** Mutes the microphone locally: the far end keeps receiving (silent) RTP. */
  mute(on: boolean): void {
    if (!this.state.call) return;
    for (const t of this.local?.getAudioTracks() ?? []) t.enabled = !on;
    this.patchCall({ muted: on });
  }

  /** Sends an RFC 4733 digit in the call. */
  dtmf(digit: string): void {
    const sender = this.pc?.getSenders().find((s) => s.track?.kind === 'audio');
    sender?.dtmf?.insertDTMF(digit, 120, 60);
  }

  private async media(): Promise<RTCPeerConnection> {
    this.closeMedia();
    this.local = await this.deps.microphone();
    const pc = this.deps.peerConnection({ iceServers: this.config.iceServers.map((urls) => ({ urls })) });
    this.pc = pc;
    this.remoteSet = false;
    for (const track of this.local.getAudioTracks()) pc.addTrack(track, this.local);
    const handle = this.handle;
    pc.onicecandidate = (e) => void handle?.trickle(e.candidate ? e.candidate.toJSON() : null).catch(() => undefined);
    pc.ontrack = (e) => {
      this.remote = e.streams[0] ?? new MediaStream([e.track]);
      if (this.speaker) this.speaker.srcObject = this.remote;
    };
    return pc;
  }

  private onMessage(m: JanusMessage): void {
    if (m.janus === 'hangup') {
      // Janus closed the peer connection (ICE or DTLS failed, or the call ended).
      if (this.state.call && this.state.call.phase !== 'incoming') this.endCall(m.reason ? `Media closed: ${m.reason}` : null);
      return;
    }
    if (m.janus !== 'event' || !m.plugindata) return;
    const data = m.plugindata.data as { error?: string; error_code?: number; result?: SipEvent };
    if (data.error) {
      if (this.state.registration === 'registering') {
        this.update({ registration: 'failed', message: `SIP registration refused: ${data.error}` });
      } else {
        this.fail(data.error);
      }
      return;
    }
    const r = data.result ?? {};
    switch (r.event) {
      case 'registering':
        this.update({ registration: 'registering' });
        break;
      case 'registered':
        this.update({ registration: 'registered', message: null });
        break;
      case 'registration_failed':
        this.update({ registration: 'failed', message: `SIP registration failed: ${r.code ?? ''} ${r.reason ?? ''}`.trim() });
        break;
      case 'ringing':
      case 'proceeding':
        if (this.state.call?.phase === 'calling') this.patchCall({ phase: 'ringing' });
        break;
      case 'progress':
      case 'accepted':
        if (m.jsep && !this.remoteSet && this.pc) {
          this.remoteSet = true;
          void this.pc.setRemoteDescription(m.jsep).catch((e) => this.fail(`Bad answer from Janus: ${errorText(e)}`));
        }
        if (r.event === 'accepted') this.patchCall({ phase: 'incall', since: Date.now() });
        break;
      case 'incomingcall':
        if (this.state.call) {
          void this.handle?.message({ request: 'decline', code: 486 });
          break;
        }
        this.incomingOffer = m.jsep ?? null;
        this.update({ message: null, call: { phase: 'incoming', direction: 'in', peer: sipUser(r.username ?? 'unknown'),
          since: Date.now(), muted: false, held: false } });
        break;
      case 'missed_call':
      case 'hangup':
        if (this.state.call) {
          const busy = r.code && r.code >= 400 ? `Call ended: ${r.code} ${r.reason ?? ''}`.trim() : null;
          this.endCall(busy);
        }
        break;
      default:
        break;
    }
  }

  private fail(message: string): void {
    this.endCall(message);
    void this.handle?.message({ request: 'hangup' }).catch(() => undefined);
  }

  private endCall(message: string | null): void {
    this.closeMedia();
    this.incomingOffer = null;
    this.update({ call: null, message });
  }

  private closeMedia(): void {
    this.pc?.close();
    this.pc = null;
    for (const t of this.local?.getTracks() ?? []) t.stop();
    this.local = null;
    this.remote = null;
    if (this.speaker) this.speaker.srcObject = null;
  }

  private patchCall(change: Partial<PhoneCall>): void {
    if (this.state.call) this.update({ call: { ...this.state.call, ...change } });
  }

  private update(change: Partial<PhoneState>): void {
    this.state = { ...this.state, ...change };
    this.onChange(this.state);
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
