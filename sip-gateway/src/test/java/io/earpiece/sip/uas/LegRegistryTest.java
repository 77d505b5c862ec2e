package io.earpiece.sip.uas;

import io.earpiece.sip.call.Codec;
import io.earpiece.sip.call.LegOffer;
import io.earpiece.sip.call.Party;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;

import static org.assertj.core.api.Assertions.assertThat;

class LegRegistryTest {

    private static Leg leg(String id, String source) {
        LegOffer offer = new LegOffer(id, "sip:a@h", "sip:b@h", id, Party.REP,
                new InetSocketAddress("127.0.0.1", 4000), Codec.PCMU, 101);
        return new Leg(offer, null, null, "tag", 1, source);
    }

    @Test
    void oneSourceCannotTakeMoreThanItsQuotaWhileOthersStillGetIn() {
        LegRegistry legs = new LegRegistry(10, 2);
        assertThat(legs.admit(leg("a1", "10.0.0.1"))).isEqualTo(LegRegistry.Admission.ADMITTED);
        assertThat(legs.admit(leg("a2", "10.0.0.1"))).isEqualTo(LegRegistry.Admission.ADMITTED);
        assertThat(legs.admit(leg("a3", "10.0.0.1"))).isEqualTo(LegRegistry.Admission.SOURCE_FULL);
        assertThat(legs.admit(leg("b1", "10.0.0.2"))).isEqualTo(LegRegistry.Admission.ADMITTED);
        assertThat(legs.fromSource("10.0.0.1")).isEqualTo(2);
        assertThat(legs.size()).isEqualTo(3);
    }

    @Test
    void endingALegFreesItsSourcesSlot() {
        LegRegistry legs = new LegRegistry(10, 1);
        Leg first = leg("a1", "10.0.0.1");
        legs.admit(first);
        assertThat(legs.admit(leg("a2", "10.0.0.1"))).isEqualTo(LegRegistry.Admission.SOURCE_FULL);
        legs.remove(first);
        legs.remove(first);
        assertThat(legs.fromSource("10.0.0.1")).isZero();
        assertThat(legs.admit(leg("a2", "10.0.0.1"))).isEqualTo(LegRegistry.Admission.ADMITTED);
    }

    @Test
    void zeroQuotaLeavesOnlyTheTotalLimit() {
        LegRegistry legs = new LegRegistry(3, 0);
        for (int i = 0; i < 3; i++) {
            assertThat(legs.admit(leg("a" + i, "10.0.0.1"))).isEqualTo(LegRegistry.Admission.ADMITTED);
        }
        assertThat(legs.admit(leg("a3", "10.0.0.2"))).isEqualTo(LegRegistry.Admission.FULL);
        assertThat(legs.admit(leg("a0", "10.0.0.1"))).isEqualTo(LegRegistry.Admission.DUPLICATE);
    }
}
