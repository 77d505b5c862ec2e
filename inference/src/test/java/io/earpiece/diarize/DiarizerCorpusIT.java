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

import java.io.IOException;
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
    private static final long TOLERANCE_MS = 300;
    private static final double MAX_MONO_DER = 0.20;
    private static final List<CorpusCall> calls = new ArrayList<>();
    private static final StringBuilder report = new StringBuilder();

    private final Diarizer diarizer = new Diarizer(DiarizationSettings.defaults());
    private final AudioDecoder decoder = new AudioDecoder(FfmpegTools.onPath(), DecoderSettings.defaults(),
            new MediaSniffer());

    @BeforeAll
    static void render() throws Exception {
        Assumptions.assumeTrue(CorpusCall.synthToolsAvailable(), "espeak-ng, sox or ffmpeg missing");
        for (Path script : CorpusCall.devScripts()) {
            try {
                calls.add(CorpusCall.synthesize(script, OUT));
            } catch (IOException e) {
                // the shared tool cannot render every script (it crashes on one); the others still measure
                System.out.println("skipping " + script.getFileName() + ": " + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        Assumptions.assumeFalse(calls.isEmpty(), "no dev call could be rendered");
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
    void monoMixDiarizationErrorRate() throws Exception {
        for (String source : List.of("mono.wav", "mp3", "m4a")) {
            long errors = 0;
            long total = 0;
            long errorsCollar = 0;
            long totalCollar = 0;
            for (CorpusCall call : calls) {
                short[] mono = decoder.decode(Paths.get("target", "corpus", call.name() + "." + source)).channels().get(0);
                List<SpeakerTurn> found = diarizer.diarizeMono(mono);
                List<SpeakerTurn> expected = reference(call);
                DiarizationErrorRate.Result strict = new DiarizationErrorRate(0).score(expected, found);
                DiarizationErrorRate.Result collar = new DiarizationErrorRate(250).score(expected, found);
                report.append(String.format(Locale.ROOT, "%-8s %-20s %s; with 250 ms collar %.1f%%; %d turns (ref %d)%n",
                        source, call.name(), strict, collar.der() * 100, found.size(), expected.size()));
                errors += strict.missedMs() + strict.falseAlarmMs() + strict.confusionMs();
                total += strict.referenceMs();
                errorsCollar += collar.missedMs() + collar.falseAlarmMs() + collar.confusionMs();
                totalCollar += collar.referenceMs();
            }
            double der = (double) errors / total;
            report.append(String.format(Locale.ROOT, "%s overall DER %.1f%% (no collar), %.1f%% (250 ms collar)%n",
                    source, der * 100, 100.0 * errorsCollar / totalCollar));
            assertThat(der).as("mono DER over the dev calls from %s", source).isLessThanOrEqualTo(MAX_MONO_DER);
        }
    }
}
