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
 * @param stream  1 for the party's first stream, 2, 3, ... for further ones (a third participant on its own stream)
 */
public record StreamParty(String label, Party party, List<Participant> senders, String why, int stream) {

    public StreamParty {
        senders = List.copyOf(senders);
    }

    /** A party's first stream. */
    public StreamParty(String label, Party party, List<Participant> senders, String why) {
        this(label, party, senders, why, 1);
    }

    /** The same stream as stream {@code n} of its party. */
    public StreamParty numbered(int n) {
        return new StreamParty(label, party, senders, why, n);
    }

    /** What the recording and transcript are filed under: "customer", then "customer-2", ... */
    public String partyLabel() {
        return stream == 1 ? party.label() : party.label() + "-" + stream;
    }
}
