import { describe, expect, it } from 'vitest';
import { JanusSession, type JanusMessage } from './janus';
import { dialUri, SipPhone, sipUser, type PhoneDeps, type PhoneState, type SoftphoneConfig } from './sipphone';

const config: SoftphoneConfig = {
  janusUrl: 'http://janus.test:8088/janus/', iceServers: [], identity: 'sip:alice@10.0.0.1:5060',
  proxy: 'sip:10.0.0.1:5060', username: 'alice', realm: 'earpiece', secret: 'session-pw', dialHost: '10.0.0.1:5060',
};

function json(body: unknown): Response {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
}

/** A Janus that answers requests at once and hands pushed events to the long poll. */
function fakeJanus() {
  const posts: { url: string; body: Record<string, any> }[] = [];
  const queue: JanusMessage[] = [];
  let wake: (() => void) | null = null;
  const fetchImpl = (async (url: string, init?: RequestInit) => {
    if (!init || init.method !== 'POST') {
      while (queue.length === 0) await new Promise<void>((r) => { wake = r; });
      return json(queue.splice(0));
    }
    const body = JSON.parse(String(init.body));
    posts.push({ url, body });
    if (body.janus === 'create') return json({ janus: 'success', data: { id: 11 } });
    if (body.janus === 'attach') return json({ janus: 'success', data: { id: 22 } });
    return json({ janus: 'ack' });
  }) as unknown as typeof fetch;
  const push = (data: Record<string, unknown>, jsep?: { type: 'offer' | 'answer'; sdp: string }) => {
    queue.push({ janus: 'event', sender: 22, plugindata: { plugin: 'janus.plugin.sip', data }, jsep });
    wake?.();
  };
  const messages = () => posts.filter((p) => p.body.janus === 'message');
  return { fetchImpl, posts, push, messages };
}

function fakeBrowser() {
  const remote: RTCSessionDescriptionInit[] = [];
  const track = { kind: 'audio', enabled: true, stop() {} };
  const stream = { getAudioTracks: () => [track], getTracks: () => [track] } as unknown as MediaStream;
  const pc = {
    addTrack() {},
    async createOffer() { return { type: 'offer', sdp: 'v=0 offer' }; },
    async createAnswer() { return { type: 'answer', sdp: 'v=0 answer' }; },
    async setLocalDescription() {},
    async setRemoteDescription(d: RTCSessionDescriptionInit) { remote.push(d); },
    close() {},
    getSenders: () => [],
  } as unknown as RTCPeerConnection;
  return { track, remote, pc, stream };
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
}

function phone() {
  const janus = fakeJanus();
  const browser = fakeBrowser();
  const states: PhoneState[] = [];
  const deps: PhoneDeps = {
    connect: (url, options) => JanusSession.create(url, { ...options, fetch: janus.fetchImpl }),
    microphone: async () => browser.stream,
    peerConnection: () => browser.pc,
  };
  const p = new SipPhone(config, (s) => states.push(s), deps);
  return { p, janus, browser, states };
}

async function registered() {
  const t = phone();
  await t.p.start();
  t.janus.push({ sip: 'event', result: { event: 'registered', username: 'alice' } });
  await until(() => t.p.current.registration === 'registered');
  return t;
}

describe('SipPhone', () => {
  it('registers the rep with the HA1 secret through the proxy', async () => {
    const { p, janus } = await registered();
    const register = janus.messages()[0];
    expect(register.url).toBe('http://janus.test:8088/janus/11/22');
    expect(register.body.body).toEqual({ request: 'register', username: 'sip:alice@10.0.0.1:5060',
      secret: 'session-pw', proxy: 'sip:10.0.0.1:5060' });
    expect(janus.posts.find((x) => x.body.janus === 'attach')?.body.plugin).toBe('janus.plugin.sip');
    await p.stop();
  });

  it('reports a refused registration', async () => {
    const { p, janus } = phone();
    await p.start();
    janus.push({ sip: 'event', result: { event: 'registration_failed', code: 403, reason: 'Forbidden' } });
    await until(() => p.current.registration === 'failed');
    expect(p.current.message).toContain('403');
  });

  it('dials through Earpiece and plays the answer', async () => {
    const { p, janus, browser } = await registered();
    await p.call('+1 555-0100');
    const call = janus.messages()[1];
    expect(call.body.body).toEqual({ request: 'call', uri: 'sip:+15550100@10.0.0.1:5060' });
    expect(call.body.jsep).toEqual({ type: 'offer', sdp: 'v=0 offer' });
    expect(p.current.call).toMatchObject({ phase: 'calling', direction: 'out', peer: '+15550100' });
    janus.push({ sip: 'event', result: { event: 'ringing' } });
    await until(() => p.current.call?.phase === 'ringing');
    janus.push({ sip: 'event', result: { event: 'accepted' } }, { type: 'answer', sdp: 'v=0 answer' });
    await until(() => p.current.call?.phase === 'incall');
    expect(browser.remote).toEqual([{ type: 'answer', sdp: 'v=0 answer' }]);

    p.mute(true);
    expect(browser.track.enabled).toBe(false);
    expect(p.current.call?.muted).toBe(true);
    await p.hold(true);
    expect(janus.messages().at(-1)?.body.body).toEqual({ request: 'hold', direction: 'sendonly' });
    expect(p.current.call?.held).toBe(true);
    await p.hangup();
    expect(janus.messages().at(-1)?.body.body).toEqual({ request: 'hangup' });
    expect(p.current.call).toBeNull();
  });

  it('answers an incoming call with the offer Janus sent', async () => {
    const { p, janus, browser } = await registered();
    janus.push({ sip: 'event', result: { event: 'incomingcall', username: 'sip:dana@10.0.0.1' } },
      { type: 'offer', sdp: 'v=0 remote offer' });
    await until(() => p.current.call?.phase === 'incoming');
    expect(p.current.call?.peer).toBe('dana');
    await p.accept();
    expect(browser.remote).toEqual([{ type: 'offer', sdp: 'v=0 remote offer' }]);
    const accept = janus.messages().at(-1)!;
    expect(accept.body.body).toEqual({ request: 'accept' });
    expect(accept.body.jsep).toEqual({ type: 'answer', sdp: 'v=0 answer' });
    expect(p.current.call?.phase).toBe('incall');
  });

  it('ends the call when the far end is busy', async () => {
    const { p, janus } = await registered();
    await p.call('15550100');
    janus.push({ sip: 'event', result: { event: 'hangup', code: 486, reason: 'Busy Here' } });
    await until(() => p.current.call === null);
    expect(p.current.message).toBe('Call ended: 486 Busy Here');
  });

  it('refuses to call before registering', async () => {
    const { p } = phone();
    await expect(p.call('1')).rejects.toThrow('not registered');
  });
});

describe('SIP URIs', () => {
  it('dials digits only', () => {
    expect(dialUri(' 555 01#', 'h:5060')).toBe('sip:55501%23@h:5060');
    expect(() => dialUri('abc', 'h')).toThrow('No number');
  });

  it('reads the user part', () => {
    expect(sipUser('sip:dana@host;transport=udp')).toBe('dana');
    expect(sipUser('dana')).toBe('dana');
  });
});
