package io.earpiece.console.call;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the recognition pool did during a bench step, from the server's own timers (decode time and queue wait per
 * priority, partials dropped): tells whether latency went into decoding or into waiting for a worker. Clock inside
 * the server, so a diagnosis, never a headline figure.
 */
final class DecodeLoad {

    private record Totals(long count, double totalMs) {
    }

    private final MeterRegistry registry;
    private final Map<String, Totals> before;
    private final double droppedBefore;

    private DecodeLoad(MeterRegistry registry) {
        this.registry = registry;
        this.before = totals(registry);
        this.droppedBefore = dropped(registry);
    }

    static DecodeLoad snapshot(MeterRegistry registry) {
        return new DecodeLoad(registry);
    }

    /** Per timer and priority since the snapshot: count and mean ms; then partials dropped. */
    String since() {
        Map<String, Totals> now = totals(registry);
        List<String> out = new ArrayList<>();
        now.keySet().stream().sorted().forEach(k -> {
            Totals b = before.getOrDefault(k, new Totals(0, 0));
            Totals n = now.get(k);
            long count = n.count() - b.count();
            if (count > 0) {
                out.add(String.format(Locale.ROOT, "%s_n=%d %s_mean_ms=%.0f", k, count, k,
                        (n.totalMs() - b.totalMs()) / count));
            }
        });
        out.add(String.format(Locale.ROOT, "partials_dropped=%.0f", dropped(registry) - droppedBefore));
        return String.join(" ", out);
    }

    private static Map<String, Totals> totals(MeterRegistry registry) {
        Map<String, Totals> out = new HashMap<>();
        for (String name : List.of("earpiece.stt.decode", "earpiece.stt.queue.wait")) {
            for (Timer t : registry.find(name).timers()) {
                String key = (name.endsWith("wait") ? "wait_" : "decode_") + t.getId().getTag("priority");
                out.put(key, new Totals(t.count(), t.totalTime(TimeUnit.MILLISECONDS)));
            }
        }
        return out;
    }

    private static double dropped(MeterRegistry registry) {
        var c = registry.find("earpiece.stt.partials.dropped").counter();
        return c == null ? 0 : c.count();
    }
}
