package io.earpiece.sip.b2bua;

import io.earpiece.sip.outbound.OutgoingCall;

/**
 * One device rung for a call's leg B: its own dialog (Call-ID), its own SRTP offer (a device that loses the race
 * never saw the keys of the one that won), and the SDP it was sent. Guarded by the call's monitor.
 */
final class Branch {
    final String callId;
    final SrtpLeg srtp;
    final String target;
    /** The rep whose device this is; null for a number or URI. */
    final String rep;
    /** The SIP transport this device is reached over: the trunk's, or the device's (see DeviceAddressing). */
    final String transport;
    OutgoingCall leg;
    String offer;

    Branch(String callId, SrtpLeg srtp, String target, String rep, String transport) {
        this.callId = callId;
        this.transport = transport;
        this.rep = rep;
        this.srtp = srtp;
        this.target = target;
    }
}
