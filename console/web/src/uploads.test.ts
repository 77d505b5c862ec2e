import { describe as group, expect, it } from 'vitest';
import { describe, mergeJob, overallPercent, refusalReason, type UploadJob, type UploadRow } from './uploads';

function job(over: Partial<UploadJob>): UploadJob {
  return {
    id: 'j1', state: 'RUNNING', stage: 'TRANSCRIBING', percent: 40, etaSeconds: 12, fileName: 'a.mp3',
    sizeBytes: 10, format: 'mp3', durationMs: 1000, callId: null, reason: null, createdAt: '', version: 3, ...over,
  };
}

group('upload rows', () => {
  it('shows bytes sent while uploading', () => {
    const row: UploadRow = { kind: 'sending', key: 'k', fileName: 'a.mp3', sent: 25, total: 100 };
    expect(overallPercent(row)).toBe(25);
    expect(describe(row)).toBe('Uploading 25 %');
  });

  it('names the stage and the estimate while the job runs', () => {
    expect(describe({ kind: 'job', key: 'j1', job: job({}) })).toBe('Transcribing 40 % · about 12 s left');
  });

  it('says why a job failed', () => {
    expect(describe({ kind: 'job', key: 'j1', job: job({ state: 'FAILED', reason: 'no audio stream' }) }))
      .toBe('Failed: no audio stream');
  });

  it('ignores an event older than the view it has', () => {
    const rows: UploadRow[] = [{ kind: 'job', key: 'j1', job: job({ version: 5, percent: 80 }) }];
    expect(mergeJob(rows, job({ version: 4, percent: 10 }))).toBe(rows);
    const newer = mergeJob(rows, job({ version: 6, state: 'DONE', percent: 100 }));
    expect(newer).toHaveLength(1);
    expect(overallPercent(newer[0])).toBe(100);
  });

  it('adds an unknown job at the top', () => {
    const rows: UploadRow[] = [{ kind: 'job', key: 'j1', job: job({}) }];
    expect(mergeJob(rows, job({ id: 'j2' })).map((r) => r.key)).toEqual(['j2', 'j1']);
  });

  it('takes the reason from the server message', () => {
    expect(refusalReason(415, '{"status":415,"message":"not audio: text"}')).toBe('not audio: text');
    expect(refusalReason(413, '')).toBe('HTTP 413');
  });
});
