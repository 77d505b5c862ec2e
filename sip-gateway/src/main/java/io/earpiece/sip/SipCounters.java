package io.earpiece.sip;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Traffic counters of one gateway, counted on the socket so that replies the SIP stack sends by itself
 * (automatic 400/505, retransmissions) are included.
 */
public final class SipCounters {
    /** Methods counted under their own name; anything else a peer invents is counted as OTHER. */
    private static final Set<String> KNOWN_METHODS = Set.of("INVITE", "ACK", "BYE", "CANCEL", "OPTIONS",
            "REGISTER", "SUBSCRIBE", "NOTIFY", "REFER", "INFO", "UPDATE", "PRACK", "MESSAGE", "PUBLISH");

    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<Integer, LongAdder> responses = new ConcurrentHashMap<>();
    private final LongAdder malformed = new LongAdder();
    private final Map<String, LongAdder> refused = new ConcurrentHashMap<>();

    /** Counts a request datagram received. */
    public void requestReceived(String method) {
        String key = KNOWN_METHODS.contains(method) ? method : "OTHER";
        requests.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    /** Counts a response datagram sent. */
    public void responseSent(int status) {
        responses.computeIfAbsent(status, k -> new LongAdder()).increment();
    }

    /** Counts a datagram that could not be processed as SIP. */
    public void malformedReceived() {
        malformed.increment();
    }

    /** Counts a request refused by policy (untrusted source, quota, flood), by a reason from a fixed set. */
    public void requestRefused(String reason) {
        refused.computeIfAbsent(reason, k -> new LongAdder()).increment();
    }

    /** Requests refused for this reason. */
    public long refused(String reason) {
        LongAdder a = refused.get(reason);
        return a == null ? 0 : a.sum();
    }

    /** Requests received with this method (upper case). */
    public long requests(String method) {
        LongAdder a = requests.get(method);
        return a == null ? 0 : a.sum();
    }

    /** Responses sent with this status code. */
    public long responses(int status) {
        LongAdder a = responses.get(status);
        return a == null ? 0 : a.sum();
    }

    /** Datagrams dropped or rejected because they were not well-formed SIP. */
    public long malformed() {
        return malformed.sum();
    }

    /** A snapshot of requests by method. */
    public Map<String, Long> requestsByMethod() {
        Map<String, Long> out = new TreeMap<>();
        requests.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** A snapshot of responses by status code. */
    public Map<Integer, Long> responsesByStatus() {
        Map<Integer, Long> out = new TreeMap<>();
        responses.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    @Override
    public String toString() {
        return "SipCounters{requests=" + requestsByMethod() + ", responses=" + responsesByStatus()
                + ", malformed=" + malformed() + "}";
    }
}
