package io.earpiece.db.upload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameSourceTest {

    @Test
    void storedValuesReadBackAndUnknownOnesCountAsTheLabel() {
        for (NameSource s : NameSource.values()) {
            assertThat(NameSource.of(s.value())).isEqualTo(s);
        }
        assertThat(NameSource.of("crm-v9")).isEqualTo(NameSource.ROLE);
        assertThat(NameSource.of(null)).isEqualTo(NameSource.ROLE);
    }

    @Test
    void aRenameIsTheUsersAndANameCarriesItsSource() {
        CallSpeakerEntity row = new CallSpeakerEntity("c", "customer", "customer", "customer");
        assertThat(row.getNameSource()).isEqualTo(NameSource.ROLE);
        row.name("Dana", NameSource.CALL, 0.9);
        assertThat(row.getNameConfidence()).isEqualTo(0.9);
        row.rename("Dana Lee");
        assertThat(row.getNameSource()).isEqualTo(NameSource.USER);
        assertThat(row.getNameConfidence()).isNull();
    }
}
