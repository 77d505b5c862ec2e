package io.earpiece.sip.outbound;

import javax.sip.message.Response;

/**
 * What becomes of an {@link OutgoingCall}; called on SIP or timer threads with the call's lock held, must not
 * block. Each call gets at most one of {@link #answered} or {@link #failed}, and {@link #expired} only after
 * {@link #answered}.
 */
public interface OutgoingCallListener {

    /** A provisional response other than 100 (ringing, early media); the early dialog is the call's dialog. */
    default void provisional(Response response) {
    }

    /**
     * The 2xx, already acknowledged. The listener may refuse it (an unusable answer) by calling
     * {@link OutgoingCall#bye()}; otherwise session timers, if agreed, start once this returns.
     */
    void answered(Response response);

    /**
     * The call was never answered, or was cancelled: the final status and reason, and the response (null when the
     * INVITE got no final answer at all, reported as 408). A 2xx that came after {@link OutgoingCall#cancel()} was
     * acknowledged and ended with BYE, and is reported here as 487.
     */
    void failed(int status, String reason, Response response);

    /** The session timer ran out, or a refresh failed with 408/481 or no answer (RFC 4028 10): BYE was sent. */
    default void expired(String why) {
    }

    /** The session description for a refreshing re-INVITE: the one last agreed, unchanged (RFC 4028 9). */
    default String refreshOffer() {
        return null;
    }
}
