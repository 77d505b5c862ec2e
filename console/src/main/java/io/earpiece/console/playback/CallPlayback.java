package io.earpiece.console.playback;

import io.earpiece.db.call.PartyEntity;
import io.earpiece.db.call.PartyRepository;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The one recording of a whole call that the call page plays: its parties mixed, each at the moment its leg
 * started. The mix is kept beside the recordings ({@code whole-call.wav} in the call's folder) and made again
 * when a recording is newer, so a call still going gets a fresh mix while a finished one is mixed once. A mix
 * is written to a temporary name and moved into place, so a listener never gets half of one.
 */
@Service
public class CallPlayback {

    static final String FILE = "whole-call.wav";

    private final PartyRepository parties;

    public CallPlayback(PartyRepository parties) {
        this.parties = parties;
    }

    /** The mixed recording; empty when the call has no recording on disk. Blocking. */
    public Optional<Path> wholeCall(String callId) throws IOException, RecordingFormatException {
        List<PartyEntity> legs = parties.findByCallIdOrderByIdAsc(callId).stream()
                .filter(p -> p.getRecordingPath() != null && Files.isRegularFile(Path.of(p.getRecordingPath())))
                .toList();
        if (legs.isEmpty()) {
            return Optional.empty();
        }
        // A single-leg call plays its one recording as it is.
        if (legs.size() == 1) {
            return Optional.of(Path.of(legs.get(0).getRecordingPath()));
        }
        Instant first = legs.stream().map(PartyEntity::getStartedAt).filter(Objects::nonNull).min(Instant::compareTo)
                .orElse(null);
        List<CallMixer.Track> tracks = new ArrayList<>();
        FileTime newest = FileTime.fromMillis(0);
        for (PartyEntity p : legs) {
            Path file = Path.of(p.getRecordingPath());
            long offset = first == null || p.getStartedAt() == null ? 0
                    : Duration.between(first, p.getStartedAt()).toMillis();
            tracks.add(new CallMixer.Track(p.getParty(), file, offset));
            FileTime modified = Files.getLastModifiedTime(file);
            if (modified.compareTo(newest) > 0) {
                newest = modified;
            }
        }
        Path mix = Path.of(legs.get(0).getRecordingPath()).resolveSibling(FILE);
        if (Files.isRegularFile(mix) && Files.getLastModifiedTime(mix).compareTo(newest) >= 0) {
            return Optional.of(mix);
        }
        Path tmp = Files.createTempFile(mix.getParent(), "whole-call-", ".tmp");
        try {
            CallMixer.mix(tracks, tmp);
            Files.move(tmp, mix, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return Optional.of(mix);
    }
}
