package io.earpiece.console.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.earpiece.assist.AnalysisResult;
import io.earpiece.console.assist.AssistEngines;
import io.earpiece.console.assist.CallTeams;
import io.earpiece.console.assist.PlaybookReaders;
import io.earpiece.console.assist.PlaybookStore;
import io.earpiece.assist.ReferenceTranscriptReader;
import io.earpiece.assist.TranscriptFormatException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
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

/**
 * {@code POST /api/analyze}: the assist engine over a whole transcript (synth-call reference JSON format), the
 * same engine live calls get: the playbook of {@code team} (default: the caller's team, else the default
 * playbook), the knowledge base and the language model as configured. Naming a team whose playbook the caller
 * may not read ({@link PlaybookReaders}) is refused with 403, as reading that playbook is.
 */
@RestController
public class AnalyzeEndpoint {

    private final AssistEngines engines;
    private final CallTeams teams;
    private final PlaybookStore playbooks;
    private final PlaybookReaders readers;
    private final ReferenceTranscriptReader reader;

    public AnalyzeEndpoint(AssistEngines engines, CallTeams teams, PlaybookStore playbooks, PlaybookReaders readers,
                           ObjectMapper json) {
        this.engines = engines;
        this.teams = teams;
        this.playbooks = playbooks;
        this.readers = readers;
        this.reader = new ReferenceTranscriptReader(json);
    }

    @PostMapping(path = "/api/analyze", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<AnalysisResult> analyze(@RequestBody String body, @RequestParam(required = false) String date,
                                        @RequestParam(required = false) String team, Authentication user) {
        return Mono.fromCallable(() -> {
                    var transcript = parse(body);
                    LocalDate day = callDate(date);
                    return engines.engineFor(scope(team, user)).analyze(transcript, day);
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    private String scope(String team, Authentication user) {
        String own = user == null ? null : teams.teamOfUser(user.getName()).orElse(null);
        if (team == null || team.isBlank()) {
            return own;
        }
        // Before the existence check, so a rep cannot probe team names either.
        if (!readers.mayUse(user, team, own)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "you may not use the playbook of team " + team);
        }
        if (!playbooks.isScope(team)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no team " + team);
        }
        return team;
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
