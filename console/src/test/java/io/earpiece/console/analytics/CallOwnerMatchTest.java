package io.earpiece.console.analytics;

import io.earpiece.db.user.UserEntity;
import io.earpiece.db.user.UserRole;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The in-memory ownership rule agrees with call access: SIP user or extension in From/To, uploads by uploader. */
class CallOwnerMatchTest {

    static final CallOwnerMatch DANA = new CallOwnerMatch(
            new UserEntity("dana", "x", UserRole.REP, null, "Dana.S", "3001", Instant.EPOCH));

    @Test
    void sipUserOrExtensionInFromOrTo() {
        assertThat(DANA.owns("sip:dana.s@pbx.example", "sip:+1555@carrier")).isTrue();
        assertThat(DANA.owns("sip:+1555@carrier", "sips:3001@pbx.example")).isTrue();
        assertThat(DANA.owns("tel:3001;phone-context=pbx", null)).isTrue();
        assertThat(DANA.owns("sip:dana@pbx.example", "sip:+1555@carrier")).as("the username is not her SIP user").isFalse();
        assertThat(DANA.owns("sip:3001x@pbx.example", "sip:x3001@pbx.example")).isFalse();
    }

    @Test
    void anUploadIsItsUploadersOnly() {
        assertThat(DANA.owns("sip:dana@upload", "call.wav")).isTrue();
        assertThat(DANA.owns("sip:dana.s@upload", "sip:dana.s@pbx.example")).as("an upload never by SIP identity").isFalse();
        assertThat(DANA.owns(null, null)).isFalse();
    }
}
