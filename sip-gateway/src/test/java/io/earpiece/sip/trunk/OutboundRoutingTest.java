package io.earpiece.sip.trunk;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutboundRoutingTest {

    private static OutboundRouting.RoutedTrunk trunk(String id, int priority, String... patterns) {
        return new OutboundRouting.RoutedTrunk(new TrunkConfig(id, "127.0.0.1", 5060, "udp", "u", "p", null, null,
                List.of("PCMU"), List.of(), Duration.ZERO), List.of(patterns), priority);
    }

    private static List<String> ids(List<TrunkConfig> route) {
        return route.stream().map(TrunkConfig::id).toList();
    }

    @Test
    void onlyTrunksWhosePatternMatchesTakeTheNumberLowestPriorityFirst() {
        List<OutboundRouting.RoutedTrunk> trunks = List.of(trunk("any", 100), trunk("germany", 10, "+49", "0049"),
                trunk("uk", 10, "+44"), trunk("backup-de", 20, "+49"));
        assertThat(ids(OutboundRouting.route(trunks, "+4930123"))).containsExactly("germany", "backup-de", "any");
        assertThat(ids(OutboundRouting.route(trunks, "+4420123"))).containsExactly("uk", "any");
        assertThat(ids(OutboundRouting.route(trunks, "5551234"))).containsExactly("any");
    }

    @Test
    void atEqualPriorityTheLongerMatchThenTheOlderTrunkGoesFirst() {
        List<OutboundRouting.RoutedTrunk> trunks = List.of(trunk("old", 50), trunk("berlin", 50, "+4930"),
                trunk("de", 50, "+49"), trunk("new", 50));
        assertThat(ids(OutboundRouting.route(trunks, "+4930123"))).containsExactly("berlin", "de", "old", "new");
    }

    @Test
    void xStandsForAnyDigit() {
        List<OutboundRouting.RoutedTrunk> trunks = List.of(trunk("short-codes", 1, "1XX"));
        assertThat(ids(OutboundRouting.route(trunks, "112"))).containsExactly("short-codes");
        assertThat(ids(OutboundRouting.route(trunks, "1A2"))).isEmpty();
        assertThat(ids(OutboundRouting.route(trunks, "11"))).isEmpty();
    }

    @Test
    void badPatternsAreRefusedQuoted() {
        for (String bad : new String[] {"", "+49 30", "abc", "4".repeat(33)}) {
            assertThatThrownBy(() -> trunk("t", 1, bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + bad + "'");
        }
    }

    @Test
    void serverFailuresFailOverTheCalleesAnswersDoNot() {
        for (int s : new int[] {408, 500, 502, 503, 504}) {
            assertThat(OutboundRouting.failsOver(s)).as("%d", s).isTrue();
        }
        for (int s : new int[] {404, 480, 486, 487, 603, 600}) {
            assertThat(OutboundRouting.failsOver(s)).as("%d", s).isFalse();
        }
    }
}
