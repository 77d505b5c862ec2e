package io.earpiece.console.assist;

import io.earpiece.assist.AssistEngine;
import io.earpiece.assist.playbook.PlaybookLoader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The offline assist engine with the built-in playbook (in-process MiniLM embeddings, no network). */
@Configuration(proxyBeanMethods = false)
public class AssistConfiguration {

    @Bean
    AssistEngine assistEngine() {
        return new AssistEngine(new PlaybookLoader().loadDefault());
    }
}
