package io.earpiece.console.routing;

/** A rule set that cannot be stored: the reason in plain words and the path of the field at fault. */
public class RoutingRuleException extends RuntimeException {

    private final String field;

    public RoutingRuleException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** Where the fault is: {@code rules[1].recipients[0].url}. */
    public String field() {
        return field;
    }
}
