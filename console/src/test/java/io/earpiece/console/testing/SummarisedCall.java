package io.earpiece.console.testing;

import io.earpiece.console.analytics.CallTalkRecorder;
import io.earpiece.db.assist.CardEntity;
import io.earpiece.db.assist.CardRepository;
import io.earpiece.db.call.CallEntity;
import io.earpiece.db.call.CallRepository;
import io.earpiece.db.call.PartyEntity;
import io.earpiece.db.call.PartyRepository;
import io.earpiece.db.outbox.OutboxJobEntity;
import io.earpiece.db.outbox.OutboxJobRepository;
import io.earpiece.db.summary.ActionItemEntity;
import io.earpiece.db.summary.ActionItemRepository;
import io.earpiece.db.summary.ObjectionEntity;
import io.earpiece.db.summary.ObjectionRepository;
import io.earpiece.db.summary.QuestionEntity;
import io.earpiece.db.summary.QuestionRepository;
import io.earpiece.db.summary.SummaryEntity;
import io.earpiece.db.summary.SummaryRepository;
import io.earpiece.db.transcript.TranscriptSegmentEntity;
import io.earpiece.db.transcript.TranscriptSegmentRepository;
import org.springframework.context.ApplicationContext;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A finished, summarised two-party call stored straight through the repositories, for the tests of the call page
 * and what hangs off it: the rep's leg for 1 s of a constant 1000, the customer's starting 0.5 s later for 1 s of
 * 300 (so the mix is checkable sample by sample), two lines, a card, an objection handled, a question, two action
 * items (the first due on {@code dueDate}) and a failed HubSpot export.
 */
public final class SummarisedCall {

    public static final int RATE = 8000;
    public static final String ABSTRACT = "The customer asked for a proposal and a follow-up meeting next week.";

    private SummarisedCall() {
    }

    /** Stores call {@code id} from {@code sip:repSipUser@pbx.example}, its recordings under {@code dataDir}. */
    public static void store(ApplicationContext spring, String id, String repSipUser, Instant start, LocalDate dueDate,
                             Path dataDir) throws IOException {
        spring.getBean(CallRepository.class).save(new CallEntity(id, "conv-" + id, "sip:" + repSipUser + "@pbx.example",
                "sip:+15550199@carrier", start));
        Path dir = Files.createDirectories(dataDir.resolve(id));
        PartyRepository parties = spring.getBean(PartyRepository.class);
        parties.save(new PartyEntity(id, "rep", "leg-rep-" + id, "PCMU", "127.0.0.1:4000", 40000,
                wav(dir.resolve("rep.wav"), (short) 1000).toString(), start));
        parties.save(new PartyEntity(id, "customer", "leg-cust-" + id, "PCMU", "127.0.0.1:4002", 40002,
                wav(dir.resolve("customer.wav"), (short) 300).toString(), start.plusMillis(500)));
        TranscriptSegmentRepository segments = spring.getBean(TranscriptSegmentRepository.class);
        segments.save(new TranscriptSegmentEntity(id, "rep", 0, 0, 400, "Thanks for taking the time today.", start));
        segments.save(new TranscriptSegmentEntity(id, "customer", 0, 100, 900,
                "It looks expensive, can you send a proposal?", start));
        // its transcript is final: the talk figures the after-call hand-off stores, for the dashboard
        spring.getBean(CallTalkRecorder.class).record(id);
        SummaryRepository summaries = spring.getBean(SummaryRepository.class);
        summaries.save(new SummaryEntity(id, start.atZone(ZoneOffset.UTC).toLocalDate(), "sales", "high", ABSTRACT,
                "text", "positive", 0.4, 0.2, 0.6, "1@0.6=0.40", "offline", start.plusSeconds(60)));
        summaries.flush();
        ActionItemRepository actions = spring.getBean(ActionItemRepository.class);
        actions.save(new ActionItemEntity(id, 0, 1, "rep", "Send the proposal", "by Friday", dueDate));
        actions.save(new ActionItemEntity(id, 1, 1, "customer", "Review the proposal with the team", null, null));
        spring.getBean(ObjectionRepository.class).save(new ObjectionEntity(id, 0, 1, "price", "It looks expensive",
                "We can phase the rollout to spread the cost.", "customer"));
        spring.getBean(QuestionRepository.class).save(new QuestionEntity(id, 0, 1, "customer", "pricing",
                "Can you send a proposal?", "Yes, by Friday."));
        spring.getBean(CardRepository.class).save(new CardEntity(id, "price-objection", "Price objection",
                "Offer a phased rollout.", 1, 1, "expensive", start.plusMillis(900)));
        spring.getBean(OutboxJobRepository.class).save(new OutboxJobEntity("job-" + id, id, "hubspot", "key-" + id, "{}",
                "FAILED", start, start.plusSeconds(61)));
    }

    /** One second of a constant sample. */
    public static Path wav(Path file, short value) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(44 + RATE * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + RATE * 2).put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(RATE).putInt(RATE * 2).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(RATE * 2);
        for (int i = 0; i < RATE; i++) {
            b.putShort(value);
        }
        Files.write(file, b.array());
        return file.toAbsolutePath();
    }
}
