package io.earpiece.console.report;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.earpiece.console.testing.SharedTestServer;
import io.earpiece.console.testing.TestAuth;
import io.earpiece.db.call.CallEntity;
import io.earpiece.db.call.CallRepository;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The period reports over HTTP: each user's CSV and weekly PDF list only the calls they may open (admin every
 * call, manager their team's, rep their own), and CSV cells that a spreadsheet would run as a formula are
 * neutralised.
 */
@SharedTestServer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsIT {

    static final String RITA_CALL = "report-call-rita";
    static final String ROB_CALL = "report-call-rob";
    static final String FORMULA_CALL = "report-call-formula";

    @LocalServerPort
    int port;
    @Autowired
    CallRepository calls;

    @BeforeAll
    void callsOfTwoTeams() {
        TestAuth.user(port, "rita", "REP", "report-red", "rita", null);
        TestAuth.user(port, "rob", "REP", "report-blue", null, "3002");
        TestAuth.user(port, "ruth", "MANAGER", "report-red", null, null);
        Instant now = Instant.now();
        calls.save(new CallEntity(RITA_CALL, "conv-" + RITA_CALL, "sip:rita@pbx.example", "sip:+15550111@carrier", now));
        calls.save(new CallEntity(ROB_CALL, "conv-" + ROB_CALL, "sip:+15550122@carrier", "sip:3002@pbx.example",
                now.plusSeconds(1)));
        calls.save(new CallEntity(FORMULA_CALL, "conv-" + FORMULA_CALL, "=HYPERLINK(\"http://evil.example\",\"x\")",
                "@SUM(1+1)", now.plusSeconds(2)));
    }

    @Test
    void csvListsOnlyTheCallsTheUserMayOpen() throws IOException {
        assertThat(csvCallIds(TestAuth.asUser(port, "rita"))).contains(RITA_CALL).doesNotContain(ROB_CALL, FORMULA_CALL);
        assertThat(csvCallIds(TestAuth.asUser(port, "rob"))).contains(ROB_CALL).doesNotContain(RITA_CALL, FORMULA_CALL);
        assertThat(csvCallIds(TestAuth.asUser(port, "ruth"))).contains(RITA_CALL).doesNotContain(ROB_CALL, FORMULA_CALL);
        assertThat(csvCallIds(admin())).contains(RITA_CALL, ROB_CALL, FORMULA_CALL);
    }

    @Test
    void weekPdfListsOnlyTheCallsTheUserMayOpen() throws IOException {
        assertThat(weekPdfText(TestAuth.asUser(port, "rita"))).contains("sip:rita@pbx.example")
                .doesNotContain("sip:3002@pbx.example", "HYPERLINK");
        assertThat(weekPdfText(TestAuth.asUser(port, "rob"))).contains("sip:3002@pbx.example")
                .doesNotContain("sip:rita@pbx.example");
        assertThat(weekPdfText(TestAuth.asUser(port, "ruth"))).contains("sip:rita@pbx.example")
                .doesNotContain("sip:3002@pbx.example");
        assertThat(weekPdfText(admin())).contains("sip:rita@pbx.example", "sip:3002@pbx.example");
    }

    @Test
    void csvCellsThatWouldRunAsFormulasStartWithAQuote() throws IOException {
        CSVRecord formula = csv(admin()).stream().filter(r -> r.get("call_id").equals(FORMULA_CALL)).findFirst()
                .orElseThrow();
        assertThat(formula.get("from")).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"x\")");
        assertThat(formula.get("to")).isEqualTo("'@SUM(1+1)");
    }

    WebTestClient admin() {
        return TestAuth.as(port, TestAuth.adminToken(port));
    }

    List<String> csvCallIds(WebTestClient client) throws IOException {
        return csv(client).stream().map(r -> r.get("call_id")).toList();
    }

    List<CSVRecord> csv(WebTestClient client) throws IOException {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        byte[] body = client.get().uri("/api/reports/calls.csv?from=" + today.minusDays(1) + "&to=" + today.plusDays(1))
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(body, StandardCharsets.UTF_8))).getRecords();
    }

    String weekPdfText(WebTestClient client) throws IOException {
        LocalDate from = LocalDate.now(ZoneOffset.UTC).minusDays(3);
        byte[] body = client.get().uri("/api/reports/week.pdf?from=" + from).exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        PdfReader pdf = new PdfReader(body);
        try {
            PdfTextExtractor text = new PdfTextExtractor(pdf);
            StringBuilder all = new StringBuilder();
            for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
                all.append(text.getTextFromPage(page)).append('\n');
            }
            return all.toString();
        } finally {
            pdf.close();
        }
    }
}
