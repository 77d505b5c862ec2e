package io.earpiece.plugins;

/**
 * Extension point notified of call life-cycle events; implementations are found with
 * {@link java.util.ServiceLoader} (or registered as Spring beans) and must not block the caller for long.
 */
public interface CallEventListener {

    default void callStarted(CallInfo call) {
    }

    default void segment(SegmentInfo segment) {
    }

    default void callEnded(CallInfo call) {
    }
}
