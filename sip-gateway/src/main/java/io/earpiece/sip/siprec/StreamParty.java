package io.earpiece.sip.siprec;

import io.earpiece.sip.call.Party;

import java.util.List;

/**
 * The party one recorded stream becomes.
 *
 * @param label   the m-line's label
 * @param party   rep, customer, or mixed (two voices on one stream)
 * @param senders who the metadata says sends on it (empty when it does not say)
 * @param why     how the party was decided, for logs and the call record ("earpiece user", "callee", ...)
 */
public record StreamParty(String label, Party party, List<Participant> senders, String why) {

    public StreamParty {
        senders = List.copyOf(senders);
    }
}
