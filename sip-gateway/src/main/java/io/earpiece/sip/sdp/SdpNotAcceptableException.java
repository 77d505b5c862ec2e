package io.earpiece.sip.sdp;

/** Thrown when a well-formed offer has nothing this gateway can answer (SIP 488). */
public class SdpNotAcceptableException extends Exception {
    public SdpNotAcceptableException(String reason) {
        super(reason);
    }
}
