package io.earpiece.assist.intent;

import java.util.concurrent.atomic.AtomicInteger;

/** A cheap stand-in encoder that counts its calls, for tests of what is embedded and what is read from a cache. */
final class CountingSentenceEncoder implements SentenceEncoder {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public float[] encode(String sentence) {
        calls.incrementAndGet();
        return new float[] {sentence.length(), 1};
    }
}
