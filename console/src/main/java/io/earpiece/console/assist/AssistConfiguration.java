package io.earpiece.console.assist;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.earpiece.assist.intent.IntentModelCache;
import io.earpiece.assist.intent.IntentTrainer;
import io.earpiece.assist.intent.MiniLmSentenceEncoder;
import io.earpiece.assist.intent.SentenceEncoder;
import io.earpiece.assist.llm.ChatModelFactory;
import io.earpiece.assist.llm.LlmCardCache;
import io.earpiece.assist.llm.LlmCardWriter;
import io.earpiece.assist.llm.LlmGateway;
import io.earpiece.assist.llm.LlmSettings;
import io.earpiece.assist.playbook.PlaybookLoader;
import io.earpiece.console.config.EarpieceProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The assist engine's parts: the in-process MiniLM encoder shared by every playbook and the knowledge base, the
 * intent trainer with its model cache, the playbook loader, and the language-model layer as
 * {@code earpiece.assist.llm.*} configures it (none by default).
 */
@Configuration(proxyBeanMethods = false)
public class AssistConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AssistConfiguration.class);

    @Bean
    SentenceEncoder sentenceEncoder() {
        return new MiniLmSentenceEncoder();
    }

    /** Trains every playbook's intent models, keeping them under the data dir so that a restart need not. */
    @Bean
    IntentTrainer intentTrainer(SentenceEncoder sentenceEncoder, AssistProperties properties,
                                EarpieceProperties earpiece) {
        Path dir = properties.modelCacheDir(earpiece.dataDir());
        log.info("assist intent models cached in {}", dir == null ? "nothing (earpiece.assist.model-cache=none)" : dir);
        return IntentTrainer.bundled(sentenceEncoder, new IntentModelCache(dir));
    }

    @Bean
    PlaybookLoader playbookLoader() {
        return new PlaybookLoader();
    }

    /** Runs the blocking model requests, so a segment can stop waiting at the timeout. */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService llmExecutor() {
        AtomicInteger n = new AtomicInteger();
        return Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "assist-llm-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Bean
    LlmLayer llmLayer(AssistProperties properties, ExecutorService llmExecutor, ObjectMapper json) {
        AssistProperties.Llm p = properties.llm();
        if (!p.enabled()) {
            log.info("assist LLM: none (cards come from the playbook)");
            return LlmLayer.off();
        }
        // Bad settings stop start-up with the reason; LlmSettings never puts the key in a message.
        LlmSettings settings = new LlmSettings(LlmSettings.Provider.parse(p.provider()), p.baseUrl(), p.model(),
                p.apiKey(), p.timeout(), p.tokenBudget(), p.maxOutputTokens());
        LlmGateway gateway = new LlmGateway(new ChatModelFactory().create(settings), settings, llmExecutor, json);
        log.info("assist LLM: {} model {} at {}, timeout {}, {} tokens per call{}", settings.provider(),
                settings.model(), settings.baseUrl(), settings.timeout(), settings.perCallTokenBudget(),
                p.extract() ? ", extraction on" : "");
        return new LlmLayer(new LlmCardWriter(gateway, new LlmCardCache(p.cacheSize())), gateway, p.extract(),
                settings.perCallTokenBudget());
    }
}
