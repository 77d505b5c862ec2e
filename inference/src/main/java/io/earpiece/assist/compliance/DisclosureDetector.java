package io.earpiece.assist.compliance;

import java.util.List;
import java.util.regex.Pattern;

/** Recognises the team's recording-disclosure phrases (regular expressions from the playbook) in a rep's words. */
public final class DisclosureDetector {
    private final List<Pattern> phrases;

    public DisclosureDetector(List<String> phrases) {
        this.phrases = phrases.stream().map(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE)).toList();
    }

    public boolean discloses(String text) {
        return phrases.stream().anyMatch(p -> p.matcher(text).find());
    }
}
