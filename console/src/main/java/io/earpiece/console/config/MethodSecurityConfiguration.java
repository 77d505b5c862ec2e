package io.earpiece.console.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;

/**
 * Lets endpoints state their role per method ({@code @PreAuthorize}) where one path mixes reads for managers with
 * edits for admins; refusals reach the security chain's JSON 403 handler.
 */
@Configuration(proxyBeanMethods = false)
@EnableReactiveMethodSecurity
public class MethodSecurityConfiguration {
}
