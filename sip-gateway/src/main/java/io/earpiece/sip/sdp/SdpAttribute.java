package io.earpiece.sip.sdp;

import java.util.Objects;

/**
 * One {@code a=} line: a property attribute ({@code value == null}) or a value attribute.
 */
public record SdpAttribute(String name, String value) {
    public SdpAttribute {
        Objects.requireNonNull(name, "name");
    }

    /** A flag attribute such as {@code a=sendrecv}. */
    public static SdpAttribute flag(String name) {
        return new SdpAttribute(name, null);
    }

    String encode() {
        return value == null ? name : name + ":" + value;
    }
}
