package io.earpiece.sip.sdp;

import java.util.List;
import java.util.Optional;

/**
 * One {@code m=} section with its connection and attributes.
 *
 * @param connection the media-level {@code c=} line, or null to use the session's
 */
public record MediaDescription(String media, int port, int portCount, String protocol, List<String> formats,
                               Connection connection, List<SdpAttribute> attributes) {

    public MediaDescription {
        formats = List.copyOf(formats);
        attributes = List.copyOf(attributes);
    }

    /** The value of the first attribute with this name, if any. */
    public Optional<String> attribute(String name) {
        return attributes.stream().filter(a -> a.name().equalsIgnoreCase(name)).map(SdpAttribute::value).findFirst();
    }

    /** The {@code a=rtpmap} value for a payload type ("PCMU/8000"), if present. */
    public Optional<String> rtpmap(String payloadType) {
        String prefix = payloadType + " ";
        return attributes.stream()
                .filter(a -> a.name().equalsIgnoreCase("rtpmap") && a.value() != null && a.value().startsWith(prefix))
                .map(a -> a.value().substring(prefix.length()).trim())
                .findFirst();
    }

    /** The direction attribute at media level, if any. */
    public Optional<MediaDirection> direction() {
        return attributes.stream().map(a -> MediaDirection.fromAttribute(a.name()))
                .flatMap(Optional::stream).findFirst();
    }
}
