package com.example.smsconsole.overview.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.smsconsole.support.Chromium;
import com.example.smsconsole.support.ConsoleWebTest;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Each role lands on the overview after login and sees the setup check; only an admin may change the opt-out list. */
@ConsoleWebTest
class OverviewPlaywrightIT {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"admin", "qa", "support"})
    void each_role_opens_the_overview(String user) {
        try (BrowserContext context = Chromium.newContext()) {
            Page page = context.newPage();
            Chromium.login(page, "http://localhost:" + port, user, user);
            page.locator(".setup-check[data-check='environment']").waitFor();
            page.locator(".checks-summary").getByText("checked").waitFor();
            assertThat(page.locator(".setup-check").count()).isGreaterThanOrEqualTo(7);
            assertThat(page.locator(".glance-card").count()).isEqualTo(2);
            assertThat(page.getByText("Add to opt-out list").isVisible()).isEqualTo(user.equals("admin"));
            Chromium.screenshot(page, "overview-" + user);
        }
    }
}
