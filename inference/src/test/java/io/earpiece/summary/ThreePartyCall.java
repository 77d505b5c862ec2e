package io.earpiece.summary;

import java.util.List;

/**
 * A call with a second customer-side party ({@code customer-2}) who objects, asks and takes an action item: the one
 * fixture for both summary engines' naming of further parties.
 */
public final class ThreePartyCall {

    public static final List<Utterance> UTTERANCES = List.of(
            new Utterance("rep", 0, 3, "Hello, thanks for taking the call about the new plan."),
            new Utterance("customer", 3, 6, "Happy to, my colleague from finance has joined us."),
            new Utterance("customer-2", 6, 9, "The price is far too expensive for a team our size."),
            new Utterance("rep", 9, 12, "I can offer a smaller package that fits your budget."),
            new Utterance("customer-2", 12, 15, "Does it include the reporting module?"),
            new Utterance("rep", 15, 18, "Yes it does, the reporting module is part of every package."),
            new Utterance("customer-2", 18, 22, "Fine, I will circulate the draft contract to our lawyers on Monday."));

    private ThreePartyCall() {
    }
}
