package io.earpiece.names;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which words may be a person's name. The phrases that introduce a name ("this is", "I'm", "hi", "thanks") are
 * followed far more often by ordinary words ("this is great", "I'm calling", "hi there", "thanks again"), so every
 * such word is listed here; a name that is also an ordinary word ("Will", "Grace") is given up only where the
 * word is one that follows these phrases in ordinary talk.
 */
final class NotNames {

    private static final Pattern WORD = Pattern.compile("\\p{L}+(?:['-]\\p{L}+)*");

    private static final Set<String> WORDS = Set.copyOf(java.util.List.of(
            // pronouns, articles, determiners: "this is my colleague", "I'm the account manager", "hi all"
            "i", "i'm", "me", "my", "mine", "you", "you're", "your", "yours", "he", "him", "his", "she", "her", "hers",
            "it", "it's", "its", "we", "us", "our", "they", "them", "their", "this", "that", "these", "those", "the",
            "a", "an", "some", "any", "all", "both", "each", "every", "no", "not", "none", "what", "who", "whom",
            "which", "where", "when", "why", "how", "there", "here", "everyone", "everybody", "someone", "somebody",
            "anyone", "anybody", "nobody", "guys", "folks", "team", "sir", "madam", "ma'am", "mam", "dear", "buddy",
            "mate", "man", "friend", "friends", "again", "too", "also", "either",
            // prepositions and conjunctions: "I'm with Northwind", "I'm in a meeting", "thanks for calling"
            "with", "from", "for", "to", "at", "in", "on", "of", "by", "about", "into", "over", "under", "after",
            "before", "around", "through", "off", "out", "up", "down", "back", "and", "or", "but", "so", "if",
            "because", "as", "than", "then", "just", "only", "still", "already", "actually", "really", "very",
            "quite", "pretty", "rather", "much", "more", "most", "less", "lot", "lots", "bit", "little",
            // auxiliaries and common verbs: "this is going to", "I'm calling", "I'm looking", "it's been"
            "is", "am", "are", "was", "were", "be", "been", "being", "have", "has", "had", "do", "does", "did", "can",
            "could", "would", "should", "shall", "may", "might", "must", "will", "won't", "can't", "don't",
            "calling", "going", "looking", "trying", "wondering", "hoping", "following", "reaching", "getting",
            "checking", "ringing", "phoning", "returning", "responding", "speaking", "talking", "working", "thinking",
            "having", "doing", "making", "taking", "waiting", "sitting", "driving", "running", "leaving", "coming",
            "happy", "glad", "sorry", "afraid", "sure", "good", "great", "fine", "okay", "ok", "well", "right",
            "alright", "perfect", "excellent", "awesome", "nice", "lovely", "wonderful", "fantastic", "brilliant",
            "cool", "bad", "terrible", "awful", "busy", "free", "available", "ready", "done", "finished", "new",
            "interested", "curious", "excited", "confused", "worried", "concerned", "aware", "able", "unable",
            "tired", "late", "early", "away", "online", "offline", "sold", "convinced", "impressed", "frustrated",
            "exactly", "absolutely", "totally", "definitely", "certainly", "probably", "maybe", "perhaps",
            "basically", "honestly", "literally", "kind", "sort", "like", "real", "true", "correct", "wrong",
            "important", "urgent", "helpful", "useful", "interesting", "different", "same", "other", "another",
            "first", "second", "last", "next", "only", "whole", "half", "full", "big", "small", "huge",
            "expensive", "cheap", "fair", "reasonable", "possible", "impossible", "easy", "hard", "difficult",
            "something", "anything", "nothing", "everything", "thing", "things", "stuff", "way", "part", "one",
            "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "hundred", "thousand",
            // greetings and answers: "hi there", "thanks again", "yes this is"
            // words that open a sentence on their own: "Look, ...", "Understood.", "Agreed, ..."
            "look", "listen", "see", "wait", "frankly", "understood", "agreed", "anyway", "indeed", "sadly",
            "unfortunately", "fortunately", "however", "otherwise", "meanwhile", "plus", "noted", "deal", "done",
            "hi", "hello", "hey", "bye", "goodbye", "thanks", "thank", "please", "welcome", "yes", "yeah", "yep",
            "yup", "nope", "oh", "ah", "wow", "hmm", "um", "uh", "cheers", "congrats", "congratulations",
            // times and days: "this is Monday's call", "hi this morning", "thanks today"
            "today", "tomorrow", "tonight", "yesterday", "morning", "afternoon", "evening", "night", "week",
            "weekend", "month", "year", "time", "now", "soon", "later", "monday", "tuesday", "wednesday",
            "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "june", "july",
            "august", "september", "october", "november", "december",
            // what a call is about: "this is support", "hi billing", "thanks customer service"
            "support", "sales", "service", "services", "billing", "customer", "client", "office", "desk", "manager",
            "account", "accounts", "company", "department", "help", "line", "reception", "call", "phone", "number",
            "message", "voicemail", "email", "price", "pricing", "quote", "contract", "plan", "order", "invoice",
            "demo", "meeting", "question", "problem", "issue", "deal", "offer", "product", "rep", "agent",
            "speaker", "everything's", "that's", "what's", "there's", "here's", "let's", "who's"));

    private NotNames() {
    }

    /** Whether {@code word} (lower case) can be a name: letters (with inner ' or -), two or more, not listed. */
    static boolean nameLike(String word) {
        return word.length() >= 2 && WORD.matcher(word).matches() && !WORDS.contains(word)
                && !word.endsWith("'s") && !word.endsWith("'ll") && !word.endsWith("'re") && !word.endsWith("'ve")
                && !word.endsWith("'d") && !word.endsWith("n't");
    }
}
