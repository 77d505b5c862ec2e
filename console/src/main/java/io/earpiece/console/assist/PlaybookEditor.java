package io.earpiece.console.assist;

import io.earpiece.db.playbook.PlaybookVersionEntity;
import org.springframework.stereotype.Component;

/**
 * Publishes playbook edits: the text is checked with the real loader and engine before anything is stored, stored
 * as the team's next version, and its engine installed for the calls that start next.
 */
@Component
public class PlaybookEditor {

    private final PlaybookStore store;
    private final AssistEngines engines;

    public PlaybookEditor(PlaybookStore store, AssistEngines engines) {
        this.store = store;
        this.engines = engines;
    }

    /**
     * Stores the bundled playbook {@code body} as {@code team}'s first version without building its engine (the
     * warm-up builds it, off the start-up path); it is parsed, so a broken bundle still fails here.
     */
    public PlaybookVersionEntity seed(String team, String body, String author) {
        return store.append(team, body, engines.parse(body).version(), author);
    }

    /** The stored version and whether this edit created it (false: the text equals the newest version's). */
    public record Published(PlaybookVersionEntity version, boolean created) {
    }

    /**
     * Stores {@code body} (YAML or JSON) as {@code team}'s next version. Throws
     * {@link io.earpiece.assist.playbook.PlaybookException} naming the problem when it is not a valid playbook.
     */
    public Published publish(String team, String body, String author) {
        var newest = store.own(team);
        if (newest.isPresent() && newest.get().getBody().equals(body)) {
            return new Published(newest.get(), false);
        }
        AssistEngines.Prepared prepared = engines.prepare(body);
        PlaybookVersionEntity stored = store.append(team, body, prepared.contentHash(), author);
        engines.install(stored, prepared);
        return new Published(stored, true);
    }
}
