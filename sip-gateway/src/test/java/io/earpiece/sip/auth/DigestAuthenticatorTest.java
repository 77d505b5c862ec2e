package io.earpiece.sip.auth;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class DigestAuthenticatorTest {
    private static final String REALM = "earpiece.test";
    private final MutableClock clock = new MutableClock();
    private DigestAuthenticator auth;

    @BeforeEach
    void setUp() {
        CredentialStore store = new InMemoryCredentialStore().put("alice", REALM, "s3cret");
        auth = new DigestAuthenticator(REALM, store, new NonceManager(clock, Duration.ofMinutes(5)));
    }

    private DigestChallenge challenge(int index) throws DigestParseException {
        return DigestChallenge.parse(auth.challenges(false).get(index));
    }

    @Test
    void noCredentialsIsChallengedWithSha256ThenMd5() {
        assertThat(auth.verify("REGISTER", null).kind()).isEqualTo(AuthOutcome.Kind.CHALLENGE);
        assertThat(auth.verify("REGISTER", null).status(401)).isEqualTo(401);
        assertThat(auth.challenges(false)).hasSize(2);
        assertThat(auth.challenges(false).get(0)).contains("algorithm=SHA-256").contains("qop=\"auth\"");
        assertThat(auth.challenges(false).get(1)).contains("algorithm=MD5");
    }

    @Test
    void credentialsInAnUnknownSchemeAreChallengedNotRefused() {
        // RFC 4475 3.3.12 (regaut01): "Authorization: NoOneKnowsThisScheme opaque-data=here".
        AuthOutcome o = auth.verify("REGISTER", "NoOneKnowsThisScheme opaque-data=here");
        assertThat(o.kind()).isEqualTo(AuthOutcome.Kind.CHALLENGE);
        assertThat(o.status(401)).isEqualTo(401);
        assertThat(DigestAuthenticator.isDigest("digest username=\"a\"")).isTrue();
        assertThat(DigestAuthenticator.isDigest("  Digest username=\"a\"")).isTrue();
        assertThat(DigestAuthenticator.isDigest("Digestive x")).isFalse();
        // A Digest header that lacks parameters is still malformed, and still 400.
        assertThat(auth.verify("REGISTER", "Digest username=\"alice\"").kind())
                .isEqualTo(AuthOutcome.Kind.BAD_REQUEST);
    }

    @Test
    void rightPasswordIsAcceptedWithEitherAlgorithm() throws Exception {
        for (int i = 0; i < 2; i++) {
            DigestClient client = new DigestClient("alice", "s3cret");
            AuthOutcome o = auth.verify("REGISTER", client.authorize(challenge(i), "REGISTER", "sip:earpiece.test"));
            assertThat(o.kind()).isEqualTo(AuthOutcome.Kind.ACCEPTED);
            assertThat(o.username()).isEqualTo("alice");
        }
    }

    @Test
    void wrongPasswordAfterTheChallengeIsForbidden() throws Exception {
        DigestClient client = new DigestClient("alice", "guess");
        AuthOutcome o = auth.verify("REGISTER", client.authorize(challenge(0), "REGISTER", "sip:earpiece.test"));
        assertThat(o.kind()).isEqualTo(AuthOutcome.Kind.FORBIDDEN);
        assertThat(o.status(401)).isEqualTo(403);
    }

    @Test
    void aSecondSecretOfTheSameUserIsAcceptedForThatUserOnly() throws Exception {
        // A browser softphone's per-session credential: the store answers with the account's HA1 and the
        // session's; while the session lives both work, and only for the user they were issued to.
        java.util.Set<String> live = new java.util.HashSet<>(java.util.Set.of("session-pw"));
        CredentialStore store = new CredentialStore() {
            @Override
            public java.util.Optional<String> ha1(String username, String realm, DigestAlgorithm algorithm) {
                return username.equals("alice") ? java.util.Optional.of(DigestMath.ha1(algorithm, username, realm,
                        "s3cret")) : java.util.Optional.empty();
            }

            @Override
            public java.util.List<String> ha1s(String username, String realm, DigestAlgorithm algorithm) {
                java.util.List<String> out = new java.util.ArrayList<>(ha1(username, realm, algorithm).stream().toList());
                if (username.equals("alice")) {
                    live.forEach(pw -> out.add(DigestMath.ha1(algorithm, username, realm, pw)));
                }
                return out;
            }
        };
        auth = new DigestAuthenticator(REALM, store, new NonceManager(clock, Duration.ofMinutes(5)));
        for (String password : new String[] {"s3cret", "session-pw"}) {
            assertThat(auth.verify("REGISTER", new DigestClient("alice", password)
                    .authorize(challenge(1), "REGISTER", "sip:x")).kind()).as(password)
                    .isEqualTo(AuthOutcome.Kind.ACCEPTED);
        }
        assertThat(auth.verify("REGISTER", new DigestClient("bob", "session-pw")
                .authorize(challenge(1), "REGISTER", "sip:x")).kind()).isEqualTo(AuthOutcome.Kind.FORBIDDEN);
        live.clear(); // signed out
        assertThat(auth.verify("REGISTER", new DigestClient("alice", "session-pw")
                .authorize(challenge(1), "REGISTER", "sip:x")).kind()).isEqualTo(AuthOutcome.Kind.FORBIDDEN);
    }

    @Test
    void unknownUserIsForbiddenLikeAWrongPassword() throws Exception {
        DigestClient client = new DigestClient("mallory", "s3cret");
        assertThat(auth.verify("REGISTER", client.authorize(challenge(0), "REGISTER", "sip:x")).kind())
                .isEqualTo(AuthOutcome.Kind.FORBIDDEN);
    }

    @Test
    void expiredNonceWithGoodCredentialsIsReChallengedAsStale() throws Exception {
        DigestChallenge c = challenge(0);
        clock.advance(Duration.ofMinutes(6));
        AuthOutcome o = auth.verify("REGISTER", new DigestClient("alice", "s3cret").authorize(c, "REGISTER", "sip:x"));
        assertThat(o.kind()).isEqualTo(AuthOutcome.Kind.STALE);
        assertThat(o.status(401)).isEqualTo(401);
        assertThat(auth.challenges(true).get(0)).contains("stale=true");
    }

    @Test
    void replayedNonceCountIsRefusedButTheNextCountIsAccepted() throws Exception {
        DigestChallenge c = challenge(0);
        DigestClient client = new DigestClient("alice", "s3cret");
        String first = client.authorize(c, "REGISTER", "sip:x");
        assertThat(auth.verify("REGISTER", first).kind()).isEqualTo(AuthOutcome.Kind.ACCEPTED);
        assertThat(auth.verify("REGISTER", first).kind()).isEqualTo(AuthOutcome.Kind.FORBIDDEN);
        assertThat(auth.verify("REGISTER", first).reason()).contains("replayed");
        assertThat(auth.verify("REGISTER", client.authorize(c, "REGISTER", "sip:x")).kind())
                .isEqualTo(AuthOutcome.Kind.ACCEPTED);
    }

    @Test
    void nonceNotIssuedHereIsForbidden() throws Exception {
        DigestChallenge forged = new DigestChallenge(REALM, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                null, DigestAlgorithm.MD5, "auth", false);
        AuthOutcome o = auth.verify("REGISTER", new DigestClient("alice", "s3cret").authorize(forged, "REGISTER", "sip:x"));
        assertThat(o.kind()).isEqualTo(AuthOutcome.Kind.FORBIDDEN);
    }

    @Test
    void responseForAnotherMethodDoesNotVerify() throws Exception {
        String creds = new DigestClient("alice", "s3cret").authorize(challenge(0), "INVITE", "sip:x");
        assertThat(auth.verify("REGISTER", creds).kind()).isEqualTo(AuthOutcome.Kind.FORBIDDEN);
    }

    @Test
    void malformedOrQoplessCredentialsAreBadRequests() {
        assertThat(auth.verify("REGISTER", "Digest nonsense").kind()).isEqualTo(AuthOutcome.Kind.BAD_REQUEST);
        String noQop = "Digest username=\"alice\", realm=\"" + REALM + "\", nonce=\"n\", uri=\"sip:x\", response=\"0\"";
        assertThat(auth.verify("REGISTER", noQop).kind()).isEqualTo(AuthOutcome.Kind.BAD_REQUEST);
    }
}
