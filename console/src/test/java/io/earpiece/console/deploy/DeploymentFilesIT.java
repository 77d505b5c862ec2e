package io.earpiece.console.deploy;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The cluster's deployment files: {@code kubectl kustomize docker/k8s} builds, {@code yamllint} accepts them and the
 * compose file, and what they run is hardened as the README says (uid 1000, read-only root filesystem, every
 * capability dropped). No Docker engine or Kubernetes cluster here: images are not built and nothing is applied.
 */
class DeploymentFilesIT {

    static final Path DOCKER = Path.of("..", "docker");

    @Test
    void kustomizeBuildsHardenedWorkloads() throws Exception {
        needs("kubectl");
        String built = run("kubectl", "kustomize", DOCKER.resolve("k8s").toString());
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object o : new Yaml(new LoaderOptions()).loadAll(built)) {
            docs.add(map(o));
        }
        assertThat(docs).extracting(d -> d.get("kind")).contains("StatefulSet", "Deployment",
                "PodDisruptionBudget", "Service", "ConfigMap", "Namespace");
        List<Map<String, Object>> workloads = docs.stream()
                .filter(d -> List.of("StatefulSet", "Deployment").contains(d.get("kind"))).toList();
        assertThat(workloads).hasSize(2);
        for (Map<String, Object> w : workloads) {
            Map<String, Object> pod = map(map(map(w.get("spec")).get("template")).get("spec"));
            assertThat(map(pod.get("securityContext"))).containsEntry("runAsNonRoot", true)
                    .containsEntry("runAsUser", 1000);
            for (Object c : (List<?>) pod.get("containers")) {
                Map<String, Object> security = map(map(c).get("securityContext"));
                assertThat(security).as("container %s", map(c).get("name"))
                        .containsEntry("readOnlyRootFilesystem", true).containsEntry("allowPrivilegeEscalation", false);
                assertThat(map(security.get("capabilities")).get("drop")).isEqualTo(List.of("ALL"));
            }
        }
    }

    @Test
    void yamllintAcceptsTheDeploymentFiles() throws Exception {
        needs("yamllint");
        run("yamllint", "--strict", "-c", DOCKER.resolve("yamllint.yaml").toString(),
                DOCKER.resolve("k8s").toString(), DOCKER.resolve("compose.cluster.yaml").toString(),
                DOCKER.resolve("cluster/prometheus.yml").toString());
    }

    @Test
    void composeNodesAreHardenedAndNamedApart() throws IOException {
        Map<String, Object> compose = map(new Yaml(new LoaderOptions())
                .load(Files.readString(DOCKER.resolve("compose.cluster.yaml"))));
        Map<String, Object> services = map(compose.get("services"));
        assertThat(services).containsKeys("kamailio", "node-a", "node-b", "postgres", "kafka", "prometheus");
        for (String name : List.of("node-a", "node-b", "kamailio")) {
            Map<String, Object> s = map(services.get(name));
            assertThat(s).as(name).containsEntry("read_only", true).containsEntry("cap_drop", List.of("ALL"));
        }
        Map<String, Object> a = map(map(services.get("node-a")).get("environment"));
        Map<String, Object> b = map(map(services.get("node-b")).get("environment"));
        assertThat(a.get("EARPIECE_CLUSTER_NODEID")).isNotEqualTo(b.get("EARPIECE_CLUSTER_NODEID"));
        assertThat(a.get("EARPIECE_SIP_PORT")).isNotEqualTo(b.get("EARPIECE_SIP_PORT"));
        String list = Files.readString(DOCKER.resolve("cluster/dispatcher.list"));
        assertThat(list).contains("127.0.0.1:" + a.get("EARPIECE_SIP_PORT"), "127.0.0.1:" + b.get("EARPIECE_SIP_PORT"));
        assertThat(Files.readString(DOCKER.resolve("Dockerfile"))).contains("USER 1000:1000");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        assertThat(o).isInstanceOf(Map.class);
        return (Map<String, Object>) o;
    }

    private static void needs(String tool) {
        boolean present = System.getenv("PATH") != null && java.util.Arrays.stream(System.getenv("PATH")
                .split(java.io.File.pathSeparator)).anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
        if (!present && "true".equals(System.getenv("CI"))) {
            fail(tool + " is not installed; .ci/run installs it");
        }
        Assumptions.assumeTrue(present, tool + " is not installed");
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(String.join(" ", command) + " did not finish");
        }
        assertThat(p.exitValue()).as(String.join(" ", command) + ":\n" + out).isZero();
        return out;
    }
}
