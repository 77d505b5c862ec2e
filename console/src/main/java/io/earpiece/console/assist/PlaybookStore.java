package io.earpiece.console.assist;

import io.earpiece.db.playbook.PlaybookVersionEntity;
import io.earpiece.db.playbook.PlaybookVersionRepository;
import io.earpiece.db.user.TeamRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The playbooks in the database: per team, plus {@value #DEFAULT_TEAM} for teams without their own. An edit
 * appends a version; nothing is overwritten. Blocking: call off the event loop.
 */
@Component
public class PlaybookStore {

    /** The scope of the playbook that teams without their own use. */
    public static final String DEFAULT_TEAM = "default";

    private final PlaybookVersionRepository versions;
    private final TeamRepository teams;

    public PlaybookStore(PlaybookVersionRepository versions, TeamRepository teams) {
        this.versions = versions;
        this.teams = teams;
    }

    /** Whether {@code team} names a playbook scope: the default or an existing team. */
    @Transactional(readOnly = true)
    public boolean isScope(String team) {
        return DEFAULT_TEAM.equals(team) || teams.findByName(team).isPresent();
    }

    /** The team's own newest version, if it has one. */
    @Transactional(readOnly = true)
    public Optional<PlaybookVersionEntity> own(String team) {
        return versions.findFirstByTeamOrderByVersionDesc(team);
    }

    /** The playbook the team uses: its own newest version, else the default's; empty before seeding. */
    @Transactional(readOnly = true)
    public Optional<PlaybookVersionEntity> effective(String team) {
        Optional<PlaybookVersionEntity> own = team == null ? Optional.empty() : own(team);
        return own.isPresent() ? own : own(DEFAULT_TEAM);
    }

    @Transactional(readOnly = true)
    public List<PlaybookVersionEntity> versions(String team) {
        return versions.findByTeamOrderByVersionDesc(team);
    }

    @Transactional(readOnly = true)
    public Optional<PlaybookVersionEntity> version(String team, int version) {
        return versions.findByTeamAndVersion(team, version);
    }

    /** The newest version of each scope that has a playbook. */
    @Transactional(readOnly = true)
    public List<PlaybookVersionEntity> latest() {
        return versions.findLatestOfEachTeam();
    }

    /**
     * Stores {@code body} as the team's next version; a concurrent edit that took the same number makes the
     * unique constraint fail (DataIntegrityViolationException) rather than lose either edit silently.
     */
    @Transactional
    public PlaybookVersionEntity append(String team, String body, String contentHash, String author) {
        int next = own(team).map(p -> p.getVersion() + 1).orElse(1);
        return versions.saveAndFlush(new PlaybookVersionEntity(team, next, body, contentHash, author, Instant.now()));
    }
}
