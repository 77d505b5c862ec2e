package io.earpiece.console.upload;

import io.earpiece.upload.AudioDecoder;
import io.earpiece.upload.CorruptMediaException;
import io.earpiece.upload.MediaException;
import io.earpiece.upload.MediaSniffer;
import io.earpiece.upload.MediaTooLargeException;
import io.earpiece.upload.SniffResult;
import io.earpiece.upload.TooShortException;
import io.earpiece.upload.UnsupportedMediaException;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Checks a stored upload before a job is made of it, so bad input is refused while the client still waits:
 * size, content sniff (never the name), then ffprobe for damage and the duration limits. Blocking (ffprobe).
 */
@Component
public class UploadInspector {

    private final MediaSniffer sniffer;
    private final UploadConfiguration.MediaTools tools;
    private final UploadProperties properties;

    public UploadInspector(MediaSniffer sniffer, UploadConfiguration.MediaTools tools, UploadProperties properties) {
        this.sniffer = sniffer;
        this.tools = tools;
        this.properties = properties;
    }

    /** What the checks found out about an acceptable file. */
    public record Inspection(SniffResult sniff, long durationMs) {
    }

    public Inspection inspect(Path file) throws IOException, MediaException {
        SniffResult sniff = checkFormat(file);
        AudioDecoder decoder = tools.decoder();
        if (decoder == null) {
            throw new IllegalStateException(tools.missing());
        }
        AudioDecoder.Probe probe = decoder.probe(file, sniff);
        long durationMs = probe.durationMs();
        if (durationMs >= 0 && durationMs < properties.minDuration().toMillis()) {
            throw new TooShortException(String.format(Locale.ROOT, "recording is %.2f s long; at least %.1f s is "
                    + "needed", durationMs / 1000.0, properties.minDuration().toMillis() / 1000.0));
        }
        if (durationMs > properties.maxDuration().toMillis()) {
            throw new MediaTooLargeException(String.format(Locale.ROOT, "recording is %.1f minutes long; the limit "
                    + "is %d minutes", durationMs / 60_000.0, properties.maxDuration().toMinutes()));
        }
        return new Inspection(sniff, durationMs);
    }

    /**
     * The checks that need neither ffmpeg nor a model (size, content sniff), so that a file that is not audio is
     * told so even while transcription is off.
     */
    public SniffResult checkFormat(Path file) throws IOException, MediaException {
        long size = Files.size(file);
        if (size == 0) {
            throw new CorruptMediaException("empty file: 0 bytes were uploaded");
        }
        if (size > properties.maxBytes()) {
            throw new MediaTooLargeException("file is " + size + " bytes; the limit is " + properties.maxBytes());
        }
        SniffResult sniff = sniffer.sniff(file);
        if (!sniff.known()) {
            throw new UnsupportedMediaException("not a recognised audio file (the content decides, not the name): "
                    + sniff.reason());
        }
        return sniff;
    }
}
