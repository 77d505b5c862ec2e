package io.earpiece.console.assist;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * Builds the default playbook's assist engine once at start-up: loading the sentence encoder, embedding the training
 * set (read back from the embedding cache when it has it) and training the intent models. On a loaded two-core
 * machine that took minutes on the start-up thread, so by default it runs on a thread of its own
 * ({@code earpiece.assist.background-warm-up}): the server answers and transcribes calls meanwhile, and
 * {@link LiveAssist} raises cards only once {@link #ready()}. Health ({@code assist}) reads DEGRADED while it
 * trains and DOWN, with the reason, if it failed.
 */
@Component("assist")
public class AssistWarmUp implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(AssistWarmUp.class);
    /** Served (HTTP 200, the "degraded" status of the health order), but no cards yet. */
    static final Status WARMING = new Status("DEGRADED", "assist engine training: calls get no cards yet");

    private final Runnable build;
    private final boolean background;
    private volatile long startedNanos;
    private volatile long readyAfterMs = -1;
    private volatile String failure;

    @Autowired
    public AssistWarmUp(AssistEngines engines, AssistProperties properties) {
        this(() -> engines.engineFor(null), properties.backgroundWarmUp());
    }

    /** @param build builds the default engine (and whatever it shares: encoder, training set embeddings) */
    AssistWarmUp(Runnable build, boolean background) {
        this.build = build;
        this.background = background;
    }

    /** Starts the build: on its own thread, or on the caller's when the background warm-up is off. */
    void start() {
        startedNanos = System.nanoTime();
        if (!background) {
            warm();
            if (failure != null) {
                throw new IllegalStateException("assist engine could not be built: " + failure);
            }
            return;
        }
        Thread t = new Thread(this::warm, "assist-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY); // the live calls' decodes come first
        t.start();
        log.info("assist engine warming up in the background: calls are taken now, their cards start once it is "
                + "ready (earpiece.assist.background-warm-up=false waits for it at start-up)");
    }

    private void warm() {
        try {
            build.run();
            readyAfterMs = (System.nanoTime() - startedNanos) / 1_000_000;
            log.info("assist engine ready {} ms after start-up began building it{}", readyAfterMs,
                    background ? "; cards start now" : "");
        } catch (RuntimeException | LinkageError e) {
            failure = e.toString();
            log.error("assist engine could not be built: calls are transcribed without cards", e);
        }
    }

    /** Whether the default engine is built: until then calls get no cards (their text is still masked). */
    public boolean ready() {
        return readyAfterMs >= 0;
    }

    @Override
    public Health health() {
        if (ready()) {
            return Health.up().withDetail("readyAfterMs", readyAfterMs).build();
        }
        if (failure != null) {
            return Health.down().withDetail("reason", "assist engine could not be built: " + failure).build();
        }
        long since = startedNanos == 0 ? 0 : (System.nanoTime() - startedNanos) / 1_000_000;
        return Health.status(WARMING)
                .withDetail("reason", "assist engine training in the background: cards start once it is ready")
                .withDetail("trainingForMs", since).build();
    }
}
