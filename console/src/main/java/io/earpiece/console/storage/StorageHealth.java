package io.earpiece.console.storage;

import io.earpiece.media.MediaCounters;
import io.earpiece.media.MediaServer;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;

/**
 * Health component {@code storage}: DEGRADED (still serving: calls are answered and transcribed) while the
 * recordings or uploads volume has less than {@code earpiece.storage.min-free} free, or a recording failed to be
 * written within {@code earpiece.storage.failure-window}; the details say which, so the admin knows what to free.
 */
@Component("storage")
public class StorageHealth implements HealthIndicator {

    public static final Status DEGRADED = new Status("DEGRADED",
            "disk space is low or recordings could not be written; calls go on, audio may be missing");

    private final DiskSpace disk;
    private final MediaServer media;
    private final Duration failureWindow;

    public StorageHealth(DiskSpace disk, MediaServer media, StorageProperties properties) {
        this.disk = disk;
        this.media = media;
        this.failureWindow = properties.failureWindow();
    }

    @Override
    public Health health() {
        MediaCounters counters = media.counters();
        long recordingsFree = disk.free(disk.recordings());
        long uploadsFree = disk.free(disk.uploads());
        long last = counters.lastRecordingFailureMillis();
        boolean recentFailure = last > 0
                && Instant.ofEpochMilli(last).plus(failureWindow).isAfter(Instant.now());
        boolean low = disk.low(disk.recordings()) || disk.low(disk.uploads());
        Health.Builder h = low || recentFailure ? Health.status(DEGRADED) : Health.up();
        h.withDetail("recordingsFreeBytes", recordingsFree).withDetail("uploadsFreeBytes", uploadsFree)
                .withDetail("minFreeBytes", disk.minFree())
                .withDetail("recordingFailures", counters.recordingFailures());
        if (last > 0) {
            h.withDetail("lastRecordingFailure", Instant.ofEpochMilli(last).toString());
        }
        return h.build();
    }
}
