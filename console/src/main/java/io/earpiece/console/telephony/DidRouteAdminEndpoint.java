package io.earpiece.console.telephony;

import io.earpiece.db.telephony.DidRouteEntity;
import io.earpiece.db.telephony.DidRouteRepository;
import io.earpiece.db.telephony.SipUserRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import static io.earpiece.console.telephony.TrunkAdminEndpoint.blocking;

/** Admin API for the DID -> rep routing table of inbound trunk calls. */
@RestController
@RequestMapping("/api/admin/did-routes")
@ConditionalOnProperty(prefix = "earpiece.telephony", name = "enabled", havingValue = "true", matchIfMissing = true)
public class DidRouteAdminEndpoint {

    private static final Pattern DID = Pattern.compile("\\+?[0-9A-Za-z*#._-]{1,63}");

    private final DidRouteRepository routes;
    private final SipUserRepository users;

    public DidRouteAdminEndpoint(DidRouteRepository routes, SipUserRepository users) {
        this.routes = routes;
        this.users = users;
    }

    @GetMapping
    public Mono<List<AdminViews.DidRouteView>> list() {
        return blocking(() -> routes.findAllByOrderByDidAsc().stream().map(AdminViews::route).toList());
    }

    /** Creates or changes the route of a DID. */
    @PutMapping("/{did}")
    public Mono<AdminViews.DidRouteView> put(@PathVariable String did, @RequestBody AdminViews.DidRouteRequest req) {
        return blocking(() -> {
            if (!DID.matcher(did).matches()) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "not a DID: " + did);
            }
            if (req.rep() == null || !users.existsById(req.rep())) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "no SIP user " + req.rep());
            }
            DidRouteEntity r = routes.findById(did).orElseGet(() -> new DidRouteEntity(did, req.rep(), Instant.now()));
            r.setRepUsername(req.rep());
            return AdminViews.route(routes.save(r));
        });
    }

    @DeleteMapping("/{did}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public Mono<Void> delete(@PathVariable String did) {
        return blocking(() -> {
            DidRouteEntity r = routes.findById(did).orElseThrow(() -> new ResponseStatusException(
                    HttpStatus.NOT_FOUND, "no route for " + did));
            routes.delete(r);
            return true;
        }).then();
    }
}
