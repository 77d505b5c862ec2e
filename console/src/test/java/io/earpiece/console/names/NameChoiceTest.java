package io.earpiece.console.names;

import static org.assertj.core.api.Assertions.assertThat;

import io.earpiece.db.upload.NameSource;
import io.earpiece.names.ProposedName;
import org.junit.jupiter.api.Test;

class NameChoiceTest {

    private static final ProposedName SURE = new ProposedName("Dana", 1, 1, 0.93);
    private static final ProposedName UNSURE = new ProposedName("Dana", 0, 1, 0.55);

    @Test
    void theAccountNameComesFirst() {
        assertThat(NameChoice.of("rep", "Sam Okafor", "Samuel", SURE, 0.6))
                .isEqualTo(new NameChoice("Sam Okafor", NameSource.ACCOUNT, null));
    }

    @Test
    void thenTheRecordingClientsName() {
        assertThat(NameChoice.of("customer", null, " Dana Lee ", SURE, 0.6))
                .isEqualTo(new NameChoice("Dana Lee", NameSource.RECORDING, null));
        assertThat(NameChoice.of("customer", " ", "Dana Lee", SURE, 0.6).source()).isEqualTo(NameSource.RECORDING);
    }

    @Test
    void aRecordingClientsRoleWordIsNoName() {
        assertThat(NameChoice.of("rep", null, "Agent", SURE, 0.6).source()).isEqualTo(NameSource.CALL);
        assertThat(NameChoice.of("rep", null, " rep ", null, 0.6).source()).isEqualTo(NameSource.ROLE);
    }

    @Test
    void thenANameSaidInTheCallWhenSureEnough() {
        assertThat(NameChoice.of("customer", null, null, SURE, 0.6))
                .isEqualTo(new NameChoice("Dana", NameSource.CALL, 0.93));
        assertThat(NameChoice.of("customer", null, null, UNSURE, 0.6))
                .isEqualTo(new NameChoice("customer", NameSource.ROLE, null));
        assertThat(NameChoice.of("customer", null, null, UNSURE, 0.5).source()).isEqualTo(NameSource.CALL);
    }

    @Test
    void elseTheLabel() {
        assertThat(NameChoice.of("Speaker 2", null, "", null, 0.6))
                .isEqualTo(new NameChoice("Speaker 2", NameSource.ROLE, null));
    }
}
