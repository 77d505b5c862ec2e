package io.earpiece.assist.eval;

import io.earpiece.assist.ReferenceTranscript;
import io.earpiece.assist.ReferenceUtterance;
import io.earpiece.assist.TranscriptFormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a labelled {@code .call} script into a reference transcript without synthesising audio: speakers,
 * text and tags come from the script, times are synthetic (a steady speaking rate) so time rules still run.
 */
public final class CallScriptParser {
    private static final Pattern LINE = Pattern.compile("^(REP|CUSTOMER):\\s*(.*)$");
    private static final Pattern TAG = Pattern.compile("\\[([^\\]]+)]");
    private static final double SECONDS_PER_WORD = 0.35;
    private static final double GAP_S = 0.4;

    public ReferenceTranscript parse(String script) throws TranscriptFormatException {
        String title = "";
        String type = "";
        List<ReferenceUtterance> utterances = new ArrayList<>();
        double clock = 0.5;
        String[] lines = script.split("\\R");
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                String header = line.substring(1).strip();
                if (header.startsWith("title:")) {
                    title = header.substring(6).strip();
                } else if (header.startsWith("type:")) {
                    type = header.substring(5).strip().split("\\s+")[0];
                }
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw new TranscriptFormatException("line " + (n + 1) + ": expected 'REP:' or 'CUSTOMER:'");
            }
            String body = m.group(2);
            List<String> tags = new ArrayList<>();
            Matcher tag = TAG.matcher(body);
            while (tag.find()) {
                tags.add(tag.group(1).strip());
            }
            String text = TAG.matcher(body).replaceAll("").strip().replaceAll("\\s+", " ");
            if (text.isEmpty()) {
                throw new TranscriptFormatException("line " + (n + 1) + ": no spoken text");
            }
            double duration = 0.3 + SECONDS_PER_WORD * text.split("\\s+").length;
            utterances.add(new ReferenceUtterance(m.group(1).toLowerCase(), clock, clock + duration, text, tags));
            clock += duration + GAP_S;
        }
        return new ReferenceTranscript(title, type, utterances);
    }
}
