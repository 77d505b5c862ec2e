package io.earpiece.console.dial;

import java.time.Instant;

/**
 * A dialled call as the API shows it.
 *
 * @param trunk     the trunk the call went out through (the last one tried)
 * @param state     {@code DIALLING}, {@code RINGING}, {@code ANSWERED} (listening to the prompt), {@code ENTERING_PIN},
 *                  {@code JOINED} (in the meeting, transcribed), {@code FAILED} (never answered) or {@code ENDED}
 * @param sipStatus the last final SIP status (200 once answered; 486, 503, 408 ... when it failed)
 * @param reason    why it is in that state, e.g. {@code prompt ended}, {@code Busy Here}, {@code REMOTE_BYE}
 * @param dtmf      {@code rfc4733} or {@code inband}, once answered
 */
public record DialView(String callId, String number, String rep, String title, String trunk, String state, Integer sipStatus,
                       String reason, String dtmf, Instant dialledAt, Instant answeredAt, Instant pinSentAt,
                       Instant joinedAt, Instant endedAt) {
}
