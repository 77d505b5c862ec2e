package io.earpiece.console.api;

import io.earpiece.db.assist.CardEntity;
import io.earpiece.db.assist.CardRepository;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import java.time.Instant;
import java.util.List;

/** Records reps' reactions to cards and reports accept rates. */
@Service
public class CardFeedback {

    private final CardRepository cards;

    public CardFeedback(CardRepository cards) {
        this.cards = cards;
    }

    /** Per card key: how often it was shown, used and dismissed, and the share used. */
    public record CardStats(String cardKey, long shown, long used, long dismissed, double acceptRate) {
    }

    @Transactional
    public CallViews.CardView react(String callId, long cardId, String action) {
        if (!action.equals("used") && !action.equals("dismissed")) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "action must be 'used' or 'dismissed'");
        }
        CardEntity card = cards.findById(cardId).filter(c -> c.getCallId().equals(callId))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no card " + cardId + " in call " + callId));
        if (!card.react(action, Instant.now())) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "card " + cardId + " was already " + card.getFeedback());
        }
        return CallViews.card(cards.save(card));
    }

    @Transactional(readOnly = true)
    public List<CardStats> stats() {
        return cards.feedbackByCard().stream().map(r -> {
            long shown = ((Number) r[1]).longValue();
            long used = r[2] == null ? 0 : ((Number) r[2]).longValue();
            long dismissed = r[3] == null ? 0 : ((Number) r[3]).longValue();
            return new CardStats((String) r[0], shown, used, dismissed, shown == 0 ? 0 : (double) used / shown);
        }).toList();
    }
}
