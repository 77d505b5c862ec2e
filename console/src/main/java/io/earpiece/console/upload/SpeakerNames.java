package io.earpiece.console.upload;

import io.earpiece.assist.Speakers;
import io.earpiece.db.call.CallRepository;
import io.earpiece.db.call.PartyEntity;
import io.earpiece.db.call.PartyRepository;
import io.earpiece.db.upload.CallSpeakerEntity;
import io.earpiece.db.upload.CallSpeakerRepository;
import io.earpiece.db.upload.NameSource;
import io.earpiece.names.PartyNames;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The names a call's speakers go by ({@code "Speaker 1" -> "Dana"}) and where each came from ({@link NameSource}):
 * a user's rename, the rep's account, the recording client, the call's own words or, failing all, the label.
 * Transcripts keep the speaker label as the party, so a name is one row and never rewrites stored segments.
 */
@Service
public class SpeakerNames {

    /** Longest name accepted. */
    public static final int MAX_NAME = 128;

    private final CallSpeakerRepository speakers;
    private final CallRepository calls;
    private final PartyRepository parties;

    public SpeakerNames(CallSpeakerRepository speakers, CallRepository calls, PartyRepository parties) {
        this.speakers = speakers;
        this.calls = calls;
        this.parties = parties;
    }

    /** The speaker taken for the rep unless the uploader said otherwise: the first to speak, or channel 1. */
    public static final String DEFAULT_REP = "Speaker 1";

    /** The role the assist engine analyses a recording's speaker as, {@code rep} naming the rep (null: default). */
    public static String roleOf(String speaker, String rep) {
        return (rep == null ? DEFAULT_REP : rep).equals(speaker) ? "rep" : "customer";
    }

    /**
     * The speaker label of an uploader's {@code rep} choice: {@code 1} or {@code 2} (or {@code Speaker 1/2});
     * null for none given.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static String repChoice(String rep) {
        if (rep == null || rep.isBlank()) {
            return null;
        }
        String n = rep.strip().replaceFirst("(?i)^speaker\\s*", "");
        if (n.equals("1") || n.equals("2")) {
            return "Speaker " + n;
        }
        throw new IllegalArgumentException("rep must be 1 or 2 (the speaker who is the rep: in a mono recording the "
                + "first or second to speak, in a stereo one the left or right channel), got '" + rep + "'");
    }

    /** {@link #repChoice} of a request parameter, where a value that names no speaker is the caller's error (400). */
    static String requestedRep(String rep) {
        try {
            return repChoice(rep);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    /** Speaker label to display name, in label order; empty when the call is unknown. */
    @Transactional(readOnly = true)
    public Optional<Map<String, String>> names(String callId) {
        if (!calls.existsById(callId)) {
            return Optional.empty();
        }
        List<CallSpeakerEntity> rows = speakers.findByCallIdOrderBySpeakerAsc(callId);
        Map<String, String> out = new LinkedHashMap<>();
        if (rows.isEmpty()) {
            parties.findByCallIdOrderByIdAsc(callId).forEach(p -> out.put(p.getParty(), p.getParty()));
        }
        rows.forEach(r -> out.put(r.getSpeaker(), r.getDisplayName()));
        return Optional.of(out);
    }

    /**
     * One speaker of a call as the API shows it: label, role, the name it goes by, where that name came from and,
     * for a name said in the call, the name finder's confidence.
     */
    public record PartyName(String party, String role, String name, String source, Double confidence) {
    }

    /** The call's speakers with their names and sources, in label order; empty when the call is unknown. */
    @Transactional(readOnly = true)
    public Optional<List<PartyName>> parties(String callId) {
        if (!calls.existsById(callId)) {
            return Optional.empty();
        }
        List<CallSpeakerEntity> rows = speakers.findByCallIdOrderBySpeakerAsc(callId);
        if (rows.isEmpty()) {
            return Optional.of(parties.findByCallIdOrderByIdAsc(callId).stream().map(PartyEntity::getParty).distinct()
                    .map(p -> new PartyName(p, Speakers.role(p), p, NameSource.ROLE.value(), null)).toList());
        }
        return Optional.of(rows.stream().map(r -> new PartyName(r.getSpeaker(), r.getRole(), r.getDisplayName(),
                r.getNameSource().value(), r.getNameConfidence())).toList());
    }

    /**
     * How a call's summary sees its speakers: {@code partyOf} maps each transcript label to the party the summary
     * names (a live call's labels as they are, a recording's "Speaker N" by its role, so the rep's lines count as
     * the rep's), and {@code names} holds the names, by that party, of the speakers that have one.
     */
    public record SummaryParties(Map<String, String> partyOf, PartyNames names) {

        /** The summary party of a transcript label; a label without a row is taken as it is. */
        public String party(String label) {
            return partyOf.getOrDefault(label, label);
        }
    }

    @Transactional(readOnly = true)
    public SummaryParties summaryParties(String callId) {
        Map<String, String> partyOf = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (CallSpeakerEntity r : speakers.findByCallIdOrderBySpeakerAsc(callId)) {
            // "customer-2" stays itself; "Speaker 1" becomes its role, as the assist engine heard it
            String party = Speakers.named(r.getSpeaker()).equals(r.getSpeaker()) ? r.getSpeaker() : r.getRole();
            partyOf.put(r.getSpeaker(), party);
            if (r.getNameSource() != NameSource.ROLE) {
                names.putIfAbsent(party, r.getDisplayName());
            }
        }
        return new SummaryParties(partyOf, new PartyNames(names));
    }

    /**
     * The call's speaker rows, made for a live call's parties (and any party its transcript has that they lack)
     * the first time they are needed, each named by its label; must run in the caller's transaction.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public List<CallSpeakerEntity> rows(String callId, java.util.Collection<String> transcriptParties) {
        List<CallSpeakerEntity> rows = new ArrayList<>(speakers.findByCallIdOrderBySpeakerAsc(callId));
        java.util.Set<String> labels = new java.util.LinkedHashSet<>();
        if (rows.isEmpty()) {
            parties.findByCallIdOrderByIdAsc(callId).forEach(p -> labels.add(p.getParty()));
        }
        labels.addAll(transcriptParties);
        rows.forEach(r -> labels.remove(r.getSpeaker()));
        for (String label : labels) {
            rows.add(speakers.save(new CallSpeakerEntity(callId, label, Speakers.role(label), label)));
        }
        return rows;
    }

    /** Speaker label to role (rep, customer) of a call, for whoever shows or analyses its transcript. */
    @Transactional(readOnly = true)
    public Map<String, String> roles(String callId) {
        Map<String, String> out = new LinkedHashMap<>();
        speakers.findByCallIdOrderBySpeakerAsc(callId).forEach(r -> out.put(r.getSpeaker(), r.getRole()));
        return out;
    }

    /**
     * Renames some of a call's speakers; returns the full map afterwards.
     *
     * @throws IllegalArgumentException a speaker the call does not have, or a blank or too long name
     */
    @Transactional
    public Optional<Map<String, String>> rename(String callId, Map<String, String> renames) {
        if (!calls.existsById(callId)) {
            return Optional.empty();
        }
        // a live call's parties get rows on their first rename, if naming at its end did not make them
        List<CallSpeakerEntity> rows = rows(callId, List.of());
        Map<String, CallSpeakerEntity> bySpeaker = new LinkedHashMap<>();
        rows.forEach(r -> bySpeaker.put(r.getSpeaker(), r));
        for (Map.Entry<String, String> e : renames.entrySet()) {
            if (!bySpeaker.containsKey(e.getKey())) {
                throw new IllegalArgumentException("call " + callId + " has no speaker '" + e.getKey() + "' (it has "
                        + bySpeaker.keySet() + ")");
            }
            String name = e.getValue() == null ? "" : e.getValue().strip();
            if (name.isEmpty() || name.length() > MAX_NAME) {
                throw new IllegalArgumentException("name of '" + e.getKey() + "' must be 1.." + MAX_NAME
                        + " characters");
            }
        }
        renames.forEach((speaker, name) -> bySpeaker.get(speaker).rename(name.strip()));
        speakers.saveAll(bySpeaker.values());
        Map<String, String> out = new LinkedHashMap<>();
        bySpeaker.forEach((k, v) -> out.put(k, v.getDisplayName()));
        return Optional.of(out);
    }
}
