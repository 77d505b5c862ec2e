package io.earpiece.sip.register;

/**
 * Registration policy.
 *
 * @param realm          digest realm reps authenticate in
 * @param minExpires     shortest binding accepted; shorter requests get 423 with Min-Expires
 * @param maxExpires     longer requests are shortened to this
 * @param defaultExpires used when the device states none
 * @param maxDevices     bindings one user may hold at once
 */
public record RegistrarConfig(String realm, int minExpires, int maxExpires, int defaultExpires, int maxDevices) {

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
    }

    /** Common defaults: 60 s minimum, one hour default and maximum, ten devices. */
    public static RegistrarConfig defaults(String realm) {
        return new RegistrarConfig(realm, 60, 3600, 3600, 10);
    }
}
