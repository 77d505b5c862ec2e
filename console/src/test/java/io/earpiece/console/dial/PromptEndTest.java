package io.earpiece.console.dial;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class PromptEndTest {

    private static final long MS = 1_000_000L;

    private static short[] tone(int amplitude) {
        short[] s = new short[320];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) (amplitude * Math.sin(2 * Math.PI * 440 * i / 16000.0));
        }
        return s;
    }

    @Test
    void endsAfterTheSilenceThatFollowsSpeechNotDuringPausesBetweenWords() {
        PromptEnd p = new PromptEnd(-40, Duration.ofMillis(800), Duration.ofSeconds(20), 0);
        long t = 0;
        for (; t < 1500 * MS; t += 20 * MS) {
            p.frame(t > 600 * MS && t < 900 * MS ? new short[320] : tone(8000), t); // a 300 ms pause mid-prompt
            assertThat(p.over(t)).isNull();
        }
        for (; t < 2280 * MS; t += 20 * MS) {
            p.frame(tone(50), t); // line noise well under -40 dBFS
            assertThat(p.over(t)).isNull();
        }
        p.frame(new short[320], 2300 * MS);
        assertThat(p.over(2300 * MS)).isEqualTo("prompt ended");
    }

    @Test
    void silenceBeforeAnyPromptIsNotItsEndButTheLongestWaitIs() {
        PromptEnd p = new PromptEnd(-40, Duration.ofMillis(800), Duration.ofSeconds(5), 0);
        for (long t = 0; t < 5000 * MS; t += 20 * MS) {
            p.frame(new short[320], t);
            assertThat(p.over(t)).isNull();
        }
        assertThat(p.over(5000 * MS)).isEqualTo("no prompt heard");
    }

    @Test
    void musicThatNeverPausesGivesUpAtTheLongestWait() {
        PromptEnd p = new PromptEnd(-40, Duration.ofMillis(800), Duration.ofSeconds(3), 0);
        for (long t = 0; t < 3000 * MS; t += 20 * MS) {
            p.frame(tone(6000), t);
            assertThat(p.over(t)).isNull();
        }
        assertThat(p.over(3000 * MS)).isEqualTo("prompt still going at the longest wait");
    }
}
