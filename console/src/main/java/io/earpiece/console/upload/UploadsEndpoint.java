package io.earpiece.console.upload;

import io.earpiece.console.api.PageParams;
import io.earpiece.console.status.StatusEndpoint;
import io.earpiece.console.status.TranscriptionStatus;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.codec.multipart.FilePartEvent;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * Uploaded recordings.
 * <ul>
 * <li>{@code POST /api/uploads}: multipart form with the recording in the part {@code file}; streamed to disk,
 * checked (size, content sniff, ffprobe, duration) and answered 202 with the job, or 4xx naming the problem
 * (415 not audio, 422 damaged/too short/empty, 413 too large or too long, 503 when transcription is off; the
 * format is checked first, so a file that is not audio gets 415 then too). With
 * {@code Upload-Checksum: sha256 <hex>} the bytes received must have that hash, else 422 and nothing is kept.
 * {@code ?rep=2} says the rep is Speaker 2 (the second to speak, or the right channel) rather than Speaker 1.</li>
 * <li>{@code GET /api/uploads}: recent jobs; {@code GET /api/uploads/{id}}: one job with stage, percent, eta, the
 * call once stored and its speakers' names; {@code GET /api/uploads/{id}/events}: the same as server-sent events
 * until the job ends.</li>
 * <li>{@code DELETE /api/uploads/{id}}: cancels a queued or running job (409 once its call is stored).</li>
 * </ul>
 */
@RestController
public class UploadsEndpoint {

    /** Room for the multipart boundaries and part headers around the file itself. */
    private static final long MULTIPART_SLACK = 64 * 1024;

    private final UploadStorage storage;
    private final UploadIntake intake;
    private final UploadJobs jobs;
    private final UploadProperties properties;
    private final UploadAccess access;
    private final TranscriptionStatus transcription;

    public UploadsEndpoint(UploadStorage storage, UploadIntake intake, UploadJobs jobs, UploadProperties properties,
                           UploadAccess access, TranscriptionStatus transcription) {
        this.transcription = transcription;
        this.storage = storage;
        this.intake = intake;
        this.jobs = jobs;
        this.properties = properties;
        this.access = access;
    }

    @PostMapping(path = "/api/uploads", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public Mono<ResponseEntity<UploadView>> upload(
            @RequestHeader(value = HttpHeaders.CONTENT_LENGTH, required = false) Long contentLength,
            @RequestHeader(value = "Upload-Checksum", required = false) String checksum,
            @RequestParam(value = "rep", required = false) String rep,
            @RequestBody Flux<PartEvent> parts, Authentication user) {
        // Checked after the bytes are in, so that a file that is not audio is told so rather than "off" (503).
        var off = transcription.uploadRefusal(StatusEndpoint.isAdmin(user));
        String repSpeaker = SpeakerNames.requestedRep(rep);
        long max = properties.maxBytes();
        if (contentLength != null && contentLength > max + MULTIPART_SLACK) {
            return Mono.error(new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE, "upload of " + contentLength
                    + " bytes is larger than the limit of " + max + " bytes"));
        }
        String jobId = UploadJobs.newId();
        Path target = storage.jobFile(jobId);
        AtomicReference<String> fileName = new AtomicReference<>();
        return parts.windowUntil(PartEvent::isLast)
                .concatMap(part -> part.switchOnFirst((first, events) -> {
                    if (first.get() instanceof FilePartEvent f && "file".equals(f.name())
                            && fileName.compareAndSet(null, f.filename())) {
                        return storage.store(events.map(PartEvent::content), target, max).flux();
                    }
                    return events.doOnNext(e -> DataBufferUtils.release(e.content())).thenMany(Flux.empty());
                }))
                .collectList()
                .flatMap(stored -> {
                    if (stored.isEmpty()) {
                        return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST,
                                "no file part named 'file' in the form"));
                    }
                    return Mono.fromCallable(() -> {
                                StoredFile file = stored.get(0);
                                if (!file.matches(checksum)) {
                                    Files.deleteIfExists(file.path());
                                    throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_ENTITY, "checksum "
                                            + "mismatch: the server received " + file.size() + " bytes with sha256 "
                                            + file.sha256() + "; send the file again");
                                }
                                if (off.isPresent()) {
                                    intake.refuse(file, off.get());
                                }
                                return intake.accept(jobId, file, fileName.get(), "upload", UploadAccess.owner(user),
                                        repSpeaker);
                            })
                            .subscribeOn(Schedulers.boundedElastic());
                })
                .map(view -> ResponseEntity.accepted().location(URI.create("/api/uploads/" + view.id())).body(view))
                .onErrorMap(UploadIntake::toHttp);
    }

    @GetMapping("/api/uploads")
    public Mono<List<UploadView>> recent(@RequestParam(defaultValue = "50") int size, Authentication user) {
        PageParams.checkSize(size);
        return Mono.fromCallable(() -> {
            Predicate<String> visible = access.visibleTo(user);
            return jobs.recent(size).stream().filter(v -> visible.test(v.uploadedBy())).toList();
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping("/api/uploads/{id}")
    public Mono<UploadView> job(@PathVariable String id, Authentication user) {
        return Mono.fromCallable(() -> visible(id, user)).subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping(path = "/api/uploads/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<UploadView>> events(@PathVariable String id, Authentication user) {
        return Mono.fromCallable(() -> visible(id, user))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMapMany(found -> jobs.follow(id))
                .map(v -> ServerSentEvent.builder(v).id(Long.toString(v.version()))
                        .event(v.isFinal() ? v.state().toLowerCase(java.util.Locale.ROOT) : "progress").build());
    }

    @DeleteMapping("/api/uploads/{id}")
    public Mono<ResponseEntity<UploadView>> cancel(@PathVariable String id, Authentication user) {
        return Mono.fromCallable(() -> visible(id, user)).subscribeOn(Schedulers.boundedElastic())
                .flatMap(found -> Mono.fromCallable(() -> switch (jobs.cancel(id)) {
            case CANCELLED -> ResponseEntity.accepted().body(jobs.find(id).orElseThrow());
            case TOO_LATE -> throw new ResponseStatusException(HttpStatus.CONFLICT, "upload " + id
                    + " has already ended or stored its call; delete the call instead");
            case NOT_FOUND -> throw notFound(id);
        }).subscribeOn(Schedulers.boundedElastic()));
    }

    /** The job, if {@code user} may see it; otherwise 404, as for a job that does not exist. */
    private UploadView visible(String id, Authentication user) {
        return jobs.find(id).filter(v -> access.visibleTo(user).test(v.uploadedBy())).orElseThrow(() -> notFound(id));
    }

    private static ResponseStatusException notFound(String id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no upload " + id);
    }
}
