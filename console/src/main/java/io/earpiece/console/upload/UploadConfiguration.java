package io.earpiece.console.upload;

import io.earpiece.diarize.DiarizationSettings;
import io.earpiece.diarize.Diarizer;
import io.earpiece.upload.AudioDecoder;
import io.earpiece.upload.BatchSettings;
import io.earpiece.upload.DecoderSettings;
import io.earpiece.upload.FfmpegTools;
import io.earpiece.upload.MediaSniffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;

/**
 * The offline pieces behind uploads: content sniffing, ffmpeg decoding, diarization and chunking settings.
 * ffmpeg/ffprobe come from {@code earpiece.uploads.ffmpeg-dir} or {@code PATH}; when neither has them the
 * server still starts and uploads are refused with 503 naming what to install.
 */
@Configuration(proxyBeanMethods = false)
public class UploadConfiguration {

    private static final Logger log = LoggerFactory.getLogger(UploadConfiguration.class);

    @Bean
    MediaSniffer mediaSniffer() {
        return new MediaSniffer();
    }

    @Bean
    DecoderSettings decoderSettings(UploadProperties p) {
        return new DecoderSettings(p.maxBytes(), p.maxDuration(), p.minDuration(), p.toolTimeout(), 2);
    }

    @Bean
    MediaTools mediaTools(UploadProperties p, DecoderSettings settings, MediaSniffer sniffer) {
        try {
            FfmpegTools tools = p.ffmpegDir().isBlank() ? FfmpegTools.onPath() : FfmpegTools.in(Path.of(p.ffmpegDir()));
            log.info("uploads decode with {}", tools.ffmpeg());
            return new MediaTools(new AudioDecoder(tools, settings, sniffer), null);
        } catch (IllegalStateException e) {
            log.warn("uploads are off: {}", e.getMessage());
            return new MediaTools(null, e.getMessage());
        }
    }

    @Bean
    Diarizer diarizer() {
        return new Diarizer(DiarizationSettings.defaults());
    }

    @Bean
    BatchSettings batchSettings(UploadProperties p) {
        BatchSettings d = BatchSettings.defaults();
        return new BatchSettings(Math.max(1, p.threads()), Math.max(1_000, p.maxChunk().toMillis()), d.chunkVad());
    }

    /** The decoder, or why there is none (ffmpeg missing). */
    public record MediaTools(AudioDecoder decoder, String missing) {
    }
}
