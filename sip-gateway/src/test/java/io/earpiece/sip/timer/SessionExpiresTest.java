package io.earpiece.sip.timer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionExpiresTest {

    @Test
    void readsIntervalAndRefresher() throws Exception {
        assertThat(SessionExpires.parse("1800;refresher=uac")).isEqualTo(new SessionExpires(1800, "uac"));
        assertThat(SessionExpires.parse(" 90 ; Refresher = UAS ;x=1")).isEqualTo(new SessionExpires(90, "uas"));
        assertThat(SessionExpires.parse("600")).isEqualTo(new SessionExpires(600, null));
        assertThat(SessionExpires.parseMinSe("90;lr")).isEqualTo(90);
        assertThat(new SessionExpires(90, "uac").format()).isEqualTo("90;refresher=uac");
    }

    @Test
    void refusesWhatIsNotDeltaSecondsWithTheReason() {
        assertThatThrownBy(() -> SessionExpires.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> SessionExpires.parse("abc")).hasMessageContaining("not delta-seconds");
        assertThatThrownBy(() -> SessionExpires.parse("0")).hasMessageContaining("out of range");
        assertThatThrownBy(() -> SessionExpires.parse("99999999999")).hasMessageContaining("not delta-seconds");
        assertThatThrownBy(() -> SessionExpires.parse("90;refresher=both")).hasMessageContaining("uac or uas");
        assertThatThrownBy(() -> SessionExpires.parse("9".repeat(300))).hasMessageContaining("longer than");
        assertThatThrownBy(() -> SessionExpires.parseMinSe("-5")).isInstanceOf(SessionTimerParseException.class);
    }
}
