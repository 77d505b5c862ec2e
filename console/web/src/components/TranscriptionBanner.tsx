import type { TranscriptionStatus } from '../types';

/**
 * Says up front when the server does not transcribe, so that nobody waits for words that never come: admins get
 * what to do about it, everyone else that recordings are kept and transcripts are not made.
 */
export function TranscriptionBanner({ status, admin }: { status: TranscriptionStatus; admin: boolean }) {
  if (status.live && status.uploads) return null;
  const what = status.live
    ? 'Recorded calls cannot be analysed on this server: live calls are transcribed, uploads are not.'
    : 'Transcription is off: calls are recorded and saved, but transcripts and tips are unavailable.';
  return (
    <div className="banner banner-warn" role="status" data-testid="transcription-banner">
      <strong>{what}</strong>
      {status.reason && <span> Reason: {status.reason}.</span>}
      {admin && status.howToEnable && <span className="banner-fix"> To turn it on: {status.howToEnable}</span>}
      {!admin && <span> An admin can turn it on.</span>}
    </div>
  );
}
