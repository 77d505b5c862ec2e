package io.earpiece.console.auth;

import org.springframework.security.authentication.AbstractAuthenticationToken;

import java.util.List;

/** A presented bearer token, not yet checked. */
public final class BearerCredentials extends AbstractAuthenticationToken {

    private final String token;

    public BearerCredentials(String token) {
        super(List.of());
        this.token = token;
        setAuthenticated(false);
    }

    public String token() {
        return token;
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public Object getPrincipal() {
        return null;
    }
}
