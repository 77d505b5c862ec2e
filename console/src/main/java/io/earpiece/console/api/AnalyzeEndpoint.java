package io.earpiece.console.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.earpiece.assist.AnalysisResult;
import io.earpiece.assist.AssistEngine;
import io.earpiece.assist.ReferenceTranscriptReader;
import io.earpiece.assist.TranscriptFormatException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** {@code POST /api/analyze}: the assist engine over a whole transcript (synth-call reference JSON format). */
@RestController
public class AnalyzeEndpoint {

    private final AssistEngine engine;
    private final ReferenceTranscriptReader reader;

    public AnalyzeEndpoint(AssistEngine engine, ObjectMapper json) {
        this.engine = engine;
        this.reader = new ReferenceTranscriptReader(json);
    }

    @PostMapping(path = "/api/analyze", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<AnalysisResult> analyze(@RequestBody String body, @RequestParam(required = false) String date) {
        return Mono.fromCallable(() -> engine.analyze(parse(body), callDate(date)))
                .subscribeOn(Schedulers.boundedElastic());
    }

    private io.earpiece.assist.ReferenceTranscript parse(String body) {
        try {
            return reader.parse(body);
        } catch (TranscriptFormatException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "not a transcript: " + e.getMessage());
        }
    }

    private static LocalDate callDate(String date) {
        if (date == null || date.isBlank()) {
            return LocalDate.now(ZoneOffset.UTC);
        }
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "date must be YYYY-MM-DD");
        }
    }
}
