package io.earpiece.console.polling;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Hands each repeating task its {@link OutageLog}, whose failed runs are counted in
 * {@code earpiece_task_failures_total{task}}.
 */
@Component
public class OutageLogs {

    private final MeterRegistry registry;
    private final Clock clock;

    public OutageLogs(MeterRegistry registry) {
        this.registry = registry;
        this.clock = Clock.systemUTC();
    }

    /** The outage log of the task named {@code task} (a metric tag and the start of its log lines). */
    public OutageLog forTask(String task, Logger log) {
        Counter failures = Counter.builder("earpiece.task.failures").tag("task", task)
                .description("Runs of a repeating task (poller, heartbeat, folder scan) that failed")
                .register(registry);
        return new OutageLog(task, log, failures, clock);
    }
}
