package io.earpiece.assist.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.earpiece.assist.AssistEngine;
import io.earpiece.assist.CallAnalysis;
import io.earpiece.assist.Card;
import io.earpiece.assist.SegmentOutcome;
import io.earpiece.assist.intent.MiniLmSentenceEncoder;
import io.earpiece.assist.intent.SentenceEncoder;
import io.earpiece.assist.playbook.PlaybookLoader;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Retrieval over the shipped example knowledge base with the in-process MiniLM encoder. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KnowledgeBaseTest {
    private SentenceEncoder encoder;
    private KnowledgeBase kb;

    @BeforeAll
    void build() {
        encoder = new MiniLmSentenceEncoder();
        kb = new KnowledgeBase(new KnowledgeBaseLoader().loadExample(), encoder, RetrievalSettings.defaults());
    }

    @Test
    void securityQuestionRetrievesTheAuditDocumentWithItsSource() {
        KnowledgeHit hit = kb.answer("Is your platform SOC 2 compliant?").orElseThrow();

        assertThat(hit.document().id()).isEqualTo("security-attestations");
        assertThat(hit.document().source()).isEqualTo("https://trust.quillcall.example/audits");
        assertThat(hit.passage()).contains("SOC 2 Type II");
    }

    @Test
    void questionsOfOtherKindsFindTheirDocuments() {
        assertThat(kb.answer("Can we log in through Okta with single sign-on?")).get()
                .extracting(h -> h.document().id()).isEqualTo("sso-and-provisioning");
        assertThat(kb.answer("How much does the growth plan cost per user?")).get()
                .extracting(h -> h.document().id()).isEqualTo("pricing-tiers");
        assertThat(kb.answer("Do you have webhooks or an API we can call?")).get()
                .extracting(h -> h.document().id()).isEqualTo("api-and-webhooks");
    }

    @Test
    void unrelatedQuestionRetrievesNothing() {
        assertThat(kb.search("Did you catch the football match on Saturday?")).isEmpty();
        assertThat(kb.search("What should I cook for dinner tonight?")).isEmpty();
    }

    @Test
    void customerQuestionRaisesAnAnswerCardCitingTheDocument() {
        AssistEngine engine = new AssistEngine(new PlaybookLoader().loadDefault(), encoder)
                .withDecorator(new KnowledgeAssist(kb, 120));
        CallAnalysis call = engine.startCall(LocalDate.of(2025, 3, 12));
        call.onFinalSegment(0, "rep", 0, 3, "Before we begin, this call is being recorded.");

        SegmentOutcome asked = call.onFinalSegment(1, "customer", 4, 8,
                "Quick one from our security team, do you have a SOC 2 report?");
        SegmentOutcome again = call.onFinalSegment(2, "customer", 9, 12,
                "And is that SOC 2 audit done every year?");

        assertThat(asked.cards()).filteredOn(c -> c.id().startsWith(KnowledgeAssist.CARD_PREFIX))
                .singleElement().satisfies(card -> {
                    assertThat(card.id()).isEqualTo("kb:security-attestations");
                    assertThat(card.title()).isEqualTo("Security audits and SOC 2 Type II");
                    assertThat(card.source()).isEqualTo("https://trust.quillcall.example/audits");
                    assertThat(card.trigger()).isEqualTo("question:security");
                    assertThat(card.utterance()).isEqualTo(1);
                });
        assertThat(again.cards()).extracting(Card::id).doesNotContain("kb:security-attestations");
    }

    @Test
    void knowledgeBaseLoadsFromJsonTextAndRejectsDuplicates() {
        KnowledgeBaseLoader loader = new KnowledgeBaseLoader();
        String text = """
                {"name": "tiny", "documents": [
                  {"id": "a", "title": "Refunds", "text": "Refunds are paid within ten days.", "source": "wiki/refunds"}]}
                """;
        KnowledgeBaseDefinition def = loader.parse(text);
        assertThat(def.documents()).extracting(KnowledgeDocument::id).containsExactly("a");
        assertThat(def.version()).isEqualTo(loader.parse(text).version())
                .isNotEqualTo(loader.parse(text.replace("ten", "five")).version());
        assertThatThrownBy(() -> loader.parse("""
                documents:
                  - {id: a, title: A, text: one, source: s}
                  - {id: a, title: B, text: two, source: s}
                """)).isInstanceOf(KnowledgeBaseException.class).hasMessageContaining("used twice");
        assertThatThrownBy(() -> loader.parse("documents: [{id: b, title: B, text: two}]"))
                .hasMessageContaining("source");
    }

    @Test
    void passagesKeepSentencesWhole() {
        List<String> parts = PassageSplitter.split("One two three. Four five six seven. Eight.", 5);
        assertThat(parts).containsExactly("One two three.", "Four five six seven. Eight.");
    }
}
