package io.earpiece.console.upload;

import io.earpiece.db.call.CallRepository;
import io.earpiece.db.call.PartyEntity;
import io.earpiece.db.call.PartyRepository;
import io.earpiece.db.upload.CallSpeakerEntity;
import io.earpiece.db.upload.CallSpeakerRepository;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The names users give a call's speakers ({@code "Speaker 1" -> "Rep"}). Transcripts keep the speaker label as
 * the party, so a rename is one row and never rewrites stored segments.
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
        List<CallSpeakerEntity> rows = speakers.findByCallIdOrderBySpeakerAsc(callId);
        if (rows.isEmpty()) {
            // a live call's parties get rows on their first rename
            for (PartyEntity p : parties.findByCallIdOrderByIdAsc(callId)) {
                String role = p.getParty().equals("rep") ? "rep" : "customer";
                rows.add(speakers.save(new CallSpeakerEntity(callId, p.getParty(), role, p.getParty())));
            }
        }
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
