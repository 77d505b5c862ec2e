package io.earpiece.sip.trunk;

import java.util.List;

/** The trunks a number goes out through, in the order to try them (see {@link OutboundRouting}). */
@FunctionalInterface
public interface TrunkRouter {

    /** The trunks for {@code number}, first choice first; empty when no trunk takes it. */
    List<TrunkConfig> route(String number);
}
