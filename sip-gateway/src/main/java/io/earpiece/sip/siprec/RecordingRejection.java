package io.earpiece.sip.siprec;

/** A recording offer Earpiece will not take, with the SIP status and reason to answer. */
public class RecordingRejection extends Exception {
    private final int status;

    public RecordingRejection(int status, String reason) {
        super(reason);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
