package io.earpiece.plugins.log;

import io.earpiece.plugins.CallEventListener;
import io.earpiece.plugins.CallInfo;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

class CallSummaryLogListenerTest {

    @Test
    void isFoundByServiceLoader() {
        assertThat(ServiceLoader.load(CallEventListener.class).stream().map(ServiceLoader.Provider::type))
                .contains(CallSummaryLogListener.class);
    }

    @Test
    void formatsOneLine() {
        CallInfo info = new CallInfo("c1", "conv", "sip:a@x", "sip:b@y", Instant.EPOCH, 45_800L,
                List.of("rep", "customer"), 12, "REMOTE_BYE");
        assertThat(CallSummaryLogListener.format(info))
                .isEqualTo("call c1 ended: from=sip:a@x to=sip:b@y duration=45.8s parties=rep,customer segments=12 reason=REMOTE_BYE")
                .doesNotContain("\n");
    }
}
