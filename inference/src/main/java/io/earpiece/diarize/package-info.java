/**
 * Speaker diarization of recorded calls: who spoke when.
 * <p>
 * <b>Two or more channels</b> (a dual-channel call recording) carry one speaker each: the energy
 * {@link io.earpiece.stt.vad.UtteranceSegmenter} runs per channel and each utterance becomes a turn of that
 * channel's speaker. Channels that are copies of each other (correlation at or above a threshold) are mixed and
 * treated as mono; if only one channel carries speech, that channel is diarized as mono.
 * <p>
 * <b>Mono</b>:
 * <ol>
 *   <li>Segmentation: the same energy segmenter with a short hangover (450 ms) so that the pause between two
 *       speakers' turns closes a segment.</li>
 *   <li>Features (pure Java): 25 ms Hamming windows every 10 ms, pre-emphasis, 512-point FFT, 40 triangular mel
 *       filters from 60 Hz to 7.9 kHz, log, DCT-II; c1..c16 are kept (c0 only tracks loudness). Only frames above
 *       the segmenter's threshold count, and each dimension is standardised over the file's speech.</li>
 *   <li>Speaker changes inside a segment (speakers that answer without a pause): the split point maximising the
 *       BIC gain of two full-covariance Gaussians over one, accepted when positive with at least 3 s of speech on
 *       either side, applied recursively.</li>
 *   <li>Clustering: each piece is summarised by full-covariance Gaussian statistics; bottom-up merging of the pair
 *       with the smallest BIC gain down to the configured number of speakers (2 by default; 0 lets the BIC sign
 *       decide), then rounds of reassigning each piece to the most likely cluster. With a fixed number of speakers
 *       the BIC weight only steers the merge order, and one early wrong merge can mislabel a whole call (seen on
 *       MP3 encodings), so five weights are tried and the partition with the highest likelihood (lowest summed
 *       frames x log det covariance) is kept. Pieces with under 1 s of speech
 *       do not seed clusters and are assigned by likelihood afterwards.</li>
 * </ol>
 * Mean cepstra alone did not separate the corpus voices (both are espeak-ng's default voice; en-us and en-gb differ
 * in phonemes, rhythm and intonation, not in timbre or pitch); full covariances over 16 wide-band cepstra do.
 * Speakers are labelled {@code Speaker 1}, {@code Speaker 2}, ... in order of first appearance.
 * <p>
 * {@link io.earpiece.diarize.DiarizationErrorRate} scores a result against reference turns.
 */
package io.earpiece.diarize;
