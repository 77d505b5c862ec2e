package io.earpiece.media;

/** Every RTP port in the configured pool is in use (or could not be bound), so no leg can be opened. */
public final class PortsExhaustedException extends RuntimeException {

    public PortsExhaustedException(String message) {
        super(message);
    }
}
