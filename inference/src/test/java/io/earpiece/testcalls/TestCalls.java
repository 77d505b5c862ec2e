package io.earpiece.testcalls;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * What tests call to get rendered calls: the project's scripts first, the dev corpus's as an additional set where
 * present. Without espeak-ng, sox or ffmpeg a test that needs audio is skipped with the reason, except under
 * {@code CI=true}, where it fails (CI installs them and must run every such test).
 */
public final class TestCalls {
    private static final CallRenderer RENDERER = new CallRenderer();

    private TestCalls() {
    }

    /** One script of a set, labelled for test names: {@code own/NAME} or {@code dev/NAME}. */
    public record Script(String set, Path path) {
        public String name() {
            return CallScripts.nameOf(path);
        }

        @Override
        public String toString() {
            return set + "/" + name();
        }
    }

    /** The project's scripts, then the dev corpus's when it is there (see {@link DevCorpus#present()}). */
    public static List<Script> ownThenDev() {
        List<Script> out = new ArrayList<>(own());
        DevCorpus.scripts().forEach(p -> out.add(new Script("dev", p)));
        return out;
    }

    /**
     * What the benchmarks play: {@code -Dearpiece.bench.corpus=own} (default: the project's calls, which every clone
     * has) or {@code dev} (the dev corpus of {@code ../shared}, on which figures recorded before this option were
     * measured; an error when it is absent). The run prints which it used.
     */
    public static List<Script> benchSet() {
        String corpus = System.getProperty("earpiece.bench.corpus", "own").trim();
        List<Script> set = switch (corpus) {
            case "own" -> own();
            case "dev" -> {
                List<Path> dev = Files.isDirectory(DevCorpus.folder()) ? DevCorpus.scripts() : List.of();
                if (dev.isEmpty()) {
                    throw new IllegalStateException("earpiece.bench.corpus=dev but no dev corpus in " + DevCorpus.folder());
                }
                yield dev.stream().map(p -> new Script("dev", p)).toList();
            }
            default -> throw new IllegalArgumentException("earpiece.bench.corpus must be own or dev: " + corpus);
        };
        System.out.println("calls: " + set);
        return set;
    }

    public static List<Script> own() {
        return CallScripts.all().stream().map(p -> new Script("own", p)).toList();
    }

    /** Skips (or, under CI, fails) the calling test when the renderer's programs are missing. */
    public static void assumeToolsInstalled() {
        if (CallRenderer.toolsInstalled()) {
            return;
        }
        String why = "espeak-ng, sox or ffmpeg missing: cannot render test calls (apt-get install espeak-ng sox ffmpeg)";
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError(why + "; under CI=true they must be installed");
        }
        Assumptions.abort(why);
    }

    /** {@code script} rendered under {@code outDir} (once per build). */
    public static synchronized RenderedCall render(Path script, Path outDir) throws Exception {
        assumeToolsInstalled();
        return RENDERER.render(script, outDir);
    }

    /** {@code script} rendered under {@code base/SET} (own and dev calls apart, whatever their names). */
    public static RenderedCall render(Script script, Path base) throws Exception {
        return render(script.path(), base.resolve(script.set()));
    }

    /** The project's script {@code NAME} rendered under {@code outDir}. */
    public static RenderedCall own(String name, Path base) throws Exception {
        return render(CallScripts.named(name), base.resolve("own"));
    }
}
