package io.earpiece.console.call;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Hangs up the calls in progress first when the application stops, before the web server's graceful shutdown
 * waits (up to 30 s) for open requests: a browser's WebSocket counts as one, so without this the parties would
 * hear nothing for that long before their BYE, and a peer may give up on the call meanwhile. The SIP stack is
 * still running at this point; it stops when its bean is destroyed, after every lifecycle phase.
 */
@Component
public class HangUpOnShutdown implements SmartLifecycle {

    private final CallCoordinator calls;
    private final io.earpiece.console.drain.NodeDrain drain;
    private volatile boolean running;

    public HangUpOnShutdown(CallCoordinator calls, io.earpiece.console.drain.NodeDrain drain) {
        this.calls = calls;
        this.drain = drain;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        drain.beforeShutdown(); // with earpiece.cluster.drain.on-shutdown: calls may end by themselves first
        calls.hangUpAll();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before everything else, the web server's graceful shutdown included. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
