package io.earpiece.db.routing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One team's routing rule: its name, place in the team's list, and its conditions and actions as JSON. */
@Entity
@Table(name = "routing_rules")
public class RoutingRuleEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String team;

    @Column(nullable = false)
    private int seq;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false, length = 16000)
    private String definition;

    @Column(name = "updated_by")
    private String updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected RoutingRuleEntity() {
    }

    public RoutingRuleEntity(String team, int seq, String name, String definition, String updatedBy, Instant updatedAt) {
        this.team = team;
        this.seq = seq;
        this.name = name;
        this.definition = definition;
        this.updatedBy = updatedBy;
        this.updatedAt = updatedAt;
    }

    public Long getId() { return id; }
    public String getTeam() { return team; }
    public int getSeq() { return seq; }
    public String getName() { return name; }
    public String getDefinition() { return definition; }
    public String getUpdatedBy() { return updatedBy; }
    public Instant getUpdatedAt() { return updatedAt; }
}
