package io.earpiece.console.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A private network namespace ({@code unshare -n}) joined to this one by a veth pair: the host end is
 * {@link #hostIp()}, the inside end {@link #innerIp()} on a /30 of 10.77.0.0/16. A peer started {@link #inside}
 * sees only that link and loopback, so its ICE has exactly one candidate address. Needs root (CAP_NET_ADMIN).
 * The namespace lives as long as a holder process ({@code cat} on our pipe); closing it, or this JVM dying, takes
 * the namespace and both veth ends away.
 */
public final class PrivateNetwork implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Process holder;
    private final String hostInterface;
    private final String innerInterface;
    private final String hostIp;
    private final String innerIp;

    private PrivateNetwork(Process holder, String hostInterface, String innerInterface, String hostIp, String innerIp) {
        this.holder = holder;
        this.hostInterface = hostInterface;
        this.innerInterface = innerInterface;
        this.hostIp = hostIp;
        this.innerIp = innerIp;
    }

    /** Why a namespace cannot be made here, or empty when it can. */
    public static Optional<String> unavailable() {
        for (String tool : List.of("/usr/bin/unshare", "/usr/bin/nsenter")) {
            if (!Files.isExecutable(Path.of(tool))) {
                return Optional.of(tool + " is missing (Debian: util-linux)");
            }
        }
        if (!Files.isExecutable(Path.of("/usr/sbin/ip")) && !Files.isExecutable(Path.of("/sbin/ip"))) {
            return Optional.of("ip is missing (Debian: iproute2)");
        }
        try {
            Process p = new ProcessBuilder("unshare", "-n", "true").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return Optional.of("`unshare -n` failed (needs root or CAP_SYS_ADMIN/CAP_NET_ADMIN): " + out);
            }
        } catch (IOException | InterruptedException e) {
            return Optional.of("`unshare -n` could not run: " + e.getMessage());
        }
        return Optional.empty();
    }

    /** Creates the namespace and the veth pair on a random /30, and brings both ends up. */
    public static PrivateNetwork create() throws IOException, InterruptedException {
        String tag = Integer.toHexString(0x10000 + RANDOM.nextInt(0xf0000));
        int subnet = RANDOM.nextInt(256);
        String hostIp = "10.77." + subnet + ".1";
        String innerIp = "10.77." + subnet + ".2";
        // Interface names are at most 15 characters.
        String hostIf = "ep" + tag + "h";
        String innerIf = "ep" + tag + "n";
        Process holder = new ProcessBuilder("unshare", "-n", "cat").redirectErrorStream(true).start();
        PrivateNetwork net = new PrivateNetwork(holder, hostIf, innerIf, hostIp, innerIp);
        try {
            String own = Files.readSymbolicLink(Path.of("/proc/self/ns/net")).toString();
            Path theirs = Path.of("/proc/" + holder.pid() + "/ns/net");
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                    .until(() -> !holder.isAlive() || !Files.readSymbolicLink(theirs).toString().equals(own));
            if (!holder.isAlive()) {
                throw new IOException("unshare -n exited: " + new String(holder.getInputStream().readAllBytes()));
            }
            run(List.of("ip", "link", "add", hostIf, "type", "veth", "peer", "name", innerIf,
                    "netns", String.valueOf(holder.pid())));
            run(List.of("ip", "addr", "add", hostIp + "/30", "dev", hostIf));
            run(List.of("ip", "link", "set", hostIf, "up"));
            run(net.inside(List.of("ip", "addr", "add", innerIp + "/30", "dev", innerIf)));
            run(net.inside(List.of("ip", "link", "set", innerIf, "up")));
            run(net.inside(List.of("ip", "link", "set", "lo", "up")));
            return net;
        } catch (IOException | InterruptedException | RuntimeException e) {
            net.close();
            throw e;
        }
    }

    /** {@code command} wrapped to run inside the namespace. */
    public List<String> inside(List<String> command) {
        List<String> wrapped = new ArrayList<>(List.of("nsenter", "--net=/proc/" + holder.pid() + "/ns/net", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    public String hostIp() {
        return hostIp;
    }

    public String innerIp() {
        return innerIp;
    }

    /** The inside end of the veth pair (the only interface a peer inside should use). */
    public String innerInterface() {
        return innerInterface;
    }

    @Override
    public void close() {
        holder.destroy();
        try {
            holder.waitFor(5, TimeUnit.SECONDS);
            // Gone with the namespace already, normally; this covers a holder that would not die.
            new ProcessBuilder("ip", "link", "del", hostInterface).redirectErrorStream(true).start()
                    .waitFor(5, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
    }
}
