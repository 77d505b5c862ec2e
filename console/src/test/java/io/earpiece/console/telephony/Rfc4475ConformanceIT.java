package io.earpiece.console.telephony;

import io.earpiece.console.testing.SynthCall;
import io.earpiece.console.testing.TestAuth;
import io.earpiece.sip.SipGateway;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 4475's 49 torture messages against the whole server (registrar, B2BUA and bot legs in front of the
 * gateway, as {@code ./earpiece run} has them), sent over UDP and over TCP on loopback by the shared driver
 * ({@code ../shared/conformance/rfc4475/run}), which rewrites only the top Via so the answers come back to it.
 * Every message must get what the manifest accepts, liberal readings included, and the server must answer the
 * OPTIONS probe after each. The driver and manifest are not copied here: they are the held-out check.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "earpiece.sip.host=127.0.0.1", "earpiece.sip.port=0", "earpiece.sip.public-host=127.0.0.1",
        "earpiece.sip.tcp.enabled=true",
        "earpiece.rtp.host=127.0.0.1", "earpiece.rtp.port-min=44800", "earpiece.rtp.port-max=44899",
        "earpiece.data-dir=target/it-data/rfc4475", TestAuth.ADMIN_PASSWORD_PROPERTY,
        "spring.datasource.url=jdbc:h2:mem:rfc4475;DB_CLOSE_DELAY=-1"})
class Rfc4475ConformanceIT {
    private static final Pattern SUMMARY = Pattern.compile("rfc4475_alive=(\\d+)/(\\d+) rfc4475_ok=(\\d+)/(\\d+)");
    private static final Pattern LINE = Pattern.compile("^(\\S+)\\s+(ok|ok-liberal|ok-noresp|BADRESP|NORESP|DEAD)\\s");

    @Autowired
    SipGateway gateway;

    static Path driverDir() {
        Path dir = SynthCall.shared().resolve("conformance/rfc4475");
        if (!Files.isRegularFile(dir.resolve("run")) || !Files.isRegularFile(dir.resolve("manifest.tsv"))) {
            String why = "no RFC 4475 driver at " + dir + " (is ../shared beside the checkout?)";
            // In CI the corpus is part of the build: its absence is a failure, not a reason to skip.
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(why);
            }
            Assumptions.abort(why);
        }
        return dir;
    }

    /** Over UDP and over TCP (the same port; the driver opens a new connection per message and probe). */
    @ParameterizedTest(name = "over {0}")
    @ValueSource(strings = {"udp", "tcp"})
    void everyTortureMessageGetsWhatTheRfcExpects(String transport) throws Exception {
        Path dir = driverDir();
        List<String> out = runDriver(dir, gateway.port(), transport);
        String report = String.join("\n", out);
        Matcher m = SUMMARY.matcher(report);
        assertThat(m.find()).as("driver summary in:\n%s", report).isTrue();
        List<String> failed = new ArrayList<>();
        for (String line : out) {
            Matcher l = LINE.matcher(line);
            if (l.find() && !l.group(2).startsWith("ok")) {
                failed.add(line);
            }
        }
        // The TCP run follows the UDP one with the same messages (same branches, Call-IDs, CSeqs): each must open a
        // transaction of its own, not be taken for a retransmission of its UDP copy (RFC 3261 17.2.3, sent-by).
        assertThat(failed.stream().map(l -> l.split("\\s+")[0]).collect(Collectors.toSet()))
                .as("messages not answered as RFC 4475 expects over %s:\n%s", transport, report)
                .isEmpty();
        assertThat(m.group(1)).as("alive after each message").isEqualTo(m.group(2));
        assertThat(Integer.parseInt(m.group(4))).as("messages in the manifest").isEqualTo(49);
        assertThat(Integer.parseInt(m.group(3))).as("rfc4475_ok").isEqualTo(49);
    }

    private static List<String> runDriver(Path dir, int port, String transport)
            throws IOException, InterruptedException {
        Path log = Files.createDirectories(Path.of("target", "it-data", "rfc4475"))
                .resolve("driver-" + transport + ".txt");
        Process p = new ProcessBuilder("python3", dir.resolve("run").toString(), "--host", "127.0.0.1",
                "--port", Integer.toString(port), "--transport", transport,
                // the driver's 1.5 s default is short for a new TCP connection per message on a loaded machine
                "--timeout", transport.equals("tcp") ? "4" : "1.5")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // 49 messages, each up to 1.5 s plus a probe: a few minutes at worst on a loaded machine.
        if (!p.waitFor(6, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("RFC 4475 driver did not finish; so far:\n" + Files.readString(log));
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("driver exit status; output:\n%s", String.join("\n", lines)).isZero();
        return lines;
    }
}
