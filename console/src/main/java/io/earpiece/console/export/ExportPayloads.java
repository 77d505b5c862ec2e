package io.earpiece.console.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.earpiece.plugins.export.CallExport;
import org.springframework.stereotype.Component;

/** Writes and reads the outbox payload: the {@link CallExport} as JSON. */
@Component
public class ExportPayloads {

    private final ObjectMapper mapper;

    public ExportPayloads(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String write(CallExport export) {
        try {
            return mapper.writeValueAsString(export);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("export of call " + export.callId() + " cannot be written", e);
        }
    }

    public CallExport read(String payload) {
        try {
            return mapper.readValue(payload, CallExport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored export payload cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
