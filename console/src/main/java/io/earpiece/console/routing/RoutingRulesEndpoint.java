package io.earpiece.console.routing;

import io.earpiece.console.api.FieldRefusal;
import io.earpiece.console.audit.AuditLog;
import io.earpiece.db.user.TeamRepository;
import io.earpiece.db.user.UserEntity;
import io.earpiece.db.user.UserRepository;
import io.earpiece.db.user.UserRole;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * A team's routing rules, read and replaced as a whole: admins for every team, a manager for their own team
 * (the security chain lets both roles reach this path; the team check is here). A refused rule set is 400 with
 * {@code message} and {@code field}, the path of the field at fault, as the playbook editor's refusals are.
 */
@RestController
public class RoutingRulesEndpoint {

    /** The body of GET and PUT. */
    public record RuleSet(List<RoutingRule> rules) {
    }

    private final RoutingRules rules;
    private final TeamRepository teams;
    private final UserRepository users;
    private final AuditLog audit;

    public RoutingRulesEndpoint(RoutingRules rules, TeamRepository teams, UserRepository users, AuditLog audit) {
        this.rules = rules;
        this.teams = teams;
        this.users = users;
        this.audit = audit;
    }

    @GetMapping("/api/admin/teams/{team}/routing-rules")
    public Mono<RuleSet> get(@PathVariable String team, Authentication auth) {
        return blocking(() -> {
            requireScope(team, auth);
            return new RuleSet(rules.of(team));
        });
    }

    @PutMapping("/api/admin/teams/{team}/routing-rules")
    public Mono<ResponseEntity<Object>> put(@PathVariable String team, @RequestBody(required = false) RuleSet body,
                                            Authentication auth, ServerHttpRequest request) {
        return blocking(() -> {
            requireScope(team, auth);
            List<RoutingRule> replacement = body == null ? null : body.rules();
            try {
                List<RoutingRule> stored = audit.audited(new AuditLog.Entry(auth.getName(), AuditLog.ROUTING_EDIT,
                        team, (replacement == null ? 0 : replacement.size()) + " rules", AuditLog.source(request)),
                        () -> rules.replace(team, replacement, auth.getName()));
                return ResponseEntity.ok(new RuleSet(stored));
            } catch (RoutingRuleException e) {
                return FieldRefusal.body(e.getMessage(), e.field());
            }
        });
    }

    /** 404 for an unknown team; 403 unless an admin or a manager of this team. */
    private void requireScope(String team, Authentication auth) {
        var found = teams.findByName(team)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no team " + team));
        UserEntity user = users.findByUsername(auth.getName()).filter(UserEntity::isEnabled)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN, "not allowed"));
        boolean allowed = user.getRole() == UserRole.ADMIN
                || user.getRole() == UserRole.MANAGER && found.getId().equals(user.getTeamId());
        if (!allowed) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "only an admin or a manager of " + team + " may see or change its routing rules");
        }
    }

    private static <T> Mono<T> blocking(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }
}
