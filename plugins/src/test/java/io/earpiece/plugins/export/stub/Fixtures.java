package io.earpiece.plugins.export.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.earpiece.plugins.export.CallExport;
import io.earpiece.plugins.export.http.JsonHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** Shared test data: one exported call and a JSON client with a fixed clock. */
public final class Fixtures {
    public static final Instant CALL_START = Instant.parse("2025-03-12T14:30:00Z");
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Fixtures() {
    }

    public static CallExport call() {
        return new CallExport("call-42", CALL_START, "Sam Rivera", "Dana Lee", "+15552124478", "dana@example.com",
                "sales", "Customer pushed back on the renewal price; rep offered a two-year rate.",
                List.of(new CallExport.ActionItem("rep", "send two year proposal", "friday", LocalDate.of(2025, 3, 14)),
                        new CallExport.ActionItem("customer", "set up meeting with finance", "next week",
                                LocalDate.of(2025, 3, 17))),
                List.of(new CallExport.Objection("price", "The new price is a lot higher.",
                        "If you commit to two years I can hold the current rate.")),
                List.of(new CallExport.Party("rep", "rep", "Sam Rivera", "account"),
                        new CallExport.Party("customer", "customer", "Dana Lee", "call")));
    }

    public static JsonHttp http() {
        return new JsonHttp(HttpClient.newHttpClient(), MAPPER, Duration.ofSeconds(5),
                Clock.fixed(Instant.parse("2025-03-12T15:00:00Z"), ZoneOffset.UTC));
    }

    public static JsonNode json(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
