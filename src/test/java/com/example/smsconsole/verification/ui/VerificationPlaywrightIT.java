package com.example.smsconsole.verification.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.smsconsole.support.Chromium;
import com.example.smsconsole.support.ConsoleWebTest;
import com.example.smsconsole.verification.SandboxFixture;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * QA verifies a destination number in headless Chromium: adds it, sends a code, reads the code in
 * the simulated handset, enters it and sees VERIFIED.
 */
@ConsoleWebTest
class VerificationPlaywrightIT {

    @LocalServerPort
    int port;

    @Test
    void qa_adds_a_number_reads_the_code_on_the_simulated_handset_and_verifies_it() {
        String number = SandboxFixture.freshNumber();
        String base = "http://localhost:" + port;
        try (BrowserContext context = Chromium.newContext()) {
            Page page = context.newPage();
            Chromium.login(page, base, "qa", "qa");
            page.locator("vaadin-side-nav-item").filter(new Locator.FilterOptions().setHasText("Sandbox verification")).click();
            page.waitForURL(url -> url.contains("/verification"));
            page.locator(".sandbox-usage").filter(new Locator.FilterOptions().setHasText("verified numbers used")).waitFor();

            page.locator("vaadin-text-field").filter(new Locator.FilterOptions().setHasText("Destination number")).locator("input").fill(number);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add number")).click();

            Locator dialog = page.getByRole(AriaRole.DIALOG);
            dialog.getByText("1. Send a code to the number").waitFor();
            dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send code")).click();
            dialog.getByText("You can send another code in").waitFor();
            Chromium.screenshot(page, "verification-dialog");

            // the simulated handset, as QA would open it from the dialog's link
            Page handset = context.newPage();
            handset.navigate(base + "/" + VerificationView.HANDSETS_ROUTE + "?number=" + number.replace("+", "%2B"));
            Locator message = handset.locator(".handset-inbox").getByText("verification code is");
            message.first().waitFor();
            Matcher code = Pattern.compile("code is (\\d{6})").matcher(message.last().innerText());
            assertThat(code.find()).isTrue();
            handset.close();

            dialog.locator("vaadin-text-field").filter(new Locator.FilterOptions().setHasText("Code")).locator("input").fill(code.group(1));
            dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Verify")).click();

            Locator row = page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("VERIFIED"));
            row.first().waitFor();
            assertThat(page.locator(".badge[data-status='VERIFIED']").count()).isPositive();
            Chromium.screenshot(page, "verification-verified");
        }
    }
}
