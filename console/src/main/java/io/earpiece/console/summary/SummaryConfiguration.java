package io.earpiece.console.summary;

import io.earpiece.summary.CallSummarizer;
import io.earpiece.summary.SummaryTextRenderer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The offline after-call summarizer and its plain-text renderer. */
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
}
