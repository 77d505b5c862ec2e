package io.earpiece.assist.action;

import java.util.Optional;

/** A first-person commitment found in an utterance: the verb phrase promised and the due time, if one was said. */
public record Commitment(String what, Optional<DuePhrase> due) {
}
