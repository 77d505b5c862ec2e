package io.earpiece.console.assist;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class AssistWarmUpTest {

    @Test
    void inTheBackgroundStartUpDoesNotWaitAndHealthSaysSoUntilReady() {
        CountDownLatch trained = new CountDownLatch(1);
        AssistWarmUp warmUp = new AssistWarmUp(() -> {
            try {
                trained.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, true);

        warmUp.start(); // returns while the model still trains
        assertThat(warmUp.ready()).isFalse();
        assertThat(warmUp.health().getStatus().getCode()).isEqualTo("DEGRADED");
        assertThat(warmUp.health().getDetails().get("reason").toString()).contains("training in the background");

        trained.countDown();
        await().atMost(5, TimeUnit.SECONDS).until(warmUp::ready);
        assertThat(warmUp.health().getStatus()).isEqualTo(Status.UP);
        assertThat(warmUp.health().getDetails()).containsKey("readyAfterMs");
    }

    @Test
    void aFailedBuildIsDownWithTheReason() {
        AssistWarmUp warmUp = new AssistWarmUp(() -> {
            throw new IllegalStateException("playbook v3: unknown intent 'pricing'");
        }, true);

        warmUp.start();
        await().atMost(5, TimeUnit.SECONDS).until(() -> warmUp.health().getStatus().equals(Status.DOWN));
        assertThat(warmUp.health().getDetails().get("reason").toString()).contains("unknown intent 'pricing'");
        assertThat(warmUp.ready()).isFalse();
    }

    @Test
    void withoutTheBackgroundStartUpWaitsAndFailsOnABadBuild() {
        boolean[] built = {false};
        AssistWarmUp waits = new AssistWarmUp(() -> built[0] = true, false);
        waits.start();
        assertThat(built[0]).isTrue();
        assertThat(waits.ready()).isTrue();

        AssistWarmUp fails = new AssistWarmUp(() -> {
            throw new IllegalStateException("no model");
        }, false);
        assertThatThrownBy(fails::start).hasMessageContaining("no model");
    }
}
