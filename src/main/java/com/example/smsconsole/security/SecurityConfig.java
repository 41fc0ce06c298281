package com.example.smsconsole.security;

import com.example.smsconsole.security.login.LoginAttemptFilter;
import com.example.smsconsole.security.login.LoginThrottle;
import com.example.smsconsole.security.login.SignInAudit;
import com.vaadin.flow.spring.security.RequestUtil;
import com.example.smsconsole.security.oidc.SingleSignOn;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Form login through {@link LoginView}; views are protected by their access annotations and
 * services by method security ({@code @PreAuthorize}), so hiding a menu entry is never the only
 * guard. The web front: sign-in throttling, CSRF on the login post, security headers on every
 * response and the health endpoint for the load balancer (see
 * docs/decisions/006-20261202-web-front-hardening.md).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfig {

    /**
     * What Vaadin Flow's client needs and nothing more: its bootstrap is an inline script and it
     * builds functions from the expressions the server sends, so scripts need 'unsafe-inline' and
     * 'unsafe-eval', styles 'unsafe-inline' (Vaadin docs, "Frequently Reported Issues",
     * https://vaadin.com/docs/v25/flow/security/advanced-topics/frequent-issues). Everything is
     * served by the console itself; push uses a same-origin WebSocket ('self' in connect-src).
     */
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    /** No camera, microphone, location, payment or USB for the console or anything it embeds. */
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    static final String[] HEALTH_PATHS = {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"};

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, RequestUtil requestUtil, LoginThrottle throttle,
            SignInAudit signInAudit, Clock clock, SingleSignOn singleSignOn) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                // the error page of a request already refused (403 of a login post without its token)
                .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                .requestMatchers("/styles/**", "/images/**").permitAll()
                .requestMatchers(HttpMethod.GET, HEALTH_PATHS).permitAll()
                .requestMatchers("/actuator", "/actuator/**").denyAll());
        // Vaadin's own requests carry Vaadin's CSRF token; the login post carries Spring's (the login
        // form reads it from the page), so a cross-site login post is refused.
        http.csrf(csrf -> csrf.ignoringRequestMatchers(requestUtil::isFrameworkInternalRequest));
        http.headers(headers -> headers
                // Vaadin's pages are forwarded from Spring MVC to the Vaadin servlet, and a forward
                // commits the response past the filter's wrapper: write the headers before the chain
                .withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                })
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY)));
        http.addFilterBefore(new LoginAttemptFilter("/login", throttle, clock), UsernamePasswordAuthenticationFilter.class);
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> {
            vaadin.loginView(LoginView.class).enableCsrfConfiguration(false).addLogoutHandler(signInAudit);
            singleSignOn.configure(http, vaadin); // OpenID Connect, when configured: docs/decisions/014-20261202-single-sign-on.md
        }).build();
    }

    /** Delegating encoder: stored hashes carry their algorithm ({@code {bcrypt}...}). */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
