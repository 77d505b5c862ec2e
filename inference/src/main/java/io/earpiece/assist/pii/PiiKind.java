package io.earpiece.assist.pii;

/** The kinds of personal data the engine masks, named as in the {@code pii:*} tags. */
public enum PiiKind {
    EMAIL("email"), PHONE("phone"), CARD("card");

    private final String tagName;

    PiiKind(String tagName) {
        this.tagName = tagName;
    }

    public String tag() {
        return "pii:" + tagName;
    }

    public String placeholder() {
        return "[" + tagName + "]";
    }
}
