package io.earpiece.sip.siprec;

import io.earpiece.sip.call.Party;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every SIPREC sample's body read as the server reads it, checked against the manifest: the m-line labels, and
 * who sends on which label with which role wherever the manifest states it ("not stated" where it does not).
 */
class SiprecSamplesTest {
    private final RecordingOfferReader reader = new RecordingOfferReader();

    @TestFactory
    Stream<DynamicTest> everySampleMapsLabelsToParticipantsAsTheManifestSays() throws Exception {
        List<SiprecSamples.Sample> samples = SiprecSamples.all();
        return samples.stream().map(s -> DynamicTest.dynamicTest(s.name(), () -> check(s)));
    }

    private void check(SiprecSamples.Sample s) throws Exception {
        RecordingOffer offer = reader.read(s.header("Content-Type"), s.body(), Map.of(), s.fromUri()).orElseThrow();
        assertThat(offer.streams().stream().map(OfferedStream::label).toList()).as("m-line labels").isEqualTo(s.labels());
        assertThat(offer.recordable()).as("audio streams Earpiece records").isNotEmpty();
        RecordingMetadata md = offer.metadata();
        Map<String, SiprecSamples.Expected> expected = s.expected();
        assertThat(md.associationStated()).as("association stated").isEqualTo(s.associationStated());
        for (Participant p : md.participants()) {
            assertThat(expected).as("participants named in the manifest").containsKey(SiprecSamples.normalise(p.aor()));
        }
        if (!s.associationStated()) {
            assertThat(md.participants()).as("roles where the manifest says none")
                    .allMatch(p -> p.role() == CallRole.NOT_STATED);
            return;
        }
        for (Map.Entry<String, SiprecSamples.Expected> e : expected.entrySet()) {
            Participant p = md.participants().stream()
                    .filter(x -> SiprecSamples.normalise(x.aor()).equals(e.getKey())).findFirst().orElse(null);
            assertThat(p).as("participant %s", e.getKey()).isNotNull();
            Set<String> labels = new LinkedHashSet<>();
            for (RecordedStream st : md.streams()) {
                if (st.participants().contains(p.id())) {
                    labels.add(st.label());
                }
            }
            assertThat(labels).as("labels %s sends on", e.getKey()).isEqualTo(e.getValue().labels());
            String role = e.getValue().role()[0];
            CallRole want = role == null ? CallRole.NOT_STATED : CallRole.valueOf(role.toUpperCase());
            assertThat(p.role()).as("role of %s", e.getKey()).isEqualTo(want);
        }
    }

    @TestFactory
    Stream<DynamicTest> everySampleBecomesDistinctPartiesWithTheDefaults() throws Exception {
        PartyResolver resolver = new PartyResolver(SiprecConfig.defaults());
        return SiprecSamples.all().stream().map(s -> DynamicTest.dynamicTest(s.name(), () -> {
            RecordingOffer offer = reader.read(s.header("Content-Type"), s.body(), Map.of(), s.fromUri()).orElseThrow();
            List<StreamParty> parties = resolver.resolve(offer);
            List<Party> kinds = new ArrayList<>(parties.stream().map(StreamParty::party).toList());
            assertThat(kinds).doesNotHaveDuplicates();
            if (offer.recordable().size() == 1) {
                assertThat(kinds).containsExactly(Party.MIXED);
            } else {
                assertThat(kinds).containsExactlyInAnyOrder(Party.REP, Party.CUSTOMER);
            }
        }));
    }
}
