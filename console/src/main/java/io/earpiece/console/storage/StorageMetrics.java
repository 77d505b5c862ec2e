package io.earpiece.console.storage;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * {@code earpiece_storage_free_bytes{volume}} for the recordings and uploads volumes: what this package measures
 * itself. The media server's counters, recording failures among them, are exported with the others by
 * {@link io.earpiece.console.metrics.TelephonyMetrics}; work waiting in the database by
 * {@link io.earpiece.console.metrics.BacklogMetrics}.
 */
@Component
public class StorageMetrics implements MeterBinder {

    private final DiskSpace disk;

    public StorageMetrics(DiskSpace disk) {
        this.disk = disk;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("earpiece.storage.free", disk, d -> d.free(d.recordings())).baseUnit("bytes")
                .tag("volume", "recordings").description("usable space on the volume").register(registry);
        Gauge.builder("earpiece.storage.free", disk, d -> d.free(d.uploads())).baseUnit("bytes")
                .tag("volume", "uploads").description("usable space on the volume").register(registry);
    }
}
