package io.earpiece.assist;

import io.earpiece.assist.compliance.DisclosureDetector;
import io.earpiece.assist.intent.IntentClassifier;
import io.earpiece.assist.intent.IntentMatch;
import io.earpiece.assist.intent.UtteranceShape;
import io.earpiece.assist.pii.PiiDetector;
import io.earpiece.assist.pii.PiiMatch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Tags one utterance from its own words: intents by meaning, PII and disclosure by pattern. Call context
 * (what came before) is applied by {@link CallAnalysis}.
 */
final class UtteranceTagger {
    private static final int MIN_QUESTION_WORDS = 4;
    // A vendor's name alone does not make a competitor objection: "does it sync with Freshdesk?" names one inside an
    // integration requirement. A named competitor is kept besides the customer's other tag only when its model would
    // have accepted it without the name; below that it competes as one more alternative (CV, 5 folds: competitor
    // precision 0.69 -> 0.75 at the same recall, micro-F1 0.791 -> 0.793; bars 0.3 and 0.7 gained less).
    private static final double NAMED_COMPETITOR_PROBABILITY = IntentClassifier.MIN_PROBABILITY;

    // A reply read with the turn it answers (tags(speaker, text, answered)): at most this many words, since a longer one
    // names its own topic, and with a word that holds back: contrast, negation, hesitation.
    static final int RESERVATION_MAX_WORDS = 10;
    // Courtesies built on "no" and "not" ("no problem", "not at all") hold nothing back.
    static final java.util.regex.Pattern RESERVATION = java.util.regex.Pattern.compile(
            "\\b(but|never|cannot|hmm+|oof|afraid)\\b|\\bno\\b(?!\\s+(problem|worries|rush)\\b)"
                    + "|\\bnot\\b(?!\\s+(at all|a problem|bad)\\b)|n't\\b(?!\\s+(worry|mind)\\b)",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    private final IntentClassifier classifier;
    private final boolean oneCustomerIntent;
    private final PiiDetector pii;
    private final DisclosureDetector disclosure;

    UtteranceTagger(IntentClassifier classifier, PiiDetector pii, DisclosureDetector disclosure) {
        this(classifier, pii, disclosure, true);
    }

    /**
     * @param oneCustomerIntent keep only the most probable of the customer's objection, question and buying-signal
     *                          tags (a competitor named is kept besides): one utterance rarely carries two, and
     *                          one-vs-rest models each fire on the borderline cases of their neighbours
     *                          (cross-validation: more false alarms removed than hits lost)
     */
    UtteranceTagger(IntentClassifier classifier, PiiDetector pii, DisclosureDetector disclosure,
                    boolean oneCustomerIntent) {
        this.oneCustomerIntent = oneCustomerIntent;
        this.classifier = classifier;
        this.pii = pii;
        this.disclosure = disclosure;
    }

    /**
     * As {@link #tags(String, String)}, reading a customer's short reservation together with the other party's turn
     * it answers: "yes, but not at that number" after a price is a price objection, though its own words name no
     * price. Only a reply that carries no customer intent of its own, is short, and holds a word of reservation
     * ({@link #RESERVATION}) is read again, as one piece with the turn before it; the most probable objection is kept
     * when it reaches the usual bar. The gate is words, not the models: read with the turn before it, an
     * acknowledgement ("right, got it" after a price) scores as high as a reservation, because the turn carries the
     * topic, and on its own words the objection models give reservations and acknowledgements alike 0.03 to 0.1.
     *
     * @param answered the other party's last turn, or null
     */
    Set<String> tags(String speaker, String text, String answered) {
        Set<String> tags = tags(speaker, text);
        if (answered == null || answered.isBlank() || !speaker.equals("customer")
                || text.strip().split("\\s+").length > RESERVATION_MAX_WORDS
                || tags.stream().anyMatch(t -> isCustomerIntent(t) || t.equals("objection:competitor")
                || t.equals("decision"))) {
            return tags;
        }
        if (!RESERVATION.matcher(text).find()) {
            return tags;
        }
        classifier.wholeTextProbabilities(speaker, answered.strip() + " " + text.strip(),
                        t -> t.startsWith("objection:")).entrySet().stream()
                .filter(e -> e.getValue() >= IntentClassifier.MIN_PROBABILITY)
                .max(java.util.Map.Entry.comparingByValue())
                .ifPresent(e -> tags.add(e.getKey()));
        return tags;
    }

    Set<String> tags(String speaker, String text) {
        UtteranceShape shape = new UtteranceShape(text);
        Set<String> tags = new LinkedHashSet<>();
        List<IntentMatch> customer = new ArrayList<>();
        for (IntentMatch match : classifier.classify(speaker, shape)) {
            // A customer's decision ("we'll take the twenty seats") is one more alternative: the training set never
            // gives a customer line a decision together with an objection or a buying signal, and the decision
            // model fires on firm statements of either (cross-validation: more false alarms gone than hits lost).
            // So is a competitor objection recognised without a vendor's name: "tied to our current provider" is
            // the contract objection, not also a competitor one (CV micro-F1 0.788 -> 0.791), and one whose name
            // is the only strong evidence (see NAMED_COMPETITOR_PROBABILITY).
            if (oneCustomerIntent && (isCustomerIntent(match.tag())
                    || match.tag().equals("decision") && speaker.equals("customer")
                    || match.tag().equals("objection:competitor")
                    && !(match.keyword() && match.similarity() >= NAMED_COMPETITOR_PROBABILITY))) {
                customer.add(match);
            } else {
                tags.add(match.tag());
            }
        }
        // "That could work, but..." is the objection, not interest: an objection outranks a buying signal.
        if (customer.stream().anyMatch(m -> m.tag().startsWith("objection:"))) {
            customer.removeIf(m -> m.tag().equals("buying_signal"));
        }
        customer.stream().max(Comparator.comparingDouble(IntentMatch::similarity)).ifPresent(m -> tags.add(m.tag()));
        if (tags.contains("decision")) {
            // "We are moving from X to you" names a competitor while deciding in our favour.
            tags.remove("objection:competitor");
        }
        boolean objection = tags.stream().anyMatch(t -> t.startsWith("objection:"));
        if (objection) {
            // "That could work, but..." is the objection, not interest.
            tags.remove("buying_signal");
        }
        boolean typedQuestion = tags.stream().anyMatch(t -> t.startsWith("question:") && !t.equals("question:other"));
        if (typedQuestion) {
            tags.remove("question:other");
        }
        // A playbook that does not model question:other itself keeps the old rule: any longer customer question.
        if (!classifier.knows("question:other") && speaker.equals("customer") && !typedQuestion && !objection
                && !tags.contains("buying_signal")
                && shape.questions().stream().anyMatch(q -> q.split("\\s+").length >= MIN_QUESTION_WORDS)) {
            tags.add("question:other");
        }
        if (tags.contains("buying_signal") || objection) {
            tags.remove("question:other");
        }
        for (PiiMatch match : pii.find(text)) {
            tags.add(match.kind().tag());
        }
        if (speaker.equals("rep") && disclosure.discloses(text)) {
            tags.add("compliance:recording_disclosure");
        }
        return tags;
    }

    // A competitor named (a keyword hit) with a confident model is kept alongside whatever else the customer says about
    // it, so it is not one of the alternatives; one recognised without a name, or by the name alone, is (see tags).
    private static boolean isCustomerIntent(String tag) {
        return !tag.equals("objection:competitor")
                && (tag.startsWith("objection:") || tag.startsWith("question:") || tag.equals("buying_signal"));
    }
}
