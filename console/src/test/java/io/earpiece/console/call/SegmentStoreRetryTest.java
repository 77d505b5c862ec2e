package io.earpiece.console.call;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SegmentStoreRetryTest {

    private final SegmentStoreRetry retry = new SegmentStoreRetry(
            new SegmentStoreProperties(Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofSeconds(30), Duration.ofSeconds(30)));

    @Test
    void aWriteThatCannotReachTheDatabaseIsRepeatedUntilItSucceeds() {
        AtomicInteger tries = new AtomicInteger();
        String stored = retry.store("segment", () -> {
            if (tries.incrementAndGet() < 3) {
                throw new CannotCreateTransactionException("Connection refused");
            }
            return "stored";
        });
        assertThat(stored).isEqualTo("stored");
        assertThat(tries).hasValue(3);
        assertThat(retry.retries()).isEqualTo(2);
    }

    @Test
    void aWriteWaitingForTheDatabaseIsListedUntilStored() {
        AtomicInteger tries = new AtomicInteger();
        java.util.List<java.util.Set<String>> seen = new java.util.ArrayList<>();
        retry.run("end of call c1", () -> {
            seen.add(retry.waiting());
            if (tries.incrementAndGet() < 3) {
                throw new CannotCreateTransactionException("Connection refused");
            }
        });
        assertThat(seen).containsExactly(java.util.Set.of(), java.util.Set.of("end of call c1"),
                java.util.Set.of("end of call c1"));
        assertThat(retry.waiting()).isEmpty();
    }

    @Test
    void aConstraintViolationIsNotRepeated() {
        AtomicInteger tries = new AtomicInteger();
        assertThatThrownBy(() -> retry.store("segment", () -> {
            tries.incrementAndGet();
            throw new DataIntegrityViolationException("duplicate segment");
        })).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(tries).hasValue(1);
    }

    @Test
    void anOutageLongerThanTheLimitGivesUp() {
        SegmentStoreRetry impatient = new SegmentStoreRetry(
                new SegmentStoreProperties(Duration.ofMillis(1), Duration.ofMillis(1), Duration.ZERO, Duration.ofSeconds(30)));
        assertThatThrownBy(() -> impatient.store("segment", () -> {
            throw new CannotCreateTransactionException("Connection refused");
        })).isInstanceOf(CannotCreateTransactionException.class);
    }

    @Test
    void aNewCallThatCannotBeStoredIsRefusedWith503AndRetryAfterAndOtherFailuresPassThrough() {
        io.earpiece.sip.call.LegRejectedException refused =
                retry.refuseNewCall(new CannotCreateTransactionException("Connection refused"));
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.retryAfterSeconds()).isEqualTo(30);
        assertThat(refused.getMessage()).contains("database");
        assertThat(retry.refusedCalls()).isEqualTo(1);
        DataIntegrityViolationException bug = new DataIntegrityViolationException("duplicate call id");
        assertThatThrownBy(() -> retry.refuseNewCall(bug)).isSameAs(bug);
        assertThat(retry.refusedCalls()).isEqualTo(1);
    }
}
