package io.earpiece.sip.flow;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The gateway's RFC 5626 flows: which calls must go over a registered device's own connection, and who hears when
 * such a connection ends. The stack asks {@link #pinned} for the next hop of every request it sends, so a leg's
 * INVITE, CANCEL, ACK, BYE and re-INVITEs all take the flow, not the (unreachable) address in the device's Contact;
 * the stack's connection-oriented processors call {@link #closed} when a connection ends.
 */
public final class Flows {
    private static final Logger log = LoggerFactory.getLogger(Flows.class);

    /** The flow each pinned call's requests go over, by the call's (leg's) Call-ID. */
    private final Map<String, Flow> pins = new ConcurrentHashMap<>();
    private final List<Consumer<Flow>> closeListeners = new CopyOnWriteArrayList<>();
    /** Flows registered over a connection this gateway holds now (not yet closed). */
    private final java.util.Set<Flow> open = ConcurrentHashMap.newKeySet();

    /**
     * A device registered a flow over a connection this gateway holds: it can be reached over it until
     * {@link #closed}. Marked before its binding is stored, so a close that races the REGISTER is not missed.
     */
    public void opened(Flow flow) {
        open.add(flow);
    }

    /**
     * Whether {@code flow}'s connection is held here now. A stored binding's flow may not be: the gateway restarted
     * since (its connections went with it), or another node of a cluster holds it.
     */
    public boolean isOpen(Flow flow) {
        return open.contains(flow);
    }

    /** Sends every request of the call {@code callId} over {@code flow} until {@link #unpin}. */
    public void pin(String callId, Flow flow) {
        pins.put(callId, flow);
    }

    /** The call's requests are routed the usual way again (it ended). */
    public void unpin(String callId) {
        pins.remove(callId);
    }

    /** The flow the call's requests go over, if it is pinned to one. */
    public Optional<Flow> pinned(String callId) {
        return callId == null ? Optional.empty() : Optional.ofNullable(pins.get(callId));
    }

    /** Calls pinned now (for tests and the leak check: each ended call unpins). */
    public int pinnedCalls() {
        return pins.size();
    }

    /** {@code listener} hears of every stream connection that ends, on the stack's thread for it. */
    public void onClosed(Consumer<Flow> listener) {
        closeListeners.add(listener);
    }

    /**
     * A TCP or TLS connection ended (the peer closed it, it failed, or the stack gave up on it): calls pinned to it
     * are unpinned (their requests could not be delivered; a new connection to a device behind NAT would not
     * reach it either) and the listeners hear of it.
     */
    public void closed(Flow flow) {
        open.remove(flow);
        pins.values().removeIf(flow::equals);
        for (Consumer<Flow> l : closeListeners) {
            try {
                l.accept(flow);
            } catch (RuntimeException e) {
                log.warn("a listener failed on the close of {}", flow.source(), e);
            }
        }
    }
}
