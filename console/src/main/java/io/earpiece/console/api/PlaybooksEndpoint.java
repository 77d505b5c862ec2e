package io.earpiece.console.api;

import io.earpiece.assist.playbook.PlaybookException;
import io.earpiece.console.assist.PlaybookEditor;
import io.earpiece.console.audit.AuditLog;
import io.earpiece.console.assist.PlaybookStore;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * Playbooks per team ({@code default} for teams without their own), versioned: admins edit, managers read.
 * {@code PUT} takes the YAML or JSON text, checks it with the engine's own loader (400 with the reason when it
 * is not a playbook) and answers the new version; calls that start afterwards use it.
 */
@RestController
@RequestMapping("/api/playbooks")
public class PlaybooksEndpoint {

    private static final int MAX_BODY_CHARS = 500_000;

    private final PlaybookStore store;
    private final PlaybookEditor editor;
    private final AuditLog audit;

    public PlaybooksEndpoint(PlaybookStore store, PlaybookEditor editor, AuditLog audit) {
        this.store = store;
        this.editor = editor;
        this.audit = audit;
    }

    /** The newest version of every playbook, without bodies. */
    @GetMapping
    @PreAuthorize("@playbookReaders.mayReadAll(authentication)")
    public Mono<List<AssistViews.PlaybookView>> list() {
        return blocking(() -> store.latest().stream().map(p -> AssistViews.playbook(p, null, false)).toList());
    }

    /** The playbook the team's calls use now, with its text. */
    @GetMapping("/{team}")
    @PreAuthorize("@playbookReaders.mayReadAll(authentication)")
    public Mono<AssistViews.PlaybookView> current(@PathVariable String team) {
        return blocking(() -> {
            requireScope(team);
            var effective = store.effective(team).orElseThrow(() -> notFound("no playbook for " + team));
            return AssistViews.playbook(effective, !effective.getTeam().equals(team), true);
        });
    }

    @PutMapping("/{team}")
    @PreAuthorize("hasRole('ADMIN')")
    public Mono<ResponseEntity<Object>> edit(@PathVariable String team,
                                                               @RequestBody(required = false) String body,
                                                               Authentication user, ServerHttpRequest request) {
        return blocking(() -> {
            requireScope(team);
            if (body == null || body.isBlank()) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "invalid playbook: the body is empty");
            }
            if (body.length() > MAX_BODY_CHARS) {
                throw new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE,
                        "a playbook may have at most " + MAX_BODY_CHARS + " characters");
            }
            PlaybookEditor.Published published;
            try {
                published = audit.audited(new AuditLog.Entry(user.getName(), AuditLog.PLAYBOOK_EDIT, team,
                        body.length() + " characters", AuditLog.source(request)),
                        () -> editor.publish(team, body, user.getName()));
            } catch (PlaybookException e) {
                return refused(e);
            } catch (DataIntegrityViolationException e) {
                throw new ResponseStatusException(HttpStatus.CONFLICT, "the playbook of " + team
                        + " was edited at the same time; read it again and retry");
            }
            AssistViews.PlaybookView view = AssistViews.playbook(published.version(), false, false);
            return ResponseEntity.status(published.created() ? HttpStatus.CREATED : HttpStatus.OK).<Object>body(view);
        });
    }

    /**
     * 400 with the loader's reason as {@code message} (as every refusal has) and, where it knows, {@code field}: the
     * path of the field at fault ({@code intents[2].exemplars}), so the editor can show the reason beside it.
     */
    private static ResponseEntity<Object> refused(PlaybookException e) {
        return FieldRefusal.body(e.getMessage(), e.field());
    }

    /** Every version of the team's own playbook, newest first, without bodies. */
    @GetMapping("/{team}/versions")
    @PreAuthorize("@playbookReaders.mayReadAll(authentication)")
    public Mono<List<AssistViews.PlaybookView>> versions(@PathVariable String team) {
        return blocking(() -> {
            requireScope(team);
            return store.versions(team).stream().map(p -> AssistViews.playbook(p, null, false)).toList();
        });
    }

    @GetMapping("/{team}/versions/{version}")
    @PreAuthorize("@playbookReaders.mayReadAll(authentication)")
    public Mono<AssistViews.PlaybookView> version(@PathVariable String team, @PathVariable int version) {
        return blocking(() -> store.version(team, version).map(p -> AssistViews.playbook(p, null, true))
                .orElseThrow(() -> notFound("no version " + version + " of the playbook of " + team)));
    }

    private void requireScope(String team) {
        if (!store.isScope(team)) {
            throw notFound("no team " + team);
        }
    }

    private static ResponseStatusException notFound(String message) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, message);
    }

    private static <T> Mono<T> blocking(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }
}
