package io.earpiece.sip.siprec;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SIPREC INVITEs of {@code ../shared/conformance/siprec} and what their manifest says about each. They are read
 * where they are, never copied here: they are the held-out check. Under {@code CI=true} a missing {@code ../shared}
 * fails; elsewhere the tests that need it skip.
 */
public final class SiprecSamples {
    private SiprecSamples() {
    }

    /** One manifest row. */
    public record Sample(String file, String vendor, List<String> labels, String truth, byte[] raw) {

        /** The manifest states who sends which label. */
        public boolean associationStated() {
            return !truth.startsWith("NOT STATED");
        }

        public String name() {
            return file.replace(".invite", "");
        }

        /** Header block and body, split at the first blank line. */
        public String headers() {
            String text = new String(raw, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            return end < 0 ? text : text.substring(0, end);
        }

        public byte[] body() {
            String text = new String(raw, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            return end < 0 ? new byte[0] : text.substring(end + 4).getBytes(StandardCharsets.ISO_8859_1);
        }

        /** A header's value, folded lines joined; null when absent. */
        public String header(String name) {
            String[] lines = headers().split("\r\n");
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0 && lines[i].substring(0, colon).trim().equalsIgnoreCase(name)) {
                    StringBuilder v = new StringBuilder(lines[i].substring(colon + 1).trim());
                    for (int k = i + 1; k < lines.length && (lines[k].startsWith(" ") || lines[k].startsWith("\t")); k++) {
                        v.append(' ').append(lines[k].trim());
                    }
                    return v.toString();
                }
            }
            return null;
        }

        /** The From URI without display name or tag. */
        public String fromUri() {
            String f = header("From");
            int lt = f.indexOf('<');
            if (lt >= 0) {
                return f.substring(lt + 1, f.indexOf('>', lt));
            }
            int semi = f.indexOf(';');
            return semi < 0 ? f.trim() : f.substring(0, semi).trim();
        }

        /**
         * What the truth column says, read as a sequence of labels, addresses and roles: an address belongs to the
         * labels named just before it and takes the role named just after it.
         */
        public Map<String, Expected> expected() {
            Map<String, Expected> out = new LinkedHashMap<>();
            Matcher m = TOKEN.matcher(truth);
            Set<String> labels = new LinkedHashSet<>();
            boolean afterAddress = true;
            String last = null;
            while (m.find()) {
                if (m.group("label") != null) {
                    if (afterAddress) {
                        labels = new LinkedHashSet<>();
                    }
                    labels.add(m.group("label"));
                    afterAddress = false;
                } else if (m.group("aor") != null) {
                    last = normalise(m.group("aor"));
                    out.computeIfAbsent(last, k -> new Expected(new LinkedHashSet<>(), new String[1])).labels()
                            .addAll(labels);
                    afterAddress = true;
                } else if (last != null && out.get(last).role()[0] == null) {
                    out.get(last).role()[0] = m.group("role").toLowerCase(Locale.ROOT);
                }
            }
            return out;
        }
    }

    /** Labels an address is sent on, and its role ("caller", "callee", or null when not stated). */
    public record Expected(Set<String> labels, String[] role) {
    }

    private static final Pattern TOKEN = Pattern.compile(
            "(?:label|audio|video) (?<label>[A-Za-z0-9_]+)"
                    + "|(?<aor>(?:sips?:|tel:)?\\+?[A-Za-z0-9_.\\-]+@[A-Za-z0-9_.\\-]+(?::\\d+)?|sips?:[^\\s;,)@]+"
                    + "|(?<![+\\w])\\d{7,}(?!\\w))"
                    + "|\\b(?<role>caller|callee)\\b");

    /** An AoR as compared: no scheme, no parameters, lower case. */
    public static String normalise(String aor) {
        if (aor == null) {
            return null;
        }
        String a = aor.trim().toLowerCase(Locale.ROOT);
        for (String s : List.of("sips:", "sip:", "tel:")) {
            if (a.startsWith(s)) {
                a = a.substring(s.length());
            }
        }
        int semi = a.indexOf(';');
        return semi < 0 ? a : a.substring(0, semi);
    }

    public static Path dir() {
        Path shared = Path.of(System.getProperty("earpiece.shared", "../../shared")).toAbsolutePath().normalize();
        Path dir = shared.resolve("conformance/siprec");
        if (!Files.isRegularFile(dir.resolve("manifest.tsv"))) {
            String why = "no SIPREC samples at " + dir + " (is ../shared beside the checkout?)";
            // In CI the samples are part of the build: their absence is a failure, not a reason to skip.
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(why);
            }
            Assumptions.abort(why);
        }
        return dir;
    }

    public static List<Sample> all() throws IOException {
        Path dir = dir();
        List<String> rows = Files.readAllLines(dir.resolve("manifest.tsv"), StandardCharsets.UTF_8);
        List<String> header = List.of(rows.get(0).split("\t"));
        int file = header.indexOf("file");
        int vendor = header.indexOf("vendor");
        int labels = header.indexOf("mline_labels");
        int truth = header.indexOf("truth_label_to_participant");
        List<Sample> out = new ArrayList<>();
        for (String row : rows.subList(1, rows.size())) {
            if (row.isBlank()) {
                continue;
            }
            String[] f = row.split("\t");
            List<String> ls = new ArrayList<>();
            for (String l : f[labels].split("\\|")) {
                String t = l.trim();
                int paren = t.indexOf('(');
                ls.add((paren < 0 ? t : t.substring(0, paren)).trim());
            }
            out.add(new Sample(f[file], f[vendor], ls, f[truth], Files.readAllBytes(dir.resolve(f[file]))));
        }
        if (out.size() < 14) {
            throw new IllegalStateException("manifest lists " + out.size() + " samples, expected 14");
        }
        return out;
    }
}
