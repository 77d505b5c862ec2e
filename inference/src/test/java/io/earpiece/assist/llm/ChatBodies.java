package io.earpiece.assist.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Response bodies in the vendors' documented shapes, wrapping a given assistant message content. */
public final class ChatBodies {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ChatBodies() {
    }

    /** OpenAI Chat Completions response (object "chat.completion"). */
    public static String openAi(String content, int promptTokens, int completionTokens) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-stub").put("object", "chat.completion").put("created", 1_700_000_000L)
                .put("model", "stub-model");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content);
        root.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
        return root.toString();
    }

    /** Ollama /api/chat non-streaming response. */
    public static String ollama(String content, int promptTokens, int completionTokens) {
        ObjectNode root = JSON.createObjectNode();
        root.put("model", "stub-model").put("created_at", "2025-03-12T10:00:00Z");
        root.putObject("message").put("role", "assistant").put("content", content);
        root.put("done", true).put("done_reason", "stop").put("prompt_eval_count", promptTokens)
                .put("eval_count", completionTokens);
        return root.toString();
    }
}
