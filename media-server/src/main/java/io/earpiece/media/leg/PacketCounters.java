package io.earpiece.media.leg;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Server-wide packet counters shared by every leg's event loop; safe to update from many threads. */
public final class PacketCounters {

    private final LongAdder datagrams = new LongAdder();
    private final LongAdder accepted = new LongAdder();
    private final Map<DropReason, LongAdder> dropped = new EnumMap<>(DropReason.class);

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
