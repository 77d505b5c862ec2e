package io.earpiece.console.assist;

import io.earpiece.assist.knowledge.KnowledgeBaseDefinition;
import io.earpiece.assist.knowledge.KnowledgeBaseLoader;
import io.earpiece.assist.knowledge.KnowledgeDocument;
import io.earpiece.assist.playbook.PlaybookLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * First start: stores the bundled playbook as the default's version 1 (its text as shipped, comments included)
 * and, when asked, the example knowledge base, then has {@link AssistWarmUp} build the default engine (in the
 * background by default). Runs before the server takes requests; a database that already has them is left alone.
 */
@Component
public class AssistSeeder implements SmartInitializingSingleton {

    static final String SYSTEM_AUTHOR = "system";
    private static final Logger log = LoggerFactory.getLogger(AssistSeeder.class);

    private final PlaybookStore playbooks;
    private final KnowledgeStore knowledge;
    private final PlaybookEditor editor;
    private final AssistWarmUp warmUp;
    private final AssistProperties properties;

    public AssistSeeder(PlaybookStore playbooks, KnowledgeStore knowledge, PlaybookEditor editor,
                        AssistWarmUp warmUp, AssistProperties properties) {
        this.playbooks = playbooks;
        this.knowledge = knowledge;
        this.editor = editor;
        this.warmUp = warmUp;
        this.properties = properties;
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            if (playbooks.own(PlaybookStore.DEFAULT_TEAM).isEmpty()) {
                editor.seed(PlaybookStore.DEFAULT_TEAM, bundled(PlaybookLoader.DEFAULT_RESOURCE), SYSTEM_AUTHOR);
                log.info("stored the bundled playbook as the default playbook, version 1");
            }
            // Only a knowledge base that never held a document is seeded: deleting them all stays deleted.
            if (properties.knowledge().seedExample() && knowledge.generation() == 0) {
                KnowledgeBaseDefinition example = new KnowledgeBaseLoader().loadExample();
                for (KnowledgeDocument d : example.documents()) {
                    knowledge.create(d.id(), d.title(), d.text().strip(), d.source(), SYSTEM_AUTHOR);
                }
                log.info("stored {} example knowledge-base documents (earpiece.assist.knowledge.seed-example)",
                        example.documents().size());
            }
        } catch (DataIntegrityViolationException e) {
            log.info("another server seeded the playbook or knowledge base first");
        }
        warmUp.start();
    }

    private static String bundled(String resource) {
        try (InputStream in = AssistSeeder.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
