package io.earpiece.console.upload;

import io.earpiece.db.upload.UploadJobEntity;

import java.time.Instant;
import java.util.Map;

/**
 * An upload job as the API shows it: progress while it runs ({@code stage}, {@code percent}, {@code etaSeconds}),
 * the call once it is stored, the reason when it failed, and the speakers' names.
 *
 * @param version    increases with every change, so a client (and the event stream) can drop stale views
 * @param uploadedBy the user who uploaded it (null for the watched folder); reps see only their own
 * @param rep        the speaker analysed as the rep ({@code Speaker 1} unless the uploader chose otherwise)
 */
public record UploadView(String id, String state, String stage, int percent, Long etaSeconds, String fileName,
                         long sizeBytes, String sha256, String format, Long durationMs, String callId, String reason,
                         int attempts, Map<String, String> speakers, Instant createdAt, Instant updatedAt,
                         Instant finishedAt, long version, String uploadedBy, String rep) {

    public boolean isFinal() {
        return JobState.valueOf(state).isFinal();
    }

    static UploadView of(UploadJobEntity j, Map<String, String> speakers, long version) {
        return new UploadView(j.getId(), j.getState(), j.getStage(), j.getPercent(),
                j.getEtaMs() == null ? null : (j.getEtaMs() + 999) / 1000, j.getFileName(), j.getSizeBytes(),
                j.getSha256(), j.getContainer(), j.getDurationMs(), j.isCallStored() ? j.getCallId() : null,
                j.getReason(), j.getAttempts(), speakers, j.getCreatedAt(), j.getUpdatedAt(), j.getFinishedAt(),
                version, j.getUploadedBy(), j.getRepSpeaker() == null ? SpeakerNames.DEFAULT_REP : j.getRepSpeaker());
    }

    /** This view with live progress laid over what was last stored. */
    UploadView withProgress(String newState, String newStage, int newPercent, Long etaMs, long newVersion) {
        return new UploadView(id, newState, newStage, newPercent, etaMs == null ? null : (etaMs + 999) / 1000, fileName,
                sizeBytes, sha256, format, durationMs, callId, reason, attempts, speakers, createdAt,
                Instant.now(), finishedAt, newVersion, uploadedBy, rep);
    }
}
