package io.earpiece.console.api;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;

/** Card feedback (used/dismissed) and accept rates. */
@RestController
public class CardsEndpoint {

    private final CardFeedback feedback;

    public CardsEndpoint(CardFeedback feedback) {
        this.feedback = feedback;
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

    @GetMapping("/api/cards/stats")
    public Mono<List<CardFeedback.CardStats>> stats() {
        return Mono.fromCallable(feedback::stats).subscribeOn(Schedulers.boundedElastic());
    }
}
