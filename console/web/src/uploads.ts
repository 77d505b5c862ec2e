/** An upload job as GET /api/uploads and its event stream show it. */
export interface UploadJob {
  id: string;
  state: 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED' | 'CANCELLED';
  stage: string | null;
  percent: number;
  etaSeconds: number | null;
  fileName: string | null;
  sizeBytes: number;
  format: string | null;
  durationMs: number | null;
  callId: string | null;
  reason: string | null;
  createdAt: string;
  version: number;
  /** The speaker analysed as the rep ("Speaker 1" unless chosen otherwise). */
  rep?: string;
}

/** What the drop zone shows for one file: sending bytes first, then the server's job. */
export type UploadRow =
  | { kind: 'sending'; key: string; fileName: string; sent: number; total: number }
  | { kind: 'refused'; key: string; fileName: string; status: number; reason: string }
  | { kind: 'job'; key: string; job: UploadJob };

export function isFinal(job: UploadJob): boolean {
  return job.state === 'DONE' || job.state === 'FAILED' || job.state === 'CANCELLED';
}

/** Overall progress 0..100 across the stages, so the bar never runs backwards when the stage changes. */
export function overallPercent(row: UploadRow): number {
  if (row.kind === 'sending') return row.total > 0 ? Math.round((row.sent / row.total) * 100) : 0;
  if (row.kind === 'refused') return 0;
  return row.job.state === 'DONE' ? 100 : Math.max(0, Math.min(100, row.job.percent));
}

/** "Uploading 42 %", "Transcribing · about 12 s left", "Done", "Failed: reason". */
export function describe(row: UploadRow): string {
  if (row.kind === 'sending') return `Uploading ${overallPercent(row)} %`;
  if (row.kind === 'refused') return `Refused (${row.status}): ${row.reason}`;
  const j = row.job;
  switch (j.state) {
    case 'QUEUED':
      return 'Queued';
    case 'DONE':
      return 'Done';
    case 'FAILED':
      return `Failed: ${j.reason ?? 'unknown reason'}`;
    case 'CANCELLED':
      return 'Cancelled';
    default: {
      const stage = j.stage ? j.stage[0] + j.stage.slice(1).toLowerCase() : 'Working';
      const eta = j.etaSeconds != null ? ` · about ${j.etaSeconds} s left` : '';
      return `${stage} ${j.percent} %${eta}`;
    }
  }
}

/** A newer view of a job replaces an older one; stale events (lower version) are ignored. */
export function mergeJob(rows: UploadRow[], job: UploadJob): UploadRow[] {
  const i = rows.findIndex((r) => r.kind === 'job' && r.job.id === job.id);
  if (i < 0) return [{ kind: 'job', key: job.id, job }, ...rows];
  const old = rows[i];
  if (old.kind === 'job' && old.job.version > job.version) return rows;
  const next = rows.slice();
  next[i] = { kind: 'job', key: job.id, job };
  return next;
}

/** The reason a refused upload names: the server's message, else the status text. */
export function refusalReason(status: number, body: string): string {
  try {
    const parsed = JSON.parse(body);
    return parsed.message || parsed.reason || parsed.error || `HTTP ${status}`;
  } catch {
    return body.trim() || `HTTP ${status}`;
  }
}
