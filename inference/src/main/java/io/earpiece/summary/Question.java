package io.earpiece.summary;

/**
 * A question asked during the call: who asked, its topic tag when the assist engine classified it ("security",
 * "pricing"; "other" otherwise), and the other party's next utterance as the answer (null when none came).
 */
public record Question(int utterance, String asker, String topic, String text, String answer) {
}
