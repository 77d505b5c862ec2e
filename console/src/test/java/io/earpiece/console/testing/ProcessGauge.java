package io.earpiece.console.testing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This JVM's memory and CPU over a stretch of a benchmark: the highest resident set seen by sampling VmRSS (the
 * kernel's VmHWM would only give the peak since the JVM started), and CPU time over wall time. Linux only; on
 * another system the memory figures are 0.
 */
public final class ProcessGauge implements AutoCloseable {

    private static final Path STATUS = Path.of("/proc/self/status");

    private final long startNanos = System.nanoTime();
    private final long startCpuNanos = cpuNanos();
    private final AtomicLong peakRssKb = new AtomicLong();
    private final Thread sampler;
    private volatile long endNanos;
    private volatile long endCpuNanos;

    private ProcessGauge(Duration every) {
        sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakRssKb.accumulateAndGet(statusKb("VmRSS"), Math::max);
                try {
                    Thread.sleep(every.toMillis()); // a sampling period, not a wait for anything
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "rss-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Starts sampling the resident set every 250 ms. */
    public static ProcessGauge start() {
        return new ProcessGauge(Duration.ofMillis(250));
    }

    /** Stops sampling; the figures then cover the stretch from start to here. */
    @Override
    public void close() {
        if (endNanos == 0) {
            endCpuNanos = cpuNanos();
            endNanos = System.nanoTime();
            sampler.interrupt();
            peakRssKb.accumulateAndGet(statusKb("VmRSS"), Math::max);
        }
    }

    /** Highest resident set sampled, in MiB. */
    public double peakRssMb() {
        return peakRssKb.get() / 1024.0;
    }

    /** CPU time of the whole JVM over wall time, in % of one core (200 = two cores busy). */
    public double cpuPct() {
        long end = endNanos == 0 ? System.nanoTime() : endNanos;
        long cpu = (endNanos == 0 ? cpuNanos() : endCpuNanos) - startCpuNanos;
        return 100.0 * cpu / Math.max(1, end - startNanos);
    }

    /** The JVM's peak resident set since it started (VmHWM), in MiB. */
    public static double highWaterMarkMb() {
        return statusKb("VmHWM") / 1024.0;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long statusKb(String field) {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
