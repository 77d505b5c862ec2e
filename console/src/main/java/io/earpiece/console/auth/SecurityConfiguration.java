package io.earpiece.console.auth;

import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

import java.security.SecureRandom;

/** The security filter chain: who may call what, how credentials are read, CSRF for cookie sessions. */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt today; the {id} prefix in each hash lets a later default coexist with old hashes.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    TokenCodec tokenCodec() {
        return new TokenCodec(new SecureRandom());
    }

    @Bean
    PasswordAuthenticator passwordAuthenticator(AccountDetailsService accounts, PasswordEncoder encoder,
                                                LoginThrottle throttle) {
        return new PasswordAuthenticator(accounts, encoder, throttle);
    }

    @Bean
    ApplicationRunner firstAdmin(AdminBootstrap bootstrap) {
        return args -> {
            try {
                bootstrap.createFirstAdmin();
            } catch (org.springframework.dao.DataIntegrityViolationException e) {
                // the nodes of a new cluster start together on one empty database: one of them made the admin
                org.slf4j.LoggerFactory.getLogger(AdminBootstrap.class)
                        .info("First start: another node created the first admin");
            }
        };
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, PasswordAuthenticator passwords,
                                                  BearerTokens tokens, CallAccessPolicy calls, JsonErrors errors,
                                                  ContentSecurityPolicy csp) {
        CookieServerCsrfTokenRepository csrfCookie = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
        return http
                .authenticationManager(passwords)
                .httpBasic(basic -> basic.authenticationManager(passwords).authenticationEntryPoint(errors.unauthorized()))
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                // Besides Spring's defaults (no caching, nosniff, X-Frame-Options DENY, HSTS over TLS): the page's
                // policy, and no Referer leaving the console, whose URLs name calls.
                .headers(headers -> headers
                        .contentSecurityPolicy(policy -> policy.policyDirectives(csp.directives()))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfCookie)
                        // The SPA echoes the cookie as it is; the XOR-masked default would need it re-encoded.
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(new CsrfRequirement())
                        .accessDeniedHandler(errors.forbidden()))
                .exceptionHandling(e -> e.authenticationEntryPoint(errors.unauthorized())
                        .accessDeniedHandler(errors.forbidden()))
                .authorizeExchange(ex -> ex
                        .pathMatchers("/api/auth/login", "/api/auth/token", "/api/auth/logout").permitAll()
                        .pathMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        // a team's manager edits its routing rules too; RoutingRulesEndpoint checks the team
                        .pathMatchers("/api/admin/teams/*/routing-rules").hasAnyRole("ADMIN", "MANAGER")
                        .pathMatchers("/api/admin/**", "/actuator/drain").hasRole("ADMIN")
                        .pathMatchers("/api/**", "/ws/**", "/actuator/**").authenticated()
                        .anyExchange().permitAll())
                .addFilterAt(bearerFilter(tokens, errors), SecurityWebFiltersOrder.AUTHENTICATION)
                .addFilterAfter(new CsrfCookieFilter(), SecurityWebFiltersOrder.CSRF)
                .addFilterAfter(new CallAccessFilter(calls, errors), SecurityWebFiltersOrder.AUTHORIZATION)
                .build();
    }

    private static AuthenticationWebFilter bearerFilter(BearerTokens tokens, JsonErrors errors) {
        ReactiveAuthenticationManager manager = new BearerAuthenticator(tokens);
        AuthenticationWebFilter filter = new AuthenticationWebFilter(manager);
        filter.setServerAuthenticationConverter(new BearerTokenConverter());
        filter.setAuthenticationFailureHandler(new ServerAuthenticationEntryPointFailureHandler(errors.unauthorized()));
        return filter;
    }
}
