package com.example.smsconsole.deliverylog.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.smsconsole.common.SmsResources;
import com.example.smsconsole.deliverylog.repository.DeliveryQueries;
import com.example.smsconsole.support.Chromium;
import com.example.smsconsole.support.ConsoleWebTest;
import com.example.smsconsole.support.DeliveryReceipts;
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

/**
 * Support looks up "did my text arrive?" in headless Chromium: filters by TEXT_DELIVERED and a
 * number, opens the receipt, and exports the search as CSV.
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
            page.locator("vaadin-text-field").filter(new Locator.FilterOptions().setHasText("Number")).locator("input").fill(number);
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
}
