package io.earpiece.assist.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.earpiece.assist.AnalysisResult;
import io.earpiece.assist.AssistEngine;
import io.earpiece.assist.ReferenceTranscript;
import io.earpiece.assist.ReferenceTranscriptReader;
import io.earpiece.assist.TranscriptFormatException;
import io.earpiece.assist.action.DueDateResolver;
import io.earpiece.assist.eval.CallScriptParser;
import io.earpiece.assist.eval.TagScorer;
import io.earpiece.assist.TriggerCrossValidation;
import io.earpiece.assist.eval.FamilyScore;
import io.earpiece.assist.intent.IntentTrainer;
import io.earpiece.assist.intent.MiniLmSentenceEncoder;
import io.earpiece.assist.playbook.Playbook;
import io.earpiece.assist.playbook.PlaybookException;
import io.earpiece.assist.playbook.PlaybookLoader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code earpiece analyze FILE.json [--date YYYY-MM-DD]}: runs the offline assist engine over a reference
 * transcript and prints the events and cards as JSON. {@code earpiece analyze --score DIR [--date YYYY-MM-DD]}:
 * runs it over every labelled transcript in DIR (reference {@code .json} or {@code .call} scripts) and prints
 * precision and recall per tag and per family against their tags, then each miss and false alarm. {@code earpiece
 * analyze --cv [PLAYBOOK.yaml]}: cross-validates each trigger of the playbook (the default one without a file) on
 * the bundled training set plus the playbook's exemplars and prints per-trigger precision, recall and F1; with
 * {@code --trigger TAG}, only that trigger's row and each held-out line it missed or fired on wrongly, the lines a
 * playbook author would write exemplars against. Exit code 2 when the input cannot be used.
 */
public final class AnalyzeCommand {
    static final int BAD_INPUT = 2;
    private static final String USAGE =
            "usage: earpiece analyze FILE.json [--date YYYY-MM-DD] | earpiece analyze --score DIR [--date YYYY-MM-DD]"
                    + " | earpiece analyze --cv [PLAYBOOK.yaml] [--trigger TAG]";

    private final ObjectMapper json;
    private final PrintStream out;
    private final PrintStream err;

    public AnalyzeCommand(ObjectMapper json, PrintStream out, PrintStream err) {
        this.json = json;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        int code = new AnalyzeCommand(new ObjectMapper(), System.out, System.err).run(args);
        System.exit(code);
    }

    /** Runs the command; returns the process exit code. */
    public int run(String[] args) {
        if (args.length > 0 && args[0].equals("--cv")) {
            List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
            String trigger = null;
            int at = rest.indexOf("--trigger");
            if (at >= 0) {
                if (at + 1 >= rest.size()) {
                    return usage();
                }
                trigger = rest.remove(at + 1);
                rest.remove(at);
            }
            return rest.size() <= 1 ? crossValidate(rest.isEmpty() ? null : Path.of(rest.get(0)), trigger) : usage();
        }
        boolean score = args.length > 0 && args[0].equals("--score");
        int first = score ? 1 : 0;
        int rest = args.length - first;
        if (!(rest == 1 || rest == 3 && args[first + 1].equals("--date"))) {
            err.println(USAGE);
            return BAD_INPUT;
        }
        LocalDate callDate;
        try {
            callDate = rest == 3 ? LocalDate.parse(args[first + 2]) : LocalDate.now(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            err.println("bad --date: " + args[first + 2]);
            return BAD_INPUT;
        }
        Path input = Path.of(args[first]);
        return score ? score(input, callDate) : analyze(input, callDate);
    }

    private int usage() {
        err.println(USAGE);
        return BAD_INPUT;
    }

    private int crossValidate(Path playbookFile, String trigger) {
        Playbook playbook;
        try {
            playbook = playbookFile == null ? new PlaybookLoader().loadDefault()
                    : new PlaybookLoader().parse(Files.readString(playbookFile));
        } catch (IOException | PlaybookException e) {
            err.println("cannot cross-validate " + playbookFile + ": " + e.getMessage());
            return BAD_INPUT;
        }
        if (trigger != null && playbook.intents().stream().noneMatch(i -> i.tag().equals(trigger))) {
            err.println("cannot cross-validate trigger " + trigger + ": playbook '" + playbook.name() + "' has "
                    + playbook.intents().stream().map(i -> i.tag()).toList());
            return BAD_INPUT;
        }
        IntentTrainer trainer = IntentTrainer.forEncoder(new MiniLmSentenceEncoder());
        long start = System.nanoTime();
        List<String> mistakes = new ArrayList<>();
        Map<String, FamilyScore> scores = new TriggerCrossValidation(trainer, TriggerCrossValidation.FOLDS,
                mistakes::add).run(playbook);
        out.printf(Locale.ROOT, "%d-fold cross-validation of playbook '%s' on %d training utterances (%d s)%n%n",
                TriggerCrossValidation.FOLDS, playbook.name(), trainer.examples().size(),
                (System.nanoTime() - start) / 1_000_000_000);
        if (trigger == null) {
            out.print(TriggerCrossValidation.table(scores));
            return 0;
        }
        String table = TriggerCrossValidation.table(Map.of(trigger, scores.get(trigger)));
        out.print(table.substring(0, table.indexOf("objection:*")));
        // A mistake line is "role<TAB>want [..]<TAB>got [..]<TAB>text": keep those where this trigger was wanted or got.
        out.println("\nheld-out lines it missed (want) or fired on wrongly (got):");
        for (String m : mistakes) {
            String[] cols = m.split("\t", 4);
            boolean want = cols[1].contains(trigger + "]") || cols[1].contains(trigger + ",");
            boolean got = cols[2].contains(trigger + "]") || cols[2].contains(trigger + ",");
            if (want != got) {
                out.println((want ? "  missed  " : "  false   ") + cols[0] + "  " + cols[3]);
            }
        }
        return 0;
    }

    private int analyze(Path file, LocalDate callDate) {
        ReferenceTranscript transcript;
        try {
            transcript = new ReferenceTranscriptReader(json).read(file);
        } catch (TranscriptFormatException e) {
            err.println("cannot analyze " + file + ": " + e.getMessage());
            return BAD_INPUT;
        }
        AnalysisResult result = new AssistEngine(new PlaybookLoader().loadDefault()).analyze(transcript, callDate);
        try {
            out.println(json.writeValueAsString(result));
        } catch (JsonProcessingException e) {
            err.println("cannot write result: " + e.getMessage());
            return 1;
        }
        return 0;
    }

    private int score(Path dir, LocalDate callDate) {
        if (!Files.isDirectory(dir)) {
            err.println("cannot score " + dir + ": not a directory");
            return BAD_INPUT;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".call")).sorted()
                    .toList();
        } catch (IOException e) {
            err.println("cannot list " + dir + ": " + e.getMessage());
            return BAD_INPUT;
        }
        if (files.isEmpty()) {
            err.println("cannot score " + dir + ": no .json or .call transcripts in it");
            return BAD_INPUT;
        }
        // Read every file first, so that one bad file is reported before minutes of analysis, not after.
        List<ReferenceTranscript> transcripts = new ArrayList<>();
        for (Path file : files) {
            try {
                transcripts.add(file.toString().endsWith(".call")
                        ? new CallScriptParser().parse(Files.readString(file))
                        : new ReferenceTranscriptReader(json).read(file));
            } catch (TranscriptFormatException | IOException e) {
                err.println("cannot score " + file + ": " + e.getMessage());
                return BAD_INPUT;
            }
        }
        AssistEngine engine = new AssistEngine(new PlaybookLoader().loadDefault());
        TagScorer scorer = new TagScorer(new DueDateResolver());
        for (int i = 0; i < files.size(); i++) {
            AnalysisResult result = engine.analyze(transcripts.get(i), callDate);
            scorer.add(files.get(i).getFileName().toString(), transcripts.get(i), result.events(), callDate);
        }
        out.printf("%d transcripts in %s%n%n", files.size(), dir);
        out.println(scorer.tagTable());
        scorer.misses().forEach(out::println);
        return 0;
    }
}
