package io.earpiece.upload;

import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sniffer reads the head of every upload before anything else does: whatever the bytes, it answers with a
 * result and a reason, and never throws. Seeds in {@code MediaSnifferFuzzTestInputs/sniff}.
 */
class MediaSnifferFuzzTest {

    private final MediaSniffer sniffer = new MediaSniffer();

    @FuzzTest(maxDuration = "60s")
    void sniff(byte[] head) {
        SniffResult result = sniffer.sniff(head);
        assertThat(result.container()).isNotNull();
        assertThat(result.codec()).isNotBlank();
        assertThat(result.reason()).isNotBlank();
    }
}
