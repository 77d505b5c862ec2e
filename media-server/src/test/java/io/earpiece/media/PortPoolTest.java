package io.earpiece.media;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PortPoolTest {

    @Test
    void handsOutEvenPortsUntilExhausted() {
        PortPool pool = new PortPool(30001, 30006);
        assertThat(pool.capacity()).isEqualTo(3);
        assertThat(pool.acquire()).isEqualTo(30002);
        assertThat(pool.acquire()).isEqualTo(30004);
        assertThat(pool.acquire()).isEqualTo(30006);
        assertThatThrownBy(pool::acquire).isInstanceOf(PortsExhaustedException.class);
        pool.release(30004);
        assertThat(pool.available()).isEqualTo(1);
        assertThat(pool.acquire()).isEqualTo(30004);
    }

    @Test
    void rejectsRangesWithoutAnEvenPort() {
        assertThatThrownBy(() -> new PortPool(30001, 30001)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PortPool(10, 5)).isInstanceOf(IllegalArgumentException.class);
    }
}
