import { describe, expect, it } from 'vitest';
import { emptyTranscriptText, legEncrypted, legEncryption, partyName, partyStyle, transcriptionNotice, who } from './format';

describe('transcription notice', () => {
  it('says nothing for a call transcribed live', () => {
    expect(transcriptionNotice('LIVE', true)).toBeNull();
    expect(transcriptionNotice(undefined, false)).toBeNull();
  });

  it('explains a call beyond live capacity while it runs, after it ended, and once transcribed', () => {
    expect(transcriptionNotice('DEFERRED', false)).toMatch(/at capacity.*transcribed when it ends/);
    expect(transcriptionNotice('DEFERRED', true)).toMatch(/being transcribed now/);
    expect(transcriptionNotice('AFTER_CALL', true)).toMatch(/Transcribed after the call/);
    expect(transcriptionNotice('FAILED', true)).toMatch(/could not be transcribed/);
  });
});

describe('who', () => {
  it('shows the user part of a SIP URI, decoded', () => {
    expect(who('sip:alice@acme.test')).toBe('alice');
    expect(who('sip:Dana%20Smith@acme.test;transport=udp')).toBe('Dana Smith');
    expect(who('"Sam Lee" <sip:7001@acme.test>')).toBe('Sam Lee');
    expect(who('<sip:+15550001@pstn.test>')).toBe('+15550001');
    expect(who('sip:bad%zz@host')).toBe('bad%zz');
    expect(who(null)).toBe('unknown');
  });
});

describe('empty transcript', () => {
  it('never says nothing was said when nothing was listening', () => {
    expect(emptyTranscriptText(true, false)).toMatch(/^Not transcribed: transcription is off.*recording is saved/);
    expect(emptyTranscriptText(false, false)).toMatch(/^Not transcribed/);
    expect(emptyTranscriptText(true, true)).toMatch(/^Not transcribed: no speech/);
    expect(emptyTranscriptText(false, true)).toMatch(/Waiting for the first words/);
  });
});

describe('party names', () => {
  it('name and style a party\'s further streams after the party', () => {
    expect(partyName('customer-2')).toBe('Customer 2');
    expect(partyName('rep-3')).toBe('Rep 3');
    expect(partyStyle('customer-2')).toBe('customer');
    expect(partyStyle('rep-2')).toBe('rep');
    expect(partyName('mixed')).toBe('Call');
    expect(partyStyle('Speaker 2')).toBe('customer');
  });
});

describe('leg encryption', () => {
  it('says how a leg was carried, and nothing when the server does not know', () => {
    expect(legEncryption({ sipTransport: 'tls', srtp: true })).toBe('SIP over TLS · SRTP');
    expect(legEncryption({ sipTransport: 'udp', srtp: false })).toBe('SIP over UDP · clear RTP');
    expect(legEncryption({ sipTransport: null, srtp: true })).toBe('SRTP');
    expect(legEncryption({})).toBeNull();
    expect(legEncrypted({ sipTransport: 'tls', srtp: true })).toBe(true);
    expect(legEncrypted({ sipTransport: 'tcp', srtp: true })).toBe(false);
    expect(legEncrypted({ sipTransport: 'tls', srtp: false })).toBe(false);
  });
});
