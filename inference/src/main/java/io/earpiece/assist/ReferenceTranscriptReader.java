package io.earpiece.assist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads the synth-call reference JSON ({@code utterances[]} with speaker, start, end, text) into a transcript. */
public final class ReferenceTranscriptReader {
    private final ObjectMapper json;

    public ReferenceTranscriptReader(ObjectMapper json) {
        this.json = json;
    }

    public ReferenceTranscript read(Path file) throws TranscriptFormatException {
        String body;
        try {
            body = Files.readString(file);
        } catch (IOException e) {
            throw new TranscriptFormatException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return parse(body);
    }

    public ReferenceTranscript parse(String body) throws TranscriptFormatException {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new TranscriptFormatException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new TranscriptFormatException("top level must be a JSON object");
        }
        JsonNode list = root.get("utterances");
        if (list == null || !list.isArray()) {
            throw new TranscriptFormatException("missing array 'utterances'");
        }
        List<ReferenceUtterance> utterances = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            utterances.add(utterance(list.get(i), i));
        }
        return new ReferenceTranscript(root.path("title").asText(""), root.path("type").asText(""), utterances);
    }

    private static ReferenceUtterance utterance(JsonNode node, int index) throws TranscriptFormatException {
        if (!node.isObject()) {
            throw new TranscriptFormatException("utterances[" + index + "] must be an object");
        }
        String speaker = node.path("speaker").asText("").toLowerCase(Locale.ROOT);
        if (!speaker.equals("rep") && !speaker.equals("customer")) {
            throw new TranscriptFormatException("utterances[" + index + "].speaker must be rep or customer");
        }
        JsonNode text = node.get("text");
        if (text == null || !text.isTextual()) {
            throw new TranscriptFormatException("utterances[" + index + "].text must be a string");
        }
        double start = number(node, "start", index);
        double end = number(node, "end", index);
        if (end < start) {
            throw new TranscriptFormatException("utterances[" + index + "] ends before it starts");
        }
        List<String> tags = new ArrayList<>();
        node.path("tags").forEach(t -> tags.add(t.asText()));
        return new ReferenceUtterance(speaker, start, end, text.asText(), tags);
    }

    private static double number(JsonNode node, String field, int index) throws TranscriptFormatException {
        JsonNode value = node.get(field);
        if (value == null || !value.isNumber()) {
            throw new TranscriptFormatException("utterances[" + index + "]." + field + " must be a number");
        }
        return value.asDouble();
    }
}
