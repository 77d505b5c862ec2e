package io.earpiece.assist.intent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the bundled training set: tab-separated {@code role, tags, text} lines, tags comma-separated or
 * {@code none}, {@code #} comments. Files are listed here rather than discovered because a classpath folder
 * cannot be listed inside a jar.
 */
public final class TrainingSetLoader {
    public static final List<String> DEFAULT_RESOURCES = List.of(
            "assist/training/objections.tsv",
            "assist/training/questions-and-signals.tsv",
            "assist/training/next-steps-and-decisions.tsv",
            "assist/training/negatives.tsv",
            "assist/training/indirect-and-hard-negatives.tsv");

    public List<TrainingExample> loadDefault() {
        return load(DEFAULT_RESOURCES);
    }

    /** The examples of these classpath resources, in order. */
    public List<TrainingExample> load(List<String> resources) {
        List<TrainingExample> out = new ArrayList<>();
        ClassLoader loader = TrainingSetLoader.class.getClassLoader();
        for (String resource : resources) {
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("training set " + resource + " is not on the classpath");
                }
                out.addAll(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    public List<TrainingExample> parse(String text, String source) {
        List<TrainingExample> out = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new java.io.StringReader(text))) {
            String line;
            int n = 0;
            while ((line = reader.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                if (cols.length != 3 || cols[2].isBlank()) {
                    throw new IllegalArgumentException(source + " line " + n + ": expected role<TAB>tags<TAB>text");
                }
                Set<String> tags = new LinkedHashSet<>();
                if (!cols[1].strip().equals("none")) {
                    Arrays.stream(cols[1].split(",")).map(String::strip).filter(t -> !t.isEmpty()).forEach(tags::add);
                }
                out.add(new TrainingExample(cols[0].strip(), tags, cols[2].strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
