package io.earpiece.assist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final AnalyzeCommand command = new AnalyzeCommand(new ObjectMapper(),
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void printsEventsAndCardsAsJson(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("call.json");
        Files.writeString(file, """
                {"title": "t", "type": "sales", "utterances": [
                 {"speaker": "rep", "text": "Hi, just so you know this call is recorded.", "start": 0.5, "end": 3.0},
                 {"speaker": "customer", "text": "We are under contract with another provider until May.",
                  "start": 3.5, "end": 7.0},
                 {"speaker": "rep", "text": "Understood, I will email you a comparison sheet tomorrow.",
                  "start": 7.5, "end": 11.0}]}
                """);
        int code = command.run(new String[] {file.toString(), "--date", "2025-03-12"});
        assertThat(code).isZero();
        JsonNode result = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(result.get("events").findValuesAsText("tag")).contains("compliance:recording_disclosure",
                "objection:contract", "action:rep:email comparison sheet:tomorrow");
        JsonNode action = result.get("events").get(result.get("events").size() - 1);
        assertThat(action.get("utterance").asInt()).isEqualTo(2);
        assertThat(action.get("details").get("due_date").asText()).isEqualTo("2025-03-13");
        assertThat(result.get("cards").findValuesAsText("id")).contains("objection-contract");
        assertThat(result.get("cards").get(0).get("utterance").asInt()).isEqualTo(1);
    }

    @Test
    void badFileExitsTwoWithReason(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"utterances\": [{\"speaker\": \"bot\", \"text\": \"x\", \"start\": 0, \"end\": 1}]}");
        assertThat(command.run(new String[] {file.toString()})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("speaker must be rep or customer");
        assertThat(command.run(new String[] {dir.resolve("missing.json").toString()})).isEqualTo(2);
        assertThat(out.size()).isZero();
    }

    @Test
    void scoresADirectoryPerTag(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("one.call"), """
                # title: t
                # type: sales
                REP: Hello, this call is recorded for training purposes. [compliance:recording_disclosure]
                CUSTOMER: We are under contract with another provider until May. [objection:contract]
                """);
        Files.writeString(dir.resolve("two.json"), """
                {"title": "t", "type": "sales", "utterances": [
                 {"speaker": "customer", "text": "Does it connect to our ticketing system?",
                  "tags": ["question:integration"], "start": 0.5, "end": 3.0}]}
                """);
        int code = command.run(new String[] {"--score", dir.toString(), "--date", "2025-03-12"});
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(printed).contains("2 transcripts").containsPattern("objection:contract +1 +0 +0 +1.00 +1.00")
                .containsPattern("question:integration +1 +\\d+ +0").containsPattern("objection +1 ")
                .contains("micro-F1");
    }

    @Test
    void scoringNeedsADirectoryOfTranscripts(@TempDir Path dir) throws Exception {
        assertThat(command.run(new String[] {"--score", dir.toString()})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no .json or .call transcripts");
        Files.writeString(dir.resolve("bad.call"), "BOT: hello\n");
        assertThat(command.run(new String[] {"--score", dir.toString()})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("bad.call").contains("expected 'REP:' or 'CUSTOMER:'");
        assertThat(command.run(new String[] {"--score"})).isEqualTo(2);
        assertThat(out.size()).isZero();
    }

    @Test
    void crossValidatesEachTriggerOfAPlaybookFile(@TempDir Path dir) throws Exception {
        Path playbook = dir.resolve("playbook.yaml");
        Files.writeString(playbook, """
                name: one-trigger
                intents:
                  - tag: objection:price
                    speakers: [customer]
                    threshold: 0.6
                    keyword_threshold: 0.3
                    exemplars:
                      - That is more than we can spend.
                """);
        assertThat(command.run(new String[] {"--cv", playbook.toString()})).isZero();
        String table = out.toString(StandardCharsets.UTF_8);
        assertThat(table).contains("playbook 'one-trigger'").containsPattern("objection:price +\\d+ +\\d+ +\\d+ +0\\.\\d\\d")
                .contains("micro-F1");
    }

    @Test
    void crossValidatesOneTriggerWithTheLinesItGotWrong(@TempDir Path dir) throws Exception {
        Path playbook = dir.resolve("playbook.yaml");
        Files.writeString(playbook, """
                name: two-triggers
                intents:
                  - tag: objection:price
                    speakers: [customer]
                    threshold: 0.6
                    keyword_threshold: 0.3
                    exemplars:
                      - That is more than we can spend.
                  - tag: objection:timing
                    speakers: [customer]
                    threshold: 0.6
                    keyword_threshold: 0.3
                    exemplars:
                      - Not this quarter.
                """);
        assertThat(command.run(new String[] {"--cv", playbook.toString(), "--trigger", "objection:price"})).isZero();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).containsPattern("objection:price +\\d+ +\\d+ +\\d+ +0\\.\\d\\d")
                .doesNotContain("objection:timing").contains("held-out lines it missed")
                .containsPattern("(missed|false) +customer +\\S");
    }

    @Test
    void anUnknownTriggerExitsTwoWithThePlaybooksTriggers(@TempDir Path dir) throws Exception {
        assertThat(command.run(new String[] {"--cv", "--trigger", "objection:weather"})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("objection:weather").contains("objection:price");
        assertThat(command.run(new String[] {"--cv", "--trigger"})).isEqualTo(2);
        assertThat(out.size()).isZero();
    }

    @Test
    void aBadPlaybookForCrossValidationExitsTwo(@TempDir Path dir) throws Exception {
        Path playbook = dir.resolve("bad.yaml");
        Files.writeString(playbook, "intents: [ {tag: 3");
        assertThat(command.run(new String[] {"--cv", playbook.toString()})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot cross-validate").contains("invalid playbook");
        assertThat(command.run(new String[] {"--cv", "a", "b"})).isEqualTo(2);
        assertThat(out.size()).isZero();
    }
}
