package io.earpiece.console.summary;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.earpiece.assist.action.DueDateResolver;
import io.earpiece.assist.llm.ChatModelFactory;
import io.earpiece.assist.llm.LlmGateway;
import io.earpiece.assist.llm.LlmSettings;
import io.earpiece.assist.pii.PiiDetector;
import io.earpiece.console.export.ConfiguredSecrets;
import io.earpiece.summary.CallSummarizer;
import io.earpiece.summary.SummaryEngine;
import io.earpiece.summary.SummaryTextRenderer;
import io.earpiece.summary.llm.LlmCallSummarizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The after-call summary engine: the offline summarizer, or a language model (earpiece.summary.llm.provider)
 * with the offline summarizer as its fallback; and the plain-text renderer.
 */
@Configuration(proxyBeanMethods = false)
public class SummaryConfiguration {

    @Bean
    CallSummarizer callSummarizer() {
        return new CallSummarizer();
    }

    @Bean
    SummaryTextRenderer summaryTextRenderer() {
        return new SummaryTextRenderer();
    }

    /** Runs the blocking model requests so the gateway can give up on them at its timeout. */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService summaryLlmRequests() {
        return Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "summary-llm-request");
            t.setDaemon(true);
            return t;
        });
    }

    @Bean
    SummaryEngine summaryEngine(SummaryProperties properties, CallSummarizer offline, ConfiguredSecrets secrets,
                                ExecutorService summaryLlmRequests, ObjectMapper json) {
        SummaryProperties.Llm llm = properties.llm();
        if (!llm.enabled()) {
            return SummaryEngine.offline(offline);
        }
        String key = llm.apiKey().isBlank() ? "" : secrets.open("summary LLM api key", llm.apiKey()).reveal();
        LlmSettings settings = new LlmSettings(LlmSettings.Provider.parse(llm.provider()), llm.baseUrl(),
                llm.model(), key, llm.timeout(), llm.tokenBudget(), llm.maxOutputTokens());
        LlmGateway gateway = new LlmGateway(new ChatModelFactory().create(settings), settings, summaryLlmRequests,
                json);
        return new LlmCallSummarizer(gateway, offline, new DueDateResolver(), new PiiDetector());
    }
}
