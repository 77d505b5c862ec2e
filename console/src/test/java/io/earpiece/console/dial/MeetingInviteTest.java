package io.earpiece.console.dial;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MeetingInviteTest {

    /** An invitation with {@code lines} inside its event, folded and ended as RFC 5545 wants. */
    private static byte[] ics(String... lines) {
        StringBuilder b = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Earpiece tests//EN\r\n"
                + "BEGIN:VEVENT\r\nUID:quarterly-review@example.test\r\nDTSTAMP:20261207T090000Z\r\n"
                + "DTSTART:20261208T150000Z\r\nDTEND:20261208T160000Z\r\n");
        for (String l : lines) {
            b.append(l).append("\r\n");
        }
        return b.append("END:VEVENT\r\nEND:VCALENDAR\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aTelUriWithPausesGivesNumberAndPin() throws Exception {
        MeetingInvite.DialIn d = MeetingInvite.read(ics("SUMMARY:Quarterly review with Northwind",
                "LOCATION:Bridge",
                "CONFERENCE;VALUE=URI;FEATURE=PHONE;LABEL=Dial-in:tel:+1-555-010-2000,,448812#"));
        assertThat(d.number()).isEqualTo("+15550102000");
        assertThat(d.pin()).isEqualTo("448812");
        assertThat(d.title()).isEqualTo("Quarterly review with Northwind");
    }

    @Test
    void textLinesInTheDescriptionGiveNumberAndPin() throws Exception {
        MeetingInvite.DialIn d = MeetingInvite.read(ics("SUMMARY:Pricing follow-up",
                "DESCRIPTION:Join by phone\\nDial-in: +44 20 7946 0958\\nConference ID: 731 992 04#\\nThanks"));
        assertThat(d.number()).isEqualTo("+442079460958");
        assertThat(d.pin()).isEqualTo("73199204");
    }

    @Test
    void aTelUriWinsOverTextAndOnlyTheFirstPinStageIsTaken() throws Exception {
        MeetingInvite.DialIn d = MeetingInvite.read(ics("SUMMARY:Kick-off",
                "DESCRIPTION:Phone: 555 0100 200\\nPIN: 1111",
                "LOCATION:tel:5550102000\\,\\,\\,775533#\\,\\,*9090#"));
        assertThat(d.number()).isEqualTo("5550102000");
        assertThat(d.pin()).isEqualTo("775533");
    }

    @Test
    void withoutAPinTheNumberAloneIsRead() throws Exception {
        MeetingInvite.DialIn d = MeetingInvite.read(ics("LOCATION:tel:+4930901820"));
        assertThat(d.number()).isEqualTo("+4930901820");
        assertThat(d.pin()).isNull();
        assertThat(d.title()).isNull();
    }

    @Test
    void unusableInvitationsAreRefusedSayingWhy() {
        assertThatThrownBy(() -> MeetingInvite.read("not a calendar".getBytes(StandardCharsets.UTF_8)))
                .hasMessageStartingWith("invite: not an iCalendar (.ics) file");
        assertThatThrownBy(() -> MeetingInvite.read(("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n"
                + "BEGIN:VTODO\r\nUID:x\r\nDTSTAMP:20261207T090000Z\r\nEND:VTODO\r\nEND:VCALENDAR\r\n")
                .getBytes(StandardCharsets.UTF_8))).hasMessageContaining("no event");
        assertThatThrownBy(() -> MeetingInvite.read(ics("SUMMARY:Lunch", "LOCATION:Room 4")))
                .hasMessageContaining("no dial-in number found");
    }
}
