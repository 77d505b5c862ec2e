package io.earpiece.console.routing;

/** How a routed entry stands, as the call page shows it. */
public final class RoutedStatus {

    /** Waiting in the outbox (perhaps retrying after a failed attempt). */
    public static final String PENDING = "pending";
    public static final String DELIVERED = "delivered";
    /** The outbox gave up (or cannot deliver it at all); an admin can replay the job. */
    public static final String FAILED = "failed";
    /** Settled at routing time: the action items were assigned. */
    public static final String ASSIGNED = "assigned";
    /** Settled at routing time: there was no one to send it to (the outcome says why). */
    public static final String NOT_SENT = "not-sent";

    private RoutedStatus() {
    }
}
