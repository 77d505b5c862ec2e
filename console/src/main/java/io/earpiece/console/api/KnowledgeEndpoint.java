package io.earpiece.console.api;

import io.earpiece.console.assist.AssistEngines;
import io.earpiece.console.assist.KnowledgeStore;
import io.earpiece.db.knowledge.KnowledgeDocumentEntity;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/**
 * The knowledge base that answer cards cite: admins create, edit and delete documents, managers read them.
 * Every change is versioned, and calls that start afterwards answer from the new documents.
 */
@RestController
@RequestMapping("/api/knowledge")
public class KnowledgeEndpoint {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,126}[a-z0-9])?");
    private static final int MAX_TITLE = 255;
    private static final int MAX_SOURCE = 1024;
    private static final int MAX_BODY = 200_000;

    private final KnowledgeStore store;
    private final AssistEngines engines;

    public KnowledgeEndpoint(KnowledgeStore store, AssistEngines engines) {
        this.store = store;
        this.engines = engines;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public Mono<List<AssistViews.DocumentView>> list() {
        return blocking(() -> store.list().stream().map(AssistViews::document).toList());
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public Mono<AssistViews.DocumentView> get(@PathVariable long id) {
        return blocking(() -> AssistViews.document(store.find(id).orElseThrow(() -> notFound(id))));
    }

    @GetMapping("/{id}/versions")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public Mono<List<AssistViews.DocumentVersionView>> versions(@PathVariable long id) {
        return blocking(() -> {
            List<AssistViews.DocumentVersionView> all = store.versions(id).stream().map(AssistViews::version).toList();
            if (all.isEmpty()) {
                throw notFound(id);
            }
            return all;
        });
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    public Mono<ResponseEntity<AssistViews.DocumentView>> create(@RequestBody AssistViews.DocumentRequest request,
                                                                 Authentication user) {
        return blocking(() -> {
            checkContent(request);
            String slug = request.slug() == null || request.slug().isBlank() ? slugOf(request.title())
                    : request.slug().strip();
            if (!SLUG.matcher(slug).matches()) {
                throw badRequest("slug must be lower-case letters, digits and inner dashes, at most 128 characters");
            }
            if (store.slugTaken(slug)) {
                throw new ResponseStatusException(HttpStatus.CONFLICT, "a document with slug " + slug + " exists");
            }
            KnowledgeDocumentEntity created;
            try {
                created = store.create(slug, request.title().strip(), request.body().strip(), request.source().strip(),
                        user.getName());
            } catch (DataIntegrityViolationException e) {
                throw new ResponseStatusException(HttpStatus.CONFLICT, "a document with slug " + slug + " exists");
            }
            engines.warmKnowledge();
            return ResponseEntity.status(HttpStatus.CREATED).body(AssistViews.document(created));
        });
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    public Mono<AssistViews.DocumentView> edit(@PathVariable long id,
                                               @RequestBody AssistViews.DocumentRequest request,
                                               Authentication user) {
        return blocking(() -> {
            checkContent(request);
            KnowledgeDocumentEntity current = store.find(id).orElseThrow(() -> notFound(id));
            if (request.slug() != null && !request.slug().isBlank() && !request.slug().strip().equals(current.getSlug())) {
                throw badRequest("a document's slug cannot change (cards cite it); create a new document instead");
            }
            KnowledgeDocumentEntity revised = store.revise(id, request.title().strip(), request.body().strip(),
                    request.source().strip(), user.getName()).orElseThrow(() -> notFound(id));
            engines.warmKnowledge();
            return AssistViews.document(revised);
        });
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    public Mono<ResponseEntity<Void>> delete(@PathVariable long id, Authentication user) {
        return blocking(() -> {
            if (!store.delete(id, user.getName())) {
                throw notFound(id);
            }
            engines.warmKnowledge();
            return ResponseEntity.noContent().build();
        });
    }

    private static void checkContent(AssistViews.DocumentRequest r) {
        if (r == null || blank(r.title()) || blank(r.body()) || blank(r.source())) {
            throw badRequest("a document needs a title, a body and a source (URL or path the answer card cites)");
        }
        if (r.title().strip().length() > MAX_TITLE || r.source().strip().length() > MAX_SOURCE
                || r.body().strip().length() > MAX_BODY) {
            throw badRequest("title, source and body may have at most " + MAX_TITLE + ", " + MAX_SOURCE + " and "
                    + MAX_BODY + " characters");
        }
    }

    /** A slug from a title: "Single sign-on & SCIM" becomes "single-sign-on-scim". */
    static String slugOf(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 128) {
            slug = slug.substring(0, 128).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "document" : slug;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static ResponseStatusException badRequest(String message) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, message);
    }

    private static ResponseStatusException notFound(long id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no knowledge document " + id);
    }

    private static <T> Mono<T> blocking(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }
}
