package io.earpiece.console.status;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/status}: what this server can do now, for any signed-in user, so pages can say it up front
 * (a banner when transcription is off, an upload page that is disabled with the reason).
 */
@RestController
public class StatusEndpoint {

    /** The answer; one member today, an object so that more can follow without breaking clients. */
    public record ServerStatus(TranscriptionStatus.View transcription) {
    }

    private final TranscriptionStatus transcription;

    public StatusEndpoint(TranscriptionStatus transcription) {
        this.transcription = transcription;
    }

    @GetMapping("/api/status")
    public Mono<ServerStatus> status(Authentication user) {
        return Mono.just(new ServerStatus(transcription.view(isAdmin(user))));
    }

    /** Admins, and everyone when the server has no sign-in (open mode), are told how to fix things. */
    public static boolean isAdmin(Authentication user) {
        return user == null || user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch("ROLE_ADMIN"::equals);
    }
}
