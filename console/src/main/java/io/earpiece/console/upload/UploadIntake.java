package io.earpiece.console.upload;

import io.earpiece.console.storage.StorageFullException;
import io.earpiece.upload.MediaException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.Exceptions;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;

/**
 * Where every way in (multipart, resumable, watched folder) hands a stored file over: it is checked, and either
 * becomes a queued job or is deleted with the reason. Nothing of a call exists before a job has finished.
 * Blocking (ffprobe, JPA).
 */
@Service
public class UploadIntake {

    private static final int MAX_NAME = 512;

    private final UploadInspector inspector;
    private final UploadJobs jobs;
    private final UploadJobRunner runner;

    public UploadIntake(UploadInspector inspector, UploadJobs jobs, UploadJobRunner runner) {
        this.inspector = inspector;
        this.jobs = jobs;
        this.runner = runner;
    }

    /** Why nothing can be transcribed now (no model, no ffmpeg); uploads are then refused with 503. */
    public Optional<String> unavailable() {
        return runner.unavailable();
    }

    /**
     * Refuses a stored upload that cannot be analysed now: its format is checked first, so a file that is not
     * audio is told so (415, 422) rather than "transcription is off" (503); either way the file is deleted.
     */
    public void refuse(StoredFile file, String whyOff) throws IOException, MediaException {
        try {
            inspector.checkFormat(file.path());
        } finally {
            Files.deleteIfExists(file.path());
        }
        throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, whyOff);
    }

    public UploadView accept(String jobId, StoredFile file, String fileName, String source)
            throws IOException, MediaException {
        return accept(jobId, file, fileName, source, null, null);
    }

    /**
     * As {@link #accept(String, StoredFile, String, String)}, recording who uploaded it (null: nobody signed in)
     * and which speaker is the rep (a label from {@link SpeakerNames#repChoice}; null: the default).
     */
    public UploadView accept(String jobId, StoredFile file, String fileName, String source, String uploadedBy,
                             String repSpeaker) throws IOException, MediaException {
        UploadInspector.Inspection inspection;
        try {
            inspection = inspector.inspect(file.path());
        } catch (IOException | MediaException | RuntimeException e) {
            Files.deleteIfExists(file.path());
            throw e;
        }
        return jobs.create(jobId, file, name(fileName), inspection, source, uploadedBy, repSpeaker);
    }

    static String name(String fileName) {
        String n = fileName == null || fileName.isBlank() ? "upload" : fileName.strip();
        return n.length() <= MAX_NAME ? n : n.substring(0, MAX_NAME);
    }

    /** The HTTP answer for what went wrong with an upload. */
    static Throwable toHttp(Throwable error) {
        Throwable e = Exceptions.unwrap(error);
        if (e instanceof ResponseStatusException) {
            return e;
        }
        if (e instanceof MediaException m) {
            return new ResponseStatusException(HttpStatus.valueOf(m.httpStatus()), m.getMessage());
        }
        if (e instanceof StorageFullException) {
            return new ResponseStatusException(HttpStatus.INSUFFICIENT_STORAGE, e.getMessage());
        }
        if (e instanceof UploadTooLargeException) {
            return new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE, e.getMessage());
        }
        if (e instanceof IllegalStateException && e.getMessage() != null) {
            return new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        }
        return e;
    }
}
