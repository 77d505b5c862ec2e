package io.earpiece.console.analytics;

import io.earpiece.console.report.ReportProperties;
import io.earpiece.console.search.TimeParams;
import io.earpiece.db.user.TeamEntity;
import io.earpiece.db.user.TeamRepository;
import io.earpiece.db.user.UserEntity;
import io.earpiece.db.user.UserRepository;
import io.earpiece.db.user.UserRole;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/analytics?from=DATE&to=DATE&team=NAME}: the managers' dashboard. Admins see any team (or every
 * user without {@code team}); a manager sees their own team only, and naming another team is a 403; reps have no
 * dashboard (403). Dates are whole days in the reports' zone, {@code to} included; by default the last 12 weeks;
 * at most 366 days, and {@code from} after {@code to} is a 400. The view says how long the figures took, in all
 * ({@code queryMs}) and per figure ({@code queryTimesMs}).
 */
@RestController
@PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
public class AnalyticsEndpoint {

    static final int MAX_DAYS = 366;

    /** The dashboard with what it covers: the period, the team filter, and the teams the user may pick. */
    public record View(LocalDate from, LocalDate to, String team, List<String> teams, List<String> reps,
                       TeamAnalytics.Dashboard dashboard, long queryMs, Map<String, Long> queryTimesMs) {
    }

    private final TeamAnalytics analytics;
    private final UserRepository users;
    private final TeamRepository teams;
    private final ReportProperties properties;

    public AnalyticsEndpoint(TeamAnalytics analytics, UserRepository users, TeamRepository teams,
                             ReportProperties properties) {
        this.analytics = analytics;
        this.users = users;
        this.teams = teams;
        this.properties = properties;
    }

    @GetMapping("/api/analytics")
    public Mono<View> dashboard(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                @RequestParam(required = false) String team, Authentication auth) {
        LocalDate today = LocalDate.now(properties.zone());
        LocalDate last;
        LocalDate first;
        try {
            last = to == null || to.isBlank() ? today : LocalDate.parse(to.strip());
            first = from == null || from.isBlank() ? last.minusWeeks(12).plusDays(1) : LocalDate.parse(from.strip());
        } catch (java.time.format.DateTimeParseException e) {
            return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "from and to must be dates such as 2026-11-02"));
        }
        if (first.isAfter(last)) {
            return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST, "from is after to"));
        }
        if (first.plusDays(MAX_DAYS).isBefore(last.plusDays(1))) {
            return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "the period is longer than " + MAX_DAYS + " days"));
        }
        String teamName = team == null || team.isBlank() ? null : team.strip();
        return Mono.fromCallable(() -> {
            UserEntity me = users.findByUsername(auth.getName()).filter(UserEntity::isEnabled).orElseThrow(() ->
                    new ResponseStatusException(HttpStatus.FORBIDDEN, "no such user"));
            List<String> allowed;
            List<UserEntity> scope;
            if (me.getRole() == UserRole.ADMIN) {
                allowed = teams.findAllByOrderByNameAsc().stream().map(TeamEntity::getName).toList();
                if (teamName == null) {
                    scope = users.findAllByOrderByUsernameAsc();
                } else {
                    TeamEntity t = teams.findByName(teamName).orElseThrow(() ->
                            new ResponseStatusException(HttpStatus.NOT_FOUND, "no team " + teamName));
                    scope = users.findByTeamId(t.getId());
                }
            } else {
                TeamEntity own = me.getTeamId() == null ? null : teams.findById(me.getTeamId()).orElse(null);
                allowed = own == null ? List.of() : List.of(own.getName());
                if (teamName != null && (own == null || !own.getName().equals(teamName))) {
                    throw new ResponseStatusException(HttpStatus.FORBIDDEN, "managers see their own team only");
                }
                scope = own == null ? List.of(me) : users.findByTeamId(own.getId());
            }
            Instant start = TimeParams.start(first.toString(), properties.zone());
            Instant end = TimeParams.end(last.toString(), properties.zone());
            long t0 = System.nanoTime();
            TeamAnalytics.Timed d = analytics.timedDashboard(new TeamAnalytics.Scope(scope), start, end, today);
            long ms = Duration.ofNanos(System.nanoTime() - t0).toMillis();
            return new View(first, last, teamName, allowed,
                    scope.stream().map(UserEntity::getUsername).sorted().toList(), d.dashboard(), ms, d.queryMs());
        }).subscribeOn(Schedulers.boundedElastic());
    }
}
