package io.earpiece.console.auth;

import io.earpiece.db.user.ApiTokenEntity;
import io.earpiece.db.user.ApiTokenKind;
import io.earpiece.db.user.ApiTokenRepository;
import io.earpiece.db.user.UserEntity;
import io.earpiece.db.user.UserRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Issues, resolves and revokes opaque bearer tokens (expiring login tokens and admin API keys); blocking JPA. */
@Service
public class BearerTokens {

    private final ApiTokenRepository tokens;
    private final UserRepository users;
    private final TokenCodec codec;
    private final AuthProperties properties;
    private final Clock clock;

    public BearerTokens(ApiTokenRepository tokens, UserRepository users, TokenCodec codec, AuthProperties properties,
                        ObjectProvider<Clock> clock) {
        this.tokens = tokens;
        this.users = users;
        this.codec = codec;
        this.properties = properties;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** A token for the (already authenticated) user that expires after the configured lifetime. */
    @Transactional
    public AuthViews.IssuedToken issueLoginToken(String username) {
        Instant now = clock.instant();
        tokens.deleteExpired(now);
        UserEntity user = user(username);
        String token = codec.newToken(TokenCodec.LOGIN_PREFIX);
        Instant expiresAt = now.plus(properties.tokenTtl());
        tokens.save(new ApiTokenEntity(TokenCodec.hash(token), user.getId(), ApiTokenKind.LOGIN, null, now, expiresAt));
        return new AuthViews.IssuedToken(token, expiresAt);
    }

    /** A key that acts as {@code username} until an admin deletes it. */
    @Transactional
    public AuthViews.IssuedApiKey issueApiKey(String name, String username) {
        if (name == null || name.isBlank() || name.length() > 128) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "name must be 1..128 characters");
        }
        UserEntity user = user(username);
        String key = codec.newToken(TokenCodec.API_KEY_PREFIX);
        ApiTokenEntity stored = tokens.save(new ApiTokenEntity(TokenCodec.hash(key), user.getId(), ApiTokenKind.API_KEY,
                name.trim(), clock.instant(), null));
        return new AuthViews.IssuedApiKey(stored.getId(), key, stored.getName(), user.getUsername());
    }

    /** The enabled user a valid token acts as. */
    @Transactional(readOnly = true)
    public Optional<Account> resolve(String token) {
        Instant now = clock.instant();
        return tokens.findByTokenHash(TokenCodec.hash(token))
                .filter(t -> t.isValidAt(now))
                .flatMap(t -> users.findById(t.getUserId()))
                .filter(UserEntity::isEnabled)
                .map(u -> Account.of(u).withoutPassword());
    }

    /** Forgets a login token (sign-out of a script); API keys are only removed by admins. */
    @Transactional
    public void revokeLoginToken(String token) {
        tokens.findByTokenHash(TokenCodec.hash(token)).filter(t -> t.getKind() == ApiTokenKind.LOGIN)
                .ifPresent(tokens::delete);
    }

    @Transactional(readOnly = true)
    public List<AuthViews.ApiKeyView> apiKeys() {
        Map<Long, String> names = users.findAll().stream()
                .collect(Collectors.toMap(UserEntity::getId, UserEntity::getUsername));
        return tokens.findByKindOrderByIdAsc(ApiTokenKind.API_KEY).stream()
                .map(t -> new AuthViews.ApiKeyView(t.getId(), t.getName(), names.get(t.getUserId()), t.getCreatedAt()))
                .toList();
    }

    /** Deletes an API key; false when there is none with that id. */
    @Transactional
    public boolean deleteApiKey(long id) {
        Optional<ApiTokenEntity> key = tokens.findById(id).filter(t -> t.getKind() == ApiTokenKind.API_KEY);
        key.ifPresent(tokens::delete);
        return key.isPresent();
    }

    private UserEntity user(String username) {
        return users.findByUsername(username == null ? "" : username)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no user " + username));
    }
}
