package io.earpiece.console.export;

import io.earpiece.console.polling.OutageLog;
import io.earpiece.console.polling.OutageLogs;
import io.earpiece.plugins.export.outbox.OutboxWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Runs the outbox worker on Spring's scheduler, every poll interval, while the worker is enabled. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class OutboxPolling implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(OutboxPolling.class);

    private final OutboxWorker worker;
    private final ExportProperties properties;
    private final OutageLog failures;

    public OutboxPolling(OutboxWorker worker, ExportProperties properties, OutageLogs outages) {
        this.worker = worker;
        this.properties = properties;
        this.failures = outages.forTask("outbox poll", log);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (properties.worker().enabled()) {
            registrar.addFixedDelayTask(this::poll, properties.worker().pollInterval());
        }
    }

    /**
     * Drains what is due now, batch by batch; a failing poll is retried at the next tick, and logged once per outage
     * (the database being away fails every tick).
     */
    void poll() {
        try {
            int batch = properties.worker().batchSize();
            while (worker.runOnce() >= batch && !Thread.currentThread().isInterrupted()) {
                log.debug("outbox: full batch delivered, polling again");
            }
            failures.worked();
        } catch (RuntimeException e) {
            failures.failed(e);
        }
    }
}
