package io.earpiece.console.metrics;

import io.earpiece.db.outbox.OutboxJobRepository;
import io.earpiece.db.upload.UploadJobRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * Work that waits or gave up, counted in the database at each scrape: CRM/webhook exports still to deliver or
 * failed for good, and upload jobs queued, running or failed. The alert rules in {@code docker/prometheus} use them.
 * Counters kept in memory by the SIP gateway and media server are {@link TelephonyMetrics}'; free space on the
 * volumes is {@link io.earpiece.console.storage.StorageMetrics}'.
 */
@Component
public class BacklogMetrics implements MeterBinder {

    private final OutboxJobRepository exports;
    private final UploadJobRepository uploads;

    public BacklogMetrics(OutboxJobRepository exports, UploadJobRepository uploads) {
        this.exports = exports;
        this.uploads = uploads;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        perState(registry, "earpiece.exports", "export jobs (CRM, Slack, webhooks) in this state",
                List.of("PENDING", "FAILED"), exports::countByState);
        perState(registry, "earpiece.uploads", "recorded-call upload jobs in this state",
                List.of("QUEUED", "RUNNING", "FAILED"), uploads::countByState);
    }

    /** One gauge per state, tagged {@code state=<lower case>}, counting with {@code countByState}. */
    private static void perState(MeterRegistry registry, String name, String description, List<String> states,
                                 ToLongFunction<String> countByState) {
        for (String state : states) {
            Gauge.builder(name, () -> countByState.applyAsLong(state)).tag("state", state.toLowerCase(Locale.ROOT))
                    .description(description).register(registry);
        }
    }
}
