package io.earpiece.plugins.export;

/**
 * Delivers one call's export to an external system. Implementations must be safe to call again with the same
 * idempotency key after any failure (including an ambiguous one, such as a timeout after the request was sent)
 * without creating a second copy of anything.
 */
public interface Exporter {
    /** Stable name, used as the outbox job's target ("hubspot", "slack"). */
    String name();

    /** Delivers {@code export}; never throws for vendor or network errors, it reports them in the result. */
    DeliveryResult deliver(CallExport export, String idempotencyKey);
}
