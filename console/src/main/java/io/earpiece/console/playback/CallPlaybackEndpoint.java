package io.earpiece.console.playback;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /api/calls/{id}/audio/call.wav}: the whole call, both parties in one file, for the call page's one
 * player. Served as a file resource, so range requests work and the player can seek. 404 without a recording,
 * 422 when a recording cannot be read as the PCM WAV Earpiece writes (the reason says which and why).
 */
@RestController
public class CallPlaybackEndpoint {

    private final CallPlayback playback;

    public CallPlaybackEndpoint(CallPlayback playback) {
        this.playback = playback;
    }

    @GetMapping("/api/calls/{id}/audio/call.wav")
    public Mono<ResponseEntity<Resource>> wholeCall(@PathVariable String id) {
        return Mono.fromCallable(() -> {
            try {
                var file = playback.wholeCall(id).orElseThrow(() ->
                        new ResponseStatusException(HttpStatus.NOT_FOUND, "no recording of call " + id));
                return ResponseEntity.ok().contentType(MediaType.parseMediaType("audio/wav"))
                        .body((Resource) new FileSystemResource(file));
            } catch (RecordingFormatException e) {
                throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }
}
