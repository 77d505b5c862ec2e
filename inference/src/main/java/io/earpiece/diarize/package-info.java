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
 *       the segmenter's threshold count, and each dimension is standardised over the file's speech. For
 *       clustering, each frame's change over +-2 frames (deltas, standardised the same way) is added.</li>
 *   <li>Speaker changes inside a segment (speakers that answer without a pause): the split point maximising the
 *       BIC gain of two full-covariance Gaussians over one, accepted when positive with at least 3 s of speech on
 *       either side, applied recursively.</li>
 *   <li>Clustering (fixed number of speakers, 2 by default): a 32-component diagonal Gaussian mixture is fitted
 *       to all speech of the recording and each piece's component means are MAP-adapted (relevance 4) to its
 *       frames; the mean shifts, scaled by weight and spread, centred over pieces and length-normalised, are the
 *       piece's supervector. Cosine distances are averaged over 8 mixtures from different deterministic starts.
 *       The distances used are the mean of those from MFCCs with deltas and from MFCCs alone (see
 *       {@code Diarizer.meanOf} for why). Pieces with at least 1 s of speech are merged by average linkage down to
 *       the number of speakers, shorter
 *       ones join the nearest group, then pieces move to the group they are on average nearest to until nothing
 *       changes.</li>
 *   <li>Resegmentation: each speaker's model is the mixture with its means MAP-adapted (relevance 16) to all
 *       that speaker's pieces but the one scored; each piece moves to the speaker whose model gives its frames the
 *       higher likelihood (linear scoring under the mixture's alignment, summed over the mixtures) until nothing
 *       moves. Comparing a piece with a side's pooled speech is steadier than comparing pieces pairwise.</li>
 *   <li>Turn-taking (two speakers): the pieces are decoded in time order (Viterbi) under a two-state chain whose
 *       change probability is what the grouping shows, each piece's resegmentation evidence counting once per
 *       600 ms of its speech; repeated with the new grouping's evidence until nothing changes. A short answer that
 *       the speaker models put with the asker, on weak evidence, goes to the other party.
 *       With an automatic speaker count (0), BIC agglomerative clustering of full-covariance Gaussians is used
 *       instead of these steps.</li>
 * </ol>
 * The corpus voices are both espeak-ng's default voice (en-us and en-gb differ in phonemes, rhythm and stress, not in
 * timbre or pitch). One Gaussian per piece mostly measured what was said: on 21 synthetic calls the best two-way
 * split of utterances by full-covariance likelihood was wrong for 15 % of speech, while supervectors, which compare
 * the same sounds across pieces, put 98 % of utterances next to one of the same speaker.
 * Speakers are labelled {@code Speaker 1}, {@code Speaker 2}, ... in order of first appearance.
 * <p>
 * {@link io.earpiece.diarize.DiarizationErrorRate} scores a result against reference turns.
 */
package io.earpiece.diarize;
