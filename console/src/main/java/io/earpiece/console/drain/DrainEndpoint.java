package io.earpiece.console.drain;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

/** {@code /actuator/drain}: POST starts a graceful drain ({@link NodeDrain}), GET says where it stands. Admins only. */
@Component
@Endpoint(id = "drain")
public class DrainEndpoint {

    private final NodeDrain drain;

    public DrainEndpoint(NodeDrain drain) {
        this.drain = drain;
    }

    @WriteOperation
    public NodeDrain.State start() {
        return drain.start();
    }

    @ReadOperation
    public NodeDrain.State state() {
        return drain.state();
    }
}
