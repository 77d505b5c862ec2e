package io.earpiece.console.summary;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.ZoneId;

/**
 * After-call summary settings ({@code earpiece.summary.*}).
 *
 * @param zone the team's time zone: a call's date, against which "friday" or "tomorrow" resolve, is taken there
 */
@ConfigurationProperties("earpiece.summary")
public record SummaryProperties(@DefaultValue("UTC") ZoneId zone) {
}
