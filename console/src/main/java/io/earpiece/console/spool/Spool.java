package io.earpiece.console.spool;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The on-disk journal of live writes that wait for the database: records appended in order, each forced to disk
 * before {@link #append} returns (so what was announced survives a {@code kill -9}), read back in the same order by
 * one drainer, which marks each {@link #written} once the database has it. The journal is a folder of files
 * ({@code <sequence>.spool}), a new one begun when the current one would pass {@code fileBytes}; a file is deleted
 * once all its records are written, so the space a drained outage took is given back. All the files together stay
 * under {@code maxBytes}: an append that would pass it is refused and the caller falls back to waiting.
 *
 * <p>Opening the folder reads what a previous run left (a crash during an outage): every whole record waits to be
 * written again; a record cut short or scrambled by the crash is dropped and counted, never a reason not to start.
 */
public final class Spool implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(Spool.class);
    private static final String SUFFIX = ".spool";

    /** The next record to write: where its frame is, so {@link #written} can move past it. */
    public record Pending(SpoolRecord record, long file, long position, int frameLength) {
    }

    /** One file of the journal: its size on disk and how many of its records still wait. */
    private static final class SpoolFile {
        final long sequence;
        final Path path;
        long size;

        SpoolFile(long sequence, Path path, long size) {
            this.sequence = sequence;
            this.path = path;
            this.size = size;
        }
    }

    private final Path dir;
    private final long maxBytes;
    private final long fileBytes;
    private final TreeMap<Long, SpoolFile> files = new TreeMap<>();
    private final Map<String, Integer> pendingByCall = new HashMap<>();
    /** Unreadable frames found at start in the middle of a file (file and position): counted once, then skipped. */
    private final java.util.Set<String> knownBad = new java.util.HashSet<>();
    private final AtomicLong appended = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong recovered = new AtomicLong();
    private long bytes;
    private int pending;
    private long headPosition;
    private FileChannel active;
    private FileChannel reading;
    private long readingSequence = -1;
    private boolean full;

    /**
     * Opens (creating it if need be) the journal in {@code dir}, reading back what a previous run left.
     *
     * @param maxBytes  the most all files together may take
     * @param fileBytes the size at which a new file is begun
     */
    public Spool(Path dir, long maxBytes, long fileBytes) throws IOException {
        if (maxBytes <= 0 || fileBytes <= 0) {
            throw new IllegalArgumentException("spool sizes must be positive: max " + maxBytes + ", file " + fileBytes);
        }
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.fileBytes = fileBytes;
        Files.createDirectories(dir);
        recover();
    }

    private void recover() throws IOException {
        List<Path> found;
        try (Stream<Path> list = Files.list(dir)) {
            found = list.filter(p -> p.getFileName().toString().matches("\\d{20}" + "\\.spool")).sorted().toList();
        }
        for (Path path : found) {
            long sequence = Long.parseLong(path.getFileName().toString().substring(0, 20));
            long good = 0;
            try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                long size = ch.size();
                while (good < size) {
                    Frame frame = read(ch, good, size);
                    if (frame.record == null && frame.length < 0) {
                        // cut short or unreadable length: nothing after it can be found; a crash mid-append
                        log.warn("spool {}: dropped {} bytes from {} on, the last record's append was cut short: {}",
                                path.getFileName(), size - good, good, frame.problem);
                        dropped.incrementAndGet();
                        ch.truncate(good);
                        ch.force(true);
                        break;
                    }
                    if (frame.record == null) {
                        log.warn("spool {}: dropped the record at {}: {}", path.getFileName(), good, frame.problem);
                        dropped.incrementAndGet();
                        if (good + frame.length == size) {
                            ch.truncate(good); // the last one: a crash mid-append that left the length whole
                            ch.force(true);
                            break;
                        }
                        knownBad.add(sequence + "@" + good);
                    } else {
                        pending++;
                        recovered.incrementAndGet();
                        pendingByCall.merge(frame.record.callId(), 1, Integer::sum);
                    }
                    good += frame.length < 0 ? size - good : frame.length;
                }
            }
            if (good == 0) {
                Files.delete(path);
                continue;
            }
            files.put(sequence, new SpoolFile(sequence, path, good));
            bytes += good;
        }
        if (pending > 0) {
            log.warn("spool {}: {} records a previous run left wait for the database, written before new finals",
                    dir, pending);
        }
    }

    /** A frame read at a position: the record, or why not; length -1 when the next frame cannot be found. */
    private record Frame(SpoolRecord record, int length, String problem) {
    }

    private static Frame read(FileChannel ch, long position, long size) throws IOException {
        byte[] header = new byte[SpoolRecordCodec.HEADER];
        int headerBytes = (int) Math.min(header.length, size - position);
        ch.read(ByteBuffer.wrap(header, 0, headerBytes), position);
        int payload;
        try {
            payload = SpoolRecordCodec.payloadLength(headerBytes < header.length
                    ? java.util.Arrays.copyOf(header, headerBytes) : header, 0);
        } catch (SpoolRecordException e) {
            return new Frame(null, -1, e.getMessage());
        }
        long frameEnd = position + SpoolRecordCodec.HEADER + payload;
        if (frameEnd > size) {
            return new Frame(null, -1, "TRUNCATED: " + (size - position) + " of "
                    + (SpoolRecordCodec.HEADER + payload) + " bytes");
        }
        byte[] frame = new byte[SpoolRecordCodec.HEADER + payload];
        ByteBuffer buffer = ByteBuffer.wrap(frame);
        while (buffer.hasRemaining()) {
            if (ch.read(buffer, position + buffer.position()) < 0) {
                return new Frame(null, -1, "TRUNCATED: end of file");
            }
        }
        try {
            return new Frame(SpoolRecordCodec.decode(frame, 0).record(), frame.length, null);
        } catch (SpoolRecordException e) {
            // the frame's extent is known, so the records after it can still be read
            return new Frame(null, frame.length, e.getMessage());
        }
    }

    /**
     * Appends a record and forces it to disk; false (nothing written) when the journal is full or cannot be
     * written, in which case the caller keeps the write itself.
     */
    public synchronized boolean append(SpoolRecord record) {
        byte[] frame;
        try {
            frame = SpoolRecordCodec.encode(record);
        } catch (IllegalArgumentException tooLarge) {
            refuse("cannot take " + record.key() + ": " + tooLarge.getMessage());
            return false;
        }
        if (bytes + frame.length > maxBytes) {
            refuse("full (" + bytes + " of " + maxBytes + " bytes)");
            return false;
        }
        try {
            SpoolFile file = files.isEmpty() ? null : files.lastEntry().getValue();
            if (active == null || file == null || (file.size > 0 && file.size + frame.length > fileBytes)) {
                file = begin(file == null ? 1 : file.sequence + 1);
            }
            ByteBuffer buffer = ByteBuffer.wrap(frame);
            long position = file.size;
            while (buffer.hasRemaining()) {
                active.write(buffer, position + buffer.position());
            }
            active.force(false);
            file.size += frame.length;
            bytes += frame.length;
        } catch (IOException e) {
            refuse("cannot be written: " + e);
            return false;
        }
        if (full) {
            full = false;
            log.warn("spool {} takes records again", dir);
        }
        pending++;
        appended.incrementAndGet();
        pendingByCall.merge(record.callId(), 1, Integer::sum);
        notifyAll();
        return true;
    }

    private void refuse(String why) {
        refused.incrementAndGet();
        if (!full) {
            full = true;
            log.warn("spool {} {}; live writes wait for the database in memory until it has room", dir, why);
        }
    }

    /** Begins a new file: the previous one is complete; the folder is forced so the new name survives a crash. */
    private SpoolFile begin(long sequence) throws IOException {
        if (active != null) {
            active.close();
            active = null;
        }
        Path path = dir.resolve(String.format("%020d", sequence) + SUFFIX);
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try (FileChannel folder = FileChannel.open(dir, StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException e) {
            log.debug("could not force spool folder {}: {}", dir, e.toString());
        }
        active = channel;
        SpoolFile file = new SpoolFile(sequence, path, 0);
        files.put(sequence, file);
        return file;
    }

    /** The oldest record not yet written, waiting up to {@code wait} for one; empty when none came. */
    public synchronized Optional<Pending> next(Duration wait) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Optional<Pending> head = head();
            if (head.isPresent()) {
                return head;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    private Optional<Pending> head() throws IOException {
        while (!files.isEmpty()) {
            SpoolFile file = files.firstEntry().getValue();
            if (headPosition < file.size) {
                if (readingSequence != file.sequence) {
                    closeReading();
                    reading = FileChannel.open(file.path, StandardOpenOption.READ);
                    readingSequence = file.sequence;
                }
                Frame frame = read(reading, headPosition, file.size);
                if (frame.record != null) {
                    return Optional.of(new Pending(frame.record, file.sequence, headPosition, frame.length));
                }
                if (!knownBad.remove(file.sequence + "@" + headPosition)) {
                    // Our own appends were whole when counted, so this is the disk failing us: drop and say so.
                    log.error("spool {}: record at {} unreadable, dropped: {}", file.path, headPosition,
                            frame.problem);
                    dropped.incrementAndGet();
                    pending = Math.max(0, pending - 1);
                }
                headPosition = frame.length < 0 ? file.size : headPosition + frame.length;
                continue;
            }
            if (files.size() == 1 && active != null) {
                return Optional.empty(); // the file being appended to, all of it written
            }
            retire(file);
        }
        return Optional.empty();
    }

    /** Marks the record returned by {@link #next} as stored in the database. */
    public synchronized void written(Pending p) throws IOException {
        if (files.isEmpty() || files.firstKey() != p.file() || headPosition != p.position()) {
            throw new IllegalStateException("written out of order: " + p);
        }
        headPosition += p.frameLength();
        pending--;
        written.incrementAndGet();
        pendingByCall.computeIfPresent(p.record().callId(), (k, n) -> n == 1 ? null : n - 1);
        if (pending == 0 && full) {
            full = false; // drained: the next outage finds it empty
            log.warn("spool {} drained; it takes records again", dir);
        }
        SpoolFile file = files.firstEntry().getValue();
        if (headPosition >= file.size) {
            // all of it written: the space goes back, the file being appended to included (the next append
            // begins a new one)
            if (files.size() == 1 && active != null) {
                active.close();
                active = null;
            }
            retire(file);
        }
        notifyAll();
    }

    private void retire(SpoolFile file) throws IOException {
        if (readingSequence == file.sequence) {
            closeReading();
        }
        Files.deleteIfExists(file.path);
        files.remove(file.sequence);
        bytes -= file.size;
        headPosition = 0;
    }

    private void closeReading() throws IOException {
        if (reading != null) {
            reading.close();
            reading = null;
        }
        readingSequence = -1;
    }

    /** Waits until no record of the call is left to write, at most {@code limit}; false when some still wait. */
    public synchronized boolean awaitWritten(String callId, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (pendingByCall.containsKey(callId)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /** Records waiting to be written to the database. */
    public synchronized int pending() {
        return pending;
    }

    /** Bytes the journal's files take on disk. */
    public synchronized long bytes() {
        return bytes;
    }

    /** The most bytes the journal's files may take. */
    public long maxBytes() {
        return maxBytes;
    }

    /** Whether the last append was refused (full or unwritable) and none has been taken since. */
    public synchronized boolean full() {
        return full;
    }

    /** Records appended since start. */
    public long appended() {
        return appended.get();
    }

    /** Records written to the database (and so let go) since start. */
    public long written() {
        return written.get();
    }

    /** Appends refused since start (full or unwritable): those writes waited in memory instead. */
    public long refused() {
        return refused.get();
    }

    /** Records dropped unreadable (an append cut short by a crash, a scrambled one) since start. */
    public long dropped() {
        return dropped.get();
    }

    /** Records a previous run left that were found at start. */
    public long recovered() {
        return recovered.get();
    }

    public Path dir() {
        return dir;
    }

    @Override
    public synchronized void close() throws IOException {
        closeReading();
        if (active != null) {
            active.close();
            active = null;
        }
    }
}
