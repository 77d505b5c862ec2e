package io.earpiece.summary;

import io.earpiece.assist.AssistEvent;
import io.earpiece.names.PartyNames;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Picks the two or three sentences that best stand for the call: sentences on utterances where the assist
 * engine found something (a decision, a commitment, an objection) score highest, then sentences whose content
 * words recur across the call (what the call was about); chit-chat and fragments score low. The picks are
 * returned in call order, prefixed with the speaker.
 */
public final class KeySentenceExtractor {
    private static final Set<String> STOP = Set.of("a", "an", "the", "to", "for", "with", "of", "and", "or", "you",
            "me", "us", "it", "our", "your", "my", "on", "by", "in", "at", "is", "are", "was", "be", "this", "that",
            "i", "we", "they", "he", "she", "do", "does", "can", "will", "would", "could", "so", "if", "but",
            "hi", "hello", "thanks", "thank", "yes", "no", "okay", "sure", "am", "have", "has", "what", "how",
            "there", "it's", "i'm", "we're", "just", "about", "also", "all", "any", "as", "from", "not", "up");
    private static final Map<String, Double> EVENT_WEIGHT = Map.of(
            "decision", 3.0, "action", 2.5, "objection", 2.5, "buying_signal", 1.0, "question", 1.0,
            "next_step", 1.0);
    private static final int MIN_WORDS = 5;
    private static final int SHORT_CALL_UTTERANCES = 6;

    public List<String> extract(List<Utterance> transcript, List<AssistEvent> events) {
        return extract(transcript, events, PartyNames.NONE);
    }

    /** The key sentences, each prefixed with its speaker's name ({@link PartyNames#display}). */
    public List<String> extract(List<Utterance> transcript, List<AssistEvent> events, PartyNames names) {
        Map<Integer, Double> eventScore = new HashMap<>();
        for (AssistEvent e : events) {
            eventScore.merge(e.utterance(), EVENT_WEIGHT.getOrDefault(e.family(), 0.0), Double::sum);
        }
        List<Candidate> candidates = new ArrayList<>();
        Map<String, Integer> spread = new HashMap<>();
        for (int i = 0; i < transcript.size(); i++) {
            for (String sentence : sentences(transcript.get(i).text())) {
                candidates.add(new Candidate(i, candidates.size(), transcript.get(i).speaker(), sentence));
            }
        }
        for (Candidate c : candidates) {
            for (String w : new HashSet<>(content(c.text))) {
                spread.merge(w, 1, Integer::sum);
            }
        }
        for (Candidate c : candidates) {
            List<String> words = content(c.text);
            double centrality = 0;
            for (String w : words) {
                centrality += spread.get(w) - 1;
            }
            centrality = words.isEmpty() ? 0 : centrality / Math.sqrt(words.size());
            int length = Words.of(c.text).size();
            c.score = eventScore.getOrDefault(c.utterance, 0.0) + 0.5 * centrality
                    + (length < MIN_WORDS ? -2.0 : 0.0) + (c.text.endsWith("?") ? -0.5 : 0.0);
        }
        int wanted = transcript.size() <= SHORT_CALL_UTTERANCES ? 2 : 3;
        // Several sentences of one utterance rarely add anything over the best one of them.
        Set<Integer> usedUtterances = new HashSet<>();
        List<Candidate> picked = new ArrayList<>();
        for (Candidate c : candidates.stream().sorted(Comparator.comparingDouble((Candidate x) -> -x.score)
                .thenComparingInt(x -> x.order)).toList()) {
            if (picked.size() == wanted) {
                break;
            }
            if (usedUtterances.add(c.utterance)) {
                picked.add(c);
            }
        }
        picked.sort(Comparator.comparingInt(c -> c.order));
        return picked.stream().map(c -> names.display(c.speaker) + ": " + c.text).toList();
    }

    private static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        for (String s : text.strip().split("(?<=[.!?])\\s+")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    private static List<String> content(String sentence) {
        return Words.of(sentence).stream().filter(w -> w.length() > 2 && !STOP.contains(w)).toList();
    }

    private static final class Candidate {
        final int utterance;
        final int order;
        final String speaker;
        final String text;
        double score;

        Candidate(int utterance, int order, String speaker, String text) {
            this.utterance = utterance;
            this.order = order;
            this.speaker = speaker;
            this.text = text;
        }
    }
}
