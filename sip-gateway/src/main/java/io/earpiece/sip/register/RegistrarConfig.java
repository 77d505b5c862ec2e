package io.earpiece.sip.register;

/**
 * Registration policy.
 *
 * @param realm          digest realm reps authenticate in
 * @param minExpires     shortest binding accepted; shorter requests get 423 with Min-Expires
 * @param maxExpires     longer requests are shortened to this
 * @param defaultExpires used when the device states none
 * @param maxDevices     bindings one user may hold at once
 * @param flowTimer      RFC 5626 Flow-Timer sent with a flow's 200 OK: the device sends a CRLF keep-alive every 80 to
 *                       100 per cent of it, which keeps its NAT's mapping of the connection open
 */
public record RegistrarConfig(String realm, int minExpires, int maxExpires, int defaultExpires, int maxDevices,
                              java.time.Duration flowTimer) {

    public RegistrarConfig {
        if (realm == null || realm.isBlank()) {
            throw new IllegalArgumentException("realm required");
        }
        if (minExpires < 1 || maxExpires < minExpires || defaultExpires < minExpires || defaultExpires > maxExpires) {
            throw new IllegalArgumentException("need 1 <= minExpires <= defaultExpires <= maxExpires");
        }
        if (maxDevices < 1) {
            throw new IllegalArgumentException("maxDevices must be positive");
        }
        if (flowTimer == null || flowTimer.toSeconds() < 1) {
            throw new IllegalArgumentException("flowTimer must be at least a second");
        }
    }

    /** Common defaults: 60 s minimum, one hour default and maximum, ten devices, a 120 s Flow-Timer. */
    public static RegistrarConfig defaults(String realm) {
        return new RegistrarConfig(realm, 60, 3600, 3600, 10, DEFAULT_FLOW_TIMER);
    }

    /** RFC 5626 section 4.4.1's recommended keep-alive interval for connection-oriented transports. */
    public static final java.time.Duration DEFAULT_FLOW_TIMER = java.time.Duration.ofSeconds(120);
}
