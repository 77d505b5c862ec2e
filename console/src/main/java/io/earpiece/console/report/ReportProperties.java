package io.earpiece.console.report;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.ZoneId;

/**
 * Reports ({@code earpiece.reports.*}).
 *
 * @param zone    the team's time zone: report days and date parameters are taken there
 * @param dir     where the nightly batch writes {@code calls-DATE.csv} and {@code calls-DATE.pdf}
 * @param nightly whether the nightly batch runs
 * @param cron    when it runs (Spring cron, six fields, in {@code zone}); it reports the day before
 */
@ConfigurationProperties("earpiece.reports")
public record ReportProperties(@DefaultValue("UTC") ZoneId zone,
                               @DefaultValue("./data/reports") Path dir,
                               @DefaultValue("true") boolean nightly,
                               @DefaultValue("0 10 0 * * *") String cron) {
}
