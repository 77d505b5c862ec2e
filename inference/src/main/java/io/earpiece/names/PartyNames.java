package io.earpiece.names;

import io.earpiece.assist.Speakers;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The names a call's parties go by in its transcript and summary, keyed by party label ("rep", "customer",
 * "customer-2"); a party without a name is shown by its role ({@link Speakers#display}: "Customer 2").
 */
public record PartyNames(Map<String, String> byParty) {

    /** No names: every party by its role, as summaries read before names. */
    public static final PartyNames NONE = new PartyNames(Map.of());

    public PartyNames {
        Map<String, String> copy = new LinkedHashMap<>();
        byParty.forEach((party, name) -> {
            if (party != null && name != null && !name.isBlank()) {
                copy.put(party, name.strip());
            }
        });
        byParty = java.util.Collections.unmodifiableMap(copy);
    }

    /** The party's name, else its role for people ("Rep", "Customer 2"). */
    public String display(String party) {
        String name = byParty.get(party);
        return name != null ? name : Speakers.display(party);
    }

    /** The party's name, else its label as it is ("customer-2"): for lists that used the label. */
    public String label(String party) {
        String name = byParty.get(party);
        return name != null ? name : party;
    }

    /** Whether the party has a name of its own. */
    public boolean named(String party) {
        return byParty.containsKey(party);
    }
}
