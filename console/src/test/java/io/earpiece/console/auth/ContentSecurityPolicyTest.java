package io.earpiece.console.auth;

import io.earpiece.console.softphone.SoftphoneProperties;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ContentSecurityPolicyTest {

    static String policy(String janusUrl) {
        return new ContentSecurityPolicy(new SoftphoneProperties(janusUrl, "", "", List.of())).directives();
    }

    @Test
    void theBrowserConnectsToTheServerAndToJanusWhenTheSoftphoneIsOn() {
        assertThat(policy("")).contains("connect-src 'self';");
        assertThat(policy("http://pbx.example:8088/janus")).contains("connect-src 'self' http://pbx.example:8088;");
        assertThat(policy("https://janus.example/janus/")).contains("connect-src 'self' https://janus.example;");
    }

    @Test
    void scriptsAndStylesComeFromTheServerOnlyAndNoPageFramesTheConsole() {
        assertThat(policy("")).contains("script-src 'self';", "style-src 'self';", "frame-ancestors 'none'")
                .doesNotContain("unsafe");
    }
}
