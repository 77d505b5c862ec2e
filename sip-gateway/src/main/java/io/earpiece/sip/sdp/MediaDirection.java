package io.earpiece.sip.sdp;

import java.util.Optional;

/** The RFC 3264 direction attribute of a stream. */
public enum MediaDirection {
    SENDRECV, SENDONLY, RECVONLY, INACTIVE;

    /** The attribute name as written in SDP. */
    public String attribute() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The direction an answerer uses for an offer in this direction. */
    public MediaDirection answer() {
        return switch (this) {
            case SENDONLY -> RECVONLY;
            case RECVONLY -> SENDONLY;
            default -> this;
        };
    }

    /** Parses an attribute name, if it is a direction. */
    public static Optional<MediaDirection> fromAttribute(String name) {
        for (MediaDirection d : values()) {
            if (d.attribute().equalsIgnoreCase(name)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
