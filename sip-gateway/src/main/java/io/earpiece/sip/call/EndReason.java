package io.earpiece.sip.call;

/** Why a leg ended. */
public enum EndReason {
    /** The peer sent BYE. */
    REMOTE_BYE,
    /** The peer cancelled before the leg was answered. */
    CANCELLED,
    /** Earpiece hung up (media timeout, shutdown, admin). */
    LOCAL_HANGUP,
    /** The ACK never came or the transaction failed. */
    FAILED
}
