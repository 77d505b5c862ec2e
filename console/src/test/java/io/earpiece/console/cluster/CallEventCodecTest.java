package io.earpiece.console.cluster;

import io.earpiece.console.events.CallEvent;
import io.earpiece.console.events.CallStateEvent;
import io.earpiece.console.events.CardEvent;
import io.earpiece.console.events.CardWithdrawnEvent;
import io.earpiece.console.events.InsightEvent;
import io.earpiece.console.events.ProvisionalCardEvent;
import io.earpiece.console.events.SegmentEvent;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallEventCodecTest {

    private final CallEventCodec codec = new CallEventCodec();

    @Test
    void everyKindOfEventComesBackEqualWithItsDeDuplicationKey() throws Exception {
        List<CallEvent> events = List.of(
                new SegmentEvent("c1", "customer", 3, 1200, 4800, "that is too expensive for us", true),
                new SegmentEvent("c1", "rep", 4, 5000, 5600, "so", false),
                new SegmentEvent("c1", "rep", 5, 6000, 6400, "", true),
                new CallStateEvent("c1", "ENDED", null),
                new CallStateEvent("c1", "PARTY", "rep"),
                new CardEvent("c1", 42L, "objection-price", "Price", "Ask what they compare with", 2, 3, "objection:price",
                        "c1/customer/3/objection-price"),
                new CardEvent("c1", 43L, "action-item", "Action", "Write it down", 1, 8, null, null),
                new ProvisionalCardEvent("c1", "c1/customer/3/objection-price", "objection-price", "Price", "Ask",
                        2, "customer", "objection:price"),
                new CardWithdrawnEvent("c1", "c1/customer/3/objection-price"),
                new InsightEvent("c1", 8, "rep", "action_item", Map.of("owner", "rep", "due", "2026-12-09")));
        for (CallEvent e : events) {
            CallEvent back = codec.decode(codec.encode(e));
            assertThat(back).as("%s", e).isEqualTo(e);
            assertThat(back.key()).isEqualTo(e.key());
        }
    }

    @Test
    void foreignOrBrokenRecordsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> codec.decode(new byte[0])).isInstanceOf(EventDecodeException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> codec.decode(bytes("{\"type\":\"segment\""))).isInstanceOf(EventDecodeException.class)
                .hasMessageContaining("not JSON");
        assertThatThrownBy(() -> codec.decode(bytes("[1,2]"))).isInstanceOf(EventDecodeException.class)
                .hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> codec.decode(bytes("{\"type\":\"bogus\",\"callId\":\"c\"}")))
                .isInstanceOf(EventDecodeException.class).hasMessageContaining("unknown event type 'bogus'");
        assertThatThrownBy(() -> codec.decode(bytes("{\"type\":\"segment\",\"callId\":\"c\",\"party\":\"rep\","
                + "\"index\":\"x\"}"))).isInstanceOf(EventDecodeException.class).hasMessageContaining("index");
        assertThatThrownBy(() -> codec.decode(bytes("{\"type\":\"card\",\"callId\":7}")))
                .isInstanceOf(EventDecodeException.class).hasMessageContaining("callId");
        assertThatThrownBy(() -> codec.decode(new byte[CallEventCodec.MAX_BYTES + 1]))
                .isInstanceOf(EventDecodeException.class).hasMessageContaining("bytes");
        assertThatThrownBy(() -> codec.decode(bytes("{\"type\":\"insight\",\"callId\":\"c\",\"utterance\":1,"
                + "\"tag\":\"t\",\"details\":{\"a\":1}}"))).isInstanceOf(EventDecodeException.class)
                .hasMessageContaining("details.a");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
