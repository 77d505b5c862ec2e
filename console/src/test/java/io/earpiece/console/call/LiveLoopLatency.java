package io.earpiece.console.call;

import com.fasterxml.jackson.databind.JsonNode;
import io.earpiece.assist.playbook.CardTemplate;
import io.earpiece.console.testing.ReferenceTranscript;
import io.earpiece.console.testing.StampedEvents.Stamped;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches what a console received for one call to the reference utterances of its audio, and measures each from the
 * user's moment: the leg's media start plus the utterance's start or end in the audio timeline.
 */
final class LiveLoopLatency {

    /**
     * A final may end a little before the reference end: the reference end includes the decaying tail of the last
     * word, which the VAD may count as quiet.
     */
    static final long FINAL_END_SLACK_MS = 300;

    /**
     * One reference utterance: its end to the first final covering it, the same from where its voice really stops
     * (the reference end includes the synthesizer's quiet tail), and its start to the first partial showing any of
     * it; null where none arrived.
     */
    record Utterance(String party, int index, Double finalMs, Double finalFromVoiceMs, Double partialFromStartMs) {
    }

    /** A playbook card that a reference utterance's tags call for: end of that utterance to the card; null: none. */
    record Card(String cardKey, String party, int utterance, Double ms) {
    }

    private LiveLoopLatency() {
    }

    /**
     * @param mediaStart per party, when its audio timeline started (sipp's ACK, after which it plays the pcap)
     * @param voiceEndS  per reference utterance, where its voice stops in the audio timeline (seconds)
     * @param events     the call's events in arrival order
     */
    static List<Utterance> utterances(ReferenceTranscript reference, Map<String, Instant> mediaStart,
                                      double[] voiceEndS, List<Stamped> events) {
        List<Utterance> out = new ArrayList<>();
        for (int i = 0; i < reference.utterances().size(); i++) {
            ReferenceTranscript.Utterance u = reference.utterances().get(i);
            Instant t0 = mediaStart.get(u.speaker());
            long startMs = Math.round(u.start() * 1000);
            long endMs = Math.round(u.end() * 1000);
            long voiceEndMs = Math.round(voiceEndS[i] * 1000);
            Double fin = null;
            Double finFromVoice = null;
            Double partial = null;
            for (Stamped e : events) {
                JsonNode ev = e.event();
                if (t0 == null || !ev.path("party").asText().equals(u.speaker())) {
                    continue;
                }
                long segStart = ev.path("startMs").asLong();
                long segEnd = ev.path("endMs").asLong();
                boolean isFinal = ev.path("isFinal").asBoolean() && ev.has("index");
                // a final with no text ("retracted") still ends the wait for this audio, so it counts as arrived
                if (fin == null && isFinal && segStart <= endMs && segEnd >= endMs - FINAL_END_SLACK_MS) {
                    fin = ms(t0.plusMillis(endMs), e.arrived());
                    finFromVoice = ms(t0.plusMillis(voiceEndMs), e.arrived());
                }
                if (partial == null && e.type().equals("partial") && segStart < endMs && segEnd > startMs) {
                    partial = ms(t0.plusMillis(startMs), e.arrived());
                }
            }
            out.add(new Utterance(u.speaker(), i, fin, finFromVoice, partial));
        }
        return out;
    }

    /**
     * For each playbook card that some reference utterance's tags trigger, the first such utterance (later ones fall
     * in its cool-down) and the first {@code card_provisional} or {@code card} of that card key arriving after the
     * utterance started, measured from the utterance's end: negative when the card beat the end of the sentence.
     */
    static List<Card> cards(ReferenceTranscript reference, Map<String, Instant> mediaStart, List<Stamped> events,
                            List<CardTemplate> templates) {
        Map<String, Integer> firstUtterance = new LinkedHashMap<>();
        for (int i = 0; i < reference.utterances().size(); i++) {
            for (String tag : reference.utterances().get(i).tags()) {
                for (CardTemplate t : templates) {
                    // the playbook's own rule (CardPlanner): a tag triggers a card when it is or starts with the trigger
                    if (tag.equals(t.trigger()) || tag.startsWith(t.trigger() + ":")) {
                        firstUtterance.putIfAbsent(t.id(), i);
                    }
                }
            }
        }
        List<Card> out = new ArrayList<>();
        firstUtterance.forEach((key, i) -> {
            ReferenceTranscript.Utterance u = reference.utterances().get(i);
            Instant t0 = mediaStart.get(u.speaker());
            Double ms = null;
            if (t0 != null) {
                Instant started = t0.plusMillis(Math.round(u.start() * 1000));
                for (Stamped e : events) {
                    boolean card = e.type().equals("card_provisional") || e.type().equals("card");
                    if (card && e.event().path("cardKey").asText().equals(key) && e.arrived().isAfter(started)) {
                        ms = ms(t0.plusMillis(Math.round(u.end() * 1000)), e.arrived());
                        break;
                    }
                }
            }
            out.add(new Card(key, u.speaker(), i, ms));
        });
        return out;
    }

    private static double ms(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e6;
    }
}
