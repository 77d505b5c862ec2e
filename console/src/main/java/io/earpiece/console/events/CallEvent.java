package io.earpiece.console.events;

/** Something live about a call, pushed to browsers. */
public sealed interface CallEvent permits SegmentEvent, CallStateEvent, CardEvent, ProvisionalCardEvent, CardWithdrawnEvent,
        InsightEvent {

    String callId();

    /** Identity for de-duplication when stored and live events overlap. */
    String key();
}
