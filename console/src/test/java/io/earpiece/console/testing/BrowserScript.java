package io.earpiece.console.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the console's Playwright scripts ({@code console/web/e2e/*.mjs}) with node against headless Debian
 * Chromium, copying its output to the test log as it comes and bounding it with {@code timeout}.
 */
public final class BrowserScript {

    /** Debian's Chromium, which playwright-core drives through {@code executablePath}. */
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** The console's web project (tests run in the console module's folder). */
    public static final Path WEB = Path.of("web").toAbsolutePath();

    /** What a run printed and how it ended. */
    public record Result(int exitCode, String output) {
    }

    private BrowserScript() {
    }

    /** Why browser tests cannot run here, or null when Chromium and the web project's node_modules are present. */
    public static String unavailable() {
        if (!Files.isExecutable(CHROMIUM)) {
            return CHROMIUM + " is missing (Debian: apt-get install -y chromium)";
        }
        if (!Files.isDirectory(WEB.resolve("node_modules/playwright-core"))) {
            return "console/web/node_modules is missing (build without -Dskip.web)";
        }
        return null;
    }

    /**
     * Adds {@code DOCS_DIR} (the repository's docs/, where scripts write the screenshots the README shows) when
     * {@code EARPIECE_DOCS_SCREENSHOTS=1}: refreshing the committed screenshots is opt-in, so a test run leaves the
     * tree clean.
     */
    public static void docsScreenshots(Map<String, String> env) {
        if ("1".equals(System.getenv("EARPIECE_DOCS_SCREENSHOTS"))) {
            env.put("DOCS_DIR", WEB.resolve("../../docs").normalize().toString());
        }
    }

    /**
     * Runs {@code e2e/<script>} with {@code env} (plus CHROMIUM, and DOCS_DIR as {@link #docsScreenshots} says) and
     * waits for it, at most {@code limit}.
     */
    public static Result run(String script, Map<String, String> env, Duration limit) throws IOException,
            InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("timeout", String.valueOf(limit.toSeconds()), "node", "e2e/" + script)
                .directory(WEB.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.environment().put("CHROMIUM", CHROMIUM.toString());
        docsScreenshots(pb.environment());
        Process browser = pb.start();
        StringBuilder out = new StringBuilder();
        pump(browser, "browser", out).join();
        if (!browser.waitFor(30, TimeUnit.SECONDS)) {
            browser.destroyForcibly();
            return new Result(-1, out.toString());
        }
        synchronized (out) {
            return new Result(browser.exitValue(), out.toString());
        }
    }

    /**
     * Copies a script's output to the test log as it comes ({@code [label] line}) and appends it to {@code into}
     * (synchronize on it to read), on a daemon thread that ends with the output; for scripts that run beside
     * the test instead of before its assertions.
     */
    public static Thread pump(Process process, String label, StringBuilder into) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    System.out.println("[" + label + "] " + line);
                    synchronized (into) {
                        into.append(line).append('\n');
                    }
                }
            } catch (IOException e) {
                System.out.println("[" + label + "] output ended: " + e.getMessage());
            }
        }, label + "-output");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
