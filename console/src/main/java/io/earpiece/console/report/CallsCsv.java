package io.earpiece.console.report;

import io.earpiece.db.search.CallHit;
import io.earpiece.db.search.CallSearch;
import io.earpiece.db.user.CallOwners;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.Locale;
import java.util.stream.Stream;

/** Writes the calls of a period as CSV, one row per call as the database streams it. */
@Component
public class CallsCsv {

    /** First characters that make a spreadsheet read a cell as a formula (or, tab and CR, hide one behind). */
    private static final String FORMULA_START = "=+-@\t\r";

    static final String[] HEADER = {"call_id", "started_at", "ended_at", "duration_s", "from", "to", "type",
            "priority", "sentiment", "objections", "action_items", "segments"};

    private final CallSearch search;

    public CallsCsv(CallSearch search) {
        this.search = search;
    }

    /**
     * Writes the calls started in [from, to) that {@code owners} own (null: every call) to {@code out}; returns how
     * many rows were written.
     */
    @Transactional(readOnly = true)
    public int write(Instant from, Instant to, CallOwners owners, Writer out) throws IOException {
        int[] rows = {0};
        CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(HEADER).get().print(out);
        try {
            search.forEachInPeriod(from, to, owners, r -> {
                CallHit c = r.call();
                try {
                    csv.printRecord(Stream.of(c.callId(), c.startedAt(), c.endedAt(),
                            c.durationMs() == null ? "" : String.format(Locale.ROOT, "%.1f", c.durationMs() / 1000.0),
                            c.fromUri(), c.toUri(), c.callType(), c.priority(), c.sentiment(), r.objections(),
                            r.actionItems(), r.segments()).map(CallsCsv::cell));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                rows[0]++;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        csv.flush();
        return rows[0];
    }

    /**
     * The value as a spreadsheet should show it: text that it would run as a formula (a From URI such as
     * {@code =HYPERLINK(...)} comes from whoever placed the call) gets a leading single quote, which makes it text.
     */
    static Object cell(Object value) {
        if (value instanceof String s && !s.isEmpty() && FORMULA_START.indexOf(s.charAt(0)) >= 0) {
            return "'" + s;
        }
        return value;
    }
}
