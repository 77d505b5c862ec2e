package io.earpiece.console.report;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CallsCsvTest {

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaGetsALeadingQuote() {
        assertThat(CallsCsv.cell("=1+2")).isEqualTo("'=1+2");
        assertThat(CallsCsv.cell("+15550100")).isEqualTo("'+15550100");
        assertThat(CallsCsv.cell("-2+3")).isEqualTo("'-2+3");
        assertThat(CallsCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CallsCsv.cell("\t=1")).isEqualTo("'\t=1");
        assertThat(CallsCsv.cell("\r=1")).isEqualTo("'\r=1");
    }

    @Test
    void everythingElseIsLeftAlone() {
        assertThat(CallsCsv.cell("sip:alice@pbx.example")).isEqualTo("sip:alice@pbx.example");
        assertThat(CallsCsv.cell("a=b")).isEqualTo("a=b");
        assertThat(CallsCsv.cell("")).isEqualTo("");
        assertThat(CallsCsv.cell(null)).isNull();
        assertThat(CallsCsv.cell(3L)).isEqualTo(3L);
        Instant now = Instant.now();
        assertThat(CallsCsv.cell(now)).isSameAs(now);
    }
}
