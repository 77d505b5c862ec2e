package io.earpiece.console.report;

import io.earpiece.console.auth.CallAccessPolicy;
import io.earpiece.console.search.TimeParams;
import io.earpiece.db.user.CallOwners;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Report downloads: {@code GET /api/reports/calls.csv?from=&to=}, {@code GET /api/calls/{id}/report.pdf} and
 * {@code GET /api/reports/week.pdf?from=} (seven days from {@code from}, default the last seven days). The period
 * reports list only the calls the caller may open ({@link CallAccessPolicy}); the call report is behind the
 * per-call check of {@code /api/calls/{id}/**}.
 */
@RestController
public class ReportsEndpoint {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final CallsCsv csv;
    private final CallReportPdf callPdf;
    private final PeriodReportPdf periodPdf;
    private final ReportProperties properties;
    private final CallAccessPolicy access;

    public ReportsEndpoint(CallsCsv csv, CallReportPdf callPdf, PeriodReportPdf periodPdf,
                           ReportProperties properties, CallAccessPolicy access) {
        this.csv = csv;
        this.callPdf = callPdf;
        this.periodPdf = periodPdf;
        this.properties = properties;
        this.access = access;
    }

    /** Calls started in [from, to); {@code to} defaults to now and {@code from} to 30 days before it. */
    @GetMapping("/api/reports/calls.csv")
    public Mono<ResponseEntity<Flux<DataBuffer>>> callsCsv(@RequestParam(required = false) String from,
                                                           @RequestParam(required = false) String to,
                                                           Authentication user) {
        Instant end = to == null ? Instant.now() : TimeParams.end(to, properties.zone());
        Instant start = from == null ? end.minus(30, ChronoUnit.DAYS) : TimeParams.start(from, properties.zone());
        return TempFileBody.of(".csv", out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            csv.write(start, end, visibleTo(user), w);
            w.flush();
            return true;
        }).map(body -> file(CSV, "calls.csv", body));
    }

    @GetMapping("/api/calls/{id}/report.pdf")
    public Mono<ResponseEntity<Flux<DataBuffer>>> callPdf(@PathVariable String id) {
        return TempFileBody.of(".pdf", out -> callPdf.write(id, out))
                .map(body -> file(MediaType.APPLICATION_PDF, "call-" + id + ".pdf", body))
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "no call " + id)));
    }

    @GetMapping("/api/reports/week.pdf")
    public Mono<ResponseEntity<Flux<DataBuffer>>> weekPdf(@RequestParam(required = false) String from,
                                                          Authentication user) {
        Instant start = from == null
                ? LocalDate.now(properties.zone()).minusDays(6).atStartOfDay(properties.zone()).toInstant()
                : TimeParams.start(from, properties.zone());
        Instant end = start.atZone(properties.zone()).plusDays(7).toInstant();
        return TempFileBody.of(".pdf", out -> {
            periodPdf.write("Weekly call report", start, end, visibleTo(user), out);
            return true;
        }).map(body -> file(MediaType.APPLICATION_PDF, "week.pdf", body));
    }

    /** Whose calls the user may see (null: every call); blocks, so it is asked inside the report's render. */
    private CallOwners visibleTo(Authentication user) {
        return access.owners(user).orElse(null);
    }

    private static ResponseEntity<Flux<DataBuffer>> file(MediaType type, String name, Flux<DataBuffer> body) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }
}
