package io.earpiece.testcalls;

/**
 * An espeak-ng voice and speaking rate for one party. The two parties get different voices (American and British
 * English, slightly different rates) so that a mono mix holds two distinguishable speakers for the diarizer.
 */
public record Voice(String espeakVoice, int wordsPerMinute) {

    public static final Voice REP = new Voice("en-us", 165);
    public static final Voice CUSTOMER = new Voice("en-gb", 155);

    public static Voice of(String party) {
        return switch (party) {
            case "rep" -> REP;
            case "customer" -> CUSTOMER;
            default -> throw new IllegalArgumentException("no voice for party " + party);
        };
    }
}
