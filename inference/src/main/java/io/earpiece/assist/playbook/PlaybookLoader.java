package io.earpiece.assist.playbook;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Loads playbooks from YAML or JSON (YAML is a superset) and checks that their patterns compile. */
public final class PlaybookLoader {
    /** Classpath location of the playbook shipped with Earpiece. */
    public static final String DEFAULT_RESOURCE = "assist/default-playbook.yaml";

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    public Playbook loadDefault() {
        ClassLoader loader = PlaybookLoader.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new PlaybookException("default playbook " + DEFAULT_RESOURCE + " is not on the classpath");
            }
            return load(in);
        } catch (IOException e) {
            throw new PlaybookException("cannot read default playbook: " + e.getMessage(), e);
        }
    }

    /** Parses a playbook held as text (YAML or JSON), e.g. as stored in the database and edited over the API. */
    public Playbook parse(String text) {
        Playbook playbook;
        try {
            playbook = yaml.readValue(text, Playbook.class);
        } catch (IOException e) {
            throw new PlaybookException("invalid playbook: " + e.getMessage(), e);
        }
        validate(playbook);
        return playbook;
    }

    public Playbook load(InputStream in) {
        Playbook playbook;
        try {
            playbook = yaml.readValue(in, Playbook.class);
        } catch (IOException e) {
            throw new PlaybookException("invalid playbook: " + e.getMessage(), e);
        }
        validate(playbook);
        return playbook;
    }

    private static void validate(Playbook playbook) {
        if (playbook == null) {
            throw new PlaybookException("playbook is empty");
        }
        for (IntentDefinition intent : playbook.intents()) {
            if (intent.tag() == null || intent.tag().isBlank()) {
                throw new PlaybookException("an intent has no tag");
            }
            if (intent.exemplars().isEmpty() && intent.keywords().isEmpty()) {
                throw new PlaybookException("intent " + intent.tag() + " has neither exemplars nor keywords");
            }
            intent.keywords().forEach(k -> compile(k, intent.tag()));
        }
        if (playbook.name() == null && playbook.intents().isEmpty() && playbook.cards().isEmpty()) {
            throw new PlaybookException("playbook is empty");
        }
        if (playbook.disclosure() != null) {
            playbook.disclosure().phrases().forEach(p -> compile(p, "disclosure"));
        }
    }

    private static void compile(String regex, String owner) {
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new PlaybookException("bad pattern in " + owner + ": " + e.getDescription());
        }
    }
}
