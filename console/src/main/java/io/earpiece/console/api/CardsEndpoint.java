package io.earpiece.console.api;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;

/** Card feedback (used/dismissed) and accept rates. */
@RestController
public class CardsEndpoint {

    private final CardFeedback feedback;
    private final RepCardStats reps;

    public CardsEndpoint(CardFeedback feedback, RepCardStats reps) {
        this.feedback = feedback;
        this.reps = reps;
    }

    /** The body of a feedback request. */
    public record FeedbackRequest(String action) {
    }

    @PostMapping("/api/calls/{callId}/cards/{cardId}/feedback")
    public Mono<CallViews.CardView> react(@PathVariable String callId, @PathVariable long cardId,
                                          @RequestBody FeedbackRequest body) {
        String action = body == null || body.action() == null ? "" : body.action();
        return Mono.fromCallable(() -> feedback.react(callId, cardId, action)).subscribeOn(Schedulers.boundedElastic());
    }

    /** Per card key, or with {@code by=rep} per user (admins: everyone, managers: their team, reps: themselves). */
    @GetMapping("/api/cards/stats")
    public Mono<? extends List<?>> stats(@RequestParam(required = false) String by, Authentication user) {
        if (by == null || by.isBlank() || by.equals("card")) {
            return Mono.fromCallable(feedback::stats).subscribeOn(Schedulers.boundedElastic());
        }
        if (by.equals("rep")) {
            return repStats(user);
        }
        return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST, "by must be 'card' or 'rep'"));
    }

    @GetMapping("/api/cards/stats/reps")
    public Mono<List<RepCardStats.RepStats>> repStats(Authentication user) {
        return Mono.fromCallable(() -> reps.stats(user)).subscribeOn(Schedulers.boundedElastic());
    }
}
