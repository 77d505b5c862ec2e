package io.earpiece.console.names;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a call's parties get their names ({@code earpiece.names.*}).
 *
 * @param fromCall      whether names said in the call ("this is Sam", "hi Dana") may name a party (default true)
 * @param minConfidence the name finder's confidence a name said in the call needs (default 0.6: one
 *                      self-introduction, or a greeting and a second mention; a lone "hi Dana" is 0.55)
 */
@ConfigurationProperties("earpiece.names")
public record NamesProperties(@DefaultValue("true") boolean fromCall, @DefaultValue("0.6") double minConfidence) {

    public NamesProperties {
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new IllegalArgumentException("earpiece.names.min-confidence must be in [0, 1], got " + minConfidence);
        }
    }
}
