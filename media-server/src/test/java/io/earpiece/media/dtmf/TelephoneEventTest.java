package io.earpiece.media.dtmf;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TelephoneEventTest {

    private final TelephoneEventParser parser = new TelephoneEventParser();
    private final DtmfDetector detector = new DtmfDetector();
    private final List<String> digits = new ArrayList<>();
    private final List<Integer> durations = new ArrayList<>();

    @Test
    void parsesEventEndVolumeAndDuration() throws Exception {
        TelephoneEvent e = parser.parse(new byte[] {11, (byte) 0x8A, 0x03, 0x20});
        assertThat(e).isEqualTo(new TelephoneEvent(11, true, 10, 800));
        assertThat(e.digit()).isEqualTo('#');
        assertThat(new TelephoneEvent(16, false, 0, 0).digit()).isEqualTo((char) 0);
    }

    @Test
    void rejectsShortPayloads() {
        assertThatThrownBy(() -> parser.parse(new byte[3])).isInstanceOf(TelephoneEventParseException.class);
    }

    @Test
    void reportsEachDigitOnceAtItsFirstEndPacket() {
        feed(5, false, 1000);
        feed(5, false, 1000);
        assertThat(digits).isEmpty();
        feed(5, true, 1000);
        feed(5, true, 1000);
        feed(5, true, 1000);
        feed(5, false, 2000);
        feed(5, true, 2000);
        assertThat(digits).containsExactly("5@1000", "5@2000");
    }

    @Test
    void anEventWhoseEndWasLostIsReportedWhenTheNextStarts() {
        feed(1, false, 1000);
        feed(2, false, 3000);
        assertThat(digits).containsExactly("1@1000");
        detector.flush(this::digit);
        assertThat(digits).containsExactly("1@1000", "2@3000");
    }

    @Test
    void reportsTheLongestDurationTheEventsPacketsCarried() {
        feed(9, false, 4000, 160);
        feed(9, false, 4000, 320);
        feed(9, true, 4000, 800);
        feed(9, true, 4000, 800);
        assertThat(durations).containsExactly(800);
    }

    private void feed(int event, boolean end, long timestamp) {
        feed(event, end, timestamp, 160);
    }

    private void feed(int event, boolean end, long timestamp, int duration) {
        detector.onEvent(new TelephoneEvent(event, end, 10, duration), timestamp, this::digit);
    }

    private void digit(char digit, long timestamp, int duration) {
        digits.add(digit + "@" + timestamp);
        durations.add(duration);
    }
}
