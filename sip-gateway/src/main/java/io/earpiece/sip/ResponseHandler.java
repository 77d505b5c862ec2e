package io.earpiece.sip;

import javax.sip.ResponseEvent;
import javax.sip.TimeoutEvent;

/**
 * Receives the responses of client transactions whose application data it is
 * ({@code ClientTransaction.setApplicationData(handler)}); the gateway routes them here.
 */
public interface ResponseHandler {

    /** A response arrived for a transaction this handler started. */
    void response(ResponseEvent event);

    /** The transaction timed out without a final response. */
    void timeout(TimeoutEvent event);
}
