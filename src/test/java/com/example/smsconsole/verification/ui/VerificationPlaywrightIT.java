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
import com.example.smsconsole.emulator.AwsEmulator;
import com.example.smsconsole.verification.VerificationService;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * QA verifies a destination number in headless Chromium: adds it, sends a code, reads the code in
 * the simulated handset, enters it and sees VERIFIED.
 */
@ConsoleWebTest
class VerificationPlaywrightIT {

    @LocalServerPort
    int port;
    @Autowired
    VerificationService service;
    @Autowired
    AwsEmulator emulator;

    @Test
    void a_bulk_add_shows_each_lines_result_and_details_whole_at_both_sizes() {
        // room for the list: the sandbox holds at most 10 verified numbers (emptied as QA, the role the service asks for)
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("qa", "qa", "ROLE_QA"));
        try {
            new SandboxFixture(emulator).empty(service);
        } finally {
            SecurityContextHolder.clearContext();
        }
        String first = SandboxFixture.freshNumber();
        String second = SandboxFixture.freshNumber();
        String base = "http://localhost:" + port;
        try (BrowserContext context = Chromium.newContext()) {
            Page page = context.newPage();
            Chromium.login(page, base, "qa", "qa");
            page.navigate(base + "/verification");
            page.locator(".sandbox-usage").filter(new Locator.FilterOptions().setHasText("verified numbers used")).waitFor();
            page.locator("vaadin-details").filter(new Locator.FilterOptions().setHasText("Add many numbers")).locator("vaadin-details-summary").click();
            // two new numbers, a number with no country (+999 is not assigned), a line that is no number, and the first again
            page.locator("vaadin-text-area").filter(new Locator.FilterOptions().setHasText("Numbers")).locator("textarea")
                    .fill(String.join("\n", first, second, "+99912345", "call me", first));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add all and send codes")).click();

            // the cost is said before anything is sent
            Locator confirm = page.locator("vaadin-confirm-dialog-overlay, [role=alertdialog]").first();
            confirm.getByText("The first verification code to a number is free", new Locator.GetByTextOptions().setExact(false)).waitFor();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add and send codes")).click();

            page.locator(".bulk-progress").getByText("Done: 2 of 5 added and sent a code.").waitFor();
            Locator results = page.locator("vaadin-grid.bulk-results");
            assertThat(cells(results, 0)).containsExactly(first, second, "+99912345", "call me", first);
            assertThat(cells(results, 2)).containsExactly("created", "created", "invalid", "invalid", "already present");
            List<String> details = cells(results, 3);
            assertThat(details.get(0)).isEqualTo("Added; code sent by text.");
            assertThat(details.get(2)).containsIgnoringCase("country");
            assertThat(details.get(4)).isEqualTo("Already in the list of verified numbers.");
            // each new number is in the numbers grid, waiting for its code
            assertThat(page.locator("vaadin-grid:not(.bulk-results) .badge[data-status='PENDING']").count()).isEqualTo(2);
            Screens.atBothSizes(page, "verification-bulk-results");
        }
    }

    /** The texts of one column of the bulk results, row by row. */
    private static List<String> cells(Locator grid, int column) {
        @SuppressWarnings("unchecked")
        List<String> texts = (List<String>) grid.evaluate("(g, column) => { const rows = Array.from(g.shadowRoot.querySelectorAll('tbody#items tr')).filter(r => !r.hidden);"
                + " return rows.map(r => { const cell = r.querySelectorAll('td')[column]; const slot = cell.querySelector('slot');"
                + " return slot.assignedElements()[0].innerText.trim(); }); }", column);
        return texts;
    }

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
