package io.earpiece.media.srtp;

import java.util.Objects;

/**
 * The two keys of one SRTP leg as SDES exchanges them: {@code receive} is the key the peer announced and encrypts
 * what it sends with; {@code send} is the key Earpiece announced to the peer and encrypts toward it with.
 */
public record SrtpKeys(SrtpKey receive, SrtpKey send) {

    public SrtpKeys {
        Objects.requireNonNull(receive, "receive");
        Objects.requireNonNull(send, "send");
    }
}
