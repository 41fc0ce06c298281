package com.example.smsconsole;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.smsconsole.support.Chromium;
import com.example.smsconsole.support.ConsoleWebTest;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Signs in as each demo user in headless Chromium, checks the navigation, and signs out. */
@ConsoleWebTest
class LoginPlaywrightIT {

    @LocalServerPort
    int port;

    String baseUrl() {
        return "http://localhost:" + port;
    }

    static Stream<Arguments> demoUsers() {
        return Stream.of(
                Arguments.of("admin", "admin", List.of("Overview", "Registrations", "Sandbox verification", "Test send", "Delivery history", "Audit", "Simulated handsets")),
                Arguments.of("qa", "qa", List.of("Overview", "Sandbox verification", "Test send", "Delivery history", "Simulated handsets")),
                Arguments.of("support", "support", List.of("Overview", "Delivery history")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("demoUsers")
    void each_demo_user_signs_in_sees_their_navigation_and_signs_out(String user, String password, List<String> expectedMenu) {
        try (BrowserContext context = Chromium.newContext()) {
            Page page = context.newPage();
            Chromium.login(page, baseUrl(), user, password);

            page.locator("vaadin-side-nav-item").first().waitFor();
            List<String> menu = page.locator("vaadin-side-nav-item").allInnerTexts().stream().map(String::strip).toList();
            assertThat(menu).containsExactlyElementsOf(expectedMenu);
            assertThat(page.locator(".user-menu").innerText()).contains(user);
            Chromium.screenshot(page, "login-" + user);

            page.locator(".user-menu vaadin-menu-bar-button").first().click();
            page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Sign out")).click();
            page.waitForURL(url -> url.contains("/login"));
            page.locator("vaadin-login-form input[name=username]").waitFor();
            assertThat(page.locator("vaadin-side-nav-item").count()).isZero();
        }
    }

    @Test
    void a_wrong_password_is_refused_with_a_message() {
        try (BrowserContext context = Chromium.newContext()) {
            Page page = context.newPage();
            page.navigate(baseUrl() + "/login");
            page.locator("vaadin-login-form input[name=username]").fill("admin");
            page.locator("vaadin-login-form input[name=password]").fill("not-the-password");
            page.locator("vaadin-login-form vaadin-button[slot=submit]").click();
            page.waitForURL(url -> url.contains("error"));
            page.getByText("Incorrect username or password").waitFor();
            Chromium.screenshot(page, "login-error");
        }
    }

    @Test
    void a_qa_user_typing_the_audit_address_is_denied() {
        try (BrowserContext context = Chromium.newContext()) {
            Page page = context.newPage();
            Chromium.login(page, baseUrl(), "qa", "qa");
            page.navigate(baseUrl() + "/audit");
            page.getByText("Access denied").waitFor();
            assertThat(page.locator(".audit-view").count()).isZero();
            Chromium.screenshot(page, "qa-audit-denied");
        }
    }
}
