import { useCallback, useEffect, useRef, useState } from 'react';
import { api, csrfToken } from '../api';
import { when } from '../format';
import { href } from '../route';
import { fileSha256 } from '../sha256';
import type { TranscriptionStatus } from '../types';
import { describe, isFinal, mergeJob, overallPercent, refusalReason, type UploadJob, type UploadRow } from '../uploads';

const ACCEPT = 'audio/*,video/mp4,video/webm,.mp3,.m4a,.mp4,.wav,.ogg,.opus,.webm,.flac';

/** Which speaker the analysis takes for the rep: the first to speak (left channel) or the second (right). */
type RepChoice = '1' | '2';

/**
 * Sends one file as multipart with its SHA-256, so that bytes changed on the way are refused (422) instead of
 * becoming a call with a hole in it; XHR because fetch reports no upload progress.
 */
function sendFile(file: File, rep: RepChoice, token: string | null, checksum: string,
  onProgress: (sent: number, total: number) => void): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/uploads?rep=${rep}`);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Upload-Checksum', `sha256 ${checksum}`);
    if (token) xhr.setRequestHeader('X-XSRF-TOKEN', token);
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => resolve({ status: xhr.status, body: xhr.responseText });
    xhr.onerror = () => reject(new Error('the connection failed while uploading'));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/**
 * Recorded calls: drop a file (or pick one), watch upload, decoding, transcription and analysis progress. While
 * the server cannot analyse recordings the drop zone is disabled with the reason, before any file goes up.
 */
export function UploadsPage({ transcription }: { transcription: TranscriptionStatus | null }) {
  const off = transcription != null && !transcription.uploads;
  const [rows, setRows] = useState<UploadRow[]>([]);
  const [over, setOver] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [rep, setRep] = useState<RepChoice>('1');
  const streams = useRef(new Map<string, EventSource>());
  const input = useRef<HTMLInputElement>(null);

  const follow = useCallback((id: string) => {
    if (streams.current.has(id)) return;
    const source = new EventSource(`/api/uploads/${encodeURIComponent(id)}/events`);
    const onView = (e: MessageEvent) => {
      const job = JSON.parse(e.data) as UploadJob;
      setRows((r) => mergeJob(r, job));
      if (isFinal(job)) {
        source.close();
        streams.current.delete(id);
      }
    };
    for (const name of ['progress', 'done', 'failed', 'cancelled', 'message']) source.addEventListener(name, onView);
    // the browser reconnects an EventSource by itself; a closed one means the job is gone or not ours
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) streams.current.delete(id);
    };
    streams.current.set(id, source);
  }, []);

  useEffect(() => {
    let cancelled = false;
    api.get<UploadJob[]>('/api/uploads?size=20').then((jobs) => {
      if (cancelled) return;
      setRows((r) => jobs.reduceRight((acc, j) => mergeJob(acc, j), r));
      jobs.filter((j) => !isFinal(j)).forEach((j) => follow(j.id));
    }, (e) => !cancelled && setError(`Could not load uploads: ${e.message ?? e}`));
    const open = streams.current;
    return () => {
      cancelled = true;
      open.forEach((s) => s.close());
      open.clear();
    };
  }, [follow]);

  const upload = useCallback(async (files: File[]) => {
    const token = await csrfToken();
    for (const file of Array.from(files)) {
      const key = `local-${Date.now()}-${Math.random().toString(36).slice(2)}`;
      setRows((r) => [{ kind: 'sending', key, fileName: file.name, sent: 0, total: file.size }, ...r]);
      const replace = (row: UploadRow | null) =>
        setRows((r) => (row ? r.map((x) => (x.key === key ? row : x)) : r.filter((x) => x.key !== key)));
      try {
        const res = await sendFile(file, rep, token, await fileSha256(file), (sent, total) =>
          replace({ kind: 'sending', key, fileName: file.name, sent, total }));
        if (res.status >= 200 && res.status < 300) {
          const job = JSON.parse(res.body) as UploadJob;
          replace(null);
          setRows((r) => mergeJob(r, job));
          follow(job.id);
        } else {
          replace({ kind: 'refused', key, fileName: file.name, status: res.status,
            reason: refusalReason(res.status, res.body) });
        }
      } catch (e) {
        replace({ kind: 'refused', key, fileName: file.name, status: 0, reason: String((e as Error).message ?? e) });
      }
    }
  }, [follow, rep]);

  const cancel = async (id: string) => {
    try {
      const job = await api.delete<UploadJob>(`/api/uploads/${encodeURIComponent(id)}`);
      setRows((r) => mergeJob(r, job));
    } catch (e) {
      setError(`Could not cancel: ${(e as Error).message ?? e}`);
    }
  };

  return (
    <main className="page uploads-page">
      <div className="page-head">
        <div>
          <h1>Recorded calls</h1>
          <p className="sub">MP3, M4A/MP4, WAV, OGG/Opus or WebM. Stereo keeps one speaker per channel; mono is diarized.</p>
        </div>
      </div>
      <fieldset className="rep-choice">
        <legend>The rep is</legend>
        <label>
          <input type="radio" name="rep" value="1" checked={rep === '1'} onChange={() => setRep('1')} />
          the first to speak (left channel)
        </label>
        <label>
          <input type="radio" name="rep" value="2" checked={rep === '2'} onChange={() => setRep('2')} />
          the second (right channel)
        </label>
      </fieldset>
      {off && (
        <p className="notice" role="status" data-testid="uploads-off">
          Uploads are unavailable: {transcription?.reason}.{' '}
          {transcription?.howToEnable ?? 'An admin can turn transcription on.'}
        </p>
      )}
      <div
        className={`dropzone ${over ? 'over' : ''} ${off ? 'disabled' : ''}`}
        data-testid="dropzone"
        role="button"
        tabIndex={off ? -1 : 0}
        aria-disabled={off || undefined}
        aria-label={off ? 'Upload a recording (unavailable: transcription is off)'
          : 'Upload a recording: drop a file here or press Enter to choose one'}
        onClick={() => !off && input.current?.click()}
        onKeyDown={(e) => {
          if (off) return;
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            input.current?.click();
          }
        }}
        onDragEnter={(e) => { e.preventDefault(); if (!off) setOver(true); }}
        onDragOver={(e) => { e.preventDefault(); e.dataTransfer.dropEffect = off ? 'none' : 'copy'; }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          if (!off && e.dataTransfer.files.length) void upload(Array.from(e.dataTransfer.files));
        }}
      >
        <svg viewBox="0 0 48 48" width="40" height="40" aria-hidden="true">
          <path d="M24 32V10m0 0-8 8m8-8 8 8M10 30v8h28v-8" fill="none" stroke="currentColor" strokeWidth="2.5"
            strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        <strong>{off ? 'Uploads are unavailable' : 'Drop a recording here'}</strong>
        <span className="muted">{off ? 'transcription is off on this server' : 'or click to choose a file'}</span>
        <input ref={input} type="file" accept={ACCEPT} multiple hidden data-testid="file-input" disabled={off}
          onChange={(e) => {
            // the FileList is live: copy it before clearing the input (so the same file can be picked again),
            // or it empties under the upload
            const files = Array.from(e.target.files ?? []);
            e.target.value = '';
            if (files.length) void upload(files);
          }} />
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      <section className="panel" aria-label="Uploads">
        <h2>Uploads</h2>
        {rows.length === 0 && <p className="muted">No uploads yet.</p>}
        <ul className="upload-list">
          {rows.map((row) => {
            const name = row.kind === 'job' ? row.job.fileName ?? row.job.id : row.fileName;
            const pct = overallPercent(row);
            const state = row.kind === 'job' ? row.job.state.toLowerCase() : row.kind;
            return (
              <li key={row.key} className={`upload-row upload-${state}`} data-testid="upload-row" data-state={state}>
                <div className="upload-top">
                  <span className="upload-name">{name}</span>
                  {row.kind === 'job' && <span className="muted small">{when(row.job.createdAt)}</span>}
                </div>
                <div className="progress" role="progressbar" aria-label={`${name} progress`} aria-valuemin={0}
                  aria-valuemax={100} aria-valuenow={pct}>
                  <div className="progress-fill" style={{ width: `${pct}%` }} />
                </div>
                <div className="upload-bottom">
                  <span className="upload-status" data-testid="upload-status" role={row.kind === 'refused' ? 'alert' : undefined}>
                    {describe(row)}
                  </span>
                  {row.kind === 'job' && row.job.state === 'DONE' && row.job.callId && (
                    <a className="btn small" href={href({ page: 'call', callId: row.job.callId })}>Open call</a>
                  )}
                  {row.kind === 'job' && !isFinal(row.job) && (
                    <button type="button" className="btn small ghost" onClick={() => void cancel(row.job.id)}>Cancel</button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      </section>
    </main>
  );
}
