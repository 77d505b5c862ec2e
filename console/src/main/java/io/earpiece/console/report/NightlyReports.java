package io.earpiece.console.report;

import io.earpiece.db.user.CallOwners;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The nightly batch: at the configured cron time (in the configured zone) writes the previous day's
 * {@code calls-DATE.csv} and {@code calls-DATE.pdf} to the report folder, each via a temporary file renamed
 * into place so a reader never sees half a report. In a cluster one node writes each day's report (a lease in the
 * shared database); the report folder is then expected to be shared storage.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class NightlyReports implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(NightlyReports.class);
    /** The batch writes for whoever can read the report folder (an operator), not for one user: every call. */
    private static final CallOwners EVERY_CALL = null;

    /** How long a node holds a day's report: far beyond its writing, well short of the next night. */
    private static final java.time.Duration LEASE = java.time.Duration.ofHours(12);

    private final CallsCsv csv;
    private final PeriodReportPdf pdf;
    private final ReportProperties properties;
    private final io.earpiece.db.lease.LeaseRepository leases;
    private final io.earpiece.console.cluster.NodeIdentity node;

    public NightlyReports(CallsCsv csv, PeriodReportPdf pdf, ReportProperties properties,
                          io.earpiece.db.lease.LeaseRepository leases, io.earpiece.console.cluster.NodeIdentity node) {
        this.csv = csv;
        this.pdf = pdf;
        this.properties = properties;
        this.leases = leases;
        this.node = node;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (properties.nightly()) {
            registrar.addCronTask(new CronTask(this::yesterday, new CronTrigger(properties.cron(), properties.zone())));
        }
    }

    private void yesterday() {
        LocalDate day = LocalDate.now(properties.zone()).minusDays(1);
        try {
            // every node of a cluster fires this cron; the database lease lets one of them write the day
            if (!leases.acquire("nightly-report/" + day, node.id(), Instant.now(), LEASE)) {
                log.info("nightly report for {}: another node writes it", day);
                return;
            }
            writeDay(day);
        } catch (IOException | RuntimeException e) {
            log.error("nightly report failed", e);
        }
    }

    /** Writes one day's CSV and PDF; returns the two files. */
    public List<Path> writeDay(LocalDate day) throws IOException {
        Instant from = day.atStartOfDay(properties.zone()).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(properties.zone()).toInstant();
        Files.createDirectories(properties.dir());
        Path csvFile = properties.dir().resolve("calls-" + day + ".csv");
        Path pdfFile = properties.dir().resolve("calls-" + day + ".pdf");
        int[] rows = {0};
        atomically(csvFile, out -> {
            Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
            rows[0] = csv.write(from, to, EVERY_CALL, w);
            w.flush();
        });
        atomically(pdfFile, out -> pdf.write("Daily call report " + day, from, to, EVERY_CALL, out));
        log.info("nightly report for {}: {} calls -> {}, {}", day, rows[0], csvFile, pdfFile);
        return List.of(csvFile, pdfFile);
    }

    @FunctionalInterface
    private interface Body {
        void write(OutputStream out) throws IOException;
    }

    private static void atomically(Path target, Body body) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                body.write(out);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
