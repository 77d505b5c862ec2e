package io.earpiece.sip;

import io.earpiece.sip.call.CallController;

/** Lets tests in feature packages use the package-private recording controller. */
public final class RecordingControllerAccess {
    private RecordingControllerAccess() {
    }

    public static CallController create() {
        return new RecordingController();
    }
}
