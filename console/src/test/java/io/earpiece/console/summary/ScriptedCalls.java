package io.earpiece.console.summary;

import io.earpiece.assist.ReferenceTranscript;
import io.earpiece.assist.ReferenceUtterance;
import io.earpiece.stt.SpeechToText;
import io.earpiece.stt.TranscriptSegment;
import io.earpiece.stt.TranscriptionSession;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test speech: when the rep's leg of a call closes it emits the whole scripted conversation as final segments
 * of both parties, in spoken order, as two live recognizers would have delivered them during the call.
 */
public final class ScriptedCalls implements SpeechToText {

    private final Map<String, ReferenceTranscript> byCall = new ConcurrentHashMap<>();
    private volatile ReferenceTranscript next;

    /** The script the next call to open will speak. */
    public void next(ReferenceTranscript script) {
        this.next = script;
    }

    @Override
    public TranscriptionSession open(String callId, String party, io.earpiece.stt.SegmentListener listener) {
        ReferenceTranscript script = byCall.computeIfAbsent(callId, id -> next);
        return new TranscriptionSession() {
            @Override
            public void accept(long mediaTimeMs, short[] samples) {
            }

            @Override
            public void close() {
                if (!"rep".equals(party) || script == null) {
                    return;
                }
                Map<String, Integer> index = new HashMap<>();
                for (ReferenceUtterance u : script.utterances()) {
                    int i = index.merge(u.speaker(), 1, Integer::sum) - 1;
                    listener.onSegment(new TranscriptSegment(callId, u.speaker(), i, Math.round(u.start() * 1000),
                            Math.round(u.end() * 1000), u.text(), true));
                }
            }
        };
    }
}
