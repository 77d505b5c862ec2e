import { describe, expect, it } from 'vitest';
import { transcriptionNotice } from './format';

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
