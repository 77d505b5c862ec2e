package io.earpiece.assist.llm;

import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

/** Builds the LangChain4j chat model for the configured provider. */
public final class ChatModelFactory {
    public ChatModel create(LlmSettings settings) {
        // No retries: a live card that misses its deadline is replaced by the offline one, not retried.
        return switch (settings.provider()) {
            case OPENAI -> OpenAiChatModel.builder()
                    .baseUrl(settings.baseUrl())
                    .apiKey(settings.apiKey())
                    .modelName(settings.model())
                    .timeout(settings.timeout())
                    .maxRetries(0)
                    .temperature(0.0)
                    .strictJsonSchema(true)
                    .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
                    .build();
            case OLLAMA -> OllamaChatModel.builder()
                    .baseUrl(settings.baseUrl())
                    .modelName(settings.model())
                    .timeout(settings.timeout())
                    .maxRetries(0)
                    .temperature(0.0)
                    .build();
        };
    }
}
