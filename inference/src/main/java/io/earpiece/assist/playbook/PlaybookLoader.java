package io.earpiece.assist.playbook;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

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
            throw unreadable(e);
        }
        validate(playbook);
        return playbook;
    }

    public Playbook load(InputStream in) {
        Playbook playbook;
        try {
            playbook = yaml.readValue(in, Playbook.class);
        } catch (IOException e) {
            throw unreadable(e);
        }
        validate(playbook);
        return playbook;
    }

    /**
     * The parser's complaint in the editor's words: where (the field's path) and what is wrong, not the parser's
     * class names and source positions.
     */
    static PlaybookException unreadable(IOException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            String field = path(u);
            return new PlaybookException(field, "invalid playbook: '" + u.getPropertyName() + "' is not a playbook"
                    + " setting (at " + field + "); the settings here are " + u.getKnownPropertyIds(), e);
        }
        if (e instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            String field = path(m);
            return new PlaybookException(field, "invalid playbook: " + field + " must be " + kind(m.getTargetType()), e);
        }
        if (e instanceof JsonProcessingException p && p.getLocation() != null) {
            return new PlaybookException(null, "invalid playbook: the text is not valid YAML or JSON near line "
                    + p.getLocation().getLineNr() + ", column " + p.getLocation().getColumnNr(), e);
        }
        return new PlaybookException(null, "invalid playbook: it cannot be read (" + e.getMessage() + ")", e);
    }

    /** {@code intents[2].threshold}: the JSON path of the field the parser stopped at. */
    private static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                b.append(b.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    private static String kind(Class<?> type) {
        if (type == null) {
            return "of another kind";
        }
        if (type == double.class || type == Double.class || type == float.class) {
            return "a number";
        }
        if (type == int.class || type == Integer.class || type == long.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a section with its own settings";
    }

    private static void validate(Playbook playbook) {
        if (playbook == null) {
            throw new PlaybookException("playbook is empty");
        }
        for (int i = 0; i < playbook.intents().size(); i++) {
            IntentDefinition intent = playbook.intents().get(i);
            String at = "intents[" + i + "]";
            if (intent.tag() == null || intent.tag().isBlank()) {
                throw new PlaybookException(at + ".tag", "trigger " + (i + 1) + " has no name (tag)", null);
            }
            if (intent.exemplars().isEmpty() && intent.keywords().isEmpty()) {
                throw new PlaybookException(at + ".exemplars", "intent " + intent.tag()
                        + " has neither exemplars nor keywords: give at least one example phrase", null);
            }
            for (int k = 0; k < intent.keywords().size(); k++) {
                compile(intent.keywords().get(k), intent.tag(), at + ".keywords[" + k + "]");
            }
        }
        for (int i = 0; i < playbook.cards().size(); i++) {
            CardTemplate card = playbook.cards().get(i);
            if (card.cooldownS() < 0) {
                throw new PlaybookException("cards[" + i + "].cooldown_s", "the cool-down of card "
                        + (card.id() == null ? i + 1 : card.id()) + " cannot be negative", null);
            }
        }
        if (playbook.name() == null && playbook.intents().isEmpty() && playbook.cards().isEmpty()) {
            throw new PlaybookException("playbook is empty");
        }
        if (playbook.disclosure() != null) {
            for (int k = 0; k < playbook.disclosure().phrases().size(); k++) {
                compile(playbook.disclosure().phrases().get(k), "disclosure", "disclosure.phrases[" + k + "]");
            }
        }
    }

    private static void compile(String regex, String owner, String field) {
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new PlaybookException(field, "bad pattern in " + owner + ": '" + regex + "' is not a valid pattern ("
                    + e.getDescription() + ")", e);
        }
    }
}
