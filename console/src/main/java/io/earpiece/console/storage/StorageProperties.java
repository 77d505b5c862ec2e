package io.earpiece.console.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * When the recordings and uploads volumes count as full, bound from {@code earpiece.storage.*}.
 *
 * @param minFree       below this much free space on a volume, uploads are refused (507) and health reads DEGRADED
 *                      (512MB: at 64 KB/s per two-party call, over a minute of 100 calls, and room to close files)
 * @param failureWindow how long health reads DEGRADED after a recording could not be written (10m)
 */
@ConfigurationProperties("earpiece.storage")
public record StorageProperties(
        @DefaultValue("512MB") DataSize minFree,
        @DefaultValue("10m") Duration failureWindow) {
}
