package io.earpiece.plugins.export.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.earpiece.plugins.export.DeliveryResult;
import io.earpiece.plugins.export.ExportFailure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

/**
 * The connectors' HTTP+JSON client: sends a request with a timeout, turns network errors into retryable
 * failures and non-2xx answers into the matching {@link ExportFailure}, and parses JSON bodies.
 */
public final class JsonHttp {
    private final HttpClient client;
    private final ObjectMapper mapper;
    private final Duration timeout;
    private final Clock clock;

    public JsonHttp(HttpClient client, ObjectMapper mapper, Duration timeout, Clock clock) {
        this.client = client;
        this.mapper = mapper;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** A client with a 10 s connect and request timeout and the system clock. */
    public static JsonHttp standard() {
        return new JsonHttp(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
                new ObjectMapper(), Duration.ofSeconds(10), Clock.systemUTC());
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    public Clock clock() {
        return clock;
    }

    /** Sends and returns the raw response whatever its status; only network failures throw. */
    public HttpResponse<String> exchange(String what, HttpRequest.Builder request) throws ExportFailure {
        try {
            return client.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ExportFailure(DeliveryResult.retryable(what + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExportFailure(DeliveryResult.retryable(what + ": interrupted"));
        }
    }

    /** Sends and returns the parsed JSON body of a 2xx answer (a missing node when empty). */
    public JsonNode send(String what, HttpRequest.Builder request) throws ExportFailure {
        return json(what, check(what, exchange(what, request)));
    }

    /** Throws the classified failure unless the response is 2xx. */
    public HttpResponse<String> check(String what, HttpResponse<String> response) throws ExportFailure {
        if (!HttpOutcome.success(response.statusCode())) {
            throw new ExportFailure(HttpOutcome.classify(what, response.statusCode(),
                    response.headers().firstValue("Retry-After").orElse(null), response.body(), clock.instant()));
        }
        return response;
    }

    public JsonNode json(String what, HttpResponse<String> response) throws ExportFailure {
        String body = response.body();
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return mapper.readTree(body);
        } catch (IOException e) {
            throw new ExportFailure(DeliveryResult.retryable(what + ": unreadable JSON answer"));
        }
    }

    /** A JSON POST request builder. */
    public HttpRequest.Builder postJson(URI uri, Object body) throws ExportFailure {
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(write(body)));
    }

    public String write(Object body) throws ExportFailure {
        try {
            return mapper.writeValueAsString(body);
        } catch (IOException e) {
            throw new ExportFailure(DeliveryResult.permanent("cannot serialise request: " + e.getMessage()));
        }
    }
}
