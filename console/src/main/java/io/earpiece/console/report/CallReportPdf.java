package io.earpiece.console.report;

import com.lowagie.text.Document;
import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.earpiece.console.summary.SummaryQueries;
import io.earpiece.console.summary.SummaryView;
import io.earpiece.assist.Speakers;
import io.earpiece.console.upload.SpeakerNames;
import io.earpiece.db.call.CallEntity;
import io.earpiece.db.upload.NameSource;
import io.earpiece.names.PartyNames;
import io.earpiece.db.call.CallRepository;
import io.earpiece.db.transcript.TranscriptSegmentEntity;
import io.earpiece.db.transcript.TranscriptSegmentRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Writes the PDF report of one call: facts, summary, objections, questions, decisions, actions, transcript. */
@Component
public class CallReportPdf {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT);

    private final CallRepository calls;
    private final TranscriptSegmentRepository segments;
    private final SummaryQueries summaries;
    private final ReportProperties properties;
    private final SpeakerNames speakers;

    public CallReportPdf(CallRepository calls, TranscriptSegmentRepository segments, SummaryQueries summaries,
                         ReportProperties properties, SpeakerNames speakers) {
        this.speakers = speakers;
        this.calls = calls;
        this.segments = segments;
        this.summaries = summaries;
        this.properties = properties;
    }

    /** Writes the report to {@code out}; false (nothing written) when the call is unknown. */
    @Transactional(readOnly = true)
    public boolean write(String callId, OutputStream out) {
        Optional<CallEntity> found = calls.findById(callId);
        if (found.isEmpty()) {
            return false;
        }
        CallEntity call = found.get();
        SummaryView summary = summaries.find(callId).orElse(null);
        // parties by the names they go by: the transcript's labels, and the summary's parties (rep, customer-2)
        Map<String, String> names = speakers.names(callId).orElse(Map.of());
        PartyNames summaryNames = speakers.summaryParties(callId).names();
        Document doc = new Document(PageSize.A4, 40, 40, 40, 40);
        PdfWriter.getInstance(doc, out);
        doc.addTitle("Call report " + callId);
        doc.addCreator("Earpiece");
        doc.open();
        PdfStyle.title(doc, "Call report", "Call " + callId + " - "
                + WHEN.format(call.getStartedAt().atZone(properties.zone())));
        PdfPTable facts = PdfStyle.facts();
        PdfStyle.fact(facts, "From", call.getFromUri());
        PdfStyle.fact(facts, "To", call.getToUri());
        PdfStyle.fact(facts, "Duration", call.getDurationMs() == null ? "in progress"
                : String.format(Locale.ROOT, "%.0f s", call.getDurationMs() / 1000.0));
        if (summary != null && summary.sentiment() == null) {
            // a call with no transcribed line: its summary makes no claims
            PdfStyle.fact(facts, "Transcript", "not transcribed");
        } else if (summary != null) {
            PdfStyle.fact(facts, "Type", summary.type());
            PdfStyle.fact(facts, "Priority", summary.priority());
            PdfStyle.fact(facts, "Customer sentiment", String.format(Locale.ROOT, "%s (%+.2f; opening %+.2f,"
                            + " closing %+.2f)", summary.sentiment().label(), summary.sentiment().overall(),
                    summary.sentiment().opening(), summary.sentiment().closing()));
        }
        speakers.parties(callId).orElse(List.of()).stream()
                .filter(p -> !p.source().equals(NameSource.ROLE.value()))
                .forEach(p -> PdfStyle.fact(facts, Speakers.named(p.party()).equals(p.party())
                        ? Speakers.display(p.party()) : p.party(), p.name()));
        doc.add(facts);
        if (summary == null) {
            PdfStyle.text(doc, "No summary yet.");
        } else {
            PdfStyle.heading(doc, "Summary");
            PdfStyle.text(doc, summary.abstractText() == null ? "Not transcribed: nothing to summarise."
                    : summary.abstractText());
            if (!summary.objections().isEmpty()) {
                PdfStyle.heading(doc, "Objections");
                summary.objections().forEach(o -> PdfStyle.bullet(doc, o.kind(), o.said()
                        + (o.answered() ? "  Response: " + o.response() : "  (not answered)")));
            }
            if (!summary.questions().isEmpty()) {
                PdfStyle.heading(doc, "Questions");
                summary.questions().forEach(q -> PdfStyle.bullet(doc, summaryNames.label(q.asker()), q.text()));
            }
            if (!summary.decisions().isEmpty()) {
                PdfStyle.heading(doc, "Decisions");
                summary.decisions().forEach(d -> PdfStyle.bullet(doc, summaryNames.label(d.speaker()), d.text()));
            }
            if (!summary.actionItems().isEmpty()) {
                PdfStyle.heading(doc, "Action items");
                PdfPTable t = PdfStyle.grid(new float[]{1f, 3.2f, 1.2f, 1.2f}, "Owner", "What", "Due (said)", "Due date");
                summary.actionItems().forEach(a -> {
                    PdfStyle.cell(t, summaryNames.label(a.owner()));
                    PdfStyle.cell(t, a.what());
                    PdfStyle.cell(t, a.due());
                    PdfStyle.cell(t, a.dueDate() == null ? "-" : a.dueDate().toString());
                });
                doc.add(t);
            }
        }
        PdfStyle.heading(doc, "Transcript");
        PdfPTable t = PdfStyle.grid(new float[]{0.7f, 1f, 5f}, "Time", "Speaker", "Text");
        for (TranscriptSegmentEntity s : segments.findByCallIdOrderByStartMsAscIdAsc(callId)) {
            long secs = s.getStartMs() / 1000;
            PdfStyle.cell(t, String.format(Locale.ROOT, "%d:%02d", secs / 60, secs % 60));
            PdfStyle.cell(t, names.getOrDefault(s.getParty(), s.getParty()));
            PdfStyle.cell(t, s.getText());
        }
        doc.add(t);
        doc.close();
        return true;
    }
}
