package io.earpiece.sip;

import javax.sip.DialogTerminatedEvent;
import javax.sip.RequestEvent;

/**
 * A feature that may take requests arriving at the gateway before the bot's user-agent server sees them.
 * Called on SIP stack threads; must not block for long.
 */
public interface RequestHandler {

    /** Handles the request and returns true, or returns false to let the next handler (finally the UAS) have it. */
    boolean handle(RequestEvent event);

    /** A dialog ended; handlers that own dialogs react to theirs. */
    default void dialogTerminated(DialogTerminatedEvent event) {
    }

    /** A dialog's 2xx was never acknowledged; true when this handler owns the dialog and dealt with it. */
    default boolean dialogTimedOut(gov.nist.javax.sip.DialogTimeoutEvent event) {
        return false;
    }
}
