package io.earpiece.console.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Slugs made from document titles name knowledge cards ({@code kb:<slug>}). */
class KnowledgeSlugTest {

    @Test
    void titlesBecomeLowerCaseDashedAscii() {
        assertThat(KnowledgeEndpoint.slugOf("Single sign-on & SCIM")).isEqualTo("single-sign-on-scim");
        assertThat(KnowledgeEndpoint.slugOf("  Données résidentes (EU)  ")).isEqualTo("donnees-residentes-eu");
        assertThat(KnowledgeEndpoint.slugOf("!!!")).isEqualTo("document");
        assertThat(KnowledgeEndpoint.slugOf("a ".repeat(100))).hasSizeLessThanOrEqualTo(128).doesNotEndWith("-");
    }
}
