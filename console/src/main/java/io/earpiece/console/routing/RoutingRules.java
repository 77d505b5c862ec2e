package io.earpiece.console.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.earpiece.db.routing.RoutingRuleEntity;
import io.earpiece.db.routing.RoutingRuleRepository;
import io.earpiece.db.user.UserRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The stored routing rules of each team: read in order, or replaced as a whole after {@link RuleCheck}. */
@Component
public class RoutingRules {

    private final RoutingRuleRepository rules;
    private final ObjectMapper json;
    private final RuleCheck check;
    private final Clock clock = Clock.systemUTC();

    public RoutingRules(RoutingRuleRepository rules, UserRepository users, ObjectMapper json,
                        RoutingProperties properties) {
        this.rules = rules;
        this.json = json;
        this.check = new RuleCheck(properties, name -> users.findByUsername(name).isPresent());
    }

    @Transactional(readOnly = true)
    public List<RoutingRule> of(String team) {
        List<RoutingRule> out = new ArrayList<>();
        for (RoutingRuleEntity e : rules.findByTeamOrderBySeqAsc(team)) {
            try {
                out.add(json.readValue(e.getDefinition(), RoutingRule.class));
            } catch (JsonProcessingException unreadable) {
                throw new IllegalStateException("routing rule " + e.getId() + " of " + team + " is unreadable",
                        unreadable);
            }
        }
        return out;
    }

    /** Checks and stores {@code replacement} as the team's rules; throws {@link RoutingRuleException} first. */
    @Transactional
    public List<RoutingRule> replace(String team, List<RoutingRule> replacement, String by) {
        check.check(replacement);
        rules.deleteByTeam(team);
        Instant now = clock.instant();
        List<RoutingRule> stored = new ArrayList<>();
        for (int i = 0; i < replacement.size(); i++) {
            RoutingRule r = tidy(replacement.get(i));
            try {
                rules.save(new RoutingRuleEntity(team, i, r.name(), json.writeValueAsString(r), by, now));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write a routing rule", e);
            }
            stored.add(r);
        }
        return stored;
    }

    /** Stored as matched: trimmed, the fixed vocabularies in lower case, blank optional values as null. */
    private static RoutingRule tidy(RoutingRule r) {
        RoutingRule.When w = r.when();
        RoutingRule.When when = new RoutingRule.When(lower(w.callTypes()),
                w.minPriority() == null || w.minPriority().isBlank() ? null
                        : w.minPriority().strip().toLowerCase(Locale.ROOT),
                lower(w.sentiments()), lower(w.objectionKinds()), w.phrases().stream().map(String::strip).toList());
        List<RoutingRule.Recipient> notify = r.recipients().stream().map(n -> new RoutingRule.Recipient(n.kind().strip(),
                n.kind().strip().equals("email") ? n.to().strip() : null,
                n.kind().strip().equals("slack") || n.kind().strip().equals("webhook") ? n.url().strip() : null))
                .toList();
        String assignee = r.assignActionItemsTo() == null || r.assignActionItemsTo().isBlank() ? null
                : r.assignActionItemsTo().strip();
        return new RoutingRule(r.name().strip(), r.escalation(), when, notify, assignee);
    }

    private static List<String> lower(List<String> values) {
        return values.stream().map(v -> v.strip().toLowerCase(Locale.ROOT)).distinct().toList();
    }
}
