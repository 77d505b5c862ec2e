package io.earpiece.sip.siprec;

import io.earpiece.sip.sdp.MediaDescription;
import io.earpiece.sip.sdp.Negotiation;

/**
 * One m-line of a recording offer.
 *
 * @param index       its position in the SDP
 * @param label       its {@code a=label}, or {@code #N} (1-based position) when it has none
 * @param negotiation the codec and address to record it with, or null when it cannot be recorded
 * @param whyNot      why it cannot be recorded, or null
 * @param paused      the client will not send on it now ({@code inactive}, {@code recvonly} or the null address)
 */
public record OfferedStream(int index, String label, MediaDescription media, Negotiation negotiation, String whyNot,
                            boolean paused) {

    public boolean recordable() {
        return negotiation != null;
    }
}
