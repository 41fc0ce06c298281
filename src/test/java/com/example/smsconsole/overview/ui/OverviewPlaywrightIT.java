package com.example.smsconsole.overview.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.smsconsole.support.Chromium;
import com.example.smsconsole.support.ConsoleWebTest;
import com.example.smsconsole.support.Screens;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
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
            String base = "http://localhost:" + port;
            Chromium.login(page, base, user, user);
            page.locator(".setup-check[data-check='environment']").waitFor();
            page.locator(".checks-summary").getByText("checked").waitFor();
            assertThat(page.locator(".setup-check").count()).isGreaterThanOrEqualTo(7);
            assertThat(page.locator(".glance-card").count()).isEqualTo(2);
            assertThat(page.getByText("Add to opt-out list").isVisible()).isEqualTo(user.equals("admin"));
            // one heading per check, its badge level with its title
            for (String title : new String[] {"Account tier and spend", "Keywords and opt-out list"}) {
                assertThat(page.locator(".setup-check h4").filter(new Locator.FilterOptions().setHasText(title)).count()).isEqualTo(1);
            }
            for (Locator heading : page.locator(".setup-check .check-heading").all()) {
                var badge = heading.locator(".badge").boundingBox();
                var title = heading.locator("h4").boundingBox();
                assertThat(Math.abs((badge.y + badge.height / 2) - (title.y + title.height / 2))).isLessThan(3.0);
            }
            if (user.equals("admin")) {
                Screens.atBothSizes(page, "overview");
            } else {
                Chromium.screenshot(page, "overview-" + user);
            }

            // a mistyped address: "not found" inside the console, for every role; "access denied" only for a page that exists
            // (the status is the bootstrap page's 200: Vaadin renders the view in the browser)
            page.navigate(base + "/registratons");
            page.locator(".not-found").getByText("Page not found").waitFor();
            assertThat(page.locator("vaadin-side-nav-item").count()).isPositive();
            assertThat(page.getByText("Access denied").count()).isZero();
            if (user.equals("admin")) {
                Screens.atBothSizes(page, "not-found");
            }
            page.navigate(base + "/audit");
            if (user.equals("admin")) {
                page.locator(".audit-view").waitFor();
                assertThat(page.locator(".not-found, .access-denied").count()).isZero();
            } else {
                page.locator(".access-denied").getByText("Access denied").waitFor();
                if (user.equals("qa")) {
                    Screens.atBothSizes(page, "access-denied");
                }
            }
        }
    }
}
