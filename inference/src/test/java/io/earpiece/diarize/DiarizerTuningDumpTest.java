package io.earpiece.diarize;

import io.earpiece.testcalls.RenderedCall;
import io.earpiece.testcalls.TestCalls;
import io.earpiece.upload.AudioDecoder;
import io.earpiece.upload.DecoderSettings;
import io.earpiece.upload.FfmpegTools;
import io.earpiece.upload.MediaSniffer;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tuning aid, off unless {@code -Ddiarize.tune=DIR}: renders every script of DIR {@code diarize.variants} times
 * (synth-call dithers, so each rendering differs a little) and prints the mono DER of each rendering in each upload
 * format, then the overall figure and the worst calls. Tune on the project's own scripts; the dev corpus is the
 * final check in {@link DiarizerCorpusIT}.
 */
class DiarizerTuningDumpTest {

    private static final List<String> FORMATS = List.of("mono.wav", "mp3", "m4a");

    @Test
    void dump() throws Exception {
        String dir = System.getProperty("diarize.tune");
        assumeTrue(dir != null && !dir.isBlank(), "tuning dump not requested");
        int variants = Integer.getInteger("diarize.variants", 1);
        List<Path> scripts;
        try (Stream<Path> files = Files.list(Paths.get(dir))) {
            scripts = files.filter(p -> p.toString().endsWith(".call")).sorted().toList();
        }
        Diarizer diarizer = new Diarizer(DiarizationSettings.defaults());
        AudioDecoder decoder = new AudioDecoder(FfmpegTools.onPath(), DecoderSettings.defaults(), new MediaSniffer());
        long errors = 0;
        long confusion = 0;
        long total = 0;
        int above = 0;
        int cases = 0;
        StringBuilder worst = new StringBuilder();
        for (int v = 0; v < variants; v++) {
            Path out = Paths.get("target", "tune", "v" + v);
            for (Path script : scripts) {
                RenderedCall call = TestCalls.render(script, out);
                for (String format : FORMATS) {
                    short[] mono = decoder.decode(call.file(format)).channels().get(0);
                    DiarizationErrorRate.Result r = new DiarizationErrorRate(0)
                            .score(DiarizerCorpusIT.reference(call), diarizer.diarizeMono(mono));
                    String line = String.format(Locale.ROOT, "v%d %-8s %-28s %s", v, format, call.name(), r);
                    if (r.der() > 0.10 && Boolean.getBoolean("diarize.detail")) {
                        List<SpeakerTurn> ref = DiarizerCorpusIT.reference(call);
                        for (SpeakerTurn t : diarizer.diarizeMono(mono)) {
                            String who = ref.stream().filter(x -> x.endMs() > t.startMs() && x.startMs() < t.endMs())
                                    .map(SpeakerTurn::speaker).distinct().toList().toString();
                            System.out.printf(Locale.ROOT, "   %6d-%6d %-10s %s%n", t.startMs(), t.endMs(), t.speaker(), who);
                        }
                    }
                    System.out.println(line);
                    errors += r.missedMs() + r.falseAlarmMs() + r.confusionMs();
                    confusion += r.confusionMs();
                    total += r.referenceMs();
                    cases++;
                    if (r.der() > 0.10) {
                        above++;
                        worst.append(line).append('\n');
                    }
                }
            }
        }
        System.out.print(worst);
        System.out.printf(Locale.ROOT, "tune cases=%d der=%.2f%% confusion=%.2f%% above10=%d%n", cases,
                100.0 * errors / total, 100.0 * confusion / total, above);
    }
}
