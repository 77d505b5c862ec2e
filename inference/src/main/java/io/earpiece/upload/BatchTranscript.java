package io.earpiece.upload;

import io.earpiece.diarize.SpeakerTurn;

import java.util.List;

/**
 * The result of transcribing a whole recording.
 *
 * @param durationMs   length of the decoded audio
 * @param sourceCodec  codec of the uploaded file (ffprobe's name)
 * @param turns        diarized speaker turns
 * @param utterances   recognised utterances in time order
 * @param failedChunks chunks whose recognition threw; their utterances have empty text
 */
public record BatchTranscript(long durationMs, String sourceCodec, List<SpeakerTurn> turns,
                              List<TranscribedUtterance> utterances, int failedChunks) {

    public BatchTranscript {
        turns = List.copyOf(turns);
        utterances = List.copyOf(utterances);
    }
}
