package io.earpiece.console.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A 400 for an editor's form: the reason as {@code message} (as every refusal has) and, where known, {@code field},
 * the path of the field at fault ({@code intents[2].exemplars}, {@code rules[0].recipients[1].url}), so the editor
 * can show the reason beside that field.
 */
public final class FieldRefusal {

    private FieldRefusal() {
    }

    public static ResponseEntity<Object> of(String message, String field) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", HttpStatus.BAD_REQUEST.value());
        body.put("error", HttpStatus.BAD_REQUEST.getReasonPhrase());
        body.put("message", message);
        if (field != null) {
            body.put("field", field);
        }
        return ResponseEntity.badRequest().body(body);
    }
}
