package io.earpiece.sip.trunk;

/**
 * A trunk setting that cannot be used, naming the setting ({@link #field}, as {@link TrunkConfig} and the admin API
 * call it: {@code port}, {@code transport}, {@code routePatterns}, {@code tls.clientKey}, ...) so that a form can show
 * the reason beside it.
 */
public final class TrunkConfigException extends IllegalArgumentException {
    private final String field;

    public TrunkConfigException(String field, String reason) {
        super(reason);
        this.field = field;
    }

    /** The setting at fault. */
    public String field() {
        return field;
    }
}
