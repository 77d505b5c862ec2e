package io.earpiece.plugins.export;

/** Stops a multi-step delivery early, carrying the result the attempt ends with. */
public final class ExportFailure extends Exception {
    private final transient DeliveryResult result;

    public ExportFailure(DeliveryResult result) {
        super(reasonOf(result), null, false, false);
        this.result = result;
    }

    public DeliveryResult result() {
        return result;
    }

    private static String reasonOf(DeliveryResult r) {
        if (r instanceof DeliveryResult.Retryable x) {
            return x.reason();
        }
        if (r instanceof DeliveryResult.PermanentFailure x) {
            return x.reason();
        }
        return ((DeliveryResult.Delivered) r).detail();
    }
}
