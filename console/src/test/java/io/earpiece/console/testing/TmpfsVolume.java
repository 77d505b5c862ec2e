package io.earpiece.console.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small tmpfs mounted at a test's directory, so that the test meets a genuinely full disk ({@code ENOSPC} from the
 * kernel). Mounting needs root (CAP_SYS_ADMIN); {@link #mount} returns null where it is not allowed.
 */
public final class TmpfsVolume implements AutoCloseable {

    private final Path mountPoint;

    private TmpfsVolume(Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    /** Mounts a tmpfs of {@code kilobytes} at {@code dir} (created); null when this machine does not allow it. */
    public static TmpfsVolume mount(Path dir, int kilobytes) throws IOException, InterruptedException {
        Path abs = dir.toAbsolutePath();
        run(List.of("umount", abs.toString())); // a mount left by an aborted run
        Files.createDirectories(abs);
        if (run(List.of("mount", "-t", "tmpfs", "-o", "size=" + kilobytes + "k", "tmpfs", abs.toString())) != 0) {
            return null;
        }
        return new TmpfsVolume(abs);
    }

    public Path path() {
        return mountPoint;
    }

    /** Fills the volume with a file until only about {@code leaveBytes} are free. */
    public void fillLeaving(long leaveBytes) throws IOException {
        long free = Files.getFileStore(mountPoint).getUsableSpace();
        if (free > leaveBytes) {
            Files.write(mountPoint.resolve("filler"), new byte[(int) (free - leaveBytes)]);
        }
    }

    public long free() throws IOException {
        return Files.getFileStore(mountPoint).getUsableSpace();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run(List.of("umount", "-l", mountPoint.toString()));
    }

    private static int run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }
}
