package io.earpiece.console.call;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How a live write is retried while the database is unreachable, bound from {@code earpiece.segments.store.*}: a
 * leg's or call's end, SIPREC participants and the after-call summary always; a final or DTMF/hold event only when the
 * on-disk journal ({@code earpiece.segments.spool.*}) is full, and then the segment writer waits (finals of all calls
 * queue behind it, in memory, unannounced). An outage shorter than {@code giveUpAfter} loses none of them; health
 * shows the database DEGRADED meanwhile.
 *
 * @param retryFirst  the first wait after a failed write (200ms); each further one doubles it
 * @param retryMax    the longest wait between tries (5s)
 * @param giveUpAfter how long one segment is retried before it is logged as lost (10m)
 * @param newCallRetryAfter the Retry-After of the 503 a new call gets while its call record cannot be stored (30s):
 *                    a call already in progress keeps going and its finals wait, but one that has not started is
 *                    refused at once (its INVITE is not held for the outage), so the PBX can retry or route around
 */
@ConfigurationProperties("earpiece.segments.store")
public record SegmentStoreProperties(
        @DefaultValue("200ms") Duration retryFirst,
        @DefaultValue("5s") Duration retryMax,
        @DefaultValue("10m") Duration giveUpAfter,
        @DefaultValue("30s") Duration newCallRetryAfter) {
}
