package io.earpiece.assist.playbook;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A card the playbook shows when an event's tag starts with {@code trigger}; it is not shown again for
 * {@code cooldownS} seconds of call time.
 */
public record CardTemplate(
        String id,
        String trigger,
        String title,
        String body,
        int priority,
        @JsonProperty("cooldown_s") double cooldownS) {
}
