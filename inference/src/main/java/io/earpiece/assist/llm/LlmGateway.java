package io.earpiece.assist.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One guarded request to the model for a JSON answer of a given schema: checked against the call's token budget,
 * bounded by the timeout (on top of the HTTP client's own, so a slow body cannot hold a live segment), and parsed
 * strictly. Every failure becomes an {@link LlmUnavailableException} with its {@link FallbackReason}.
 */
public final class LlmGateway {
    // Rough English average; the real count from the server replaces it after the request.
    private static final int CHARS_PER_TOKEN = 4;

    private final ChatModel model;
    private final LlmSettings settings;
    private final ExecutorService executor;
    private final ObjectMapper json;

    /** {@code executor} runs the blocking HTTP requests; the caller owns and shuts it down. */
    public LlmGateway(ChatModel model, LlmSettings settings, ExecutorService executor, ObjectMapper json) {
        this.model = model;
        this.settings = settings;
        this.executor = executor;
        this.json = json;
    }

    /** Asks for a JSON object matching {@code schema}; returns the parsed object. */
    public JsonNode askJson(String system, String user, JsonSchema schema, TokenBudget budget)
            throws LlmUnavailableException {
        long promptEstimate = (system.length() + user.length()) / CHARS_PER_TOKEN + 1;
        long reserved = promptEstimate + settings.maxOutputTokens();
        if (!budget.tryReserve(reserved)) {
            throw new LlmUnavailableException(FallbackReason.OVER_BUDGET,
                    "needs up to " + reserved + " tokens, " + budget.remaining() + " left");
        }
        ChatRequest request = ChatRequest.builder()
                .messages(SystemMessage.from(system), UserMessage.from(user))
                .maxOutputTokens(settings.maxOutputTokens())
                .responseFormat(ResponseFormat.builder().type(ResponseFormatType.JSON).jsonSchema(schema).build())
                .build();
        ChatResponse response;
        Future<ChatResponse> pending = executor.submit(() -> model.chat(request));
        try {
            response = pending.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            budget.settle(reserved, promptEstimate);
            throw new LlmUnavailableException(FallbackReason.TIMEOUT, "no answer within " + settings.timeout(), e);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            budget.settle(reserved, promptEstimate);
            throw new LlmUnavailableException(FallbackReason.TIMEOUT, "interrupted while waiting", e);
        } catch (ExecutionException e) {
            budget.settle(reserved, promptEstimate);
            Throwable cause = e.getCause() == null ? e : e.getCause();
            FallbackReason reason = isTimeout(cause) ? FallbackReason.TIMEOUT : FallbackReason.UNAVAILABLE;
            throw new LlmUnavailableException(reason, String.valueOf(cause.getMessage()), cause);
        }
        budget.settle(reserved, used(response, reserved));
        String text = response.aiMessage() == null ? null : response.aiMessage().text();
        if (text == null || text.isBlank()) {
            throw new LlmUnavailableException(FallbackReason.MALFORMED, "empty answer");
        }
        try {
            JsonNode node = json.readTree(text);
            if (node == null || !node.isObject()) {
                throw new LlmUnavailableException(FallbackReason.MALFORMED, "answer is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new LlmUnavailableException(FallbackReason.MALFORMED, "answer is not JSON", e);
        }
    }

    public LlmSettings settings() {
        return settings;
    }

    private static long used(ChatResponse response, long reserved) {
        TokenUsage usage = response.tokenUsage();
        return usage == null || usage.totalTokenCount() == null ? reserved : usage.totalTokenCount();
    }

    private static boolean isTimeout(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof java.net.http.HttpTimeoutException || c instanceof java.net.SocketTimeoutException
                    || c instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }
}
