package io.earpiece.console.search;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * Reads {@code from}/{@code to} query parameters: an ISO date ("2031-05-06", a whole day in the team's zone,
 * so {@code to} includes that day) or an ISO instant with offset.
 */
public final class TimeParams {

    private TimeParams() {
    }

    /** The start of {@code value}, or null when absent. */
    public static Instant start(String value, ZoneId zone) {
        return parse(value, zone, false);
    }

    /** The exclusive end of {@code value}: the next day's start for a date, the instant itself otherwise. */
    public static Instant end(String value, ZoneId zone) {
        return parse(value, zone, true);
    }

    private static Instant parse(String value, ZoneId zone, boolean end) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                return (end ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            }
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "'" + v + "' is neither a date (2031-05-06) nor an instant (2031-05-06T09:00:00Z)");
        }
    }
}
