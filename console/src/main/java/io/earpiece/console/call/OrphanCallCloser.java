package io.earpiece.console.call;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Closes calls that a crash left marked active; their stored segments and recordings stay. */
@Component
class OrphanCallCloser {

    private static final Logger log = LoggerFactory.getLogger(OrphanCallCloser.class);

    private final CallStore store;

    OrphanCallCloser(CallStore store) {
        this.store = store;
    }

    @EventListener(ApplicationReadyEvent.class)
    void closeOrphans() {
        int n = store.closeOrphans(Instant.now());
        if (n > 0) {
            log.warn("closed {} call(s) left active by an earlier run", n);
        }
    }
}
