package io.earpiece.assist.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.earpiece.assist.AnalysisResult;
import io.earpiece.assist.AssistEngine;
import io.earpiece.assist.ReferenceTranscript;
import io.earpiece.assist.ReferenceTranscriptReader;
import io.earpiece.assist.TranscriptFormatException;
import io.earpiece.assist.playbook.PlaybookLoader;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * {@code earpiece analyze FILE.json [--date YYYY-MM-DD]}: runs the offline assist engine over a reference
 * transcript and prints the events and cards as JSON; exit code 2 when the file cannot be used.
 */
public final class AnalyzeCommand {
    static final int BAD_INPUT = 2;

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
        if (args.length != 1 && !(args.length == 3 && args[1].equals("--date"))) {
            err.println("usage: earpiece analyze FILE.json [--date YYYY-MM-DD]");
            return BAD_INPUT;
        }
        LocalDate callDate;
        try {
            callDate = args.length == 3 ? LocalDate.parse(args[2]) : LocalDate.now(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            err.println("bad --date: " + args[2]);
            return BAD_INPUT;
        }
        ReferenceTranscript transcript;
        try {
            transcript = new ReferenceTranscriptReader(json).read(Path.of(args[0]));
        } catch (TranscriptFormatException e) {
            err.println("cannot analyze " + args[0] + ": " + e.getMessage());
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
}
