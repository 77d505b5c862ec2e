package io.earpiece.plugins.export;

/**
 * Delivers one call's export to an external system. Implementations must be safe to call again with the same
 * idempotency key after any failure (including an ambiguous one, such as a timeout after the request was sent)
 * without creating a second copy of anything.
 */
public interface Exporter {
    /** Stable name, used as the outbox job's target ("hubspot", "slack"). */
    String name();

    /**
     * Whether this exporter delivers the outbox jobs addressed to {@code target}: its own name by default; one that
     * serves a family of targets ("routing:3", one per routed message of a call) says so here.
     */
    default boolean handles(String target) {
        return name().equals(target);
    }

    /** Delivers {@code export}; never throws for vendor or network errors, it reports them in the result. */
    DeliveryResult deliver(CallExport export, String idempotencyKey);
}
