package io.earpiece.console.call;

import io.earpiece.console.spool.SpoolDrainer;
import io.earpiece.console.spool.SpoolRecord;
import io.earpiece.stt.TranscriptSegment;
import org.springframework.stereotype.Component;

/** Writes a journalled record as the live path would have: through {@link CallStore}, whose writes are once-only. */
@Component
public class SpooledRecordWriter implements SpoolDrainer.RecordWriter {

    private final CallStore store;

    public SpooledRecordWriter(CallStore store) {
        this.store = store;
    }

    @Override
    public void write(SpoolRecord record) {
        if (record instanceof SpoolRecord.Final f) {
            store.segment(new TranscriptSegment(f.callId(), f.party(), f.index(), f.startMs(), f.endMs(),
                    f.maskedText(), true), f.maskedText(), f.utterance(), f.outcome());
        } else if (record instanceof SpoolRecord.Event e) {
            store.event(e.callId(), e.party(), e.kind(), e.detail(), e.durationMs(), e.offsetMs(), e.at());
        } else {
            throw new IllegalArgumentException("unknown spool record " + record);
        }
    }
}
