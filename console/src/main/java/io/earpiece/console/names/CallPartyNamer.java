package io.earpiece.console.names;

import io.earpiece.assist.Speakers;
import io.earpiece.console.assist.CallTeams;
import io.earpiece.console.upload.SpeakerNames;
import io.earpiece.db.call.CallParticipantEntity;
import io.earpiece.db.call.CallParticipantRepository;
import io.earpiece.db.transcript.TranscriptSegmentEntity;
import io.earpiece.db.transcript.TranscriptSegmentRepository;
import io.earpiece.db.upload.CallSpeakerEntity;
import io.earpiece.db.upload.NameSource;
import io.earpiece.db.user.UserEntity;
import io.earpiece.names.NameFinder;
import io.earpiece.names.ProposedName;
import io.earpiece.summary.Utterance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Works out and stores the name each party of a finished call goes by ({@link NameChoice}): the rep's account
 * name, the recording client's, one said in the call, or the label. A name a user gave stays; running it again
 * over the same call writes the same names.
 */
@Service
public class CallPartyNamer {

    private final SpeakerNames speakers;
    private final TranscriptSegmentRepository segments;
    private final CallParticipantRepository participants;
    private final CallTeams reps;
    private final NamesProperties properties;
    private final NameFinder finder = new NameFinder();
    private final TransactionTemplate tx;

    public CallPartyNamer(SpeakerNames speakers, TranscriptSegmentRepository segments,
                          CallParticipantRepository participants, CallTeams reps, NamesProperties properties,
                          PlatformTransactionManager transactions) {
        this.speakers = speakers;
        this.segments = segments;
        this.participants = participants;
        this.reps = reps;
        this.properties = properties;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Names the call's parties; returns how many rows it (re)named (0: unknown call, or every name is a user's). */
    public int name(String callId) {
        Integer named = tx.execute(status -> {
            List<TranscriptSegmentEntity> lines = segments.findByCallIdOrderByStartMsAscIdAsc(callId).stream()
                    .filter(s -> !s.getText().isBlank()).toList();
            Set<String> spoke = new LinkedHashSet<>();
            lines.forEach(s -> spoke.add(s.getParty()));
            List<CallSpeakerEntity> rows = speakers.rows(callId, spoke);
            if (rows.stream().allMatch(r -> r.getNameSource() == NameSource.USER)) {
                return 0;
            }
            Map<String, ProposedName> said = properties.fromCall()
                    ? finder.find(lines.stream().map(s -> new Utterance(s.getParty(), s.getStartMs() / 1000.0,
                            s.getEndMs() / 1000.0, s.getText())).toList())
                    : Map.of();
            String account = reps.repOfCall(callId).map(UserEntity::getDisplayName).orElse(null);
            Map<String, String> recorded = recordingNames(callId);
            int count = 0;
            for (CallSpeakerEntity row : rows) {
                if (row.getNameSource() == NameSource.USER) {
                    continue;
                }
                // the account is the rep's own stream's: a colleague on "rep-2" is someone else
                boolean ownStream = row.getRole().equals("rep") && !Speakers.isRep(row.getSpeaker())
                        || row.getSpeaker().equals("rep");
                NameChoice choice = NameChoice.of(row.getSpeaker(), ownStream ? account : null,
                        recorded.get(row.getSpeaker()), said.get(row.getSpeaker()), properties.minConfidence());
                row.name(choice.name(), choice.source(), choice.confidence());
                count++;
            }
            return count;
        });
        return named == null ? 0 : named;
    }

    /** The name the SIPREC recording client gave each party, where exactly one named participant is heard in it. */
    private Map<String, String> recordingNames(String callId) {
        Map<String, String> out = new HashMap<>();
        Set<String> shared = new java.util.HashSet<>();
        for (CallParticipantEntity p : participants.findByCallIdOrderByIdAsc(callId)) {
            if (p.getParty() == null || p.getName() == null || p.getName().isBlank()) {
                continue;
            }
            if (out.putIfAbsent(p.getParty(), p.getName()) != null) {
                shared.add(p.getParty());
            }
        }
        shared.forEach(out::remove);
        return out;
    }
}
