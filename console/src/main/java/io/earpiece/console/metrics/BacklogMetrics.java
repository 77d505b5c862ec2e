package io.earpiece.console.metrics;

import io.earpiece.db.outbox.OutboxJobRepository;
import io.earpiece.db.upload.UploadJobRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Work that waits or gave up, counted in the database at each scrape: CRM/webhook exports still to deliver or
 * failed for good, and upload jobs queued, running or failed. The alert rules in {@code docker/prometheus} use them.
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
        for (String state : List.of("PENDING", "FAILED")) {
            Gauge.builder("earpiece.exports", exports, r -> r.countByState(state)).tag("state", state.toLowerCase(java.util.Locale.ROOT))
                    .description("export jobs (CRM, Slack, webhooks) in this state").register(registry);
        }
        for (String state : List.of("QUEUED", "RUNNING", "FAILED")) {
            Gauge.builder("earpiece.uploads", uploads, r -> r.countByState(state)).tag("state", state.toLowerCase(java.util.Locale.ROOT))
                    .description("recorded-call upload jobs in this state").register(registry);
        }
    }
}
