package io.earpiece.console.api;

import io.earpiece.console.auth.CallAccessPolicy;
import io.earpiece.db.assist.CardRepository;
import io.earpiece.db.assist.InsightRepository;
import io.earpiece.db.call.CallEntity;
import io.earpiece.db.call.CallRepository;
import io.earpiece.db.call.PartyEntity;
import io.earpiece.db.call.PartyRepository;
import io.earpiece.db.transcript.TranscriptSegmentRepository;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Read side of the calls API; blocking JPA, callers move it off the event loop. */
@Service
public class CallQueries {

    private final CallRepository calls;
    private final PartyRepository parties;
    private final TranscriptSegmentRepository segments;
    private final InsightRepository insights;
    private final CardRepository cards;
    private final CallAccessPolicy access;

    public CallQueries(CallRepository calls, PartyRepository parties, TranscriptSegmentRepository segments,
                       InsightRepository insights, CardRepository cards, CallAccessPolicy access) {
        this.access = access;
        this.calls = calls;
        this.parties = parties;
        this.segments = segments;
        this.insights = insights;
        this.cards = cards;
    }

    /** The calls {@code user} may see, newest first. */
    @Transactional(readOnly = true)
    public List<CallViews.CallSummary> list(Authentication user, int page, int size) {
        List<CallEntity> rows = access.visibleCalls(user, page, size);
        List<String> ids = rows.stream().map(CallEntity::getId).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, List<CallViews.PartyView>> partiesByCall = parties.findByCallIdIn(ids).stream()
                .sorted((a, b) -> Long.compare(a.getId(), b.getId()))
                .collect(Collectors.groupingBy(PartyEntity::getCallId, Collectors.mapping(CallViews::party, Collectors.toList())));
        Map<String, Long> counts = new HashMap<>();
        for (Object[] row : segments.countByCallIds(ids)) {
            counts.put((String) row[0], ((Number) row[1]).longValue());
        }
        return rows.stream().map(c -> CallViews.summary(c, partiesByCall.getOrDefault(c.getId(), List.of()),
                counts.getOrDefault(c.getId(), 0L))).toList();
    }

    @Transactional(readOnly = true)
    public Optional<CallViews.CallDetail> detail(String id) {
        return calls.findById(id).map(c -> CallViews.detail(c,
                parties.findByCallIdOrderByIdAsc(id).stream().map(CallViews::party).toList(),
                segments(id),
                insights.findByCallIdOrderByUtteranceAscIdAsc(id).stream().map(CallViews::insight).toList(),
                cards.findByCallIdOrderByIdAsc(id).stream().map(CallViews::card).toList()));
    }

    @Transactional(readOnly = true)
    public List<CallViews.SegmentView> segments(String callId) {
        return segments.findByCallIdOrderByStartMsAscIdAsc(callId).stream().map(CallViews::segment).toList();
    }

    @Transactional(readOnly = true)
    public Optional<Path> recording(String callId, String party) {
        return parties.findByCallIdAndParty(callId, party)
                .map(PartyEntity::getRecordingPath)
                .map(Path::of);
    }
}
