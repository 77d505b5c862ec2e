package io.earpiece.console.auth;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;
import org.springframework.web.server.session.DefaultWebSessionManager;

/**
 * Puts {@link StoredWebSessions} under Spring Boot's own session manager, which keeps its cookie settings
 * ({@code server.reactive.session.*}); only where sessions are kept changes.
 */
@Component
class StoredWebSessionsInstaller implements BeanPostProcessor {

    private final ObjectProvider<StoredWebSessions> store;

    StoredWebSessionsInstaller(ObjectProvider<StoredWebSessions> store) {
        this.store = store;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DefaultWebSessionManager manager) {
            manager.setSessionStore(store.getObject());
        }
        return bean;
    }
}
