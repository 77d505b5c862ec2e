package io.earpiece.sip.b2bua;

/** Hears about relayed calls as they start, get answered and end; called on SIP threads, must not block. */
public interface CallDetailListener {

    default void started(CallDetail detail) {
    }

    default void answered(CallDetail detail) {
    }

    void ended(CallDetail detail);
}
