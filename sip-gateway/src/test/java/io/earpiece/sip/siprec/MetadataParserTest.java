package io.earpiece.sip.siprec;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MetadataParserTest {
    private final MetadataParser parser = new MetadataParser();

    private RecordingMetadata parse(String xml) throws MetadataParseException {
        return parser.parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anyPrefixAndEitherIdSpelling() throws Exception {
        RecordingMetadata md = parse("<x:recording xmlns:x='urn:ietf:params:xml:ns:recording:1'>"
                + "<x:dataMode>complete</x:dataMode><x:session id='S1'/>"
                + "<x:participant id='p1'><x:nameID aor='sip:+1 (555) 010-9999@h'><x:name>Ann</x:name></x:nameID>"
                + "<x:send>s1</x:send></x:participant>"
                + "<x:stream id='s1'><x:label> 7 </x:label></x:stream></x:recording>");
        assertThat(md.sessionId()).isEqualTo("S1");
        assertThat(md.sendersOf("7")).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("Ann");
            assertThat(p.number()).isEqualTo("+15550109999");
        });
        assertThat(md.associationStated()).isTrue();
    }

    @Test
    void refusesWhatIsNotRecordingMetadataWithTheReason() {
        assertThatThrownBy(() -> parse("<html/>")).isInstanceOf(MetadataParseException.class)
                .hasMessage("root element is <html>, not <recording>");
        assertThatThrownBy(() -> parse("<recording>")).hasMessageStartingWith("recording metadata is not well-formed XML");
        assertThatThrownBy(() -> parse("<recording><stream id='a'/></recording>")).hasMessage("stream a has no label");
        assertThatThrownBy(() -> parser.parse(new byte[0])).hasMessage("empty recording metadata");
    }

    @Test
    void refusesDoctypesSoNoEntityReachesOutOrExplodes() {
        assertThatThrownBy(() -> parse("<?xml version='1.0'?><!DOCTYPE r [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
                + "<recording>&x;</recording>")).isInstanceOf(MetadataParseException.class);
    }
}
