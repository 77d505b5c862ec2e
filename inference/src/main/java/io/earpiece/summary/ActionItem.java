package io.earpiece.summary;

import java.time.LocalDate;

/**
 * A commitment: {@code owner} is "rep" or "customer", {@code due} the due time as said ("friday") and
 * {@code dueDate} that time resolved against the call's date (null when it could not be resolved).
 */
public record ActionItem(int utterance, String owner, String what, String due, LocalDate dueDate) {
}
