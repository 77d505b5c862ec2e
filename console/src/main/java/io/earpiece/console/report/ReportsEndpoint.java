package io.earpiece.console.report;

import io.earpiece.console.search.TimeParams;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * {@code GET /api/reports/week.pdf?from=} (seven days from {@code from}, default the last seven days).
 */
@RestController
public class ReportsEndpoint {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final CallsCsv csv;
    private final CallReportPdf callPdf;
    private final PeriodReportPdf periodPdf;
    private final ReportProperties properties;

    public ReportsEndpoint(CallsCsv csv, CallReportPdf callPdf, PeriodReportPdf periodPdf,
                           ReportProperties properties) {
        this.csv = csv;
        this.callPdf = callPdf;
        this.periodPdf = periodPdf;
        this.properties = properties;
    }

    /** Calls started in [from, to); {@code to} defaults to now and {@code from} to 30 days before it. */
    @GetMapping("/api/reports/calls.csv")
    public Mono<ResponseEntity<Flux<DataBuffer>>> callsCsv(@RequestParam(required = false) String from,
                                                           @RequestParam(required = false) String to) {
        Instant end = to == null ? Instant.now() : TimeParams.end(to, properties.zone());
        Instant start = from == null ? end.minus(30, ChronoUnit.DAYS) : TimeParams.start(from, properties.zone());
        return TempFileBody.of(".csv", out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            csv.write(start, end, w);
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
    public Mono<ResponseEntity<Flux<DataBuffer>>> weekPdf(@RequestParam(required = false) String from) {
        Instant start = from == null
                ? LocalDate.now(properties.zone()).minusDays(6).atStartOfDay(properties.zone()).toInstant()
                : TimeParams.start(from, properties.zone());
        Instant end = start.atZone(properties.zone()).plusDays(7).toInstant();
        return TempFileBody.of(".pdf", out -> {
            periodPdf.write("Weekly call report", start, end, out);
            return true;
        }).map(body -> file(MediaType.APPLICATION_PDF, "week.pdf", body));
    }

    private static ResponseEntity<Flux<DataBuffer>> file(MediaType type, String name, Flux<DataBuffer> body) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }
}
