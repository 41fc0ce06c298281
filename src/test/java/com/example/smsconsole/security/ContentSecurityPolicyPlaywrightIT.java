package com.example.smsconsole.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.smsconsole.audit.AuditFilter;
import com.example.smsconsole.audit.AuditService;
import com.example.smsconsole.support.AuditLog;
import com.example.smsconsole.support.Chromium;
import com.example.smsconsole.support.ConsoleWebTest;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console under its Content-Security-Policy in headless Chromium: an admin signs in through the
 * login form (which posts Spring's CSRF token), opens every view from the menu and by address,
 * types, and signs out, and the browser reports no policy violation. The sign-out is audited.
 */
@ConsoleWebTest
class ContentSecurityPolicyPlaywrightIT {

    @LocalServerPort
    int port;

    @Autowired
    AuditService audit;

    String baseUrl() {
        return "http://localhost:" + port;
    }

    @Test
    void an_admin_uses_every_view_under_the_policy_without_a_violation_and_signs_out() {
        // menu label -> the view's root element
        Map<String, String> views = new LinkedHashMap<>();
        views.put("Registrations", ".registrations-view");
        views.put("Sandbox verification", ".verification-view");
        views.put("Test send", ".test-send-view");
        views.put("Delivery history", ".delivery-history-view");
        views.put("Audit", ".audit-view");
        views.put("Simulated handsets", ".handsets-view");
        views.put("Overview", ".overview-view");

        try (BrowserContext context = Chromium.newContext()) {
            List<String> violations = new CopyOnWriteArrayList<>();
            // the page's own report of each blocked load or evaluation (securitypolicyviolation event)
            context.addInitScript("document.addEventListener('securitypolicyviolation', e => "
                    + "console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + e.blockedURI));");
            Page page = context.newPage();
            page.onConsoleMessage(message -> {
                if (message.text().contains("Content Security Policy") || message.text().contains("CSP violation")) {
                    violations.add(message.text());
                }
            });
            page.onPageError(error -> violations.add("page error: " + error));

            Response loginPage = page.navigate(baseUrl() + "/login");
            assertThat(loginPage.headers().get("content-security-policy")).contains("script-src 'self' 'unsafe-inline' 'unsafe-eval'");
            Chromium.login(page, baseUrl(), "admin", "admin");
            page.locator(".overview-view").waitFor();

            views.forEach((label, root) -> {
                page.locator("vaadin-side-nav-item").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(label))
                        .first().click();
                page.locator(root).waitFor();
            });
            Response byAddress = page.navigate(baseUrl() + "/test-send");
            assertThat(byAddress.headers().get("content-security-policy")).contains("frame-ancestors 'none'");
            page.locator(".test-send-view").waitFor();
            page.locator(".test-send-view vaadin-text-area, .test-send-view textarea").first().click();
            page.keyboard().type("Hello under the policy");
            page.navigate(baseUrl() + "/delivery-history");
            page.locator(".delivery-history-view").waitFor();
            page.locator(".delivery-history-view vaadin-grid").first().waitFor();
            Chromium.screenshot(page, "csp-delivery-history");

            page.locator(".user-menu vaadin-menu-bar-button").first().click();
            page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Sign out")).click();
            page.waitForURL(url -> url.contains("/login"));
            page.locator("vaadin-login-form input[name=username]").waitFor();

            assertThat(violations).isEmpty();
        }
        assertThat(new AuditLog(audit).find(AuditFilter.empty().withAction("SignOut").withActor("admin"))).isNotEmpty();
    }
}
