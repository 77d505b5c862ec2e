package io.earpiece.assist.coaching;

/**
 * Per-call tracker of the rep's longest stretch without the customer speaking; it fires once per stretch
 * when the stretch passes the limit, from segment times alone.
 */
public final class MonologueWatch {
    private final double limitS;
    private double since = Double.NaN;
    private boolean nudged;
    private double longestS;

    public MonologueWatch(double limitS) {
        this.limitS = limitS;
    }

    /** Records a segment; returns true when this segment takes the rep's monologue past the limit. */
    public boolean onSegment(String speaker, double startS, double endS) {
        if (!speaker.equals("rep")) {
            since = Double.NaN;
            nudged = false;
            return false;
        }
        if (Double.isNaN(since)) {
            since = startS;
        }
        double length = endS - since;
        longestS = Math.max(longestS, length);
        if (!nudged && length > limitS) {
            nudged = true;
            return true;
        }
        return false;
    }

    public double longestS() {
        return longestS;
    }
}
