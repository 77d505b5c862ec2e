package io.earpiece.plugins.export.outbox;

/** Where an outbox job stands: waiting (maybe after a failed attempt), delivered, or failed for good. */
public enum OutboxState {
    PENDING, DELIVERED, FAILED
}
