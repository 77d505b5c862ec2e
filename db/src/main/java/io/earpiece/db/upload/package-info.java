/** Persistence of uploaded recordings: transcription jobs, resumable upload sessions and named speakers. */
package io.earpiece.db.upload;
