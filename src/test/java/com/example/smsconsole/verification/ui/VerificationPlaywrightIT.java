package com.example.smsconsole.verification.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.smsconsole.support.Chromium;
import com.example.smsconsole.support.ConsoleWebTest;
import com.example.smsconsole.support.Screens;
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

            Locator codeField = dialog.locator("vaadin-text-field").filter(new Locator.FilterOptions().setHasText("Code"));
            codeField.locator("input").fill(code.group(1));
            dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Verify")).click();

            Locator row = page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("VERIFIED"));
            row.first().waitFor();
            assertThat(page.locator(".badge[data-status='VERIFIED']").count()).isPositive();
            page.locator(".row-message").getByText(number + " is VERIFIED.").waitFor();

            // the same number again: refused at the field, no AWS call, no pop-up over the row
            page.locator("vaadin-text-field").filter(new Locator.FilterOptions().setHasText("Destination number")).locator("input").fill(number);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add number")).click();
            page.getByText(number + " is already in the list (VERIFIED).").first().waitFor();
            assertThat(page.locator("vaadin-notification-card").count()).isZero();
            page.locator("vaadin-details").filter(new Locator.FilterOptions().setHasText("Add many numbers")).locator("vaadin-details-summary").click();
            page.locator(".bulk-cost").getByText("The first verification code to a number is free").waitFor();
            Screens.atBothSizes(page, "verification-verified");

            // a wrong code, on a second number (the test profile's codes expire after 12 s): the short words at the narrow field,
            // the AWS details folded under it, nothing running over the text below
            String second = SandboxFixture.freshNumber();
            page.locator("vaadin-text-field").filter(new Locator.FilterOptions().setHasText("Destination number")).locator("input").fill(second);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add number")).click();
            Locator secondDialog = page.getByRole(AriaRole.DIALOG);
            secondDialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send code")).click();
            secondDialog.getByText("You can send another code in").waitFor();
            enterWrongCode(secondDialog, secondDialog.locator("vaadin-text-field").filter(new Locator.FilterOptions().setHasText("Code")), "");
            Screens.atBothSizes(page, "verification-wrong-code");
        }
    }

    /** Enters a code that is not {@code right}; checks the field holds the short words and the details sit below it, folded. */
    static void enterWrongCode(Locator dialog, Locator codeField, String right) {
        codeField.locator("input").fill("000000".equals(right) ? "111111" : "000000");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Verify")).click();
        Locator error = codeField.locator("[slot=error-message]");
        error.getByText("The verification code is wrong.", new Locator.GetByTextOptions().setExact(false)).waitFor();
        assertThat(error.innerText()).doesNotContain("request id").doesNotContain("Exception");
        Locator details = dialog.locator(".inline-message vaadin-details");
        assertThat(details.innerText()).contains("VERIFICATION_CODE_MISMATCH");
        // the field's message and the details settle after the answer: measure once the layout is still
        boolean apart = false;
        com.microsoft.playwright.options.BoundingBox errorBox = null;
        com.microsoft.playwright.options.BoundingBox detailsBox = null;
        for (int i = 0; i < 10 && !apart; i++) {
            dialog.page().waitForTimeout(200);
            errorBox = error.boundingBox();
            detailsBox = details.boundingBox();
            apart = errorBox.y + errorBox.height <= detailsBox.y + 1;
        }
        // the footer's Close button sits at the dialog's right edge
        var close = dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close")).boundingBox();
        assertThat(errorBox.y + errorBox.height).as("the field's message ends above the details").isLessThanOrEqualTo(detailsBox.y + 1);
        assertThat(errorBox.height).as("the field's message is at most three lines").isLessThan(70);
        assertThat(detailsBox.x + detailsBox.width).as("the details fit in the dialog").isLessThanOrEqualTo(close.x + close.width + 1);
    }
}
