package io.earpiece.sip.b2bua;

/**
 * Maps the final failure status of the outgoing leg to what the caller is told: statuses about the far party
 * pass through, statuses about the hop (auth, redirects, overload of the carrier) become gateway errors.
 */
public final class ResponseMapper {
    private ResponseMapper() {
    }

    /** The status to answer the caller with for a 3xx-6xx from the outgoing leg. */
    public static int toCaller(int status) {
        if (status >= 300 && status < 400) {
            // We do not follow redirects to arbitrary targets; the caller sees the callee as unavailable.
            return 480;
        }
        return switch (status) {
            // Challenges and interval errors concern our hop, never the caller's.
            case 401, 407, 423, 422 -> 503;
            // 503 from the carrier must not tell the caller that Earpiece itself is overloaded.
            case 503 -> 502;
            default -> status >= 400 && status <= 699 ? status : 500;
        };
    }

    /** The disposition a final status means. */
    public static CallDetail.Disposition disposition(int status) {
        return switch (status) {
            case 486, 600 -> CallDetail.Disposition.BUSY;
            case 408, 480 -> CallDetail.Disposition.NO_ANSWER;
            case 487 -> CallDetail.Disposition.CANCELLED;
            case 403, 404, 484, 485, 488, 603, 606 -> CallDetail.Disposition.REJECTED;
            default -> status >= 200 && status < 300 ? CallDetail.Disposition.ANSWERED : CallDetail.Disposition.FAILED;
        };
    }
}
