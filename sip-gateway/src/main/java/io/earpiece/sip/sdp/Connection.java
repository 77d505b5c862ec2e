package io.earpiece.sip.sdp;

/** A {@code c=} line: the network address media is sent to. */
public record Connection(String netType, String addrType, String address) {

    /** An IPv4 or IPv6 connection for a host literal, picking the address type from its shape. */
    public static Connection forHost(String host) {
        return new Connection("IN", host.indexOf(':') >= 0 ? "IP6" : "IP4", host);
    }

    /** The address without any multicast {@code /ttl} suffix. */
    public String host() {
        int slash = address.indexOf('/');
        return slash < 0 ? address : address.substring(0, slash);
    }

    /** RFC 2543 put a call on hold by pointing media at the null address. */
    public boolean isNullAddress() {
        String h = host();
        return h.equals("0.0.0.0") || h.equals("::");
    }

    String encode() {
        return String.join(" ", netType, addrType, address);
    }
}
