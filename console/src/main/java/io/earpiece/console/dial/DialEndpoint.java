package io.earpiece.console.dial;

import io.earpiece.db.user.UserEntity;
import io.earpiece.db.user.UserRepository;
import io.earpiece.db.user.UserRole;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.util.MultiValueMap;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;

/**
 * Invites Earpiece to a meeting: {@code POST /api/calls/dial} dials a bridge for a rep, {@code GET} shows how the
 * dial is going, {@code DELETE} (or {@code POST .../hangup}) takes Earpiece out of the meeting. Reps dial for
 * themselves, admins for anyone; a dial is visible to its rep and to admins (404 to others, as for calls).
 */
@RestController
@RequestMapping("/api/calls/dial")
public class DialEndpoint {

    private final ObjectProvider<BridgeDialer> dialer;
    private final UserRepository users;

    public DialEndpoint(ObjectProvider<BridgeDialer> dialer, UserRepository users) {
        this.dialer = dialer;
        this.users = users;
    }

    @PostMapping
    public Mono<ResponseEntity<DialView>> dial(@RequestBody(required = false) DialRequest request,
                                               Authentication user) {
        return Mono.fromCallable(() -> {
            if (request == null) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "a JSON body with number and pin is required");
            }
            return place(request, user);
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * The same dial from a meeting invitation: a multipart form with the {@code .ics} file as {@code invite}, whose
     * dial-in number, PIN and summary fill {@code number}, {@code pin} and {@code title} unless the form gives them
     * ({@code pinDelay} and {@code rep} as for JSON). An unreadable invitation, or one without a dial-in, is a 400
     * saying why; one over {@link #MAX_INVITE_BYTES} a 413.
     */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public Mono<ResponseEntity<DialView>> dialInvite(ServerWebExchange exchange, Authentication user) {
        return exchange.getMultipartData().flatMap(parts -> {
            Part invite = parts.getFirst("invite");
            if (!(invite instanceof FilePart file)) {
                return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST,
                        "invite: a .ics file is required as the form's 'invite' part"));
            }
            return DataBufferUtils.join(file.content(), MAX_INVITE_BYTES + 1)
                    .onErrorMap(DataBufferLimitException.class, e -> new ResponseStatusException(
                            HttpStatus.PAYLOAD_TOO_LARGE, "invite: larger than " + MAX_INVITE_BYTES + " bytes"))
                    .map(buffer -> {
                        byte[] bytes = new byte[buffer.readableByteCount()];
                        buffer.read(bytes);
                        DataBufferUtils.release(buffer);
                        return bytes;
                    })
                    .publishOn(Schedulers.boundedElastic())
                    .map(bytes -> {
                        MeetingInvite.DialIn dialIn;
                        try {
                            dialIn = MeetingInvite.read(bytes);
                        } catch (MeetingInvite.InvalidInviteException e) {
                            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
                        }
                        Integer pinDelay;
                        try {
                            String d = field(parts, "pinDelay");
                            pinDelay = d == null ? null : Integer.valueOf(d);
                        } catch (NumberFormatException e) {
                            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "pinDelay must be a number of ms");
                        }
                        return place(new DialRequest(or(field(parts, "number"), dialIn.number()),
                                or(field(parts, "pin"), dialIn.pin()), pinDelay, field(parts, "rep"),
                                or(field(parts, "title"), dialIn.title())), user);
                    });
        });
    }

    /** An invitation is a few kilobytes; this bounds what is read into memory. */
    static final int MAX_INVITE_BYTES = 256 * 1024;

    private static String field(MultiValueMap<String, Part> parts, String name) {
        Part p = parts.getFirst(name);
        return p instanceof FormFieldPart f && !f.value().isBlank() ? f.value() : null;
    }

    private static String or(String given, String fromInvite) {
        return given != null ? given : fromInvite;
    }

    /** Validates and places a dial for the caller (or, for admins, the rep named). */
    private ResponseEntity<DialView> place(DialRequest request, Authentication user) {
        DialRequest.Valid valid;
        try {
            valid = request.validate();
        } catch (DialRequest.InvalidDialException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        UserEntity caller = caller(user);
        String repName = valid.rep() == null ? caller.getUsername() : valid.rep();
        if (!repName.equals(caller.getUsername()) && caller.getRole() != UserRole.ADMIN) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "only admins may dial for another user");
        }
        UserEntity rep = users.findByUsername(repName).filter(UserEntity::isEnabled).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.BAD_REQUEST, "rep: no enabled user " + repName));
        // Stored as the call's From, so the call is the rep's (ownership goes by SIP user or username).
        String sipUser = rep.getSipUser() != null && !rep.getSipUser().isBlank() ? rep.getSipUser()
                : rep.getUsername();
        try {
            DialView v = dialer().dial(valid, rep.getUsername(), "sip:" + sipUser + "@earpiece");
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(v);
        } catch (DialRefusedException e) {
            throw new ResponseStatusException(HttpStatus.valueOf(e.status()), e.getMessage());
        }
    }

    @GetMapping
    public Mono<List<DialView>> list(Authentication user) {
        return Mono.fromCallable(() -> {
            UserEntity caller = caller(user);
            return dialer().list(caller.getRole() == UserRole.ADMIN ? null : caller.getUsername());
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping("/{callId}")
    public Mono<DialView> show(@PathVariable String callId, Authentication user) {
        return Mono.fromCallable(() -> {
            visible(callId, user);
            return dialer().find(callId).orElseThrow(() -> notFound(callId));
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @DeleteMapping("/{callId}")
    public Mono<ResponseEntity<DialView>> hangUp(@PathVariable String callId, Authentication user) {
        return Mono.fromCallable(() -> {
            visible(callId, user);
            DialView v = dialer().hangUp(callId).orElseThrow(() -> notFound(callId));
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(v);
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @PostMapping("/{callId}/hangup")
    public Mono<ResponseEntity<DialView>> hangUpByPost(@PathVariable String callId, Authentication user) {
        return hangUp(callId, user);
    }

    private void visible(String callId, Authentication user) {
        UserEntity caller = caller(user);
        String rep = dialer().repOf(callId).orElseThrow(() -> notFound(callId));
        if (caller.getRole() != UserRole.ADMIN && !rep.equals(caller.getUsername())) {
            throw notFound(callId);
        }
    }

    private UserEntity caller(Authentication user) {
        return users.findByUsername(user.getName()).filter(UserEntity::isEnabled)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN, "not an enabled user"));
    }

    private BridgeDialer dialer() {
        BridgeDialer d = dialer.getIfAvailable();
        if (d == null) {
            throw new ResponseStatusException(HttpStatus.CONFLICT,
                    "telephony is off (earpiece.telephony.enabled=false): Earpiece cannot dial out");
        }
        return d;
    }

    private static ResponseStatusException notFound(String callId) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no dialled call " + callId);
    }
}
