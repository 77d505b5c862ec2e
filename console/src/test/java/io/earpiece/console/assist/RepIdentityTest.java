package io.earpiece.console.assist;

import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

/** The user part of call URIs, as call access reads them. */
class RepIdentityTest {

    @Test
    void userPartOfSipSipsAndTelUris() {
        assertThat(RepIdentity.userPart("sip:Wes@pbx.example")).contains("wes");
        assertThat(RepIdentity.userPart("sips:2001@pbx.example:5061")).contains("2001");
        assertThat(RepIdentity.userPart("tel:+15550100")).contains("+15550100");
        assertThat(RepIdentity.userPart("tel:+15550100;phone-context=example.com")).contains("+15550100");
        assertThat(RepIdentity.userPart("sip:pbx.example")).isEmpty();
        assertThat(RepIdentity.userPart("upload")).isEmpty();
        assertThat(RepIdentity.userPart("tel:")).isEmpty();
        assertThat(RepIdentity.userPart(null)).isEmpty();
    }
}
