package io.earpiece.console.report;

import com.lowagie.text.Document;
import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.earpiece.db.search.CallHit;
import io.earpiece.db.search.CallSearch;
import io.earpiece.db.user.CallOwners;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the PDF report of a period: one row per call as the database streams them (the table is flushed to
 * the document every few rows, so a long period is never held whole), then totals by call type.
 */
@Component
public class PeriodReportPdf {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final int FLUSH_ROWS = 50;

    private final CallSearch search;
    private final ReportProperties properties;

    public PeriodReportPdf(CallSearch search, ReportProperties properties) {
        this.search = search;
        this.properties = properties;
    }

    /**
     * Writes the calls started in [from, to) that {@code owners} own (null: every call) under {@code title}; returns
     * how many calls it lists.
     */
    @Transactional(readOnly = true)
    public int write(String title, Instant from, Instant to, CallOwners owners, OutputStream out) {
        Document doc = new Document(PageSize.A4.rotate(), 30, 30, 30, 30);
        PdfWriter.getInstance(doc, out);
        doc.addTitle(title);
        doc.addCreator("Earpiece");
        doc.open();
        DateTimeFormatter day = DateTimeFormatter.ISO_LOCAL_DATE;
        PdfStyle.title(doc, title, day.format(from.atZone(properties.zone())) + " to "
                + day.format(to.minusSeconds(1).atZone(properties.zone())) + " (" + properties.zone() + ")");
        PdfPTable table = table();
        table.setComplete(false);
        int[] count = {0};
        long[] objections = {0};
        long[] actions = {0};
        Map<String, Integer> byType = new TreeMap<>();
        search.forEachInPeriod(from, to, owners, r -> {
            CallHit c = r.call();
            PdfStyle.cell(table, WHEN.format(c.startedAt().atZone(properties.zone())));
            PdfStyle.cell(table, c.fromUri());
            PdfStyle.cell(table, c.toUri());
            PdfStyle.cell(table, c.durationMs() == null ? "-" : String.format(Locale.ROOT, "%.0f s", c.durationMs() / 1000.0));
            PdfStyle.cell(table, c.callType() == null ? "-" : c.callType());
            PdfStyle.cell(table, c.priority() == null ? "-" : c.priority());
            PdfStyle.cell(table, c.sentiment() == null ? "-" : c.sentiment());
            PdfStyle.cell(table, Long.toString(r.objections()));
            PdfStyle.cell(table, Long.toString(r.actionItems()));
            count[0]++;
            objections[0] += r.objections();
            actions[0] += r.actionItems();
            byType.merge(c.callType() == null ? "not summarised" : c.callType(), 1, Integer::sum);
            if (count[0] % FLUSH_ROWS == 0) {
                doc.add(table);
            }
        });
        table.setComplete(true);
        doc.add(table);
        PdfStyle.heading(doc, "Totals");
        PdfPTable totals = PdfStyle.facts();
        PdfStyle.fact(totals, "Calls", Integer.toString(count[0]));
        byType.forEach((type, n) -> PdfStyle.fact(totals, "  " + type, Integer.toString(n)));
        PdfStyle.fact(totals, "Objections", Long.toString(objections[0]));
        PdfStyle.fact(totals, "Action items", Long.toString(actions[0]));
        doc.add(totals);
        doc.close();
        return count[0];
    }

    private static PdfPTable table() {
        return PdfStyle.grid(new float[]{1.3f, 2.2f, 2.2f, 0.8f, 0.9f, 0.8f, 0.9f, 0.9f, 0.9f},
                "Started", "From", "To", "Length", "Type", "Priority", "Sentiment", "Objections", "Actions");
    }
}
