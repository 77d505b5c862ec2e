package io.earpiece.console.ws;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;

import java.util.Map;

/** Maps the WebSocket endpoints. */
@Configuration(proxyBeanMethods = false)
public class WebSocketConfiguration {

    @Bean
    HandlerMapping webSocketMapping(CallEventsWebSocket events) {
        return new SimpleUrlHandlerMapping(Map.of("/ws/events", events), -1);
    }
}
