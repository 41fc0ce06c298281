package com.example.smsconsole.sending.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.smsconsole.support.Chromium;
import com.example.smsconsole.support.ConsoleWebTest;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** QA sends a test text to the success simulator number in headless Chromium and sees TEXT_DELIVERED arrive. */
@ConsoleWebTest
class TestSendPlaywrightIT {

    @LocalServerPort
    int port;

    @Test
    void qa_sends_to_the_success_simulator_and_sees_it_delivered() {
        try (BrowserContext context = Chromium.newContext()) {
            Page page = context.newPage();
            Chromium.login(page, "http://localhost:" + port, "qa", "qa");
            page.locator("vaadin-side-nav-item").filter(new Locator.FilterOptions().setHasText("Test send")).click();
            page.waitForURL(url -> url.contains("/test-send"));

            page.locator("vaadin-button[data-scenario='SUCCESS']").click();
            page.locator(".number-state").getByText("Simulator number (success)").waitFor();
            page.locator("vaadin-text-area").filter(new Locator.FilterOptions().setHasText("Message")).first().locator("textarea")
                    .fill("Hello from QA – your order ships today");
            page.locator(".sms-preview").getByText("UCS-2").waitFor();
            page.locator(".non-gsm").first().waitFor();
            Chromium.screenshot(page, "test-send-compose");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send test text")).click();
            page.locator(".message-id").waitFor();
            page.locator(".watch-status").getByText("Final receipt: TEXT_DELIVERED").waitFor();
            assertThat(page.locator("vaadin-grid-cell-content").allInnerTexts()).contains("TEXT_QUEUED", "TEXT_SUCCESSFUL");
            Chromium.screenshot(page, "test-send-delivered");
        }
    }
}
