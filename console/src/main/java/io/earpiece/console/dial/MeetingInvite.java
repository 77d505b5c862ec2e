package io.earpiece.console.dial;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a meeting's dial-in from a calendar invitation (RFC 5545 {@code .ics}): the bridge's number and PIN, and the
 * event's summary as the title. Invitations say these in different places: a {@code tel:} URI with the PIN after
 * pauses ({@code tel:+15550100,,123456#}, in {@code CONFERENCE}, {@code LOCATION} or the description), or lines
 * of text ("Dial-in: +1 555 0100", "PIN: 123 456"). A {@code tel:} URI wins over text, the first one found over
 * later ones; a PIN in several stages (meeting ID, then passcode) gives its first stage only.
 */
final class MeetingInvite {

    /** What an invitation says; {@code pin} and {@code title} may be null. */
    record DialIn(String number, String pin, String title) {
    }

    /** An invitation that cannot be used; the message says why, for a 400. */
    static final class InvalidInviteException extends Exception {
        InvalidInviteException(String message) {
            super(message);
        }
    }

    private static final Pattern TEL = Pattern.compile(
            "tel:(\\+?[0-9][0-9().\\-]*)(?:(?:[,;]|%2C|p)+(?:postd=)?([0-9*]+)#?)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER_LINE = Pattern.compile(
            "(?:dial[- ]?in|phone|telephone|call|tel\\.?|number)[^0-9+\\n]{0,30}(\\+?[0-9][0-9 ().\\-]{4,30}[0-9])",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PIN_LINE = Pattern.compile(
            "(?:pin|passcode|access code|participant code|conference id|meeting id)[^0-9\\n]{0,20}([0-9][0-9 ]{0,40})",
            Pattern.CASE_INSENSITIVE);

    private MeetingInvite() {
    }

    static DialIn read(byte[] ics) throws InvalidInviteException {
        Calendar calendar;
        try {
            calendar = new CalendarBuilder().build(new ByteArrayInputStream(ics));
        } catch (ParserException | IOException | RuntimeException e) {
            throw new InvalidInviteException("invite: not an iCalendar (.ics) file: " + e.getMessage());
        }
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        if (events.isEmpty()) {
            throw new InvalidInviteException("invite: the calendar has no event (VEVENT)");
        }
        VEvent event = events.get(0);
        List<String> texts = new ArrayList<>();
        // CONFERENCE (RFC 7986) and LOCATION are where the dial-in is meant to be; then the description, then the rest.
        for (String name : List.of("CONFERENCE", Property.LOCATION, Property.DESCRIPTION)) {
            for (Property p : event.getProperties(name)) {
                texts.add(p.getValue());
            }
        }
        for (Property p : event.getProperties()) {
            if (!List.of("CONFERENCE", Property.LOCATION, Property.DESCRIPTION).contains(p.getName())) {
                texts.add(p.getValue());
            }
        }
        String title = event.<Property>getProperty(Property.SUMMARY).map(Property::getValue).map(String::strip)
                .filter(s -> !s.isEmpty()).map(s -> s.length() > DialRequest.MAX_TITLE
                        ? s.substring(0, DialRequest.MAX_TITLE) : s).orElse(null);
        for (String text : texts) {
            Matcher m = TEL.matcher(text == null ? "" : text);
            if (m.find()) {
                return new DialIn(digits(m.group(1)), m.group(2), title);
            }
        }
        for (String text : texts) {
            Matcher m = NUMBER_LINE.matcher(text == null ? "" : text);
            if (m.find()) {
                return new DialIn(digits(m.group(1)), pin(texts).orElse(null), title);
            }
        }
        throw new InvalidInviteException("invite: no dial-in number found (looked for a tel: URI and for a "
                + "'Dial-in'/'Phone' line in the event)");
    }

    private static Optional<String> pin(List<String> texts) {
        for (String text : texts) {
            Matcher m = PIN_LINE.matcher(text == null ? "" : text);
            if (m.find()) {
                return Optional.of(m.group(1).replace(" ", ""));
            }
        }
        return Optional.empty();
    }

    /** A number as dialled: the leading + and the digits, without the separators people write. */
    private static String digits(String number) {
        return number.replaceAll("[^0-9+]", "");
    }
}
