package io.earpiece.console.metrics;

import io.earpiece.console.testing.TestAuth;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alert rules and dashboards under {@code docker/} speak of metrics this server really exposes, and
 * Prometheus's own checker accepts the rules.
 */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        TestAuth.ADMIN_PASSWORD_PROPERTY,
        "earpiece.sip.host=127.0.0.1", "earpiece.sip.port=0", "earpiece.sip.public-host=127.0.0.1",
        "earpiece.rtp.host=127.0.0.1", "earpiece.rtp.port-min=47950", "earpiece.rtp.port-max=47999",
        "earpiece.data-dir=target/it-data/monitoring",
        "spring.datasource.url=jdbc:h2:mem:monitoring;DB_CLOSE_DELAY=-1"})
class MonitoringConfigIT {

    static final Path DOCKER = Path.of("..", "docker");
    static final Path RULES = DOCKER.resolve("prometheus/earpiece-rules.yml");
    /** A series name as PromQL writes it: earpiece_..., with the suffixes the Prometheus format adds. */
    static final Pattern SERIES = Pattern.compile("\\b(earpiece_[a-z0-9_]+)");

    @LocalServerPort
    int port;

    @Test
    void rulesAndDashboardsUseOnlyExposedMetrics() throws IOException {
        String exposition = TestAuth.as(port, TestAuth.adminToken(port)).get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        Set<String> exposed = new TreeSet<>();
        for (String line : exposition.lines().toList()) {
            if (!line.startsWith("#") && !line.isBlank()) {
                exposed.add(line.split("[{ ]", 2)[0]);
            }
        }
        Set<String> referenced = new TreeSet<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(DOCKER)) {
            files = s.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".json")).toList();
        }
        for (Path f : files) {
            Matcher m = SERIES.matcher(Files.readString(f, StandardCharsets.UTF_8));
            while (m.find()) {
                referenced.add(m.group(1));
            }
        }
        assertThat(referenced).as("series named in docker/ (rules, dashboards)").hasSizeGreaterThan(10);
        assertThat(exposed).as("exposed by /actuator/prometheus").containsAll(referenced);
    }

    @Test
    void promtoolAcceptsTheAlertRules() throws Exception {
        Assumptions.assumeTrue(onPath("promtool"), "promtool (Debian prometheus) is not installed");
        assertThat(promtool("check", "rules", RULES.toString())).contains("SUCCESS");
    }

    @Test
    void promtoolAcceptsTheScrapeConfig() throws Exception {
        Assumptions.assumeTrue(onPath("promtool"), "promtool (Debian prometheus) is not installed");
        // the config names the files where compose mounts them; here they lie in a scratch folder
        Path dir = Files.createDirectories(Path.of("target", "it-data", "monitoring", "prometheus"));
        Files.copy(RULES, dir.resolve("earpiece-rules.yml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(dir.resolve("earpiece-token"), "not-a-real-key\n");
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, Files.readString(DOCKER.resolve("prometheus/prometheus.yml"))
                .replace("/etc/prometheus/", dir.toAbsolutePath() + "/"));
        promtool("check", "config", config.toString());
    }

    /** Runs promtool, asserts it succeeded, and returns what it printed. */
    private static String promtool(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("promtool"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    private static boolean onPath(String tool) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }
}
