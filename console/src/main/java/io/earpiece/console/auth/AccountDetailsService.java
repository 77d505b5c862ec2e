package io.earpiece.console.auth;

import io.earpiece.db.user.UserRepository;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Loads users for password checks (login, token requests, HTTP Basic); JPA moved off the event loop. */
@Component
public class AccountDetailsService implements ReactiveUserDetailsService {

    private final UserRepository users;

    public AccountDetailsService(UserRepository users) {
        this.users = users;
    }

    @Override
    public Mono<UserDetails> findByUsername(String username) {
        return Mono.fromCallable(() -> users.findByUsername(username).map(Account::of).orElse(null))
                .subscribeOn(Schedulers.boundedElastic())
                .cast(UserDetails.class);
    }
}
