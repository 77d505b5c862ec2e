package io.earpiece.db;

import io.earpiece.db.assist.InsightEntity;
import io.earpiece.db.assist.InsightRepository;
import io.earpiece.db.call.CallEntity;
import io.earpiece.db.call.CallRepository;
import io.earpiece.db.search.CallHit;
import io.earpiece.db.search.CallSearch;
import io.earpiece.db.search.ReportRow;
import io.earpiece.db.search.SearchCriteria;
import io.earpiece.db.search.SearchPage;
import io.earpiece.db.search.SearchSort;
import io.earpiece.db.summary.ActionItemEntity;
import io.earpiece.db.summary.ActionItemRepository;
import io.earpiece.db.summary.ObjectionEntity;
import io.earpiece.db.summary.ObjectionRepository;
import io.earpiece.db.summary.SummaryEntity;
import io.earpiece.db.summary.SummaryRepository;
import io.earpiece.db.transcript.TranscriptSegmentEntity;
import io.earpiece.db.telephony.CallDetailEntity;
import io.earpiece.db.telephony.CallDetailRepository;
import io.earpiece.db.transcript.TranscriptSegmentRepository;
import io.earpiece.db.upload.CallSpeakerEntity;
import io.earpiece.db.upload.CallSpeakerRepository;
import io.earpiece.db.upload.UploadJobEntity;
import io.earpiece.db.upload.UploadJobRepository;
import io.earpiece.db.user.CallOwners;
import io.earpiece.db.user.CallOwnership;
import io.earpiece.db.user.UserEntity;
import io.earpiece.db.user.UserRepository;
import io.earpiece.db.user.UserRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Call-history search and summary storage as every supported database must answer them. Transactional here too:
 * the subclass's {@code @DataJpaTest} transaction does not reach methods declared in this superclass.
 */
@Transactional
abstract class SearchContract {

    static final Instant DAY = Instant.parse("2031-05-06T09:00:00Z");

    @Autowired
    CallRepository calls;
    @Autowired
    TranscriptSegmentRepository segments;
    @Autowired
    InsightRepository insights;
    @Autowired
    SummaryRepository summaries;
    @Autowired
    ObjectionRepository objections;
    @Autowired
    ActionItemRepository actions;
    @Autowired
    CallSearch search;
    @Autowired
    UserRepository users;
    @Autowired
    UploadJobRepository uploads;
    @Autowired
    CallSpeakerRepository speakers;
    @Autowired
    CallDetailRepository details;

    /** Called by each test, inside its rolled-back transaction. */
    void threeCalls() {
        call("s-price", "sip:alice.rep@acme.test", "sip:+15550001@pstn.test", 0, "sales",
                "Honestly the price is too high for our budget this year.", "price");
        call("s-timing", "sip:bob.rep@acme.test", "sip:+15550002@pstn.test", 1, "sales",
                "We are in the middle of a migration right now.", "timing");
        call("s-outage", "sip:alice.rep@acme.test", "sip:+15550003@pstn.test", 2, "support",
                "Our dashboards have been down since this morning.", null);
        insights.saveAndFlush(new InsightEntity("s-timing", 0, "customer", "objection:timing", null, DAY));
        segments.flush();
    }

    private void call(String id, String from, String to, int hours, String type, String said, String objection) {
        Instant start = DAY.plusSeconds(hours * 3600L);
        CallEntity c = new CallEntity(id, "conv-" + id, from, to, start);
        c.end(start.plusSeconds(90), "REMOTE_BYE");
        calls.saveAndFlush(c);
        segments.saveAndFlush(new TranscriptSegmentEntity(id, "rep", 0, 0, 2000, "Hello, thanks for taking my call.", start));
        segments.saveAndFlush(new TranscriptSegmentEntity(id, "customer", 0, 2500, 6000, said, start));
        summaries.saveAndFlush(new SummaryEntity(id, LocalDate.of(2031, 5, 6), type, "normal", said, said,
                "neutral", 0, 0, 0, "1@2.5=-0.20", "offline", start));
        if (objection != null) {
            objections.saveAndFlush(new ObjectionEntity(id, 0, 1, objection, said, "I hear you.", "customer"));
        }
        actions.saveAndFlush(new ActionItemEntity(id, 0, 1, "rep", "send the proposal", "friday",
                LocalDate.of(2031, 5, 9)));
    }

    private List<String> ids(SearchPage page) {
        return page.hits().stream().map(CallHit::callId).toList();
    }

    private SearchCriteria text(String q) {
        return new SearchCriteria(q, null, null, null, null, null, null, 0, 20);
    }

    @Test
    void findsACallByAPhraseSaidInIt() {
        threeCalls();
        assertThat(ids(search.search(text("migration")))).containsExactly("s-timing");
        assertThat(ids(search.search(text("price too high")))).containsExactly("s-price");
        assertThat(ids(search.search(text("dashboards down")))).containsExactly("s-outage");
        assertThat(ids(search.search(text("kangaroo")))).isEmpty();
    }

    @Test
    void findsCallsByObjectionTypeAndRep() {
        threeCalls();
        assertThat(ids(search.search(new SearchCriteria(null, null, null, null, null, null, "price", 0, 20))))
                .containsExactly("s-price");
        assertThat(ids(search.search(new SearchCriteria(null, null, null, null, null, null, "TIMING", 0, 20))))
                .containsExactly("s-timing");
        assertThat(ids(search.search(new SearchCriteria(null, "alice.rep", null, null, null, null, null, 0, 20))))
                .containsExactly("s-outage", "s-price");
        assertThat(ids(search.search(new SearchCriteria(null, "alice", "+15550001", null, null, "sales", null, 0, 20))))
                .containsExactly("s-price");
        assertThat(ids(search.search(new SearchCriteria(null, null, null, null, null, "support", null, 0, 20))))
                .containsExactly("s-outage");
    }

    /** Calls that know their rep as a user: by SIP identity, as an upload's owner, and through the B2BUA. */
    void callsWithKnownReps() {
        threeCalls();
        users.saveAndFlush(new UserEntity("carol", "x", UserRole.REP, null, "c.smith", "204", DAY));
        call("s-carol-sip", "sip:c.smith@acme.test", "sip:+15550004@pstn.test", 3, "sales", "Send it over.", null);
        call("s-carol-ext", "sip:+15550005@pstn.test", "sip:204@pbx.acme.test", 4, "sales", "Call me later.", null);
        call("s-upload", null, null, 5, "meeting", "Let us review the plan.", null);
        uploads.saveAndFlush(new UploadJobEntity("job-1", "s-upload", "call.mp3", "/tmp/call.mp3", 10, "ab", "mp3",
                "api", "done", "done", 60_000L, DAY));
        UploadJobEntity job = uploads.findById("job-1").orElseThrow();
        job.setUploadedBy("dave");
        uploads.saveAndFlush(job);
        CallSpeakerEntity rep = new CallSpeakerEntity("s-upload", "Speaker 1", "rep", "Speaker 1");
        rep.rename("Dave Jones");
        speakers.saveAndFlush(rep);
        CallSpeakerEntity customer = new CallSpeakerEntity("s-upload", "Speaker 2", "customer", "Speaker 2");
        customer.name("Erin Walsh", io.earpiece.db.upload.NameSource.CALL, 0.85);
        speakers.saveAndFlush(customer);
        call("s-b2bua", "sip:trunk@pbx.acme.test", "sip:in@earpiece.test", 6, "support", "It is broken.", null);
        CallDetailEntity cdr = new CallDetailEntity("cdr-1", "INBOUND", "frank", "+15550199", "trunk-a",
                DAY.plusSeconds(6 * 3600));
        cdr.setConversationId("conv-s-b2bua");
        details.saveAndFlush(cdr);
        // a live call's parties named by their labels only: the B2BUA's rep login and remote party say more
        speakers.saveAndFlush(new CallSpeakerEntity("s-b2bua", "rep", "rep", "rep"));
        speakers.saveAndFlush(new CallSpeakerEntity("s-b2bua", "customer", "customer", "customer"));
    }

    private List<String> byRep(String rep) {
        return ids(search.search(new SearchCriteria(null, rep, null, null, null, null, null, 0, 20)));
    }

    private List<String> byCustomer(String customer) {
        return ids(search.search(new SearchCriteria(null, null, customer, null, null, null, null, 0, 20)));
    }

    @Test
    void findsCallsByTheRepsUsernameOrName() {
        callsWithKnownReps();
        // carol's SIP user and extension are in the URIs; the username itself is not.
        assertThat(byRep("CAROL")).containsExactly("s-carol-ext", "s-carol-sip");
        assertThat(byRep("dave")).containsExactly("s-upload");
        assertThat(byRep("jones")).containsExactly("s-upload");
        assertThat(byRep("frank")).containsExactly("s-b2bua");
        assertThat(byRep("alice.rep")).containsExactly("s-outage", "s-price");
        assertThat(byRep("nobody")).isEmpty();
    }

    @Test
    void findsCallsByCustomerNameOrNumber() {
        callsWithKnownReps();
        assertThat(byCustomer("erin")).containsExactly("s-upload");
        assertThat(byCustomer("Walsh")).containsExactly("s-upload");
        assertThat(byCustomer("+15550001")).containsExactly("s-price");
        assertThat(byCustomer("(555) 000-2")).containsExactly("s-timing");
        assertThat(byCustomer("555 0199")).containsExactly("s-b2bua");
        assertThat(byCustomer("jones")).isEmpty();
        assertThat(search.search(new SearchCriteria(null, "carol", "555 0005", null, null, null, null, 0, 20))
                .hits()).extracting(CallHit::callId).containsExactly("s-carol-ext");
    }

    @Test
    void hitsCarryTheLibrarysColumns() {
        callsWithKnownReps();
        java.util.Map<String, CallHit> hits = new java.util.HashMap<>();
        search.search(SearchCriteria.all(50)).hits().forEach(h -> hits.put(h.callId(), h));
        assertThat(hits.get("s-upload").rep()).as("the rep speaker's name").isEqualTo("Dave Jones");
        assertThat(hits.get("s-upload").customer()).isEqualTo("Erin Walsh");
        assertThat(hits.get("s-b2bua").rep()).as("the B2BUA's rep login").isEqualTo("frank");
        assertThat(hits.get("s-b2bua").customer()).isEqualTo("+15550199");
        assertThat(hits.get("s-price").rep()).as("only the URIs say").isNull();
        assertThat(hits.get("s-price").objections()).containsExactly("price");
        assertThat(hits.get("s-timing").objections()).as("summary and live insight: once").containsExactly("timing");
        assertThat(hits.get("s-outage").objections()).isEmpty();
        assertThat(hits.get("s-price").segments()).isEqualTo(2);
        assertThat(hits.get("s-price").cardsUsed()).isZero();
        assertThat(hits.get("s-price").status()).isEqualTo("ENDED");
    }

    @Test
    void filtersBySentimentAndSorts() {
        threeCalls();
        SearchCriteria day = new SearchCriteria(null, null, null, DAY, DAY.plusSeconds(86_400), null, null, 0, 10);
        assertThat(ids(search.search(day.withSentimentAndSort("NEUTRAL", null)))).hasSize(3);
        assertThat(ids(search.search(day.withSentimentAndSort("negative", null)))).isEmpty();
        assertThat(ids(search.search(day.withSentimentAndSort(null, SearchSort.OLDEST))))
                .containsExactly("s-price", "s-timing", "s-outage");
        assertThat(ids(search.search(day.withSentimentAndSort(null, SearchSort.parse("shortest")))))
                .as("equal lengths: newest first").containsExactly("s-outage", "s-timing", "s-price");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SearchSort.parse("loudest"))
                .hasMessageContaining("sort must be");
    }

    @Test
    void pagesAndFiltersByTime() {
        threeCalls();
        SearchPage first = search.search(new SearchCriteria(null, null, null, DAY, DAY.plusSeconds(86_400), null, null, 0, 2));
        assertThat(first.total()).isEqualTo(3);
        assertThat(ids(first)).containsExactly("s-outage", "s-timing");
        SearchPage second = search.search(new SearchCriteria(null, null, null, DAY, DAY.plusSeconds(86_400), null, null, 1, 2));
        assertThat(ids(second)).containsExactly("s-price");
        assertThat(search.search(new SearchCriteria(null, null, null, DAY.plusSeconds(3600), DAY.plusSeconds(7200),
                null, null, 0, 10)).total()).isEqualTo(1);
    }

    @Test
    void searchesOnlyTheCallsItsOwnersOwnWithTheirTotal() {
        threeCalls();
        call("s-upload", CallOwnership.uploaderUri("bob"), "sip:alice.rep@notes.mp3", 3, "sales",
                "We recorded this one on a phone.", null);
        SearchCriteria all = new SearchCriteria(null, null, null, null, null, null, null, 0, 1);

        SearchPage alice = search.search(all.ownedBy(new CallOwners(Set.of("alice.rep"), Set.of("alice"))));
        assertThat(alice.total()).as("bob's upload names alice.rep only in its file name").isEqualTo(2);
        assertThat(ids(alice)).containsExactly("s-outage");
        SearchPage bob = search.search(all.ownedBy(new CallOwners(Set.of("bob.rep"), Set.of("bob"))));
        assertThat(bob.total()).isEqualTo(2);
        assertThat(ids(bob)).containsExactly("s-upload");
        assertThat(search.search(all.ownedBy(CallOwners.NONE)).total()).isZero();
        assertThat(search.search(all).total()).isEqualTo(4);
    }

    @Test
    void streamsAPeriodOldestFirstWithCounts() {
        threeCalls();
        List<ReportRow> rows = new ArrayList<>();
        search.forEachInPeriod(DAY, DAY.plusSeconds(86_400), null, rows::add);
        assertThat(rows).extracting(r -> r.call().callId()).containsExactly("s-price", "s-timing", "s-outage");
        assertThat(rows.get(0).objections()).isEqualTo(1);
        assertThat(rows.get(0).actionItems()).isEqualTo(1);
        assertThat(rows.get(0).segments()).isEqualTo(2);
        assertThat(rows.get(0).call().callType()).isEqualTo("sales");
        assertThat(rows.get(0).call().durationMs()).isEqualTo(90_000);
    }

    @Test
    void streamsOnlyTheOwnersCallsOfAPeriod() {
        threeCalls();
        List<String> alice = new ArrayList<>();
        search.forEachInPeriod(DAY, DAY.plusSeconds(86_400), new CallOwners(Set.of("alice.rep"), Set.of("alice")),
                r -> alice.add(r.call().callId()));
        assertThat(alice).containsExactly("s-price", "s-outage");
        List<String> nobody = new ArrayList<>();
        search.forEachInPeriod(DAY, DAY.plusSeconds(86_400), CallOwners.NONE, r -> nobody.add(r.call().callId()));
        assertThat(nobody).isEmpty();
    }

    @Test
    void storesSummaryItemsInOrder() {
        threeCalls();
        objections.saveAndFlush(new ObjectionEntity("s-price", 1, 3, "budget", "no budget", null, "customer"));
        assertThat(objections.findByCallIdOrderBySeqAsc("s-price")).extracting(ObjectionEntity::getKind)
                .containsExactly("price", "budget");
        assertThat(actions.findByCallIdOrderBySeqAsc("s-price").get(0).getDueDate()).isEqualTo(LocalDate.of(2031, 5, 9));
        assertThat(summaries.findById("s-outage").orElseThrow().getCallType()).isEqualTo("support");
    }
}
