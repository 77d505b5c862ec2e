package io.earpiece.sip.uas;

/** An initial INVITE the gateway will not take, with the SIP status and reason phrase to answer. */
final class InviteRejection extends Exception {
    final int status;

    InviteRejection(int status, String reason) {
        super(reason);
        this.status = status;
    }
}
