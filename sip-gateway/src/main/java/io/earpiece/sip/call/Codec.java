package io.earpiece.sip.call;

/** An RTP audio codec as negotiated in SDP: encoding name, payload type and clock rate. */
public record Codec(String name, int payloadType, int clockRate) {
    public static final Codec PCMU = new Codec("PCMU", 0, 8000);
    public static final Codec PCMA = new Codec("PCMA", 8, 8000);
}
