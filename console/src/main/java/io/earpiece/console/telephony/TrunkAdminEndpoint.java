package io.earpiece.console.telephony;

import io.earpiece.console.audit.AuditLog;
import io.earpiece.db.telephony.TrunkEntity;
import io.earpiece.db.telephony.TrunkRepository;
import io.earpiece.sip.trunk.TrunkConfig;
import io.earpiece.sip.trunk.TrunkConfigException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/** Admin API for SIP trunks: CRUD with a write-only password, and each trunk's registration status. */
@RestController
@RequestMapping("/api/admin/trunks")
@ConditionalOnProperty(prefix = "earpiece.telephony", name = "enabled", havingValue = "true", matchIfMissing = true)
public class TrunkAdminEndpoint {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final TrunkRepository trunks;
    private final TrunkPasswords passwords;
    private final TrunkRuntime runtime;
    private final AuditLog audit;

    public TrunkAdminEndpoint(TrunkRepository trunks, TrunkPasswords passwords, TrunkRuntime runtime, AuditLog audit) {
        this.trunks = trunks;
        this.passwords = passwords;
        this.runtime = runtime;
        this.audit = audit;
    }

    @GetMapping
    public Mono<List<AdminViews.TrunkView>> list() {
        return blocking(() -> trunks.findAllByOrderByCreatedAtAscIdAsc().stream().map(this::view).toList());
    }

    @GetMapping("/{id}")
    public Mono<AdminViews.TrunkView> get(@PathVariable String id) {
        return blocking(() -> view(find(id)));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<AdminViews.TrunkView> create(Authentication auth, @RequestBody AdminViews.TrunkRequest req,
                                             ServerHttpRequest request) {
        return blocking(() -> {
            if (req.id() == null || !ID.matcher(req.id()).matches()) {
                throw bad("id", "id must be 1-64 letters, digits, '.', '_' or '-'");
            }
            if (trunks.existsById(req.id())) {
                throw new ResponseStatusException(HttpStatus.CONFLICT, "trunk " + req.id() + " exists");
            }
            TrunkEntity saved = audit.audited(entry(auth, AuditLog.TRUNK_CREATE, req.id(), req, request),
                    () -> save(new TrunkEntity(req.id(), Instant.now()), req));
            runtime.reload();
            return view(saved);
        });
    }

    @PutMapping("/{id}")
    public Mono<AdminViews.TrunkView> update(Authentication auth, @PathVariable String id,
                                             @RequestBody AdminViews.TrunkRequest req, ServerHttpRequest request) {
        return blocking(() -> {
            TrunkEntity saved = audit.audited(entry(auth, AuditLog.TRUNK_UPDATE, id, req, request),
                    () -> save(find(id), req));
            runtime.reload();
            return view(saved);
        });
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public Mono<Void> delete(Authentication auth, @PathVariable String id, ServerHttpRequest request) {
        return blocking(() -> {
            audit.audited(new AuditLog.Entry(auth.getName(), AuditLog.TRUNK_DELETE, id, null, AuditLog.source(request)),
                    () -> {
                        trunks.delete(find(id));
                        return true;
                    });
            runtime.reload();
            return true;
        }).then();
    }

    /** What the audit log says about a trunk edit: where it points, and whether the password changed (never its value). */
    private static AuditLog.Entry entry(Authentication auth, String action, String id, AdminViews.TrunkRequest req,
                                        ServerHttpRequest request) {
        String detail = req == null ? null : "host " + req.host() + ":" + req.port() + ", user " + req.username()
                + (req.password() != null ? ", password set" : "");
        return new AuditLog.Entry(auth.getName(), action, id, detail, AuditLog.source(request));
    }

    private TrunkEntity save(TrunkEntity e, AdminViews.TrunkRequest req) {
        String transport = req.transport() == null ? "udp" : req.transport();
        int interval = req.registerIntervalSeconds() == null ? 300 : req.registerIntervalSeconds();
        List<String> codecs = req.codecs() == null || req.codecs().isEmpty() ? List.of("PCMU", "PCMA") : req.codecs();
        List<String> sources = req.allowedSources() == null ? List.of() : req.allowedSources();
        if (req.host() == null || req.host().isBlank()) {
            throw bad("host", "host is required");
        }
        if (req.port() == null) {
            throw bad("port", "port is required");
        }
        if (req.username() == null || req.username().isBlank()) {
            throw bad("username", "username is required");
        }
        if (codecs.stream().anyMatch(c -> c.contains(","))) {
            throw bad("codecs", "codecs is a list of single values");
        }
        if (sources.stream().anyMatch(s -> s.contains(","))) {
            throw bad("allowedSources", "allowedSources is a list of single values");
        }
        try {
            // The sip module's own checks (port range, transport, interval, no control characters in values that
            // go into SIP headers) decide what a valid trunk is, and name the setting at fault.
            new TrunkConfig(e.getId(), req.host(), req.port(), transport, req.username(), "", req.realm(),
                    req.callerId(), codecs, sources, Duration.ofSeconds(interval));
        } catch (TrunkConfigException ex) {
            throw bad(ex.field().equals("registerInterval") ? "registerIntervalSeconds" : ex.field(),
                    ex.getMessage());
        } catch (IllegalArgumentException ex) {
            throw bad(null, ex.getMessage());
        }
        String t = transport.toLowerCase(java.util.Locale.ROOT);
        if (!runtime.offers(t)) {
            throw bad("transport", "Earpiece does not listen on " + t + ", so it cannot use a trunk over it ("
                    + (t.equals("tls") ? "set earpiece.sip.tls.enabled and a certificate"
                    : "set earpiece.sip.tcp.enabled") + ")");
        }
        AdminViews.TrunkTlsSettings tls = req.tls() != null ? req.tls() : new AdminViews.TrunkTlsSettings(
                e.getTlsServerPin(), e.getTlsTrustedCa(), e.getTlsClientCertificate(), e.getTlsClientKey());
        checkTls(tls);
        String srtp = AdminViews.srtp(req.srtp(), e.getSrtp());
        List<String> patterns = req.routePatterns() != null ? req.routePatterns()
                : TrunkRuntime.split(e.getRoutePatterns());
        int priority = req.routePriority() != null ? req.routePriority() : e.getRoutePriority();
        try {
            patterns.forEach(io.earpiece.sip.trunk.OutboundRouting::checkPattern);
        } catch (IllegalArgumentException ex) {
            throw bad("routePatterns", ex.getMessage());
        }
        if (priority < 0 || priority > 1000) {
            throw bad("routePriority", "routePriority must be 0-1000 (lower is tried first)");
        }
        if (req.password() != null) {
            try {
                e.setPasswordSealed(req.password().isEmpty() ? null : passwords.seal(req.password()));
            } catch (IllegalStateException ex) {
                throw new ResponseStatusException(HttpStatus.CONFLICT, ex.getMessage());
            }
        }
        e.update(req.host().trim(), req.port(), transport.toLowerCase(java.util.Locale.ROOT), req.username(),
                req.realm(), req.callerId(), String.join(",", codecs), String.join(",", sources), interval,
                req.enabled() == null || req.enabled(), Instant.now());
        e.setSrtp(srtp, Instant.now());
        e.setRoute(String.join(",", patterns), priority, Instant.now());
        e.setTls(blankToNull(tls.serverPin()), blankToNull(tls.trustedCa()), blankToNull(tls.clientCertificate()),
                blankToNull(tls.clientKey()), Instant.now());
        return trunks.save(e);
    }

    /**
     * Reads the TLS files now, so that a wrong path or a key that does not match its certificate is a 400 naming the
     * file rather than a trunk that fails later.
     */
    private static void checkTls(AdminViews.TrunkTlsSettings tls) {
        try {
            io.earpiece.sip.trunk.TrunkTls t = new io.earpiece.sip.trunk.TrunkTls(blankToNull(tls.serverPin()),
                    path(tls.trustedCa()), path(tls.clientCertificate()), path(tls.clientKey()));
            io.earpiece.sip.trunk.TrunkTlsContext.build(t, null);
        } catch (TrunkConfigException ex) {
            throw bad(ex.field(), "tls: " + ex.getMessage());
        } catch (IllegalArgumentException ex) {
            // the one other refusal of the settings themselves: a pin that is no SHA-256 fingerprint
            throw bad("tls.serverPin", "tls: " + ex.getMessage());
        } catch (io.earpiece.sip.tls.TlsMaterialException ex) {
            throw bad(tlsField(tls, ex.file()), "tls: " + ex.getMessage());
        }
    }

    /** Which TLS setting names {@code file} (a file that could not be read or used), or null. */
    private static String tlsField(AdminViews.TrunkTlsSettings tls, java.nio.file.Path file) {
        if (file == null) {
            return null;
        }
        if (file.equals(path(tls.trustedCa()))) {
            return "tls.trustedCa";
        }
        if (file.equals(path(tls.clientCertificate()))) {
            return "tls.clientCertificate";
        }
        return file.equals(path(tls.clientKey())) ? "tls.clientKey" : null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static java.nio.file.Path path(String s) {
        return blankToNull(s) == null ? null : java.nio.file.Path.of(s.strip());
    }

    private TrunkEntity find(String id) {
        return trunks.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no trunk " + id));
    }

    private AdminViews.TrunkView view(TrunkEntity e) {
        return AdminViews.trunk(e, runtime.status(e.getId()).orElse(null));
    }

    /** A 400 naming the request field at fault ({@code tls.trustedCa}), or none ({@code field} null). */
    private static ResponseStatusException bad(String field, String reason) {
        return field == null ? new ResponseStatusException(HttpStatus.BAD_REQUEST, reason)
                : new io.earpiece.console.api.FieldRefusal(field, reason);
    }

    static <T> Mono<T> blocking(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }
}
