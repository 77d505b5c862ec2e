package io.earpiece.console.telephony;

import io.earpiece.db.telephony.DidRouteEntity;
import io.earpiece.db.telephony.DidRouteRepository;
import io.earpiece.sip.b2bua.DidRouter;

import java.util.Optional;

/** Routes inbound trunk calls by the DID -> rep table in the database. */
public final class DatabaseDidRouter implements DidRouter {

    private final DidRouteRepository routes;

    public DatabaseDidRouter(DidRouteRepository routes) {
        this.routes = routes;
    }

    @Override
    public Optional<String> repFor(String did) {
        return did == null ? Optional.empty() : routes.findById(did).map(DidRouteEntity::getRepUsername);
    }
}
