package io.earpiece.sip.sdp;

/** The {@code o=} line: who created the session and which version of it this is. */
public record Origin(String username, String sessionId, String sessionVersion, String netType, String addrType,
                     String address) {

    String encode() {
        return String.join(" ", username, sessionId, sessionVersion, netType, addrType, address);
    }
}
