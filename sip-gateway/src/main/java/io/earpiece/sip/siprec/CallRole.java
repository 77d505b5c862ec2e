package io.earpiece.sip.siprec;

/** Which end of the recorded call a participant is, as the recording client's metadata says (if it does). */
public enum CallRole {
    CALLER, CALLEE, NOT_STATED
}
