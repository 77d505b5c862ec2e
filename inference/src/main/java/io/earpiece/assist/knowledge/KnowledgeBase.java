package io.earpiece.assist.knowledge;

import io.earpiece.assist.intent.SentenceEncoder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A knowledge base ready to answer: every document is cut into passages of whole sentences, each embedded once
 * (with the document title, which often carries the subject a question names), and a question is answered by the
 * documents whose best passage is most similar. Immutable and thread-safe once built.
 */
public final class KnowledgeBase {
    private final KnowledgeBaseDefinition definition;
    private final SentenceEncoder encoder;
    private final RetrievalSettings settings;
    private final List<Passage> passages = new ArrayList<>();

    public KnowledgeBase(KnowledgeBaseDefinition definition, SentenceEncoder encoder, RetrievalSettings settings) {
        this.definition = definition;
        this.encoder = encoder;
        this.settings = settings;
        for (KnowledgeDocument d : definition.documents()) {
            for (String chunk : PassageSplitter.split(d.text(), settings.chunkWords())) {
                passages.add(new Passage(d, chunk, encoder.encode(d.title() + ". " + chunk)));
            }
        }
    }

    /** Documents answering {@code question}, best first, at most top-k, each above the threshold. */
    public List<KnowledgeHit> search(String question) {
        float[] q = encoder.encode(question);
        Map<String, KnowledgeHit> best = new LinkedHashMap<>();
        for (Passage p : passages) {
            double score = dot(q, p.vector);
            if (score < settings.threshold()) {
                continue;
            }
            KnowledgeHit seen = best.get(p.document.id());
            if (seen == null || score > seen.score()) {
                best.put(p.document.id(), new KnowledgeHit(p.document, p.text, score));
            }
        }
        return best.values().stream()
                .sorted(Comparator.comparingDouble(KnowledgeHit::score).reversed())
                .limit(settings.topK())
                .toList();
    }

    /** The single best answer, if any document clears the threshold. */
    public Optional<KnowledgeHit> answer(String question) {
        return search(question).stream().findFirst();
    }

    /** The version of the definition this was built from. */
    public String version() {
        return definition.version();
    }

    public int passageCount() {
        return passages.size();
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private record Passage(KnowledgeDocument document, String text, float[] vector) {
    }
}
