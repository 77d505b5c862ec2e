/**
 * Real-time speech to text: {@link io.earpiece.stt.streaming.StreamingSpeechToText} turns each party's audio into
 * partial and final {@link io.earpiece.stt.TranscriptSegment}s.
 * <p>
 * Policy, per party: an energy VAD cuts utterances (at most {@code maxSegmentMs}; longer speech continues in the
 * next segment). While an utterance runs, every {@code partialIntervalMs} of new audio the whole utterance so far
 * is re-decoded; a word becomes committed when two consecutive decodes agree on it and all words before it
 * (LocalAgreement-2), and a partial is the committed words plus the latest decode's tail, so it never contradicts
 * them ({@code stableWords} tells how many are committed). Once the utterance's tail (200 ms) has passed in silence,
 * its final audio is decoded speculatively while the VAD's hangover runs; if the speaker stays silent that result is
 * the final, so the final is usually ready the moment the end of speech is declared. Live, the hangover is short
 * (300 ms, {@code earpiece.whisper.commit-pause}): a final is committed at a pause between sentences, not only at
 * the end of the turn, and speech after the pause continues in the next segment, whose audio starts where the
 * committed one's ends. The final keeps the committed
 * words and adds what the final decode has after them: nothing shown as committed is lost or repeated. The previous
 * final text of the party is passed as the decoder's prompt. Word timings are spread over the segment (whisper-jni
 * 1.7.1 gives no token timestamps) and marked estimated.
 * <p>
 * Decodes run on a shared {@link io.earpiece.stt.scheduling.RecognitionScheduler}: a bounded pool, finals before
 * speculative finals before partials, calls taking turns (least recently served first); above {@code maxQueuedJobs} waiting jobs partials are
 * dropped (counted), finals never. Each party has at most one partial decode waiting or running, so partials thin
 * out under load. Metrics (queue depth, drops, real-time factor and duration of each decode, end-of-speech to
 * final latency) go to a {@link io.earpiece.stt.scheduling.RecognitionMetricsListener} and
 * {@link io.earpiece.stt.scheduling.RecognitionScheduler#stats()}.
 * <p>
 * Silence and noise give no text: the VAD opens no utterance for them, and the Whisper recognizer decodes nothing
 * without enough voiced (periodic) frames and strips known hallucinations and decoding loops from what it returns.
 */
package io.earpiece.stt.streaming;
