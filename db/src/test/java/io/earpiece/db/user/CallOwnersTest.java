package io.earpiece.db.user;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Whose calls users own, and the SQL form of the ownership rule. */
class CallOwnersTest {

    private final Instant now = Instant.now();

    @Test
    void aSipUserReplacesTheUsernameAsIdentityAndTheExtensionAdds() {
        assertThat(CallOwners.of(List.of(new UserEntity("Rob", "h", UserRole.REP, 1L, null, null, now))).identities())
                .containsExactly("rob");
        CallOwners desk = CallOwners.of(List.of(new UserEntity("rob", "h", UserRole.REP, 1L, " Rob-Desk ", "2001",
                now)));
        assertThat(desk.identities()).containsExactly("rob-desk", "2001");
        assertThat(desk.usernames()).as("uploads stay the user's").containsExactly("rob");
        assertThat(CallOwners.of(List.of(new UserEntity("rob", "h", UserRole.REP, 1L, "", " ", now))).identities())
                .containsExactly("rob");
        assertThat(CallOwners.NONE.isEmpty()).isTrue();
    }

    @Test
    void noOwnersMatchNoCallInSql() {
        assertThat(CallOwnership.sqlOwnedBy("c", CallOwners.NONE, new HashMap<>())).isEqualTo("1 = 0");
    }

    @Test
    void sqlPatternsAreEscapedAndLeaveUploadsToTheirUploader() {
        Map<String, Object> params = new HashMap<>();
        String sql = CallOwnership.sqlOwnedBy("c", new CallOwners(java.util.Set.of("a_b"), java.util.Set.of("ann")),
                params);
        assertThat(params).containsEntry("own0", "sip:a!_b@%").containsValue("sip:ann@upload");
        assertThat(sql).contains("not (lower(c.from_uri) like '%@upload'");
        assertThat(CallOwnership.uploaderUri("ann")).isEqualTo("sip:ann@upload");
        assertThat(CallOwnership.uploaderUri(null)).isEqualTo("upload");
    }
}
