package io.earpiece.console.upload;

import io.earpiece.console.polling.OutageLog;
import io.earpiece.console.polling.OutageLogs;
import io.earpiece.upload.MediaException;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Uploads the files dropped into {@code earpiece.uploads.watch-dir}. A file is taken once its size stayed the
 * same over two listings (so a copy still in progress is left alone), moved to {@code processed/} first (so it is
 * picked up once, even across restarts), then copied into the upload store as a job. Refused files get a failed
 * job with the reason, since no client waits for an answer.
 */
@Component
public class WatchedFolder {

    private static final Logger log = LoggerFactory.getLogger(WatchedFolder.class);

    private final UploadProperties properties;
    private final UploadStorage storage;
    private final UploadIntake intake;
    private final UploadJobs jobs;
    private final Map<Path, Long> lastSizes = new HashMap<>();
    private final OutageLog listings;
    private ScheduledExecutorService poller;

    public WatchedFolder(UploadProperties properties, UploadStorage storage, UploadIntake intake, UploadJobs jobs,
                         OutageLogs outages) {
        this.properties = properties;
        this.storage = storage;
        this.intake = intake;
        this.jobs = jobs;
        this.listings = outages.forTask("watched folder listing", log);
    }

    @EventListener(ApplicationReadyEvent.class)
    public synchronized void start() throws IOException {
        if (properties.watchFolder().isEmpty() || poller != null) {
            return;
        }
        Path dir = properties.watchFolder().get();
        Files.createDirectories(dir.resolve("processed"));
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "upload-watch");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(100, properties.watchInterval().toMillis());
        poller.scheduleWithFixedDelay(() -> scan(dir), 0, every, TimeUnit.MILLISECONDS);
        log.info("watching {} for recordings", dir.toAbsolutePath());
    }

    void scan(Path dir) {
        Map<Path, Long> sizes = new HashMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, Files::isRegularFile)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                long size = Files.size(f);
                sizes.put(f, size);
                if (Long.valueOf(size).equals(lastSizes.get(f))) {
                    take(dir, f);
                    sizes.remove(f);
                }
            }
            listings.worked();
        } catch (IOException | RuntimeException e) {
            // a folder that is gone or unreadable fails at every listing
            listings.failed(e);
        }
        lastSizes.clear();
        lastSizes.putAll(sizes);
    }

    private void take(Path dir, Path file) {
        String name = file.getFileName().toString();
        Path processed = dir.resolve("processed").resolve(name);
        try {
            if (Files.exists(processed)) {
                processed = dir.resolve("processed").resolve(System.currentTimeMillis() + "-" + name);
            }
            Files.move(file, processed, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("cannot move {} to {}; left where it is", file, processed, e);
            return;
        }
        String jobId = UploadJobs.newId();
        Path target = storage.jobFile(jobId);
        StoredFile stored;
        try {
            if (Files.size(processed) > properties.maxBytes()) {
                jobs.rejected(jobId, new StoredFile(processed, Files.size(processed), ""), name, "watch",
                        "file is " + Files.size(processed) + " bytes; the limit is " + properties.maxBytes());
                return;
            }
            Files.copy(processed, target, StandardCopyOption.REPLACE_EXISTING);
            stored = new StoredFile(target, Files.size(target), storage.sha256(target));
        } catch (IOException e) {
            log.warn("cannot copy {} into the upload store", processed, e);
            return;
        }
        try {
            UploadView view = intake.accept(jobId, stored, name, "watch");
            log.info("watched file {} became upload {}", name, view.id());
        } catch (MediaException | IOException | IllegalStateException e) {
            log.warn("watched file {} refused: {}", name, e.getMessage());
            jobs.rejected(jobId, stored, name, "watch", e.getMessage());
        }
    }

    @PreDestroy
    public synchronized void stop() throws InterruptedException {
        if (poller != null) {
            poller.shutdownNow();
            poller.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
