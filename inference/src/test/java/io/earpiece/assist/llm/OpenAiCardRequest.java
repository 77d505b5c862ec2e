package io.earpiece.assist.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks a request for an assist card against OpenAI's documented Chat Completions API (method, path, bearer key,
 * JSON body with a strict {@code assist_card} schema); the writer's unit test and the console's IT share it.
 */
public final class OpenAiCardRequest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenAiCardRequest() {
    }

    /** Asserts the request's shape and returns its user message, for the caller's checks of what was asked. */
    public static String assertShape(StubChatServer.Request request, String key, String model, int maxTokens) {
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + key);
        assertThat(request.header("Content-Type")).startsWith("application/json");
        JsonNode body;
        try {
            body = JSON.readTree(request.body());
        } catch (IOException e) {
            throw new UncheckedIOException("request body is not JSON: " + request.body(), e);
        }
        assertThat(body.get("model").asText()).isEqualTo(model);
        assertThat(body.get("messages")).hasSize(2);
        assertThat(body.get("messages").get(0).get("role").asText()).isEqualTo("system");
        assertThat(body.get("messages").get(1).get("role").asText()).isEqualTo("user");
        assertThat(body.get("max_tokens").asInt()).isEqualTo(maxTokens);
        assertThat(body.path("stream").asBoolean(true)).isFalse();
        JsonNode format = body.get("response_format");
        assertThat(format.get("type").asText()).isEqualTo("json_schema");
        assertThat(format.get("json_schema").get("name").asText()).isEqualTo("assist_card");
        assertThat(format.get("json_schema").get("strict").asBoolean()).isTrue();
        JsonNode schema = format.get("json_schema").get("schema");
        assertThat(schema.get("type").asText()).isEqualTo("object");
        assertThat(schema.get("required")).extracting(JsonNode::asText).containsExactly("title", "body");
        assertThat(schema.get("additionalProperties").asBoolean()).isFalse();
        assertThat(schema.get("properties").get("body").get("type").asText()).isEqualTo("string");
        return body.get("messages").get(1).get("content").asText();
    }
}
