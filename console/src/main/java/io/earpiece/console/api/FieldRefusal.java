package io.earpiece.console.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A 400 that names the request field at fault ({@code port}, {@code tls.trustedCa}, {@code intents[2].exemplars}),
 * so that a form can show the reason beside that field. Its body is every refusal's ({@code status}, {@code error},
 * {@code message}) plus {@code field}; endpoints throw it, or build the body with {@link #body} where they answer
 * with a {@link ResponseEntity} themselves.
 */
public final class FieldRefusal extends ResponseStatusException {
    private final String field;

    public FieldRefusal(String field, String reason) {
        super(HttpStatus.BAD_REQUEST, reason);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The 400's body: {@code message} always, {@code field} when known (null leaves it out). */
    public static ResponseEntity<Object> body(String message, String field) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", HttpStatus.BAD_REQUEST.value());
        body.put("error", HttpStatus.BAD_REQUEST.getReasonPhrase());
        body.put("message", message);
        if (field != null) {
            body.put("field", field);
        }
        return ResponseEntity.badRequest().body(body);
    }

    /** Answers a thrown {@link FieldRefusal} from any endpoint with {@link #body}. */
    @RestControllerAdvice
    public static class Handler {
        @ExceptionHandler(FieldRefusal.class)
        public ResponseEntity<Object> refused(FieldRefusal e) {
            return body(e.getReason(), e.field());
        }
    }
}
