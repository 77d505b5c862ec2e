package io.earpiece.media.leg;

/** Why an incoming datagram was refused. */
public enum DropReason { MALFORMED, WRONG_SOURCE, WRONG_PAYLOAD_TYPE, LATE_DUPLICATE }
