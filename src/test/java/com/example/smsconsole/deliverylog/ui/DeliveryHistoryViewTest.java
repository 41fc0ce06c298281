package com.example.smsconsole.deliverylog.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.smsconsole.audit.AuditEntry;
import com.example.smsconsole.audit.AuditFilter;
import com.example.smsconsole.audit.AuditService;
import com.example.smsconsole.common.SmsResources;
import com.example.smsconsole.deliverylog.repository.DeliveryQueries;
import com.example.smsconsole.support.ConsoleTest;
import com.example.smsconsole.support.DeliveryReceipts;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.QueryParameters;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/**
 * The delivery-history view over receipts ingested from the emulator's log group: the search from
 * the address, counts per type, field validation, the receipt dialog, messages with pending ones
 * flagged, the chart and live mode.
 */
@ConsoleTest
@WithMockUser(username = "support", roles = "SUPPORT")
class DeliveryHistoryViewTest extends SpringBrowserlessTest {

    @Autowired
    CloudWatchLogsClient logs;
    @Autowired
    SmsResources resources;
    @Autowired
    DeliveryQueries queries;
    @Autowired
    AuditService audit;

    DeliveryReceipts receipts;
    String number;
    String delivered;
    String blocked;
    String pending;

    @BeforeEach
    void receipts() {
        receipts = new DeliveryReceipts(logs, resources, queries);
        number = DeliveryReceipts.freshNumber();
        Instant now = Instant.now();
        // older than the test profile's 2 minutes without a final receipt: pending
        pending = receipts.message(number, now.minusSeconds(200), "TEXT_QUEUED");
        delivered = receipts.message(number, now.minusSeconds(60), "TEXT_QUEUED", "TEXT_SUCCESSFUL", "TEXT_DELIVERED");
        blocked = receipts.message(number, now.minusSeconds(30), "TEXT_QUEUED", "TEXT_BLOCKED");
        receipts.awaitStored(number, 6);
    }

    DeliveryHistoryView open(String query) {
        UI.getCurrent().navigate("delivery-history", QueryParameters.fromString(query));
        return (DeliveryHistoryView) getCurrentView();
    }

    @Test
    void the_search_in_the_address_filters_by_type_and_number() {
        DeliveryHistoryView view = open("types=TEXT_DELIVERED&range=1h&dest=" + number.replace("+", "%2B"));

        assertThat(view.types.getValue()).containsExactly("TEXT_DELIVERED");
        assertThat(view.destination.getValue()).isEqualTo(number);
        assertThat(view.range.getValue()).isEqualTo("1h");
        assertThat(test(view.events).size()).isEqualTo(1);
        assertThat(test(view.events).getRow(0).messageId()).isEqualTo(delivered);
        assertThat(view.total.getText()).isEqualTo("1 receipt");
        // counts per type are for the rest of the search, whatever types are selected
        assertThat(view.types.getItemLabelGenerator().apply("TEXT_QUEUED")).isEqualTo("TEXT_QUEUED (3)");
        assertThat(view.types.getItemLabelGenerator().apply("TEXT_BLOCKED")).isEqualTo("TEXT_BLOCKED (1)");
    }

    @Test
    void receipts_are_newest_first_and_the_filters_combine() {
        DeliveryHistoryView view = open("range=1h&dest=" + number.replace("+", "%2B"));
        assertThat(test(view.events).size()).isEqualTo(6);
        List<String> order = List.of(test(view.events).getRow(0).eventType(), test(view.events).getRow(5).eventType());
        assertThat(order).containsExactly("TEXT_BLOCKED", "TEXT_QUEUED");
        assertThat(test(view.events).getRow(5).messageId()).isEqualTo(pending);

        test(view.finalOnly).click();
        assertThat(test(view.events).size()).isEqualTo(2);
        assertThat(view.total.getText()).isEqualTo("2 receipts");

        view.types.setValue(Set.of("TEXT_BLOCKED"));
        assertThat(test(view.events).size()).isEqualTo(1);
        assertThat(test(view.events).getRow(0).messageId()).isEqualTo(blocked);

        test(view.messageId).setValue(delivered);
        assertThat(test(view.events).size()).isZero();
        assertThat(view.total.getText()).isEqualTo("0 receipts");
    }

    @Test
    void a_number_that_is_not_one_is_flagged_at_the_field_and_nothing_is_searched() {
        DeliveryHistoryView view = open("range=1h");
        assertThat(test(view.events).size()).isPositive();

        test(view.destination).setValue("+1206x55");

        assertThat(view.destination.isInvalid()).isTrue();
        assertThat(view.destination.getErrorMessage()).contains("Start with + and the country code");
        assertThat(view.total.getText()).isEqualTo("Correct the highlighted field to search.");
        assertThat(test(view.events).size()).isZero();
        assertThat(view.export.isEnabled()).isFalse();

        test(view.destination).setValue(number);
        assertThat(view.destination.isInvalid()).isFalse();
        assertThat(test(view.events).size()).isEqualTo(6);
        assertThat(view.export.isEnabled()).isTrue();
    }

    @Test
    void a_message_id_with_other_characters_is_flagged() {
        DeliveryHistoryView view = open("range=1h");
        test(view.messageId).setValue("abc'; DROP TABLE");
        assertThat(view.messageId.isInvalid()).isTrue();
        assertThat(view.messageId.getErrorMessage()).isEqualTo("A message id has letters, digits and dashes only.");
    }

    @Test
    void a_receipt_opens_with_every_field_the_raw_json_and_the_message_timeline() {
        DeliveryHistoryView view = open("types=TEXT_DELIVERED&range=1h&dest=" + number.replace("+", "%2B"));

        test(view.events).clickRow(0);

        ReceiptDetailsDialog dialog = $(ReceiptDetailsDialog.class).single();
        assertThat(dialog.getHeaderTitle()).startsWith("TEXT_DELIVERED · ");
        assertThat(test(dialog.timeline).size()).isEqualTo(3);
        assertThat(List.of(test(dialog.timeline).getRow(0).eventType(), test(dialog.timeline).getRow(2).eventType()))
                .containsExactly("TEXT_QUEUED", "TEXT_DELIVERED");
        assertThat(dialog.raw.getText()).contains("\"messageId\" : \"" + delivered + "\"").contains("\"totalMessagePrice\" : 0.00581");
        List<String> texts = $(Span.class, dialog).all().stream().map(Span::getText).toList();
        assertThat(texts).contains("Destination", "+1 206-" + number.substring(5, 8) + "-" + number.substring(8) + " · United States",
                "Carrier fee", "$0.00302", "{\"ticket\":\"" + delivered.substring(0, 8) + "\"}");
    }

    @Test
    void messages_show_their_latest_status_and_those_pending_too_long() {
        DeliveryHistoryView view = open("tab=messages&range=1h&dest=" + number.replace("+", "%2B"));

        assertThat(view.total.getText()).isEqualTo("3 messages");
        assertThat(List.of(test(view.messages).getRow(0).latestType(), test(view.messages).getRow(1).latestType(),
                test(view.messages).getRow(2).latestType())).containsExactly("TEXT_BLOCKED", "TEXT_DELIVERED", "TEXT_QUEUED");

        test(view.pendingOnly).click();

        assertThat(test(view.messages).size()).isEqualTo(1);
        assertThat(test(view.messages).getRow(0).messageId()).isEqualTo(pending);
        List<String> badges = $(Span.class, test(view.messages).getCellComponent(0, 3)).all().stream().map(Span::getText).toList();
        assertThat(badges).anyMatch(t -> t.startsWith("pending for 3 min"));
    }

    @Test
    void the_chart_draws_receipts_per_type_over_the_range() {
        DeliveryHistoryView view = open("tab=chart&range=1h&dest=" + number.replace("+", "%2B"));

        assertThat(view.total.getText()).isEqualTo("6 receipts; each bar counts 2 min");
        String svg = view.chart.getElement().getOuterHTML();
        assertThat(svg).contains("<svg").contains("TEXT_BLOCKED: 1 receipt in the 2 min from ").contains("TEXT_QUEUED: ")
                .contains("class=\"chart-legend\"");
    }

    @Test
    void live_mode_shows_receipts_as_they_are_ingested() {
        DeliveryHistoryView view = open("live=true&range=30m&dest=" + number.replace("+", "%2B"));
        assertThat(view.total.getText()).isEqualTo("6 receipts");

        receipts.message(number, Instant.now(), "TEXT_QUEUED");
        receipts.awaitStored(number, 7);
        view.tick();

        assertThat(view.total.getText()).isEqualTo("7 receipts");
        assertThat(test(view.events).size()).isEqualTo(7);
    }

    @Test
    void only_admins_may_sync_now() {
        assertThat(open("range=1h").status.sync.isVisible()).isFalse();
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void an_admin_syncs_now_and_the_sync_is_audited() throws Exception {
        DeliveryHistoryView view = open("range=1h");
        assertThat(view.status.sync.isVisible()).isTrue();
        Instant before = Instant.now();

        test(view.status.sync).click();

        for (int i = 0; i < 100 && audit(before).isEmpty(); i++) {
            Thread.sleep(100);
        }
        assertThat(audit(before)).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("admin");
            assertThat(e.target()).isEqualTo(resources.deliveryLogGroup());
        });
    }

    private List<AuditEntry> audit(Instant since) {
        return audit.find(AuditFilter.empty().withAction("SyncDeliveryHistory").withRange(since, null), 0, 10);
    }
}
