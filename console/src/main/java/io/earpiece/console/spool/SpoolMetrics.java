package io.earpiece.console.spool;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * The journal in {@code /actuator/prometheus}: {@code earpiece_segments_spooled} (records waiting for the
 * database), its bytes, whether it is full, and counters of what was appended, written, refused and dropped.
 */
@Component
public class SpoolMetrics {

    public SpoolMetrics(MeterRegistry registry, Spool spool, SpoolDrainer drainer) {
        Gauge.builder("earpiece.segments.spooled", spool, Spool::pending)
                .description("Live writes (finals, DTMF/hold events) journalled on disk, waiting for the database")
                .register(registry);
        Gauge.builder("earpiece.segments.spool.bytes", spool, Spool::bytes)
                .description("Bytes the spool's files take on disk").register(registry);
        Gauge.builder("earpiece.segments.spool.full", spool, s -> s.full() ? 1 : 0)
                .description("1 while the spool refuses records (full or unwritable): finals wait in memory, unannounced")
                .register(registry);
        counter(registry, "earpiece.segments.spool.appended", spool, Spool::appended,
                "Records journalled while the database could not be reached");
        counter(registry, "earpiece.segments.spool.written", spool, Spool::written,
                "Journalled records written to the database");
        counter(registry, "earpiece.segments.spool.refused", spool, Spool::refused,
                "Records the spool could not take (full or unwritable); they waited in memory");
        counter(registry, "earpiece.segments.spool.dropped", spool, Spool::dropped,
                "Journalled records dropped unreadable (cut short by a crash mid-append, or scrambled)");
        counter(registry, "earpiece.segments.spool.recovered", spool, Spool::recovered,
                "Journalled records a previous run left, found at start");
        counter(registry, "earpiece.segments.spool.retries", drainer, SpoolDrainer::retries,
                "Tries of a journalled record the database refused for its availability");
        counter(registry, "earpiece.segments.spool.failed", drainer, SpoolDrainer::failed,
                "Journalled records the database refused for another reason, dropped");
    }

    private static <T> void counter(MeterRegistry registry, String name, T source,
                                    java.util.function.ToDoubleFunction<T> value, String description) {
        FunctionCounter.builder(name, source, value).description(description).register(registry);
    }
}
