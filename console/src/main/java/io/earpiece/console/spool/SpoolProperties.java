package io.earpiece.console.spool;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * The on-disk journal of live finals (and DTMF/hold events) kept while the database cannot be reached, bound from
 * {@code earpiece.segments.spool.*}; it lives in {@code <data-dir>/spool}.
 *
 * @param maxBytes   the most its files may take together (256MB: a final takes a few hundred bytes, so this holds
 *                   hundreds of thousands, hours of a hundred calls); when full, finals wait in memory as before the
 *                   journal, unannounced, and health says so
 * @param fileBytes  the size at which the journal begins a new file (16MB); a file is deleted once all its records
 *                   are in the database
 * @param retryFirst the drainer's first wait after the database refused a journalled write (200ms); each further one
 *                   doubles it
 * @param retryMax   the drainer's longest wait between tries (5s)
 */
@ConfigurationProperties("earpiece.segments.spool")
public record SpoolProperties(
        @DefaultValue("256MB") DataSize maxBytes,
        @DefaultValue("16MB") DataSize fileBytes,
        @DefaultValue("200ms") Duration retryFirst,
        @DefaultValue("5s") Duration retryMax) {
}
