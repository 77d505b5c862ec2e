package io.earpiece.assist.knowledge;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;

/** Reads knowledge bases from YAML or JSON text and checks every document is complete and uniquely named. */
public final class KnowledgeBaseLoader {
    /** Classpath location of the example knowledge base shipped with Earpiece (a fictional product). */
    public static final String EXAMPLE_RESOURCE = "assist/example-knowledge.yaml";

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    public KnowledgeBaseDefinition loadExample() {
        try (InputStream in = KnowledgeBaseLoader.class.getClassLoader().getResourceAsStream(EXAMPLE_RESOURCE)) {
            if (in == null) {
                throw new KnowledgeBaseException(EXAMPLE_RESOURCE + " is not on the classpath");
            }
            return validate(yaml.readValue(in, KnowledgeBaseDefinition.class));
        } catch (IOException e) {
            throw new KnowledgeBaseException("invalid knowledge base: " + e.getMessage(), e);
        }
    }

    /** Parses a knowledge base held as text (YAML or JSON), e.g. as stored in the database. */
    public KnowledgeBaseDefinition parse(String text) {
        try {
            return validate(yaml.readValue(text, KnowledgeBaseDefinition.class));
        } catch (IOException e) {
            throw new KnowledgeBaseException("invalid knowledge base: " + e.getMessage(), e);
        }
    }

    private static KnowledgeBaseDefinition validate(KnowledgeBaseDefinition kb) {
        if (kb == null) {
            throw new KnowledgeBaseException("knowledge base is empty");
        }
        Set<String> ids = new HashSet<>();
        for (KnowledgeDocument d : kb.documents()) {
            if (blank(d.id())) {
                throw new KnowledgeBaseException("a document has no id");
            }
            if (!ids.add(d.id())) {
                throw new KnowledgeBaseException("document id " + d.id() + " is used twice");
            }
            if (blank(d.title()) || blank(d.text()) || blank(d.source())) {
                throw new KnowledgeBaseException("document " + d.id() + " needs a title, text and source");
            }
        }
        return kb;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
