package io.earpiece.media;

import java.util.Objects;

/** The two sides of a call whose media Earpiece anchors: side A and side B each talk to their own local port. */
public record RelaySpec(RelayLegSpec a, RelayLegSpec b) {

    public RelaySpec {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (a.legId().equals(b.legId())) {
            throw new IllegalArgumentException("both sides have leg id " + a.legId());
        }
    }

    public RelayLegSpec side(MediaRelay.Side side) {
        return side == MediaRelay.Side.A ? a : b;
    }
}
