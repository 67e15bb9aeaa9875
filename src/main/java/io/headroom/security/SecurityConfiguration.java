package io.headroom.security;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import io.headroom.audit.AuditLog;
import io.headroom.security.ui.LoginView;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.expression.WebExpressionAuthorizationManager;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Two request chains. The HTTP API ({@code /api/**}, OTLP's {@code /v1/**}, the actuator) is
 * stateless: an API token as a bearer token or a user's HTTP Basic on every request, no session, so no cookie can act for a user and CSRF
 * tokens have nothing to protect; without credentials it answers 401 in JSON, never a redirect
 * to the sign-in page. Everything else is the Vaadin UI: form sign-in, a session, Vaadin's CSRF
 * protection and view access by role. Actions check roles in their services (method security).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfiguration {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt today, with the algorithm stored in each hash ({bcrypt}…) so a later default can upgrade them.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, UserAccounts accounts, PasswordEncoder encoder, SignInThrottle throttle,
            AuditLog audit, IngestAuthorization ingest, ApiTokens tokens, IngestRateLimits limits, ObjectMapper json, Clock clock,
            SecurityContextHolderStrategy security) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Headroom\", Bearer realm=\"Headroom\"");
            error(json, response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized",
                    e.getMessage() != null && e.getMessage().startsWith("Too many") ? e.getMessage()
                            : "sign in with HTTP Basic (a Headroom user) or send an API token as a bearer token");
        };
        AccessDeniedHandler forbidden = (request, response, e) -> error(json, response, HttpServletResponse.SC_FORBIDDEN, "forbidden",
                "your role does not allow this");
        http.securityMatcher("/api/**", "/v1/**", "/actuator/**")
                .authorizeHttpRequests(requests -> requests
                        // Continuations of a request already let in (an OTLP answer sent when its batch commits, an error page).
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info").permitAll()
                        // The demo fleet's service discovery, which this Headroom's own scraper reads over loopback.
                        .requestMatchers("/api/v1/demo/targets")
                        .access(new WebExpressionAuthorizationManager(
                                "hasIpAddress('127.0.0.1') or hasIpAddress('::1') or hasAnyAuthority('ROLE_VIEWER', 'SCOPE_read')"))
                        // The demo pager, where the demo's notification channel delivers from this same Headroom.
                        .requestMatchers(HttpMethod.POST, "/api/v1/demo/pager")
                        .access(new WebExpressionAuthorizationManager("hasIpAddress('127.0.0.1') or hasIpAddress('::1')"))
                        .requestMatchers(IngestAuthorization.INGEST_REQUESTS).access(ingest)
                        .requestMatchers(HttpMethod.POST, "/api/v1/alertmanager").hasAuthority(TokenScope.ALERTMANAGER.authority())
                        // Reading: a user of any role or a read token; what acts needs a role, checked again where it is done.
                        .anyRequest().hasAnyAuthority("ROLE_VIEWER", TokenScope.READ.authority()))
                .addFilterBefore(new BearerTokens(tokens, limits, json, clock, security), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .authenticationManager(signIn(accounts, encoder, throttle, audit, false));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain uiChain(HttpSecurity http, UserAccounts accounts, PasswordEncoder encoder, SignInThrottle throttle,
            AuditLog audit, ObjectProvider<ClientRegistrationRepository> oidcProviders, OidcRoles oidcRoles) throws Exception {
        // A provider, not the chain's whole manager: OpenID Connect sign-in adds its own beside it.
        http.authenticationProvider(throttled(accounts, encoder, throttle, audit, true));
        // OpenID Connect beside passwords, when a provider is configured (spring.security.oauth2.client.registration.*).
        if (oidcProviders.getIfAvailable() != null) {
            http.oauth2Login(oidc -> oidc.loginPage("/login").userInfoEndpoint(users -> users.oidcUserService(oidcRoles))
                    .failureHandler((request, response, e) -> {
                        // The provider's answer was refused (a bad token, no role): say why in the log, keep the page generic.
                        log.warn("OpenID Connect sign-in failed: {}", e.getMessage());
                        response.sendRedirect(request.getContextPath() + "/login?error");
                    }));
        }
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class));
        return http.build();
    }

    private static AuthenticationManager signIn(UserAccounts accounts, PasswordEncoder encoder, SignInThrottle throttle, AuditLog audit,
            boolean auditSuccess) {
        return new ProviderManager(throttled(accounts, encoder, throttle, audit, auditSuccess));
    }

    private static ThrottledSignIn throttled(UserAccounts accounts, PasswordEncoder encoder, SignInThrottle throttle, AuditLog audit,
            boolean auditSuccess) {
        var passwords = new DaoAuthenticationProvider(accounts::loadUserByUsername);
        passwords.setPasswordEncoder(encoder);
        return new ThrottledSignIn(passwords, throttle, audit, auditSuccess);
    }

    private static void error(ObjectMapper json, HttpServletResponse response, int status, String error, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), Map.of("error", error, "message", message));
    }
}
