package io.earpiece.console.assist;

import io.earpiece.assist.SegmentDecorator;
import io.earpiece.assist.llm.LlmAssist;
import io.earpiece.assist.llm.LlmCardWriter;
import io.earpiece.assist.llm.LlmExtractor;
import io.earpiece.assist.llm.LlmGateway;
import io.earpiece.assist.playbook.Playbook;

import java.util.Optional;

/**
 * The configured language model as an engine layer: absent with provider {@code none}, else card rewriting (and
 * extraction when asked) over one shared gateway and card cache. The cache is keyed by playbook version, so one
 * layer serves every team's playbook.
 */
public final class LlmLayer {

    private final LlmCardWriter writer;
    private final LlmGateway gateway;
    private final boolean extract;
    private final long tokenBudget;

    /** A layer that adds nothing. */
    public static LlmLayer off() {
        return new LlmLayer(null, null, false, 0);
    }

    public LlmLayer(LlmCardWriter writer, LlmGateway gateway, boolean extract, long tokenBudget) {
        this.writer = writer;
        this.gateway = gateway;
        this.extract = extract;
        this.tokenBudget = tokenBudget;
    }

    public boolean enabled() {
        return writer != null;
    }

    /** The decorator for engines of this playbook (the extractor's vocabulary is the playbook's tags). */
    public Optional<SegmentDecorator> decoratorFor(Playbook playbook) {
        if (writer == null) {
            return Optional.empty();
        }
        LlmExtractor extractor = extract ? new LlmExtractor(gateway, LlmExtractor.vocabulary(playbook)) : null;
        return Optional.of(new LlmAssist(writer, extractor, tokenBudget));
    }
}
