package com.example.smsconsole.sending.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.smsconsole.emulator.AwsEmulator;
import com.example.smsconsole.emulator.protocol.FaultInjector;
import com.example.smsconsole.support.Chromium;
import com.example.smsconsole.support.ConsoleWebTest;
import com.example.smsconsole.support.Screens;
import com.example.smsconsole.verification.SandboxFixture;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * QA on Test send in headless Chromium: a text to the success simulator delivered with the same
 * cost in the estimate and the receipts; what a UK simulator number needs; a mistyped number takes
 * the user to the field; an AWS refusal shown once, next to Send; a double click sends one text;
 * a slow look-up never holds the page.
 */
@ConsoleWebTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestSendPlaywrightIT {

    @LocalServerPort
    int port;
    @Autowired
    AwsEmulator emulator;

    /** One signed-in QA session for every test of the class; each test opens its own page (its own UI) in it. */
    BrowserContext session;

    @BeforeAll
    void signIn() {
        session = Chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1400, 900));
        Page page = session.newPage();
        Chromium.login(page, "http://localhost:" + port, "qa", "qa");
        page.close();
    }

    @AfterAll
    void signOut() {
        session.close();
    }

    @AfterEach
    void clearFaults() {
        emulator.faults().clear();
    }

    Page open() {
        Page page = session.newPage();
        page.navigate("http://localhost:" + port + "/test-send");
        page.locator(".sms-preview").waitFor();
        return page;
    }

    static Locator field(Page page, String tag, String label) {
        return page.locator(tag).filter(new Locator.FilterOptions().setHasText(label)).first();
    }

    static void fill(Page page, String tag, String label, String value) {
        field(page, tag, label).locator(tag.equals("vaadin-text-area") ? "textarea" : "input").fill(value);
    }

    static Locator sendButton(Page page) {
        return page.locator("vaadin-button.send-button");
    }

    /** Scrolls every scrolled box of the page (the app layout scrolls its content itself) to its end. */
    static void scrollToBottom(Page page) {
        page.evaluate("() => { const l = document.querySelector('vaadin-app-layout');"
                + " const all = [document.scrollingElement, ...document.querySelectorAll('*'), ...(l && l.shadowRoot ? l.shadowRoot.querySelectorAll('*') : [])];"
                + " all.forEach(e => { if (e && e.scrollHeight > e.clientHeight) e.scrollTop = e.scrollHeight; }); }");
        page.waitForTimeout(200);
    }

    /**
     * "in view" when the Destination field's whole box lies inside the window and its middle is not
     * covered (the navbar stays on top of scrolled content); else where it is.
     */
    static String destinationPlace(Page page) {
        return (String) field(page, "vaadin-text-field", "Destination").evaluate("f => { const r = f.getBoundingClientRect();"
                + " const inside = r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth;"
                + " const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
                + " const uncovered = hit && (hit === f || f.contains(hit));"
                + " return inside && uncovered ? 'in view' : 'top ' + Math.round(r.top) + ', bottom ' + Math.round(r.bottom) + ' of '"
                + " + window.innerHeight + (uncovered ? '' : ', covered by ' + (hit ? hit.tagName : 'nothing')); }");
    }

    static BigDecimal amount(String text, String label) {
        Matcher m = Pattern.compile(label + " USD ([0-9.]+)").matcher(text);
        assertThat(m.find()).as("%s in %s", label, text).isTrue();
        return new BigDecimal(m.group(1));
    }

    @Test
    void qa_sends_to_the_success_simulator_and_the_receipts_show_the_estimated_total() {
        try (Page page = open()) {
            page.locator("vaadin-button[data-scenario='SUCCESS']").click();
            page.locator(".destination-check").getByText("United States success simulator number: AWS accepts the text and success receipts arrive").waitFor();
            fill(page, "vaadin-text-area", "Message", "Hello from QA – your order ships today");
            page.locator(".sms-preview").getByText("UCS-2").waitFor();
            page.locator(".non-gsm").first().waitFor();
            Screens.atBothSizes(page, "test-send-compose");

            String estimate = page.locator(".sms-cost").innerText();
            sendButton(page).click();
            page.locator(".send-message .message-id").waitFor();
            // TEXT_SUCCESSFUL or TEXT_DELIVERED is final, as the receipt itself says
            page.locator(".watch-status").getByText(Pattern.compile("Final receipt: TEXT_(SUCCESSFUL|DELIVERED)")).waitFor();
            assertThat(page.locator("vaadin-grid-cell-content").allInnerTexts()).contains("TEXT_QUEUED", "TEXT_SUCCESSFUL");
            assertThat(page.locator(".send-message a.history-link").getAttribute("href")).isEqualTo("delivery-history?range=24h&dest=%2B14254147755");
            // the receipt's total (price + carrier fee, as AWS bills them) is the quantity the estimate names as total
            Locator delivered = page.locator("vaadin-grid.receipts-grid");
            Object totals = delivered.evaluate("g => Array.from(g.querySelectorAll('vaadin-grid-cell-content')).map(c => c.innerText)");
            assertThat(totals.toString()).contains(amount(estimate, "total").toPlainString());
            assertThat(estimate).contains("price USD").contains("carrier fee USD");
            Screens.atBothSizes(page, "test-send-delivered");
        }
    }

    @Test
    void the_uk_success_simulator_says_what_it_needs_and_that_the_us_simulator_pool_cannot_reach_it() {
        try (Page page = open()) {
            fill(page, "vaadin-text-field", "Destination", "+447860019066");
            Locator check = page.locator(".destination-check");
            check.getByText("United Kingdom success simulator number: the chosen From cannot reach it").waitFor();
            assertThat(check.innerText()).contains("such as a sender ID for United Kingdom")
                    .contains("cannot reach it").doesNotContain("AWS accepts the text and success receipts arrive");
            assertThat(check.locator(".badge").first().getAttribute("class")).contains("badge-error");
            Screens.atBothSizes(page, "test-send-uk-simulator");
        }
    }

    @Test
    void a_mistyped_number_takes_the_user_to_the_field_and_a_refusal_is_shown_once_next_to_send() {
        try (Page page = open()) {
            fill(page, "vaadin-text-area", "Message", "Hello");
            fill(page, "vaadin-text-field", "Destination", "+99912345");
            page.locator("vaadin-checkbox").filter(new Locator.FilterOptions().setHasText("Dry run")).click();
            page.mouse().wheel(0, 2000);
            sendButton(page).click();
            page.locator(".send-message").getByText("Check Destination: Unknown country code").waitFor();
            assertThat(page.locator(".send-message").isVisible()).isTrue();
            Screens.atBothSizes(page, "test-send-invalid-number");
            // at each size, scrolled to the bottom: Send takes the user to the first invalid field, focused and in view
            for (int[] size : new int[][] {{1400, 900}, {1024, 768}}) {
                page.setViewportSize(size[0], size[1]);
                scrollToBottom(page);
                assertThat(destinationPlace(page)).as("scrolled away from the field first").isNotEqualTo("in view");
                sendButton(page).click();
                page.waitForFunction("() => document.activeElement && document.activeElement.closest('vaadin-text-field')"
                        + " && document.activeElement.closest('vaadin-text-field').label === 'Destination'");
                page.waitForTimeout(300);
                assertThat(page.evaluate("() => document.activeElement.closest('vaadin-text-field').label")).isEqualTo("Destination");
                assertThat(destinationPlace(page)).as("the Destination field at " + size[0] + "x" + size[1]).isEqualTo("in view");
            }
            page.setViewportSize(1400, 900);

            // a dry run passes, then a real send to an unverified number is refused: the green result is gone
            fill(page, "vaadin-text-field", "Destination", "+14254147755");
            sendButton(page).click();
            page.locator(".send-message").getByText("Dry run accepted by AWS").waitFor();
            page.locator("vaadin-checkbox").filter(new Locator.FilterOptions().setHasText("Dry run")).click();
            fill(page, "vaadin-text-field", "Destination", SandboxFixture.freshNumber());
            sendButton(page).click();
            page.locator(".send-message .inline-message-support").getByText("DESTINATION_PHONE_NUMBER_NOT_VERIFIED",
                    new Locator.GetByTextOptions().setExact(false)).waitFor();
            String message = page.locator(".send-message").innerText();
            assertThat(message).contains("not verified").contains("request id").doesNotContain("Dry run");
            assertThat(page.locator("vaadin-notification-card").count()).isZero();
            Screens.atBothSizes(page, "test-send-refused");
        }
    }

    @Test
    void a_double_click_sends_one_text_and_the_button_is_off_while_it_is_in_flight() {
        emulator.faults().add(new FaultInjector.Rule("sms-voice", "SendTextMessage", FaultInjector.Kind.LATENCY, 2, 2500, 0, "double click"));
        try (Page page = open()) {
            page.locator("vaadin-button[data-scenario='SUCCESS']").click();
            fill(page, "vaadin-text-area", "Message", "double click " + System.nanoTime());
            int before = ((Number) page.locator("vaadin-grid.history-grid").evaluate("g => g.size")).intValue();

            sendButton(page).dblclick();
            assertThat(sendButton(page).isDisabled()).isTrue();
            sendButton(page).getByText("Sending…").waitFor(new Locator.WaitForOptions().setTimeout(2000));
            assertThat(sendButton(page).isDisabled()).isTrue();
            page.locator(".send-message .message-id").waitFor();

            assertThat(sendButton(page).isEnabled()).isTrue();
            page.waitForTimeout(500);
            int after = ((Number) page.locator("vaadin-grid.history-grid").evaluate("g => g.size")).intValue();
            assertThat(after - before).isEqualTo(1);
        }
    }

    @Test
    void a_slow_look_up_shows_checking_and_is_time_boxed_while_the_page_stays_usable() {
        String number = SandboxFixture.freshNumber();
        emulator.faults().add(new FaultInjector.Rule("sms-voice", "DescribeVerifiedDestinationNumbers", FaultInjector.Kind.LATENCY, 1, 5000,
                0, number));
        try (Page page = open()) {
            fill(page, "vaadin-text-field", "Destination", number);
            page.locator(".destination-check").getByText("Checking " + number).waitFor(new Locator.WaitForOptions().setTimeout(2000));
            fill(page, "vaadin-text-area", "Message", "still typing while AWS is slow");
            page.locator(".sms-counts").getByText("30 / 1600 characters", new Locator.GetByTextOptions().setExact(false)).waitFor(
                    new Locator.WaitForOptions().setTimeout(2000));
            page.locator(".destination-check").getByText("AWS has not answered within 3 s", new Locator.GetByTextOptions().setExact(false))
                    .waitFor(new Locator.WaitForOptions().setTimeout(6000));
            // "Not verified: ..." when the pool reaches the number, "... the sandbox refuses it: not verified" when it does not
            page.locator(".destination-check .check-headline").getByText(Pattern.compile("not verified", Pattern.CASE_INSENSITIVE)).waitFor(
                    new Locator.WaitForOptions().setTimeout(10000));
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send test text")).isEnabled()).isTrue();
        }
    }
}
