package io.earpiece.sip.stack;

import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.MessageParserFactory;
import gov.nist.javax.sip.parser.StringMsgParser;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import io.earpiece.sip.SipCounters;

/** Gives each stack message channel a {@link GuardedMessageParser} over the stock JAIN-SIP parser. */
public final class GuardedMessageParserFactory implements MessageParserFactory {
    private final SipCounters counters;
    private final String rejectHeader;

    /**
     * @param rejectHeader name of the private header that marks requests the listener must answer with 400
     */
    public GuardedMessageParserFactory(SipCounters counters, String rejectHeader) {
        this.counters = counters;
        this.rejectHeader = rejectHeader;
    }

    @Override
    public MessageParser createMessageParser(SIPTransactionStack stack) {
        return new GuardedMessageParser(new StringMsgParser(), counters, rejectHeader);
    }
}
