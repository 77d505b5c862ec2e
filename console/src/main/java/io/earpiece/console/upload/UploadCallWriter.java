package io.earpiece.console.upload;

import io.earpiece.console.assist.LiveAssist;
import io.earpiece.console.call.CallStore;
import io.earpiece.console.config.EarpieceProperties;
import io.earpiece.console.call.SegmentRecorder;
import io.earpiece.console.events.CallEvent;
import io.earpiece.console.events.CallEventBus;
import io.earpiece.console.events.CallStateEvent;
import io.earpiece.console.plugin.PluginDispatcher;
import io.earpiece.db.call.CallEntity;
import io.earpiece.db.call.CallRepository;
import io.earpiece.db.call.PartyEntity;
import io.earpiece.db.call.PartyRepository;
import io.earpiece.console.storage.DiskSpace;
import io.earpiece.console.storage.StorageFullException;
import io.earpiece.db.upload.CallSpeakerEntity;
import io.earpiece.db.upload.CallSpeakerRepository;
import io.earpiece.db.upload.UploadJobEntity;
import io.earpiece.db.upload.UploadJobRepository;
import io.earpiece.db.user.CallOwnership;
import io.earpiece.diarize.SpeakerTurn;
import io.earpiece.media.MediaServer;
import io.earpiece.media.RtpStats;
import io.earpiece.plugins.CallInfo;
import io.earpiece.plugins.SegmentInfo;
import io.earpiece.stt.TranscriptSegment;
import io.earpiece.upload.BatchTranscript;
import io.earpiece.upload.DecodedAudio;
import io.earpiece.upload.TranscribedUtterance;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a transcribed recording into a call exactly like a live one: the call, its speakers as parties, every
 * segment through the assist engine (masking, insights, cards) and the end, all in one transaction together with
 * the job's "stored" mark, so a crash leaves either the whole call or none of it. Events and the after-call
 * plugins (summary, exports) follow the commit.
 */
@Component
public class UploadCallWriter {

    static final String END_REASON = "UPLOADED";

    private final CallStore store;
    private final LiveAssist assist;
    private final SegmentRecorder recorder;
    private final CallEventBus bus;
    private final PluginDispatcher plugins;
    private final CallRepository calls;
    private final PartyRepository parties;
    private final CallSpeakerRepository speakers;
    private final UploadJobRepository jobs;
    private final TransactionTemplate tx;
    private final Path recordingsDir;
    private final DiskSpace disk;
    private final MediaServer media;

    public UploadCallWriter(CallStore store, LiveAssist assist, SegmentRecorder recorder, CallEventBus bus,
                            PluginDispatcher plugins,
                            CallRepository calls, PartyRepository parties, CallSpeakerRepository speakers,
                            UploadJobRepository jobs, PlatformTransactionManager transactions,
                            EarpieceProperties properties, DiskSpace disk, MediaServer media) {
        this.store = store;
        this.assist = assist;
        this.recorder = recorder;
        this.bus = bus;
        this.plugins = plugins;
        this.calls = calls;
        this.parties = parties;
        this.speakers = speakers;
        this.jobs = jobs;
        this.tx = new TransactionTemplate(transactions);
        this.recordingsDir = properties.recordingsDir();
        this.disk = disk;
        this.media = media;
    }

    /** What was stored, for the events and plugins that follow the commit. */
    public record StoredCall(CallInfo call, List<String> speakers, List<SegmentInfo> segments, List<CallEvent> events) {
    }

    /** Stores the call of {@code job}; empty when an earlier run already stored it. */
    public java.util.Optional<StoredCall> store(UploadJobEntity job, DecodedAudio audio, BatchTranscript transcript)
            throws IOException {
        String callId = job.getCallId();
        List<String> labels = speakerLabels(transcript);
        Map<String, Path> recordings = writeRecordingsOrExplain(callId, labels, transcript.turns(), audio);
        Instant started = job.getCreatedAt();
        Instant ended = started.plusMillis(transcript.durationMs());
        String codec = clip(audio.sourceCodec(), 16);
        // an attempt cut short before its commit may have left assist state for this call behind
        assist.callEnded(callId);
        try {
            StoredCall stored = tx.execute(status -> {
                if (calls.existsById(callId)) {
                    return null;
                }
                // the From URI names the uploader, who owns the call (CallOwnership)
                String from = CallOwnership.uploaderUri(job.getUploadedBy());
                store.callStarted(callId, conversationId(job), from, clip(job.getFileName(), 512), started);
                for (int i = 0; i < labels.size(); i++) {
                    String speaker = labels.get(i);
                    store.partyJoined(callId, speaker, "upload-" + job.getId() + "/" + (i + 1), codec, null, 0,
                            recordings.get(speaker).toString(), started);
                    speakers.save(new CallSpeakerEntity(callId, speaker,
                            SpeakerNames.roleOf(speaker, job.getRepSpeaker()), speaker));
                }
                List<CallEvent> events = new ArrayList<>();
                List<SegmentInfo> segments = new ArrayList<>();
                labels.forEach(s -> events.add(new CallStateEvent(callId, "party-joined", s)));
                Map<String, Integer> nextIndex = new HashMap<>();
                for (TranscribedUtterance u : transcript.utterances()) {
                    if (u.text().isBlank()) {
                        continue;
                    }
                    int index = nextIndex.merge(u.speaker(), 1, Integer::sum) - 1;
                    // the engine knows rep and customer; the transcript keeps the speaker's label
                    SegmentRecorder.Recorded recorded = recorder.record(new TranscriptSegment(callId, u.speaker(),
                            index, u.startMs(), u.endMs(), u.text(), true),
                            SpeakerNames.roleOf(u.speaker(), job.getRepSpeaker()));
                    if (recorded.stored() != null) {
                        segments.add(recorded.stored());
                    }
                    events.addAll(recorded.events());
                }
                for (String speaker : labels) {
                    store.partyLeft(callId, speaker, ended, new RtpStats(0, 0, 0, 0, 0, codec));
                    events.add(new CallStateEvent(callId, "party-left", speaker));
                }
                store.callEnded(callId, ended, END_REASON);
                events.add(new CallStateEvent(callId, "ended", null));
                jobs.markCallStored(job.getId(), transcript.durationMs(), Instant.now());
                CallInfo info = new CallInfo(callId, conversationId(job), "upload", job.getFileName(), started,
                        transcript.durationMs(), labels, segments.size(), END_REASON);
                return new StoredCall(info, labels, segments, events);
            });
            return java.util.Optional.ofNullable(stored);
        } finally {
            assist.callEnded(callId);
        }
    }

    /** Announces a freshly stored call and runs the plugins (summary, exports) as the live path does. */
    public void announce(StoredCall stored) {
        CallInfo info = stored.call();
        plugins.callStarted(new CallInfo(info.callId(), info.conversationId(), info.from(), info.to(),
                info.startedAt(), null, info.parties(), 0, null));
        stored.segments().forEach(plugins::segment);
        stored.events().forEach(bus::publish);
        plugins.callEnded(info);
    }

    /** Runs the after-call plugins again for a call a crashed run stored but may not have announced. */
    public void announceEnded(UploadJobEntity job) {
        CallEntity call = calls.findById(job.getCallId()).orElse(null);
        if (call == null) {
            return;
        }
        List<String> labels = parties.findByCallIdOrderByIdAsc(call.getId()).stream().map(PartyEntity::getParty)
                .toList();
        plugins.callEnded(new CallInfo(call.getId(), call.getConversationId(), call.getFromUri(), call.getToUri(),
                call.getStartedAt(), call.getDurationMs(), labels, (int) store.segmentCount(call.getId()),
                call.getEndReason()));
    }

    static String conversationId(UploadJobEntity job) {
        return "upload-" + job.getId();
    }

    /** Speakers in order of their label ("Speaker 1", "Speaker 2", ...). */
    private static List<String> speakerLabels(BatchTranscript transcript) {
        Map<String, Boolean> seen = new LinkedHashMap<>();
        transcript.turns().forEach(t -> seen.put(t.speaker(), true));
        transcript.utterances().forEach(u -> seen.put(u.speaker(), true));
        List<String> labels = new ArrayList<>(seen.keySet());
        labels.sort((a, b) -> {
            int c = Integer.compare(a.length(), b.length());
            return c != 0 ? c : a.compareTo(b);
        });
        return labels;
    }

    /**
     * {@link #writeRecordings}; a volume that fills meanwhile fails the job with the reason in words
     * ({@link StorageFullException}), counted with the calls' recording failures (metric and health), and the
     * recordings of this attempt are removed, so nothing half-written is left and the space is free again.
     */
    private Map<String, Path> writeRecordingsOrExplain(String callId, List<String> labels, List<SpeakerTurn> turns,
                                                       DecodedAudio audio) throws IOException {
        try {
            return writeRecordings(callId, labels, turns, audio);
        } catch (IOException e) {
            IOException explained = disk.explain(e, recordingsDir, "recordings");
            if (explained instanceof StorageFullException) {
                media.countRecordingFailure();
                // the folder is this upload's call's own: what it holds is this attempt's
                try (var written = Files.list(recordingsDir.resolve(callId))) {
                    for (Path f : written.toList()) {
                        Files.deleteIfExists(f);
                    }
                }
            }
            throw explained;
        }
    }

    /**
     * One WAV per channel speaker of a multi-channel recording; speakers of a mono recording share the mix.
     */
    private Map<String, Path> writeRecordings(String callId, List<String> labels, List<SpeakerTurn> turns,
                                              DecodedAudio audio) throws IOException {
        Path dir = recordingsDir.resolve(callId);
        Files.createDirectories(dir);
        Map<String, Path> out = new LinkedHashMap<>();
        if (audio.channels().size() == 1) {
            Path mix = dir.resolve("mixed.wav");
            WavFile.write(mix, audio.channels().get(0), DecodedAudio.SAMPLE_RATE);
            labels.forEach(l -> out.put(l, mix));
            return out;
        }
        Map<String, Integer> channelOf = new HashMap<>();
        turns.forEach(t -> channelOf.putIfAbsent(t.speaker(), t.channel()));
        Map<Integer, Path> written = new HashMap<>();
        for (String label : labels) {
            int channel = Math.min(channelOf.getOrDefault(label, 0), audio.channels().size() - 1);
            Path file = written.get(channel);
            if (file == null) {
                file = dir.resolve("channel-" + (channel + 1) + ".wav");
                WavFile.write(file, audio.channels().get(channel), DecodedAudio.SAMPLE_RATE);
                written.put(channel, file);
            }
            out.put(label, file);
        }
        return out;
    }

    private static String clip(String s, int max) {
        if (s == null) {
            return null;
        }
        return s.length() <= max ? s : s.substring(0, max);
    }
}
