package com.example.smsconsole.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.smsconsole.support.ConsoleHttp;
import com.example.smsconsole.support.ConsoleWebTest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The web front over real HTTP to the running console (Tomcat, so the forwarded headers of a load
 * balancer are read as in production): security headers, session cookie, login CSRF and the health
 * endpoint. See docs/decisions/006-20261202-web-front-hardening.md.
 */
@ConsoleWebTest
class WebFrontIT {

    @LocalServerPort
    int port;

    @Autowired
    HealthEndpointGroups healthGroups;

    @Autowired
    HealthContributorRegistry healthContributors;

    ConsoleHttp browser(Map<String, String> headers) {
        return new ConsoleHttp("http://localhost:" + port, headers);
    }

    @Test
    void the_login_page_and_a_view_carry_the_security_headers() {
        ConsoleHttp http = browser(Map.of());
        assertSecurityHeaders(http.get("/login"));

        assertThat(http.signIn("admin", "admin").statusCode()).isEqualTo(302);
        HttpResponse<String> view = http.get("/test-send");
        assertThat(view.statusCode()).isEqualTo(200);
        assertSecurityHeaders(view);
    }

    private static void assertSecurityHeaders(HttpResponse<String> response) {
        String csp = response.headers().firstValue("Content-Security-Policy").orElseThrow();
        // Vaadin needs script-src 'unsafe-inline' 'unsafe-eval' and style-src 'unsafe-inline'
        // (https://vaadin.com/docs/v25/flow/security/advanced-topics/frequent-issues); nothing else is let in
        assertThat(csp.split(";\\s*")).contains("default-src 'self'", "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
                "style-src 'self' 'unsafe-inline'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'self'",
                "form-action 'self'");
        // "nosniff" is the header's only directive (https://developer.mozilla.org/docs/Web/HTTP/Reference/Headers/X-Content-Type-Options)
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(response.headers().firstValue("Permissions-Policy").orElseThrow())
                .contains("camera=()", "microphone=()", "geolocation=()");
    }

    @Test
    void behind_a_tls_load_balancer_the_console_sends_hsts_and_a_secure_same_site_session_cookie() {
        ConsoleHttp viaTls = browser(Map.of("X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.20"));
        HttpResponse<String> login = viaTls.get("/login");
        // Spring Security's default HSTS header, written only for secure requests
        // (https://docs.spring.io/spring-security/reference/servlet/exploits/headers.html#servlet-headers-hsts)
        assertThat(login.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                hsts -> assertThat(hsts).startsWith("max-age=31536000").contains("includeSubDomains"));
        assertThat(sessionCookie(login)).contains("; Secure").containsIgnoringCase("SameSite=Lax").contains("HttpOnly");

        HttpResponse<String> signedIn = viaTls.signIn("qa", "qa");
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(sessionCookie(signedIn)).as("the new session after sign-in").contains("; Secure").containsIgnoringCase("SameSite=Lax");
    }

    @Test
    void over_plain_http_there_is_no_hsts_and_the_cookie_is_same_site_without_secure() {
        HttpResponse<String> login = browser(Map.of()).get("/login");
        assertThat(login.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(sessionCookie(login)).doesNotContain("Secure").containsIgnoringCase("SameSite=Lax").contains("HttpOnly");
    }

    private static String sessionCookie(HttpResponse<String> response) {
        List<String> cookies = ConsoleHttp.setCookies(response).stream().filter(c -> c.startsWith("JSESSIONID=")).toList();
        assertThat(cookies).as("a session cookie is set").isNotEmpty();
        return cookies.getLast();
    }

    @Test
    void a_login_post_without_the_csrf_token_is_refused_and_signs_nobody_in() {
        ConsoleHttp attacker = browser(Map.of("Origin", "https://attacker.example"));
        attacker.get("/login");
        HttpResponse<String> post = attacker.postForm("/login", Map.of("username", "admin", "password", "admin"));
        assertThat(post.statusCode()).isEqualTo(403);
        HttpResponse<String> view = attacker.get("/test-send");
        assertThat(view.statusCode()).as("still signed out").isEqualTo(302);
        assertThat(view.headers().firstValue("Location").orElseThrow()).contains("/login");
    }

    @Test
    void a_login_post_with_the_pages_csrf_token_signs_in() {
        ConsoleHttp http = browser(Map.of());
        HttpResponse<String> post = http.signIn("support", "support");
        assertThat(post.statusCode()).isEqualTo(302);
        assertThat(post.headers().firstValue("Location").orElseThrow()).doesNotContain("error").doesNotContain("login");
        assertThat(http.get("/delivery-history").statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"})
    void the_health_endpoints_answer_without_login_and_without_details(String path) {
        HttpResponse<String> response = browser(Map.of()).get(path);
        assertThat(response.statusCode()).isEqualTo(200);
        // the health endpoint's body (https://docs.spring.io/spring-boot/api/rest/actuator/health.html)
        assertThat(response.body()).contains("\"status\":\"UP\"").doesNotContain("components").doesNotContain("details");
    }

    @Test
    void readiness_includes_the_database_and_liveness_does_not() {
        assertThat(healthContributors.getContributor("db")).isInstanceOf(DataSourceHealthIndicator.class);
        assertThat(healthGroups.get("readiness").isMember("db")).isTrue();
        assertThat(healthGroups.get("liveness").isMember("db")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator", "/actuator/env", "/actuator/beans", "/actuator/info", "/actuator/metrics",
            "/actuator/configprops", "/actuator/loggers", "/actuator/heapdump", "/actuator/threaddump", "/actuator/mappings",
            "/actuator/health/db"})
    void no_other_actuator_path_answers_anonymous_or_signed_in(String path) {
        HttpResponse<String> anonymous = browser(Map.of()).get(path);
        assertThat(anonymous.statusCode()).isNotEqualTo(200);
        ConsoleHttp admin = browser(Map.of());
        admin.signIn("admin", "admin");
        HttpResponse<String> signedIn = admin.get(path);
        assertThat(signedIn.statusCode()).isIn(403, 404);
        assertThat(signedIn.body()).doesNotContain("propertySources").doesNotContain("\"beans\"").doesNotContain("UP");
    }
}
