package io.earpiece.console.call;

import io.earpiece.media.MediaLeg;
import io.earpiece.stt.TranscriptionSession;

/**
 * One live SIP leg: its conversation, party, media endpoint and transcription session, and how to hang up its
 * signalling when Earpiece ends it (media timeout, shutdown).
 */
record ActiveLeg(String legId, ActiveConversation conversation, String party, MediaLeg media,
                 TranscriptionSession transcription, Runnable hangUp) {
}
