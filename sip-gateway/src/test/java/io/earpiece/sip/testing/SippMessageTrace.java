package io.earpiece.sip.testing;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The messages of a sipp message trace ({@code -trace_msg}, which {@link SippRunner} writes to
 * {@code messages.log}), each with the time sipp stamped on it. Benchmarks use it to know when sipp really sent a
 * message, e.g. the ACK after which it starts playing a call's RTP.
 */
public final class SippMessageTrace {

    /** One traced message: when, whether sipp sent it (else received it), and its text. */
    public record Message(Instant at, boolean sent, String text) {

        /** The request method or "SIP/2.0" for a response: the first word of the start line. */
        public String method() {
            String line = text.lines().findFirst().orElse("");
            int space = line.indexOf(' ');
            return space < 0 ? line : line.substring(0, space);
        }

        /** The value of the first header named {@code name} (case-insensitive), or null. */
        public String header(String name) {
            for (String line : text.lines().toList()) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    // sipp writes each message after a line of dashes and its local time with microseconds
    private static final Pattern STAMP = Pattern.compile(
            "^-{10,} (\\d{4}-\\d{2}-\\d{2})[ \\t](\\d{2}:\\d{2}:\\d{2}\\.\\d{1,9})\\s*$", Pattern.MULTILINE);
    private static final Pattern DIRECTION = Pattern.compile("^\\w+ message (sent|received)[^\\n]*\\n", Pattern.MULTILINE);
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private SippMessageTrace() {
    }

    /** Parses a trace; sipp stamps local time, read here in {@code zone}. Blocks that are not messages are skipped. */
    public static List<Message> parse(String trace, ZoneId zone) {
        List<Message> out = new ArrayList<>();
        Matcher stamp = STAMP.matcher(trace);
        List<int[]> starts = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        while (stamp.find()) {
            starts.add(new int[]{stamp.start(), stamp.end()});
            String fraction = (stamp.group(2) + "000000").substring(0, 15);
            times.add(LocalDateTime.parse(stamp.group(1) + " " + fraction, FORMAT).atZone(zone).toInstant());
        }
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : trace.length();
            String block = trace.substring(starts.get(i)[1], end).replaceFirst("^\\r?\\n", "");
            Matcher direction = DIRECTION.matcher(block);
            if (!direction.lookingAt()) {
                continue;
            }
            String text = block.substring(direction.end()).replaceFirst("^\\s*\\n", "").strip();
            out.add(new Message(times.get(i), direction.group(1).equals("sent"), text));
        }
        return out;
    }

    /** As {@link #parse(String, ZoneId)} in the JVM's zone, which is sipp's when both run on this machine. */
    public static List<Message> parse(String trace) {
        return parse(trace, ZoneId.systemDefault());
    }
}
