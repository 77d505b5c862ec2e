package io.earpiece.console.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.earpiece.console.assist.CallTeams;
import io.earpiece.console.export.ExportOutbox;
import io.earpiece.console.upload.SpeakerNames;
import io.earpiece.db.call.CallEntity;
import io.earpiece.db.routing.RoutedMessageEntity;
import io.earpiece.db.routing.RoutedMessageRepository;
import io.earpiece.db.summary.ActionItemEntity;
import io.earpiece.db.summary.ActionItemRepository;
import io.earpiece.db.user.TeamRepository;
import io.earpiece.db.user.UserEntity;
import io.earpiece.db.user.UserRepository;
import io.earpiece.db.user.UserRole;
import io.earpiece.summary.CallSummary;
import io.earpiece.summary.Utterance;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Routes a call once, when its summary is stored: the rules of the call's team are matched against the summary
 * and transcript, and each match becomes routed messages (one per recipient, each delivered by an export outbox
 * job in the summary's transaction, so none is lost or sent twice) and, where the rule says, the assignment of
 * the call's action items.
 */
@Component
public class CallRouter {

    /** Outbox targets of routed messages: "routing:SEQ", one per message of a call. */
    public static final String TARGET_PREFIX = "routing:";  // CallExportsEndpoint leaves these out
    /** Idempotency keys of routed messages: "routed/ID". */
    public static final String KEY_PREFIX = "routed/";

    private final RoutingRules rules;
    private final CallTeams teams;
    private final TeamRepository teamRows;
    private final UserRepository users;
    private final ActionItemRepository actionItems;
    private final RoutedMessageRepository routed;
    private final ExportOutbox outbox;
    private final RoutedMessageText text;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    public CallRouter(RoutingRules rules, CallTeams teams, TeamRepository teamRows, UserRepository users,
                      ActionItemRepository actionItems, RoutedMessageRepository routed, ExportOutbox outbox,
                      RoutedMessageText text, ObjectMapper json) {
        this.rules = rules;
        this.teams = teams;
        this.teamRows = teamRows;
        this.users = users;
        this.actionItems = actionItems;
        this.routed = routed;
        this.outbox = outbox;
        this.text = text;
        this.json = json;
    }

    /** Must join the summary's transaction; returns how many routed entries were stored. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int route(CallEntity call, CallSummary summary, String summaryText, List<Utterance> said,
                     List<SpeakerNames.PartyName> parties) {
        Optional<String> team = teams.teamOfCall(call.getId());
        if (team.isEmpty()) {
            return 0;
        }
        List<RoutingRule> teamRules = rules.of(team.get());
        if (teamRules.isEmpty()) {
            return 0;
        }
        Routing routing = new Routing(call, summary, summaryText, parties, team.get());
        for (RoutingRule rule : teamRules) {
            RuleMatcher.match(rule.when(), summary, said).ifPresent(m -> apply(routing, rule, m));
        }
        return routing.seq;
    }

    /** What routing one call carries between its rules. */
    private final class Routing {
        final CallEntity call;
        final CallSummary summary;
        final String summaryText;
        final List<SpeakerNames.PartyName> parties;
        final String team;
        String payload;
        int seq;

        Routing(CallEntity call, CallSummary summary, String summaryText, List<SpeakerNames.PartyName> parties,
                String team) {
            this.call = call;
            this.summary = summary;
            this.summaryText = summaryText;
            this.parties = parties;
            this.team = team;
        }

        String payload() {
            if (payload == null) {
                payload = outbox.payload(call, summary, summaryText, parties);
            }
            return payload;
        }
    }

    private void apply(Routing r, RoutingRule rule, RuleMatcher.Match match) {
        String assignee = rule.assignActionItemsTo();
        if (assignee != null) {
            assign(r, rule, match, assignee);
        }
        for (RoutingRule.Recipient n : rule.recipients()) {
            switch (n.kind()) {
                case "email" -> send(r, rule, match, "email", n.to(), n.to(), assignee);
                case "slack" -> send(r, rule, match, "slack", "Slack " + masked(n.url()), n.url(), assignee);
                case "webhook" -> send(r, rule, match, "webhook", "webhook " + withoutQuery(n.url()), n.url(),
                        assignee);
                case "team-lead" -> teamLeads(r, rule, match, assignee);
                default -> throw new IllegalStateException("unchecked notify kind " + n.kind());
            }
        }
    }

    private void teamLeads(Routing r, RoutingRule rule, RuleMatcher.Match match, String assignee) {
        Long teamId = teamRows.findByName(r.team).map(t -> t.getId()).orElse(null);
        List<UserEntity> leads = teamId == null ? List.of() : users.findByTeamId(teamId).stream()
                .filter(u -> u.getRole() == UserRole.MANAGER && u.isEnabled())
                .sorted(Comparator.comparing(UserEntity::getUsername)).toList();
        if (leads.isEmpty()) {
            notSent(r, rule, match, "email", "team lead of " + r.team, "the team has no manager", assignee);
        }
        for (UserEntity lead : leads) {
            String who = "team lead " + lead.getUsername();
            if (lead.getEmail() == null || lead.getEmail().isBlank()) {
                notSent(r, rule, match, "email", who, lead.getUsername() + " has no e-mail address", assignee);
            } else {
                send(r, rule, match, "email", who + " <" + lead.getEmail() + ">", lead.getEmail(), assignee);
            }
        }
    }

    private void send(Routing r, RoutingRule rule, RuleMatcher.Match match, String channel, String recipient,
                      String target, String assignee) {
        RoutedMessageEntity m = entry(r, rule, match, channel, recipient, target, assignee);
        m.deliverBy(outbox.queue(r.call.getId(), TARGET_PREFIX + m.getSeq(), KEY_PREFIX + m.getId(), r.payload()));
        routed.save(m);
    }

    private void notSent(Routing r, RoutingRule rule, RuleMatcher.Match match, String channel, String recipient,
                         String why, String assignee) {
        RoutedMessageEntity m = entry(r, rule, match, channel, recipient, null, assignee);
        m.settle(RoutedStatus.NOT_SENT, why);
        routed.save(m);
    }

    private void assign(Routing r, RoutingRule rule, RuleMatcher.Match match, String username) {
        RoutedMessageEntity m = entry(r, rule, match, "assign", username, null, username);
        if (users.findByUsername(username).isEmpty()) {
            m.settle(RoutedStatus.NOT_SENT, "there is no user named " + username + " any more");
        } else {
            List<ActionItemEntity> items = actionItems.findByCallIdOrderBySeqAsc(r.call.getId());
            items.forEach(a -> a.assignTo(username));
            m.settle(RoutedStatus.ASSIGNED, items.size() + (items.size() == 1 ? " action item" : " action items")
                    + " assigned to " + username);
        }
        routed.save(m);
    }

    private RoutedMessageEntity entry(Routing r, RoutingRule rule, RuleMatcher.Match match, String channel,
                                      String recipient, String target, String assignee) {
        RoutedMessageText.Text t = text.of(r.call, r.summary, r.team, rule, match.reason(), assignee);
        String matched;
        try {
            matched = json.writeValueAsString(match.matched());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write what a rule matched", e);
        }
        Instant now = clock.instant();
        return new RoutedMessageEntity(UUID.randomUUID().toString(), r.call.getId(), r.seq++, rule.name(),
                rule.escalation(), fit(match.reason(), 2000), fit(matched, 4000), channel, fit(recipient, 500),
                target, t.subject(), t.body(), now);
    }

    /** A Slack webhook URL is a credential: the page shows its host and the last characters only. */
    static String masked(String url) {
        URI u = URI.create(url);
        String path = u.getRawPath() == null ? "" : u.getRawPath();
        return u.getHost() + "/…" + (path.length() > 4 ? path.substring(path.length() - 4) : "");
    }

    static String withoutQuery(String url) {
        URI u = URI.create(url);
        return u.getScheme() + "://" + u.getRawAuthority() + (u.getRawPath() == null ? "" : u.getRawPath());
    }

    static String fit(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
