package io.earpiece.db.routing;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.util.List;

/** Stored routing rules. */
public interface RoutingRuleRepository extends JpaRepository<RoutingRuleEntity, Long> {

    List<RoutingRuleEntity> findByTeamOrderBySeqAsc(String team);

    /** Removes the team's rules in one statement, flushed before the replacements are inserted. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("delete from RoutingRuleEntity r where r.team = :team")
    int deleteByTeam(String team);
}
