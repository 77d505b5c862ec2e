package io.earpiece.sip.trunk;

import io.earpiece.sip.SipHeaderText;
import io.earpiece.sip.auth.DigestChallenge;
import io.earpiece.sip.auth.DigestClient;
import io.earpiece.sip.auth.DigestParseException;

import java.util.ListIterator;
import java.util.Optional;
import javax.sip.header.Header;
import javax.sip.message.Response;

/** Picks the challenge to answer in a 401/407 from a trunk, honouring the realm the trunk is configured for. */
public final class ChallengeAnswerer {
    private final DigestClient client;
    private final String realm;

    public ChallengeAnswerer(DigestClient client, String realm) {
        this.client = client;
        this.realm = realm;
    }

    /** A challenge and the header name its answer goes in. */
    public record Answerable(DigestChallenge challenge, String credentialsHeader) {
    }

    /** The first challenge we can answer (RFC 8760: challenges are in the server's preference order). */
    public Optional<Answerable> pick(Response response) {
        boolean proxy = response.getStatusCode() == Response.PROXY_AUTHENTICATION_REQUIRED;
        String name = proxy ? "Proxy-Authenticate" : "WWW-Authenticate";
        for (ListIterator<?> it = response.getHeaders(name); it.hasNext(); ) {
            String value = SipHeaderText.value((Header) it.next());
            try {
                DigestChallenge c = DigestChallenge.parse(value);
                if (realm == null || realm.equals(c.realm())) {
                    return Optional.of(new Answerable(c, proxy ? "Proxy-Authorization" : "Authorization"));
                }
            } catch (DigestParseException e) {
                // An algorithm or qop we do not speak: try the next challenge.
            }
        }
        return Optional.empty();
    }

    public String answer(DigestChallenge challenge, String method, String uri) {
        return client.authorize(challenge, method, uri);
    }
}
