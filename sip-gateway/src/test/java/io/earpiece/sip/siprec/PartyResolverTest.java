package io.earpiece.sip.siprec;

import io.earpiece.sip.call.Party;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PartyResolverTest {
    private final RecordingOfferReader reader = new RecordingOfferReader();

    /** Two streams; the metadata says caller/callee when {@code roles}. */
    private RecordingOffer offer(boolean roles) throws Exception {
        String sdp = "v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\ns=-\r\nc=IN IP4 10.0.0.1\r\nt=0 0\r\n"
                + "m=audio 4000 RTP/AVP 0\r\na=label:1\r\na=sendonly\r\n"
                + "m=audio 4002 RTP/AVP 8\r\na=label:2\r\na=sendonly\r\n";
        String calling = roles ? "<extensiondata xmlns:apkt='http://acmepacket.com/siprec/extensiondata'>"
                + "<apkt:callingParty>%s</apkt:callingParty></extensiondata>" : "";
        String xml = "<recording xmlns='urn:ietf:params:xml:ns:recording:1'><session session_id='s'/>"
                + "<participant participant_id='a'><nameID aor='sip:+15550001111@carrier'/><send>x</send>"
                + calling.formatted("true") + "</participant>"
                + "<participant participant_id='b'><nameID aor='sip:2001@pbx'/><send>y</send>"
                + calling.formatted("false") + "</participant>"
                + "<stream stream_id='x'><label>1</label></stream><stream stream_id='y'><label>2</label></stream>"
                + "</recording>";
        String body = "--b\r\nContent-Type: application/sdp\r\n\r\n" + sdp + "\r\n--b\r\n"
                + "Content-Type: application/rs-metadata+xml\r\nContent-Disposition: recording-session\r\n\r\n" + xml
                + "\r\n--b--\r\n";
        return reader.read("multipart/mixed;boundary=b", body.getBytes(StandardCharsets.UTF_8), Map.of()).orElseThrow();
    }

    private static Map<String, Party> parties(List<StreamParty> resolved) {
        return Map.of(resolved.get(0).label(), resolved.get(0).party(), resolved.get(1).label(), resolved.get(1).party());
    }

    @Test
    void anEarpieceUserIsTheRepWhateverTheConfiguredSide() throws Exception {
        for (RepSide side : RepSide.values()) {
            PartyResolver r = new PartyResolver(new SiprecConfig(side, Set.of("+15550001111")::contains));
            assertThat(parties(r.resolve(offer(true)))).as("%s", side)
                    .isEqualTo(Map.of("1", Party.REP, "2", Party.CUSTOMER));
        }
    }

    @Test
    void otherwiseTheStatedCallerOrCalleeAsConfigured() throws Exception {
        assertThat(parties(new PartyResolver(new SiprecConfig(RepSide.CALLEE, u -> false)).resolve(offer(true))))
                .isEqualTo(Map.of("1", Party.CUSTOMER, "2", Party.REP));
        assertThat(parties(new PartyResolver(new SiprecConfig(RepSide.CALLER, u -> false)).resolve(offer(true))))
                .isEqualTo(Map.of("1", Party.REP, "2", Party.CUSTOMER));
    }

    @Test
    void withoutRolesTheFirstStreamIsTakenAsTheCaller() throws Exception {
        assertThat(parties(new PartyResolver(new SiprecConfig(RepSide.CALLEE, u -> false)).resolve(offer(false))))
                .isEqualTo(Map.of("1", Party.CUSTOMER, "2", Party.REP));
    }

    @Test
    void matchDeclinesSessionsWithoutAnEarpieceUser() {
        PartyResolver r = new PartyResolver(new SiprecConfig(RepSide.MATCH, u -> false));
        assertThatThrownBy(() -> r.resolve(offer(true))).isInstanceOf(RecordingRejection.class)
                .hasMessageContaining("no participant is an Earpiece user");
    }

    @Test
    void aPartialUpdateKeepsWhatItDoesNotNameAndRolesItDoesNotRestate() throws Exception {
        RecordingMetadata first = offer(true).metadata();
        RecordingMetadata update = new MetadataParser().parse(("<recording xmlns='urn:ietf:params:xml:ns:recording:1'>"
                + "<datamode>partial</datamode><participant participant_id='b'><nameID aor='sip:2001@pbx'>"
                + "<name>Rep Two</name></nameID><send>y</send></participant></recording>")
                .getBytes(StandardCharsets.UTF_8));
        RecordingMetadata now = update.after(first);
        assertThat(now.participants()).extracting(Participant::id).containsExactly("a", "b");
        assertThat(now.participant("b").orElseThrow().name()).isEqualTo("Rep Two");
        assertThat(now.participant("b").orElseThrow().role()).isEqualTo(CallRole.CALLEE);
        assertThat(now.sendersOf("2")).extracting(Participant::id).containsExactly("b");
    }
    @Test
    void furtherSeparateStreamsAreRecordedAsFurtherStreamsOfTheirParty() throws Exception {
        String sdp = "v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\ns=-\r\nc=IN IP4 10.0.0.1\r\nt=0 0\r\n"
                + "m=audio 4000 RTP/AVP 0\r\na=label:1\r\na=sendonly\r\n"
                + "m=audio 4002 RTP/AVP 0\r\na=label:2\r\na=sendonly\r\n"
                + "m=audio 4004 RTP/AVP 0\r\na=label:3\r\na=sendonly\r\n"
                + "m=audio 4006 RTP/AVP 0\r\na=label:4\r\na=sendonly\r\n";
        String xml = "<recording xmlns='urn:ietf:params:xml:ns:recording:1'><session session_id='s'/>"
                + "<participant participant_id='a'><nameID aor='sip:+15550001111@carrier'/><send>x</send></participant>"
                + "<participant participant_id='b'><nameID aor='sip:2001@pbx'/><send>y</send></participant>"
                + "<participant participant_id='c'><nameID aor='sip:+15550003333@carrier'/><send>z</send></participant>"
                + "<participant participant_id='d'><nameID aor='sip:2002@pbx'/><send>w</send></participant>"
                + "<stream stream_id='x'><label>1</label></stream><stream stream_id='y'><label>2</label></stream>"
                + "<stream stream_id='z'><label>3</label></stream><stream stream_id='w'><label>4</label></stream>"
                + "</recording>";
        String body = "--b\r\nContent-Type: application/sdp\r\n\r\n" + sdp + "\r\n--b\r\n"
                + "Content-Type: application/rs-metadata+xml\r\nContent-Disposition: recording-session\r\n\r\n" + xml
                + "\r\n--b--\r\n";
        RecordingOffer offer = reader.read("multipart/mixed;boundary=b", body.getBytes(StandardCharsets.UTF_8), Map.of())
                .orElseThrow();
        List<StreamParty> resolved = new PartyResolver(new SiprecConfig(RepSide.CALLEE,
                Set.of("2001", "2002")::contains)).resolve(offer);
        assertThat(resolved).extracting(StreamParty::label, StreamParty::partyLabel).containsExactly(
                org.assertj.core.groups.Tuple.tuple("1", "customer"), org.assertj.core.groups.Tuple.tuple("2", "rep"),
                org.assertj.core.groups.Tuple.tuple("3", "customer-2"), org.assertj.core.groups.Tuple.tuple("4", "rep-2"));
    }
}
