package io.earpiece.console.storage;

import io.earpiece.media.MediaServer;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * {@code earpiece_storage_free_bytes{volume}} for the recordings and uploads volumes and
 * {@code earpiece_recording_failures_total}: legs whose recording could not be created or stopped on a failed write.
 */
@Component
public class StorageMetrics implements MeterBinder {

    private final DiskSpace disk;
    private final MediaServer media;

    public StorageMetrics(DiskSpace disk, MediaServer media) {
        this.disk = disk;
        this.media = media;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("earpiece.storage.free", disk, d -> d.free(d.recordings())).baseUnit("bytes")
                .tag("volume", "recordings").description("usable space on the volume").register(registry);
        Gauge.builder("earpiece.storage.free", disk, d -> d.free(d.uploads())).baseUnit("bytes")
                .tag("volume", "uploads").description("usable space on the volume").register(registry);
        FunctionCounter.builder("earpiece.recording.failures", media, m -> m.counters().recordingFailures())
                .description("legs whose recording could not be created or was stopped by a failed write (disk full)")
                .register(registry);
    }
}
