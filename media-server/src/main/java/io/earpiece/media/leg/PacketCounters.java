package io.earpiece.media.leg;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Server-wide packet counters shared by every leg's event loop; safe to update from many threads. */
public final class PacketCounters {

    private final LongAdder datagrams = new LongAdder();
    private final LongAdder accepted = new LongAdder();
    private final Map<DropReason, LongAdder> dropped = new EnumMap<>(DropReason.class);
    private final LongAdder recordingFailures = new LongAdder();
    private volatile long lastRecordingFailureMillis;

    public PacketCounters() {
        for (DropReason reason : DropReason.values()) {
            dropped.put(reason, new LongAdder());
        }
    }

    public void countDatagram() {
        datagrams.increment();
    }

    public void countAccepted() {
        accepted.increment();
    }

    public void countDropped(DropReason reason) {
        dropped.get(reason).increment();
    }

    /** A leg's recording could not be created or written on (the disk is full). */
    public void countRecordingFailure() {
        recordingFailures.increment();
        lastRecordingFailureMillis = System.currentTimeMillis();
    }

    public long recordingFailures() {
        return recordingFailures.sum();
    }

    /** When the last recording failed (epoch milliseconds), 0 when none did. */
    public long lastRecordingFailureMillis() {
        return lastRecordingFailureMillis;
    }

    public long datagrams() {
        return datagrams.sum();
    }

    public long accepted() {
        return accepted.sum();
    }

    public long dropped(DropReason reason) {
        return dropped.get(reason).sum();
    }
}
