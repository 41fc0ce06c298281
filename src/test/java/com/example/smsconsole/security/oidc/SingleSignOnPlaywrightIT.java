package com.example.smsconsole.security.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.smsconsole.support.Chromium;
import com.example.smsconsole.support.Screens;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Single sign-on end to end: a real OpenID Connect provider (Spring Authorization Server,
 * {@link TestOidcProvider}) runs in this JVM, the console is configured with it as Spring Security
 * client registration plus a groups-claim role mapping, and headless Chromium signs in through the
 * provider's own login form, lands in the console with the role from the claim, and signs out of
 * both. The console runs in its own context here (its configuration differs from the shared one) and
 * is closed afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("test")
@DirtiesContext
class SingleSignOnPlaywrightIT {

    static final String REGISTRATION = "test-idp";
    static final int CONSOLE_PORT = freePort();
    static final String CONSOLE = "http://localhost:" + CONSOLE_PORT;
    static TestOidcProvider provider;

    @DynamicPropertySource
    static void singleSignOn(DynamicPropertyRegistry registry) {
        provider = TestOidcProvider.start(CONSOLE, REGISTRATION);
        registry.add("server.port", () -> CONSOLE_PORT);
        String client = "spring.security.oauth2.client.registration." + REGISTRATION + ".";
        registry.add(client + "client-id", () -> TestOidcProvider.CLIENT_ID);
        registry.add(client + "client-secret", () -> TestOidcProvider.CLIENT_SECRET);
        registry.add(client + "client-name", () -> "Test IdP");
        registry.add(client + "scope", () -> "openid,profile");
        registry.add("spring.security.oauth2.client.provider." + REGISTRATION + ".issuer-uri", provider::issuer);
        registry.add("app.sso.groups-claim", () -> "groups");
        registry.add("app.sso.role-mapping.ADMIN", () -> "sms-admins");
        registry.add("app.sso.role-mapping.QA", () -> "sms-testers");
        registry.add("app.sso.role-mapping.SUPPORT", () -> "sms-support");
    }

    @AfterAll
    static void stopProvider() {
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void a_tester_signs_in_at_the_provider_works_as_QA_and_signs_out_of_both() {
        try (BrowserContext context = Chromium.newContext()) {
            Page page = traced(context.newPage());
            page.navigate(CONSOLE + "/login");
            // the configured-users form stays next to the provider's button
            page.locator("vaadin-login-form input[name=username]").waitFor();
            Screens.atBothSizes(page, "sso-login");
            signInAtProvider(page, "tess");

            page.waitForURL(url -> url.startsWith(CONSOLE + "/") && !url.contains("/login"));
            page.locator("vaadin-side-nav-item").first().waitFor();
            List<String> menu = page.locator("vaadin-side-nav-item").allInnerTexts().stream().map(String::strip).toList();
            // QA per docs/architecture ("Who uses it"): sandbox verification, test sends, delivery history; no registrations
            assertThat(menu).contains("Sandbox verification", "Test send", "Delivery history").doesNotContain("Registrations", "Audit");
            assertThat(page.locator(".user-menu").innerText()).contains("tess", "QA");
            Screens.atBothSizes(page, "sso-signed-in-qa");

            page.navigate(CONSOLE + "/registrations");
            page.getByText("Access denied").waitFor();

            page.locator(".user-menu vaadin-menu-bar-button").first().click();
            page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Sign out")).click();
            // RP-initiated logout: through the provider's end-session endpoint back to the console's login page
            page.waitForURL(url -> url.startsWith(CONSOLE + "/login"));
            page.locator("vaadin-login-form input[name=username]").waitFor();

            // the console session has ended ...
            page.navigate(CONSOLE + "/");
            page.waitForURL(url -> url.startsWith(CONSOLE + "/login"));
            // ... and so has the provider's: signing in again asks for the password
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in with Test IdP")).click();
            page.waitForURL(url -> url.startsWith(provider.issuer() + "/login"));
            page.locator("input[name=username]").waitFor();
        }
    }

    @Test
    void someone_whose_groups_map_to_no_role_gets_a_page_that_says_so_and_no_session() {
        try (BrowserContext context = Chromium.newContext()) {
            Page page = traced(context.newPage());
            page.navigate(CONSOLE + "/login");
            signInAtProvider(page, "olivia");

            page.waitForURL(url -> url.startsWith(CONSOLE + "/" + SignInRefusedView.ROUTE));
            page.getByText("No access to the SMS console").waitFor();
            assertThat(page.locator(".sign-in-refused-reason").innerText()).contains("olivia", "everyone, marketing", "none of your groups");
            Screens.atBothSizes(page, "sso-refused");

            page.navigate(CONSOLE + "/");
            page.waitForURL(url -> url.startsWith(CONSOLE + "/login"));
            assertThat(page.locator("vaadin-side-nav-item").count()).isZero();
        }
    }

    @Test
    void configured_users_still_sign_in_with_the_form_and_sign_out() {
        try (BrowserContext context = Chromium.newContext()) {
            Page page = traced(context.newPage());
            Chromium.login(page, CONSOLE, "admin", "admin");
            page.locator("vaadin-side-nav-item").first().waitFor();
            assertThat(page.locator("vaadin-side-nav-item").allInnerTexts().stream().map(String::strip)).contains("Registrations");
            page.locator(".user-menu vaadin-menu-bar-button").first().click();
            page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Sign out")).click();
            page.waitForURL(url -> url.startsWith(CONSOLE + "/login"));
            page.locator("vaadin-login-form input[name=username]").waitFor();
        }
    }

    /** Logs where the browser goes and what a page said when a step fails, for the failure report. */
    private static Page traced(Page page) {
        page.onFrameNavigated(frame -> {
            if (frame == page.mainFrame()) {
                System.out.println("[browser] at " + frame.url());
            }
        });
        return page;
    }

    /** From the console's login page through the provider's login form (Spring Security's default page). */
    private static void signInAtProvider(Page page, String person) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in with Test IdP")).click();
        page.waitForURL(url -> url.startsWith(provider.issuer() + "/login"));
        page.locator("input[name=username]").fill(person);
        page.locator("input[name=password]").fill(TestOidcProvider.PASSWORD);
        page.locator("button[type=submit]").click();
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
