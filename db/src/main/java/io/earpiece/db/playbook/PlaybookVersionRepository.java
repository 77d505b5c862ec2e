package io.earpiece.db.playbook;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;

/** Stored playbook versions; the highest version of a team is its playbook. */
public interface PlaybookVersionRepository extends JpaRepository<PlaybookVersionEntity, Long> {

    Optional<PlaybookVersionEntity> findFirstByTeamOrderByVersionDesc(String team);

    Optional<PlaybookVersionEntity> findByTeamAndVersion(String team, int version);

    List<PlaybookVersionEntity> findByTeamOrderByVersionDesc(String team);

    /** The newest version of every team that has a playbook. */
    @Query("select p from PlaybookVersionEntity p where p.version = "
            + "(select max(q.version) from PlaybookVersionEntity q where q.team = p.team) order by p.team")
    List<PlaybookVersionEntity> findLatestOfEachTeam();
}
