package io.earpiece.console.call;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.earpiece.assist.playbook.CardTemplate;
import io.earpiece.console.testing.ReferenceTranscript;
import io.earpiece.console.testing.StampedEvents.Stamped;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LiveLoopLatencyTest {

    static final Instant REP = Instant.parse("2026-01-01T10:00:00Z");
    static final Instant CUSTOMER = REP.plusMillis(5);
    static final ReferenceTranscript REFERENCE = new ReferenceTranscript("t", "sales", 10, List.of(
            new ReferenceTranscript.Utterance("rep", "Hello. How are you?", List.of(), 1.0, 3.0),
            new ReferenceTranscript.Utterance("customer", "Too expensive.", List.of("objection:price"), 4.0, 5.0),
            new ReferenceTranscript.Utterance("rep", "I see.", List.of(), 6.0, 7.0)));

    static Stamped at(Instant t0, long ms, String json) throws Exception {
        return new Stamped(t0.plusMillis(ms), new ObjectMapper().readTree(json.replace('\'', '"')));
    }

    @Test
    void eachUtteranceIsTimedToTheFinalCoveringItsEndAndToItsFirstPartial() throws Exception {
        List<Stamped> events = List.of(
                at(REP, 1800, "{'type':'partial','party':'rep','index':0,'startMs':1000,'endMs':1700,'isFinal':false}"),
                // the pause after the first sentence commits a final that ends before the turn does
                at(REP, 2100, "{'type':'segment','party':'rep','index':0,'startMs':1000,'endMs':1900,'isFinal':true}"),
                at(REP, 3400, "{'type':'segment','party':'rep','index':1,'startMs':1900,'endMs':3200,'isFinal':true}"),
                at(CUSTOMER, 5900, "{'type':'retracted','party':'customer','index':0,'startMs':4000,'endMs':4800,"
                        + "'isFinal':true}"));

        List<LiveLoopLatency.Utterance> got = LiveLoopLatency.utterances(REFERENCE,
                Map.of("rep", REP, "customer", CUSTOMER), new double[]{2.7, 4.8, 6.8}, events);

        assertThat(got.get(0).finalMs()).isEqualTo(400.0);
        assertThat(got.get(0).finalFromVoiceMs()).isEqualTo(700.0);
        assertThat(got.get(0).partialFromStartMs()).isEqualTo(800.0);
        // a final without text still ends the wait; one ending 200 ms early still covers the end
        assertThat(got.get(1).finalMs()).isEqualTo(900.0);
        assertThat(got.get(1).partialFromStartMs()).isNull();
        assertThat(got.get(2).finalMs()).as("no final covers the last turn").isNull();
    }

    @Test
    void aCardIsTimedFromTheEndOfTheFirstUtteranceWhoseTagTriggersIt() throws Exception {
        List<CardTemplate> templates = List.of(new CardTemplate("objection-price", "objection:price", "t", "b", 1, 60),
                new CardTemplate("action-item", "action", "t", "b", 3, 10));
        List<Stamped> events = List.of(
                at(CUSTOMER, 3000, "{'type':'card','cardKey':'objection-price'}"),
                at(CUSTOMER, 4600, "{'type':'card_provisional','cardKey':'objection-price'}"),
                at(CUSTOMER, 5300, "{'type':'card','cardKey':'objection-price'}"));

        List<LiveLoopLatency.Card> got = LiveLoopLatency.cards(REFERENCE, Map.of("rep", REP, "customer", CUSTOMER),
                events, templates);

        assertThat(got).containsExactly(new LiveLoopLatency.Card("objection-price", "customer", 1, -400.0));
    }
}
