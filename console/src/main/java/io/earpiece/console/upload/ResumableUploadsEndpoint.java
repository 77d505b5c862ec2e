package io.earpiece.console.upload;

import io.earpiece.console.status.StatusEndpoint;
import io.earpiece.console.status.TranscriptionStatus;

import io.earpiece.db.upload.UploadSessionEntity;
import io.earpiece.db.upload.UploadSessionRepository;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resumable uploads for large recordings, in the manner of tus: the bytes go up in chunks, and after a broken
 * connection the client asks how much arrived and continues from there.
 * <ol>
 * <li>{@code POST /api/uploads/resumable} with {@code Upload-Length: <total bytes>} and optionally
 * {@code Upload-Name: <file name>}: 201, {@code Location} and body {@code {"id","offset":0,"length"}}; 413 when the
 * length is over the limit, 422 for 0.</li>
 * <li>{@code PUT /api/uploads/resumable/{id}} with {@code Content-Range: bytes <first>-<last>/<total>} and the
 * bytes as body: {@code first} must be the current offset (else 409 with the offset in {@code Upload-Offset}),
 * {@code total} the announced length. Answers 200 with the new {@code Upload-Offset}. A chunk cut short keeps
 * what arrived; one longer than its range is refused and cut back.</li>
 * <li>{@code HEAD /api/uploads/resumable/{id}}: {@code Upload-Offset} and {@code Upload-Length} (no-store).</li>
 * <li>{@code POST /api/uploads/resumable/{id}/complete[?rep=2]}: once the offset equals the length the file is
 * checked like a multipart upload (optionally against {@code Upload-Checksum: sha256 <hex>}) and becomes a job: 202 with
 * the job, or the same 4xx answers. Completing twice answers the same job.</li>
 * </ol>
 * The offset is the partial file's size on disk, so it survives a server restart. Only the user who created an
 * upload (or an admin or manager) may continue it; to anyone else it does not exist (404). The job it becomes is
 * that user's, as for a multipart upload.
 */
@RestController
@RequestMapping("/api/uploads/resumable")
public class ResumableUploadsEndpoint {

    private static final Pattern RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");
    private static final String OFFSET = "Upload-Offset";
    private static final String LENGTH = "Upload-Length";

    private final UploadSessionRepository sessions;
    private final UploadStorage storage;
    private final UploadIntake intake;
    private final UploadJobs jobs;
    private final UploadProperties properties;
    private final UploadAccess access;
    private final TranscriptionStatus transcription;
    private final Set<String> busy = ConcurrentHashMap.newKeySet();

    public ResumableUploadsEndpoint(UploadSessionRepository sessions, UploadStorage storage, UploadIntake intake,
                                    UploadJobs jobs, UploadProperties properties, UploadAccess access,
                                    TranscriptionStatus transcription) {
        this.transcription = transcription;
        this.sessions = sessions;
        this.storage = storage;
        this.intake = intake;
        this.jobs = jobs;
        this.properties = properties;
        this.access = access;
    }

    /** A session as the API shows it. */
    public record SessionView(String id, long offset, long length, String jobId) {
    }

    @PostMapping
    public Mono<ResponseEntity<SessionView>> create(@RequestHeader(LENGTH) long length,
                                                    @RequestHeader(value = "Upload-Name", required = false) String name,
                                                    Authentication user) {
        var off = transcription.uploadRefusal(StatusEndpoint.isAdmin(user));
        if (off.isPresent()) {
            return Mono.error(new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, off.get()));
        }
        if (length <= 0) {
            return Mono.error(new ResponseStatusException(HttpStatus.UNPROCESSABLE_ENTITY,
                    "empty file: Upload-Length must be more than 0"));
        }
        if (length > properties.maxBytes()) {
            return Mono.error(new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE, "file of " + length
                    + " bytes is larger than the limit of " + properties.maxBytes() + " bytes"));
        }
        return Mono.fromCallable(() -> {
            String id = UUID.randomUUID().toString();
            sessions.save(new UploadSessionEntity(id, UploadIntake.name(name), length, Instant.now(),
                    UploadAccess.owner(user)));
            Files.deleteIfExists(storage.partialFile(id));
            Files.createFile(storage.partialFile(id));
            return ResponseEntity.created(URI.create("/api/uploads/resumable/" + id)).header(OFFSET, "0")
                    .body(new SessionView(id, 0, length, null));
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @RequestMapping(path = "/{id}", method = RequestMethod.HEAD)
    public Mono<ResponseEntity<Void>> offset(@PathVariable String id, Authentication user) {
        return Mono.fromCallable(() -> {
            UploadSessionEntity s = session(id, user);
            return ResponseEntity.ok().header(OFFSET, Long.toString(offset(s)))
                    .header(LENGTH, Long.toString(s.getLengthBytes())).header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .<Void>build();
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @PutMapping("/{id}")
    public Mono<ResponseEntity<SessionView>> chunk(@PathVariable String id,
                                                   @RequestHeader(HttpHeaders.CONTENT_RANGE) String contentRange,
                                                   @RequestBody Flux<DataBuffer> body, Authentication user) {
        Matcher m = RANGE.matcher(contentRange.strip());
        if (!m.matches()) {
            return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "Content-Range must be 'bytes <first>-<last>/<total>', got '" + contentRange + "'"));
        }
        long first = Long.parseLong(m.group(1));
        long last = Long.parseLong(m.group(2));
        long total = Long.parseLong(m.group(3));
        java.util.concurrent.atomic.AtomicBoolean mine = new java.util.concurrent.atomic.AtomicBoolean();
        return Mono.fromCallable(() -> {
                    UploadSessionEntity s = session(id, user);
                    if (s.getJobId() != null) {
                        throw new ResponseStatusException(HttpStatus.CONFLICT, "upload " + id + " is complete");
                    }
                    if (total != s.getLengthBytes() || last < first || last >= total) {
                        throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "range " + first + "-" + last + "/"
                                + total + " does not fit the announced length " + s.getLengthBytes());
                    }
                    long offset = offset(s);
                    if (first != offset) {
                        throw conflict("chunk starts at " + first + " but the upload is at " + offset, offset);
                    }
                    if (!busy.add(id)) {
                        throw new ResponseStatusException(HttpStatus.CONFLICT, "another chunk of upload " + id
                                + " is being written");
                    }
                    mine.set(true);
                    return s;
                }).subscribeOn(Schedulers.boundedElastic())
                .flatMap(s -> storage.append(body, storage.partialFile(id), first, last - first + 1)
                        .onErrorResume(UploadTooLargeException.class, e -> Mono.<Long>fromCallable(() -> {
                            storage.truncate(storage.partialFile(id), first);
                            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "chunk is longer than its "
                                    + "Content-Range " + first + "-" + last + "; it was discarded");
                        }).subscribeOn(Schedulers.boundedElastic()))
                        .then(Mono.fromCallable(() -> {
                            long now = offset(s);
                            return ResponseEntity.ok().header(OFFSET, Long.toString(now))
                                    .body(new SessionView(id, now, s.getLengthBytes(), null));
                        }).subscribeOn(Schedulers.boundedElastic())))
                .onErrorResume(ConflictAt.class, e -> Mono.just(ResponseEntity.status(HttpStatus.CONFLICT)
                        .header(OFFSET, Long.toString(e.offset)).body(new SessionView(id, e.offset, total, null))))
                .onErrorMap(UploadIntake::toHttp)
                .doFinally(signal -> {
                    if (mine.get()) {
                        busy.remove(id);
                    }
                });
    }

    @PostMapping("/{id}/complete")
    public Mono<ResponseEntity<UploadView>> complete(@PathVariable String id,
                                                     @RequestHeader(value = "Upload-Checksum", required = false)
                                                     String checksum,
                                                     @RequestParam(value = "rep", required = false) String rep,
                                                     Authentication user) {
        return Mono.fromCallable(() -> {
            String repSpeaker = SpeakerNames.requestedRep(rep);
            UploadSessionEntity s = session(id, user);
            if (s.getJobId() != null) {
                return ResponseEntity.accepted().body(jobs.find(s.getJobId()).orElseThrow());
            }
            if (!busy.add(id)) {
                throw conflict("a chunk of upload " + id + " is still being written", offset(s));
            }
            try {
                long offset = offset(s);
                if (offset != s.getLengthBytes()) {
                    throw conflict("upload " + id + " has " + offset + " of " + s.getLengthBytes() + " bytes", offset);
                }
                String jobId = UploadJobs.newId();
                Path target = storage.jobFile(jobId);
                Files.move(storage.partialFile(id), target, StandardCopyOption.REPLACE_EXISTING);
                StoredFile file = new StoredFile(target, offset, storage.sha256(target));
                if (!file.matches(checksum)) {
                    Files.move(target, storage.partialFile(id), StandardCopyOption.REPLACE_EXISTING);
                    throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_ENTITY, "checksum mismatch: the "
                            + "server has sha256 " + file.sha256());
                }
                UploadView view = intake.accept(jobId, file, s.getFileName(), "resumable", s.getCreatedBy(),
                        repSpeaker);
                s.completed(jobId);
                sessions.save(s);
                return ResponseEntity.accepted().location(URI.create("/api/uploads/" + jobId)).body(view);
            } finally {
                busy.remove(id);
            }
        }).subscribeOn(Schedulers.boundedElastic()).onErrorMap(UploadIntake::toHttp);
    }

    private UploadSessionEntity session(String id, Authentication user) {
        return sessions.findById(id).filter(s -> access.visibleTo(user).test(s.getCreatedBy()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no resumable upload " + id));
    }

    private long offset(UploadSessionEntity s) throws java.io.IOException {
        return s.getJobId() != null ? s.getLengthBytes() : storage.size(storage.partialFile(s.getId()));
    }

    private static ResponseStatusException conflict(String why, long offset) {
        return new ConflictAt(why, offset);
    }

    /** 409 that tells the client where to resume. */
    static final class ConflictAt extends ResponseStatusException {
        private final long offset;

        ConflictAt(String why, long offset) {
            super(HttpStatus.CONFLICT, why);
            this.offset = offset;
        }

        @Override
        public HttpHeaders getHeaders() {
            HttpHeaders h = new HttpHeaders();
            h.set(OFFSET, Long.toString(offset));
            return h;
        }
    }
}
