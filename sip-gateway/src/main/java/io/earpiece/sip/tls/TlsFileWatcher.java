package io.earpiece.sip.tls;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Reloads a server identity when its files change (a renewed certificate), so new connections get it without a
 * restart. Polls modification times rather than using a WatchService: certificate tools replace files through
 * symlinks (certbot, Kubernetes secrets) that a directory watch does not always report. A change that does not load
 * (a key written before its certificate) is logged and retried at the next poll; the old identity stays in use.
 */
public final class TlsFileWatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TlsFileWatcher.class);

    private final TlsFiles files;
    private final Consumer<ServerIdentity> onChange;
    private final ScheduledExecutorService timer;
    private List<Object> lastSeen;

    private TlsFileWatcher(TlsFiles files, Consumer<ServerIdentity> onChange, Duration interval, String name) {
        this.files = files;
        this.onChange = onChange;
        this.lastSeen = stamps();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tls-reload-" + name);
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::check, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts watching; {@code onChange} gets each newly loaded identity. Null when {@code interval} is not positive. */
    public static TlsFileWatcher start(TlsFiles files, Duration interval, String name,
                                       Consumer<ServerIdentity> onChange) {
        if (interval == null || interval.isZero() || interval.isNegative()) {
            return null;
        }
        return new TlsFileWatcher(files, onChange, interval, name);
    }

    /** Checks once now; the timer calls this. */
    synchronized void check() {
        List<Object> now = stamps();
        if (now.equals(lastSeen)) {
            return;
        }
        try {
            ServerIdentity identity = ServerIdentity.load(files);
            onChange.accept(identity);
            lastSeen = now;
            log.info("TLS certificate reloaded from {}: {} valid until {}", files.identityFiles(),
                    identity.leaf().getSubjectX500Principal(), identity.leaf().getNotAfter());
        } catch (RuntimeException e) {
            log.warn("TLS files changed but cannot be used yet, keeping the previous certificate: {}", e.getMessage());
        }
    }

    private List<Object> stamps() {
        List<Object> out = new ArrayList<>();
        for (Path p : files.identityFiles()) {
            try {
                out.add(Files.getLastModifiedTime(p).toMillis());
                out.add(Files.size(p));
            } catch (IOException e) {
                out.add(Objects.toString(e.getMessage()));
            }
        }
        return out;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
