package io.earpiece.plugins.export.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.earpiece.plugins.export.CallExport;
import io.earpiece.plugins.export.DeliveryResult;
import io.earpiece.plugins.export.InMemoryDeliveryLedger;
import io.earpiece.plugins.export.secret.Secret;
import io.earpiece.plugins.export.stub.Fixtures;
import io.earpiece.plugins.export.stub.StubServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HubSpotExporterTest {
    private FakeHubSpot hubspot;
    private HubSpotExporter exporter;

    @BeforeEach
    void start() throws Exception {
        hubspot = new FakeHubSpot();
        exporter = new HubSpotExporter(new HubSpotConfig(hubspot.server.baseUri(), Secret.of(FakeHubSpot.TOKEN)),
                Fixtures.http(), new InMemoryDeliveryLedger());
    }

    @AfterEach
    void stop() {
        hubspot.close();
    }

    @Test
    void searchesContactsAcrossPagesThenCreatesNoteAndTasksAssociatedWithThem() {
        DeliveryResult result = exporter.deliver(Fixtures.call(), "call-42/hubspot");

        assertThat(result).isInstanceOf(DeliveryResult.Delivered.class);
        List<StubServer.Request> searches = hubspot.server.requests("POST", "/crm/v3/objects/contacts/search");
        assertThat(searches).hasSize(2);
        JsonNode first = Fixtures.json(searches.get(0).body());
        assertThat(first.path("filterGroups")).hasSize(3);
        assertThat(first.path("filterGroups").get(0).path("filters").get(0).toString())
                .isEqualTo("{\"propertyName\":\"email\",\"operator\":\"EQ\",\"value\":\"dana@example.com\"}");
        assertThat(first.path("filterGroups").get(1).path("filters").get(0).path("value").asText())
                .isEqualTo("+15552124478");
        assertThat(first.has("after")).isFalse();
        assertThat(Fixtures.json(searches.get(1).body()).path("after").asText()).isEqualTo("1");

        assertThat(hubspot.notes).hasSize(1);
        JsonNode note = hubspot.notes.values().iterator().next();
        assertThat(note.path("properties").path("hs_timestamp").asText()).isEqualTo("2025-03-12T14:30:00Z");
        assertThat(note.path("properties").path("hs_note_body").asText())
                .contains("renewal price").contains("rep: Sam Rivera");
        assertThat(note.path("associations").toString()).isEqualTo("[{\"to\":{\"id\":\"101\"},\"types\":[{"
                + "\"associationCategory\":\"HUBSPOT_DEFINED\",\"associationTypeId\":202}]},{\"to\":{\"id\":\"102\"},"
                + "\"types\":[{\"associationCategory\":\"HUBSPOT_DEFINED\",\"associationTypeId\":202}]}]");

        assertThat(hubspot.tasks).hasSize(2);
        assertThat(hubspot.tasks.values()).anySatisfy(t -> {
            JsonNode p = t.path("properties");
            assertThat(p.path("hs_task_subject").asText()).isEqualTo("Send two year proposal");
            assertThat(p.path("hs_timestamp").asText()).isEqualTo("2025-03-14T00:00:00Z");
            assertThat(p.path("hs_task_status").asText()).isEqualTo("NOT_STARTED");
            assertThat(t.path("associations").get(0).path("types").get(0).path("associationTypeId").asInt())
                    .isEqualTo(204);
        });
        assertThat(hubspot.tasks.values()).extracting(t -> t.path("properties").path("hs_task_subject").asText())
                .contains("Customer to set up meeting with finance");
        assertThat(hubspot.server.requests()).allSatisfy(r ->
                assertThat(r.header("Authorization")).isEqualTo("Bearer " + FakeHubSpot.TOKEN));
    }

    @Test
    void lostAnswerOnCreateDoesNotDuplicateOnRetryEvenWithoutTheLedger() {
        hubspot.failCreatesAfterStoring.set(1);
        assertThat(exporter.deliver(Fixtures.call(), "k1")).isInstanceOf(DeliveryResult.Retryable.class);

        // A fresh exporter with an empty ledger: as if the process died before writing it.
        HubSpotExporter restarted = new HubSpotExporter(new HubSpotConfig(hubspot.server.baseUri(),
                Secret.of(FakeHubSpot.TOKEN)), Fixtures.http(), new InMemoryDeliveryLedger());
        assertThat(restarted.deliver(Fixtures.call(), "k1")).isInstanceOf(DeliveryResult.Delivered.class);

        assertThat(hubspot.notes).hasSize(1);
        assertThat(hubspot.tasks).hasSize(2);
    }

    @Test
    void rateLimitIsRetryableWithRetryAfter() {
        hubspot.rateLimitNext.set(1);

        DeliveryResult result = exporter.deliver(Fixtures.call(), "k2");

        assertThat(result).isInstanceOfSatisfying(DeliveryResult.Retryable.class,
                r -> assertThat(r.retryAfter()).contains(Duration.ofSeconds(7)));
    }

    @Test
    void validationErrorIsPermanentAndWrongTokenToo() {
        hubspot.rejectNext.set(1);
        assertThat(exporter.deliver(Fixtures.call(), "k3")).isInstanceOfSatisfying(
                DeliveryResult.PermanentFailure.class, p -> assertThat(p.reason()).contains("400"));

        HubSpotExporter wrong = new HubSpotExporter(new HubSpotConfig(hubspot.server.baseUri(),
                Secret.of("nope")), Fixtures.http(), new InMemoryDeliveryLedger());
        assertThat(wrong.deliver(Fixtures.call(), "k4")).isInstanceOf(DeliveryResult.PermanentFailure.class);
    }

    @Test
    void noMatchingContactIsPermanentAndSaysWhatWasSearchedFor() {
        hubspot.noContacts.set(true);

        assertThat(exporter.deliver(Fixtures.call(), "k5")).isInstanceOfSatisfying(
                DeliveryResult.PermanentFailure.class, p -> assertThat(p.reason()).isEqualTo(
                        "hubspot: no contact found with e-mail dana@example.com or phone or mobile phone +15552124478;"
                                + " add the contact in HubSpot and replay the export"));
        assertThat(hubspot.notes).isEmpty();
    }

    @Test
    void aCallWithoutCustomerEmailOrPhoneSaysSoWithoutSearching() {
        CallExport c = Fixtures.call();
        CallExport anonymous = new CallExport(c.callId(), c.startedAt(), c.rep(), c.customerName(), null, null,
                c.callType(), c.summaryText(), c.actionItems(), c.objections());

        assertThat(exporter.deliver(anonymous, "k6")).isInstanceOfSatisfying(DeliveryResult.PermanentFailure.class,
                p -> assertThat(p.reason()).contains("no customer e-mail or phone number"));
        assertThat(hubspot.server.requests("POST", "/crm/v3/objects/contacts/search")).isEmpty();
    }

    @Test
    void configNeverPrintsTheToken() {
        assertThat(new HubSpotConfig(HubSpotConfig.DEFAULT_BASE, Secret.of(FakeHubSpot.TOKEN)).toString())
                .doesNotContain(FakeHubSpot.TOKEN);
    }
}
