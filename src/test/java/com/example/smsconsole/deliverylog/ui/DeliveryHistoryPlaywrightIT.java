package com.example.smsconsole.deliverylog.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.smsconsole.common.SmsResources;
import com.example.smsconsole.deliverylog.repository.DeliveryQueries;
import com.example.smsconsole.support.Chromium;
import com.example.smsconsole.support.ConsoleWebTest;
import com.example.smsconsole.support.DeliveryReceipts;
import com.example.smsconsole.support.Screens;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;

/**
 * Support looks up "did my text arrive?" in headless Chromium: filters by TEXT_DELIVERED and a
 * number, opens the receipt, and exports the search as CSV; the page's layout at 1400×900 and
 * 1024×768 (at least 15 rows, Messages not cut), time zones, live mode, error explanations and
 * malformed log events.
 */
@ConsoleWebTest
class DeliveryHistoryPlaywrightIT {

    @LocalServerPort
    int port;
    @Autowired
    CloudWatchLogsClient logs;
    @Autowired
    SmsResources resources;
    @Autowired
    DeliveryQueries queries;

    @Test
    void support_finds_a_delivered_text_by_number_opens_it_and_exports_the_search() throws IOException {
        var receipts = new DeliveryReceipts(logs, resources, queries);
        String number = DeliveryReceipts.freshNumber();
        Instant now = Instant.now();
        String first = receipts.message(number, now.minusSeconds(90), "TEXT_QUEUED", "TEXT_SUCCESSFUL", "TEXT_DELIVERED");
        receipts.message(number, now.minusSeconds(60), "TEXT_QUEUED", "TEXT_BLOCKED");
        String second = receipts.message(number, now.minusSeconds(30), "TEXT_QUEUED", "TEXT_SUCCESSFUL", "TEXT_DELIVERED");
        receipts.awaitStored(number, 8);

        try (BrowserContext context = Chromium.newContext()) {
            Page page = context.newPage();
            Chromium.login(page, "http://localhost:" + port, "support", "support");
            page.locator("vaadin-side-nav-item").filter(new Locator.FilterOptions().setHasText("Delivery history")).click();
            page.waitForURL(url -> url.contains("/delivery-history"));

            // the type filter: open the multi-select and pick TEXT_DELIVERED
            page.locator("vaadin-multi-select-combo-box").first().click();
            page.locator("vaadin-multi-select-combo-box-item").filter(new Locator.FilterOptions().setHasText("TEXT_DELIVERED (")).click();
            page.keyboard().press("Escape");
            page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Number").setExact(true)).fill(number);
            page.keyboard().press("Tab");

            page.waitForURL(url -> url.contains("dest=%2B" + number.substring(1)));
            assertThat(page.url()).contains("types=TEXT_DELIVERED");
            page.locator(".result-count").filter(new Locator.FilterOptions().setHasText("2 receipts")).waitFor();
            Locator rows = page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(second));
            rows.first().waitFor();
            assertThat(page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(first)).count()).isPositive();
            Chromium.screenshot(page, "delivery-history-filtered");

            rows.first().click();
            Locator dialog = page.getByRole(AriaRole.DIALOG);
            dialog.getByText("Timeline of this message").waitFor();
            assertThat(dialog.locator("pre.raw-json").innerText()).contains("\"messageId\" : \"" + second + "\"");
            assertThat(dialog.locator("vaadin-grid-cell-content").allInnerTexts()).contains("TEXT_QUEUED", "TEXT_SUCCESSFUL", "TEXT_DELIVERED");
            Chromium.screenshot(page, "delivery-history-receipt");
            dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close")).click();

            Download download = page.waitForDownload(() -> page.getByText("Export CSV").click());
            List<String> lines = Files.readAllLines(download.path(), StandardCharsets.UTF_8);
            assertThat(lines.getFirst()).startsWith("event_time,event_type,message_id,destination");
            assertThat(lines).hasSize(3);
            assertThat(lines.get(1)).contains(",TEXT_DELIVERED," + second + "," + number + ",");
            assertThat(lines.get(2)).contains(",TEXT_DELIVERED," + first + "," + number + ",");
            assertThat(download.suggestedFilename()).startsWith("delivery-history-").endsWith(".csv");
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static String plus(String number) {
        return number.replace("+", "%2B");
    }

    /** Rows of the visible grid that are wholly inside its body. */
    private static int visibleRows(Page page) {
        Object rows = page.evaluate("() => { const g = [...document.querySelectorAll('vaadin-grid')].find(g => g.offsetParent !== null);"
                + " const box = g.getBoundingClientRect(); const head = g.shadowRoot.querySelector('thead').getBoundingClientRect();"
                + " return [...g.shadowRoot.querySelectorAll('tbody#items tr')].filter(r => { const b = r.getBoundingClientRect();"
                + " return b.height > 0 && b.top >= head.bottom - 1 && b.bottom <= box.bottom + 1; }).length; }");
        return ((Number) rows).intValue();
    }

    @Test
    void the_page_shows_at_least_15_receipts_at_1400x900_and_nothing_is_cut_at_either_size() {
        var receipts = new DeliveryReceipts(logs, resources, queries);
        String number = DeliveryReceipts.freshNumber();
        Instant now = Instant.now();
        for (int i = 0; i < 8; i++) {
            receipts.message(number, now.minusSeconds(300 - 20L * i), "TEXT_QUEUED", "TEXT_SUCCESSFUL", "TEXT_DELIVERED");
        }
        receipts.awaitStored(number, 24);
        try (BrowserContext context = Chromium.newContext()) {
            Page page = context.newPage();
            Chromium.login(page, base(), "support", "support");
            page.setViewportSize(1400, 900);
            page.navigate(base() + "/delivery-history?range=1h&dest=" + plus(number));
            page.locator(".result-count").filter(new Locator.FilterOptions().setHasText("24 receipts")).waitFor();
            page.waitForTimeout(500);
            int rows = visibleRows(page);
            Object inWindow = page.evaluate("() => { const g = [...document.querySelectorAll('vaadin-grid')].find(g => g.offsetParent !== null);"
                    + " return [...g.shadowRoot.querySelectorAll('tbody#items tr')].filter(r => { const b = r.getBoundingClientRect();"
                    + " return b.height > 0 && b.bottom <= window.innerHeight; }).length; }");
            System.out.printf("Delivery history at 1400x900: %s receipt rows inside the window before scrolling%n", inWindow);
            Object gap = page.evaluate("() => document.querySelector('.filter-bar').getBoundingClientRect().top"
                    + " - document.querySelector('.view-header').getBoundingClientRect().bottom");
            System.out.printf("Delivery history at 1400x900: %d receipt rows in the grid's box, %.0f px between the title and the filters%n", rows,
                    ((Number) gap).doubleValue());
            assertThat(rows).as("receipt rows the grid shows at 1400x900").isGreaterThanOrEqualTo(15);
            assertThat(((Number) inWindow).intValue()).as("receipt rows inside the 1400x900 window without scrolling").isGreaterThanOrEqualTo(15);
            Screens.atBothSizes(page, "delivery-history-receipts");
            // at 1024x768 a receipt keeps one line (the status is whole in its tooltip), so the short window still shows many
            page.setViewportSize(1024, 768);
            page.waitForTimeout(400);
            Object tallest = page.evaluate("() => { const g = [...document.querySelectorAll('vaadin-grid')].find(g => g.offsetParent !== null);"
                    + " return Math.max(...[...g.shadowRoot.querySelectorAll('tbody#items tr')].map(r => r.getBoundingClientRect().height)); }");
            System.out.printf("Delivery history at 1024x768: tallest receipt row %.0f px, %d rows in the grid's box%n",
                    ((Number) tallest).doubleValue(), visibleRows(page));
            assertThat(((Number) tallest).doubleValue()).as("height of a receipt row at 1024x768").isLessThan(45);
            // the less common filters open under the others, and the status panel's details under its line
            page.getByText("More filters").click();
            page.locator("vaadin-text-field").filter(new Locator.FilterOptions().setHasText("Configuration set")).waitFor();
            page.getByText("Details").click();
            page.getByText("Oldest receipt").waitFor();
            Screens.atBothSizes(page, "delivery-history-more-filters");
        }
    }

    @Test
    void the_charts_time_labels_stay_inside_the_chart_and_apart_at_both_sizes() {
        var receipts = new DeliveryReceipts(logs, resources, queries);
        String number = DeliveryReceipts.freshNumber();
        Instant now = Instant.now();
        // within the ingestion overlap (app.delivery.ingest.overlap, 5 min), so a run that has already passed their time still reads them
        receipts.message(number, now.minusSeconds(240), "TEXT_QUEUED", "TEXT_DELIVERED");
        receipts.message(number, now.minusSeconds(120), "TEXT_QUEUED", "TEXT_BLOCKED");
        receipts.awaitStored(number, 4);
        try (BrowserContext context = Chromium.newContext()) {
            Page page = context.newPage();
            Chromium.login(page, base(), "support", "support");
            for (String range : new String[] {"1h", "24h", "7d"}) {
                page.navigate(base() + "/delivery-history?tab=chart&range=" + range + "&dest=" + plus(number));
                page.locator(".delivery-chart text.axis-label").first().waitFor();
                for (int[] size : new int[][] {{1400, 900}, {1024, 768}}) {
                    page.setViewportSize(size[0], size[1]);
                    page.waitForTimeout(400);
                    // each time label's box, left to right, and the chart's box
                    Object found = page.evaluate("() => { const box = document.querySelector('.delivery-chart-box').getBoundingClientRect();"
                            + " const labels = [...document.querySelectorAll('.delivery-chart text.axis-label')].map(t => t.getBoundingClientRect())"
                            + ".sort((a, b) => a.left - b.left);"
                            + " const outside = labels.filter(l => l.left < box.left - 1 || l.right > box.right + 1).length;"
                            + " let overlaps = 0; for (let i = 1; i < labels.length; i++) { if (labels[i].left < labels[i - 1].right) overlaps++; }"
                            + " return [labels.length, outside, overlaps]; }");
                    List<?> figures = (List<?>) found;
                    assertThat(((Number) figures.get(0)).intValue()).as("time labels, %s at %dx%d", range, size[0], size[1]).isPositive();
                    assertThat(((Number) figures.get(1)).intValue()).as("time labels outside the chart, %s at %dx%d", range, size[0], size[1])
                            .isZero();
                    assertThat(((Number) figures.get(2)).intValue()).as("time labels on top of each other, %s at %dx%d", range, size[0], size[1])
                            .isZero();
                }
            }
            Screens.atBothSizes(page, "delivery-history-chart");
        }
    }

    @Test
    void the_messages_tab_shows_the_pending_flag_numbers_and_ids_whole() {
        var receipts = new DeliveryReceipts(logs, resources, queries);
        String number = DeliveryReceipts.freshNumber();
        Instant now = Instant.now();
        // older than the test profile's 2 minutes without a final receipt: flagged "pending for 3 min"
        String pending = receipts.message(number, now.minusSeconds(200), "TEXT_QUEUED");
        receipts.message(number, now.minusSeconds(60), "TEXT_QUEUED", "TEXT_BLOCKED");
        receipts.awaitStored(number, 3);
        try (BrowserContext context = Chromium.newContext()) {
            Page page = context.newPage();
            Chromium.login(page, base(), "support", "support");
            page.navigate(base() + "/delivery-history?tab=messages&range=1h&dest=" + plus(number));
            page.locator(".result-count").filter(new Locator.FilterOptions().setHasText("2 messages")).waitFor();
            page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("pending for")).first().waitFor();
            assertThat(page.getByText("up to 100,000 rows").isVisible()).isFalse();
            for (int[] size : new int[][] {{1400, 900}, {1024, 768}}) {
                page.setViewportSize(size[0], size[1]);
                page.waitForTimeout(400);
                // every cell shows its whole text: the id, the number, the flag
                Object cut = page.evaluate("() => [...document.querySelectorAll('vaadin-grid-cell-content')].filter(c => c.offsetParent !== null"
                        + " && c.textContent.trim() && c.scrollWidth > c.clientWidth + 1).map(c => c.textContent.trim())");
                assertThat((List<?>) cut).as("cells cut at %dx%d", size[0], size[1]).isEmpty();
                assertThat(page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(pending)).first().isVisible()).isTrue();
            }
            Screens.atBothSizes(page, "delivery-history-messages");
        }
    }

    @Test
    void times_say_their_zone_utc_can_be_chosen_and_the_custom_range_is_24_hour() {
        try (BrowserContext context = Chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1400, 900)
                .setTimezoneId("Asia/Tokyo"))) {
            Page page = context.newPage();
            Chromium.login(page, base(), "support", "support");
            page.navigate(base() + "/delivery-history?range=1h");
            page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("Time (Asia/Tokyo)")).first().waitFor();

            page.locator("vaadin-select.time-zone-choice").click();
            page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("UTC")).click();
            page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("Time (UTC)")).first().waitFor();
            page.waitForURL(url -> url.contains("tz=utc"));

            page.navigate(base() + "/delivery-history?range=custom");
            Locator time = page.locator("vaadin-date-time-picker vaadin-time-picker input").first();
            time.waitFor();
            // a 24-hour clock: "13:00", never "1:00 PM"
            assertThat(time.inputValue()).matches("[0-2][0-9]:[0-5][0-9]");
            assertThat(page.locator("vaadin-date-time-picker vaadin-date-picker input").first().inputValue()).matches("\\d{4}-\\d{2}-\\d{2}");
            Screens.atBothSizes(page, "delivery-history-custom-range");
        }
    }

    @Test
    void live_mode_shows_a_new_text_soon_after_it_reaches_the_log_group() {
        var receipts = new DeliveryReceipts(logs, resources, queries);
        String number = DeliveryReceipts.freshNumber();
        receipts.message(number, Instant.now().minusSeconds(30), "TEXT_QUEUED");
        receipts.awaitStored(number, 1);
        try (BrowserContext context = Chromium.newContext()) {
            Page page = context.newPage();
            Chromium.login(page, base(), "support", "support");
            page.navigate(base() + "/delivery-history?live=true&range=30m&dest=" + plus(number));
            page.locator(".result-count").filter(new Locator.FilterOptions().setHasText("1 receipt")).waitFor();
            List<Long> delays = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                String id = receipts.message(number, Instant.now(), "TEXT_QUEUED");
                page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(id)).first()
                        .waitFor(new Locator.WaitForOptions().setTimeout(30_000));
                delays.add((System.nanoTime() - start) / 1_000_000);
                page.waitForTimeout(700 * i);
            }
            // a figure, not an assert: the target is at most 5 s from the receipt reaching the log group
            System.out.println("Live mode: new receipt on the page after " + delays + " ms (ingestion interval of this profile + push)");
        }
    }

    @Test
    void an_error_receipt_explains_itself_and_links_aws_and_says_where_the_body_is() {
        var receipts = new DeliveryReceipts(logs, resources, queries);
        String number = DeliveryReceipts.freshNumber();
        String blocked = receipts.message(number, Instant.now().minusSeconds(20), "TEXT_QUEUED", "TEXT_BLOCKED");
        receipts.awaitStored(number, 2);
        try (BrowserContext context = Chromium.newContext()) {
            Page page = context.newPage();
            Chromium.login(page, base(), "support", "support");
            page.navigate(base() + "/delivery-history?types=TEXT_BLOCKED&range=1h&dest=" + plus(number));
            page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(blocked)).first().click();
            Locator dialog = page.getByRole(AriaRole.DIALOG);
            // AWS, "Event types for SMS, MMS, and voice": TEXT_BLOCKED occurs "when the recipient's device or carrier is blocking
            // messages to that recipient"
            dialog.getByText("blocking messages to that recipient").waitFor();
            Locator link = dialog.locator("a.event-help-link");
            assertThat(link.getAttribute("href")).isEqualTo("https://docs.aws.amazon.com/sms-voice/latest/userguide/configuration-sets-event-types.html");
            assertThat(link.getAttribute("target")).isEqualTo("_blank");
            assertThat(dialog.getByText("AWS receipts do not carry the message body").isVisible()).isTrue();
            Screens.atBothSizes(page, "delivery-history-receipt-explained");
        }
    }

    @Test
    void support_lists_log_events_that_are_not_receipts() {
        String group = resources.deliveryLogGroup();
        String stream = "sms-delivery-receipts/malformed-browser";
        try {
            logs.createLogStream(b -> b.logGroupName(group).logStreamName(stream));
        } catch (ResourceAlreadyExistsException e) {
            // an earlier run made it
        }
        String raw = "<img src=x onerror=alert(1)> not a receipt " + java.util.UUID.randomUUID();
        logs.putLogEvents(b -> b.logGroupName(group).logStreamName(stream)
                .logEvents(InputLogEvent.builder().timestamp(Instant.now().toEpochMilli()).message(raw).build()));
        try (BrowserContext context = Chromium.newContext()) {
            Page page = context.newPage();
            Chromium.login(page, base(), "support", "support");
            page.navigate(base() + "/delivery-history?range=1h");
            Locator show = page.locator(".ingestion-status vaadin-button").filter(new Locator.FilterOptions().setHasText("Show them"));
            for (int i = 0; i < 20 && show.count() == 0; i++) {
                page.waitForTimeout(1000);
                page.reload();
            }
            show.click();
            Locator dialog = page.getByRole(AriaRole.DIALOG);
            dialog.locator("pre").filter(new Locator.FilterOptions().setHasText(raw)).first().waitFor();
            assertThat(dialog.locator("img").count()).isZero();
            Screens.atBothSizes(page, "delivery-history-malformed");
        }
    }
}
