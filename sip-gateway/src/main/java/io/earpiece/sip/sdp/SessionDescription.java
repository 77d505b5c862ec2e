package io.earpiece.sip.sdp;

import java.util.List;
import java.util.Optional;

/**
 * An SDP session description (RFC 4566) reduced to what offer/answer needs.
 * Lines this model does not keep (i=, u=, e=, p=, b=, z=, k=, r=) are accepted and dropped by the parser.
 *
 * @param connection the session-level {@code c=} line, or null when every medium has its own
 * @param timing     the {@code t=} value, for example "0 0"
 */
public record SessionDescription(Origin origin, String sessionName, Connection connection, String timing,
                                 List<SdpAttribute> attributes, List<MediaDescription> media) {

    public SessionDescription {
        attributes = List.copyOf(attributes);
        media = List.copyOf(media);
    }

    /** The connection that applies to a medium: its own, else the session's. */
    public Connection connectionFor(MediaDescription m) {
        return m.connection() != null ? m.connection() : connection;
    }

    /** The direction that applies to a medium: its own, else the session's, else sendrecv. */
    public MediaDirection directionFor(MediaDescription m) {
        return m.direction().or(this::sessionDirection).orElse(MediaDirection.SENDRECV);
    }

    private Optional<MediaDirection> sessionDirection() {
        return attributes.stream().map(a -> MediaDirection.fromAttribute(a.name()))
                .flatMap(Optional::stream).findFirst();
    }
}
