package io.earpiece.console.testing;

import io.earpiece.testcalls.CallScripts;
import io.earpiece.testcalls.DevCorpus;
import io.earpiece.testcalls.RenderedCall;
import io.earpiece.testcalls.TestCalls;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A call script turned into audio, pcaps and a reference by the project's renderer (inference's test-jar,
 * {@link io.earpiece.testcalls.CallRenderer}) under {@code target/fixtures}: the project's own scripts by
 * {@link #generate}, the dev corpus of {@code ../shared} by {@link #generateDev} where present.
 */
public record SynthCall(String name, Path dir, ReferenceTranscript reference) {
    private static final Path FIXTURES = Path.of("target/fixtures").toAbsolutePath();

    /** The folder beside the checkout that holds the dev corpus and the conformance drivers. */
    public static Path shared() {
        return DevCorpus.sharedDir();
    }

    /** The project's script names, sorted. */
    public static List<String> ownCallNames() {
        return CallScripts.names();
    }

    /** The dev corpus's script names, sorted; empty without {@code ../shared}, a failure under {@code CI=true}. */
    public static List<String> devCallNames() {
        return DevCorpus.names();
    }

    /** The project's script {@code NAME.call}, rendered once per build. */
    public static SynthCall generate(String name) throws Exception {
        return of(TestCalls.render(CallScripts.named(name), FIXTURES.resolve("own")));
    }

    /**
     * The script {@code NAME.call} of another folder of inference's test resources ({@code CallScripts#extra}), kept
     * out of the main set so its figures stay as they are; rendered once per build.
     */
    public static SynthCall generateExtra(String folder, String name) throws Exception {
        Path script = CallScripts.extra(folder).stream()
                .filter(p -> p.getFileName().toString().equals(name + ".call")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no call script " + folder + "/" + name + ".call"));
        return of(TestCalls.render(script, FIXTURES.resolve(folder)));
    }

    /** The dev corpus's script {@code NAME.call}, rendered once per build. */
    public static SynthCall generateDev(String name) throws Exception {
        return of(TestCalls.render(DevCorpus.named(name), FIXTURES.resolve("dev")));
    }

    /** The project's script {@code NAME}, or else the dev corpus's (for the benchmarks, which name either). */
    public static SynthCall named(String name) throws Exception {
        return CallScripts.names().contains(name) ? generate(name) : generateDev(name);
    }

    private static SynthCall of(RenderedCall call) throws IOException {
        return new SynthCall(call.name(), call.dir(), ReferenceTranscript.read(call.json()));
    }

    public Path wav(String party) {
        return dir.resolve(name + "." + party + ".wav");
    }

    public Path pcap(String party) {
        return dir.resolve(name + "." + party + ".pcmu.pcap");
    }
}
