package io.earpiece.assist.compliance;

/**
 * Per-call tracker of the disclosure rule: it reports once, at the first segment ending after the deadline,
 * when the rep has not yet disclosed that the call is recorded.
 */
public final class DisclosureDeadline {
    private final double deadlineS;
    private boolean disclosed;
    private boolean reported;

    public DisclosureDeadline(double deadlineS) {
        this.deadlineS = deadlineS;
    }

    public void disclosed() {
        disclosed = true;
    }

    /** True exactly once, when call time {@code nowS} has passed the deadline without a disclosure. */
    public boolean missedAt(double nowS) {
        if (disclosed || reported || nowS < deadlineS) {
            return false;
        }
        reported = true;
        return true;
    }
}
