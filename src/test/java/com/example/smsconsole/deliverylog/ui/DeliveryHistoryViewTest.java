package com.example.smsconsole.deliverylog.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.smsconsole.audit.AuditEntry;
import com.example.smsconsole.audit.AuditFilter;
import com.example.smsconsole.audit.AuditService;
import com.example.smsconsole.common.SmsResources;
import com.example.smsconsole.common.ui.Times;
import com.example.smsconsole.deliverylog.DeliveryLogService;
import com.example.smsconsole.deliverylog.repository.DeliveryQueries;
import com.example.smsconsole.emulator.AwsEmulator;
import com.example.smsconsole.emulator.protocol.FaultInjector;
import com.example.smsconsole.sending.repository.TestSendStore;
import com.example.smsconsole.support.ConsoleTest;
import com.example.smsconsole.support.DeliveryReceipts;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.QueryParameters;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;

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
    @Autowired
    DeliveryLogService service;
    @Autowired
    TestSendStore testSends;
    @Autowired
    AwsEmulator emulator;
    @Autowired
    DataSource dataSource;

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
        // the grid does not claim that no receipt matches: nothing was searched
        assertThat(view.events.getEmptyStateText()).isEqualTo("Nothing searched yet: correct the highlighted field.");

        test(view.destination).setValue(number);
        assertThat(view.destination.isInvalid()).isFalse();
        assertThat(test(view.events).size()).isEqualTo(6);
        assertThat(view.export.isEnabled()).isTrue();
        assertThat(view.events.getEmptyStateText()).isEqualTo("No receipts match this search.");
    }

    @Test
    void a_message_id_with_other_characters_is_flagged() {
        DeliveryHistoryView view = open("range=1h");
        test(view.messageId).setValue("abc'; DROP TABLE");
        assertThat(view.messageId.isInvalid()).isTrue();
        assertThat(view.messageId.getErrorMessage()).isEqualTo("A message id has letters, digits and dashes only.");
    }

    @Test
    void a_context_without_key_and_value_and_an_end_before_the_start_are_flagged_at_their_field() {
        DeliveryHistoryView view = open("range=1h");
        test(view.moreFilters).click();
        test(view.context).setValue("orderId");
        assertThat(view.context.isInvalid()).isTrue();
        // the field that needs correcting is not hidden
        test(view.moreFilters).click();
        assertThat(view.extraFilters.isVisible()).isTrue();
        assertThat(view.context.getErrorMessage()).isEqualTo("Write the key, =, and the value, for example orderId=A-1001.");
        assertThat(view.total.getText()).isEqualTo("Correct the highlighted field to search.");
        test(view.context).setValue("");
        assertThat(view.context.isInvalid()).isFalse();
        assertThat(view.total.getText()).endsWith("receipts");

        view.range.setValue("custom");
        java.time.LocalDateTime start = view.from.getValue();
        view.to.setValue(start.minusHours(1));
        assertThat(view.to.isInvalid()).isTrue();
        assertThat(view.to.getErrorMessage()).isEqualTo("The end must be after the start.");
        assertThat(test(view.events).size()).isZero();
        assertThat(view.export.isEnabled()).isFalse();
        view.to.setValue(start.plusDays(1));
        assertThat(view.to.isInvalid()).isFalse();
        assertThat(view.export.isEnabled()).isTrue();
    }

    /** "+12065550142 TEXT_QUEUED" for each row the grid shows, in order. */
    private List<String> rows(DeliveryHistoryView view) {
        var grid = test(view.events);
        return java.util.stream.IntStream.range(0, grid.size()).mapToObj(i -> grid.getRow(i).destination() + " " + grid.getRow(i).eventType())
                .toList();
    }

    private static String digits(int n) {
        var out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append(java.util.concurrent.ThreadLocalRandom.current().nextInt(10));
        }
        return out.toString();
    }

    @Test
    void clicking_number_event_or_country_sorts_every_matching_receipt_on_the_server() {
        String run = java.util.UUID.randomUUID().toString().substring(0, 8);
        String context = "{\"run\":\"" + run + "\"}";
        String us = DeliveryReceipts.freshNumber();
        String fr = "+336" + digits(8);
        String gb = "+447700900" + digits(3);
        Instant now = Instant.now();
        receipts.message(new DeliveryReceipts.Send(us, "US", "+12065550142", null, context), now.minusSeconds(90), "TEXT_QUEUED", "TEXT_DELIVERED");
        receipts.message(new DeliveryReceipts.Send(gb, "GB", "ACMEALERT", null, context), now.minusSeconds(60), "TEXT_QUEUED", "TEXT_BLOCKED");
        receipts.message(new DeliveryReceipts.Send(fr, "FR", "ACMEALERT", null, context), now.minusSeconds(30), "TEXT_QUEUED");
        receipts.awaitStored(us, 2);
        receipts.awaitStored(gb, 2);
        receipts.awaitStored(fr, 1);
        DeliveryHistoryView view = open("range=1h&ctx=run%3D" + run);
        // a grid of 50 rows a page asks the server for each page in the grid's order
        assertThat(rows(view)).as("newest first")
                .containsExactly(fr + " TEXT_QUEUED", gb + " TEXT_BLOCKED", gb + " TEXT_QUEUED", us + " TEXT_DELIVERED", us + " TEXT_QUEUED");

        test(view.events).sortByColumn("number", com.vaadin.flow.data.provider.SortDirection.ASCENDING);
        // "+1206…" < "+336…" < "+44…", then older first within a number
        List<String> byNumber = List.of(us + " TEXT_QUEUED", us + " TEXT_DELIVERED", fr + " TEXT_QUEUED", gb + " TEXT_QUEUED", gb + " TEXT_BLOCKED");
        assertThat(rows(view)).isEqualTo(byNumber);
        test(view.events).sortByColumn("number", com.vaadin.flow.data.provider.SortDirection.DESCENDING);
        assertThat(rows(view)).isEqualTo(byNumber.reversed());

        test(view.events).sortByColumn("event", com.vaadin.flow.data.provider.SortDirection.ASCENDING);
        assertThat(rows(view)).containsExactly(gb + " TEXT_BLOCKED", us + " TEXT_DELIVERED", us + " TEXT_QUEUED", gb + " TEXT_QUEUED",
                fr + " TEXT_QUEUED");

        test(view.events).sortByColumn("country", com.vaadin.flow.data.provider.SortDirection.ASCENDING);
        assertThat(rows(view)).containsExactly(fr + " TEXT_QUEUED", gb + " TEXT_QUEUED", gb + " TEXT_BLOCKED", us + " TEXT_QUEUED",
                us + " TEXT_DELIVERED");
        assertThat(view.total.getText()).isEqualTo("5 receipts");
    }

    @Test
    void sent_from_configuration_set_and_context_in_the_address_fill_the_fields_filter_and_stay_in_the_address() {
        String tag = digits(6);
        String origination = "+1206555" + digits(4);
        String set = "cs-" + tag;
        String order = "{\"orderId\":\"A-" + tag + "\"}";
        Instant now = Instant.now();
        String wanted = DeliveryReceipts.freshNumber();
        String otherOrder = DeliveryReceipts.freshNumber();
        String otherSet = DeliveryReceipts.freshNumber();
        String otherSender = DeliveryReceipts.freshNumber();
        String id = receipts.message(new DeliveryReceipts.Send(wanted, "US", origination, set, order), now.minusSeconds(80), "TEXT_QUEUED",
                "TEXT_DELIVERED");
        receipts.message(new DeliveryReceipts.Send(otherOrder, "US", origination, set, "{\"orderId\":\"B-" + tag + "\"}"), now.minusSeconds(70),
                "TEXT_QUEUED");
        receipts.message(new DeliveryReceipts.Send(otherSet, "US", origination, "other-" + tag, order), now.minusSeconds(60), "TEXT_QUEUED");
        receipts.message(new DeliveryReceipts.Send(otherSender, "US", "+12065550142", set, order), now.minusSeconds(50), "TEXT_QUEUED");
        receipts.awaitStored(wanted, 2);
        receipts.awaitStored(otherOrder, 1);
        receipts.awaitStored(otherSet, 1);
        receipts.awaitStored(otherSender, 1);

        DeliveryHistoryView view = open("range=1h&orig=" + origination.replace("+", "%2B") + "&cs=" + set + "&ctx=orderId%3DA-" + tag);

        assertThat(view.origination.getValue()).isEqualTo(origination);
        assertThat(view.configurationSet.getValue()).isEqualTo(set);
        assertThat(view.context.getValue()).isEqualTo("orderId=A-" + tag);
        assertThat(view.context.isInvalid()).isFalse();
        // a search that uses the less common filters shows them; closed, the button says how many are set
        assertThat(view.extraFilters.isVisible()).isTrue();
        test(view.moreFilters).click();
        assertThat(view.extraFilters.isVisible()).isFalse();
        assertThat(view.moreFilters.getText()).isEqualTo("More filters (3 set)");
        test(view.moreFilters).click();
        assertThat(view.extraFilters.isVisible()).isTrue();
        assertThat(view.total.getText()).isEqualTo("2 receipts");
        assertThat(rows(view)).containsExactly(wanted + " TEXT_DELIVERED", wanted + " TEXT_QUEUED");
        assertThat(test(view.events).getRow(0).messageId()).isEqualTo(id);
        assertThat(view.address()).containsEntry("orig", List.of(origination)).containsEntry("cs", List.of(set))
                .containsEntry("ctx", List.of("orderId=A-" + tag)).containsEntry("range", List.of("1h"));

        // each filter alone: the context alone finds the three sends that carry it
        test(view.origination).setValue("");
        test(view.configurationSet).setValue("");
        assertThat(rows(view)).containsExactlyInAnyOrder(wanted + " TEXT_DELIVERED", wanted + " TEXT_QUEUED", otherSet + " TEXT_QUEUED",
                otherSender + " TEXT_QUEUED");
        assertThat(view.address()).doesNotContainKeys("orig", "cs").containsEntry("ctx", List.of("orderId=A-" + tag));
        test(view.context).setValue("");
        test(view.configurationSet).setValue(set);
        assertThat(rows(view)).as("the configuration set alone").containsExactlyInAnyOrder(
                wanted + " TEXT_DELIVERED", wanted + " TEXT_QUEUED", otherOrder + " TEXT_QUEUED", otherSender + " TEXT_QUEUED");
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
        List<String> badges = $(Span.class, test(view.messages).getCellComponent(0, 2)).all().stream().map(Span::getText).toList();
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
    void the_status_panel_says_the_oldest_stored_receipt_how_long_receipts_are_kept_and_the_store_size() {
        long oldest = JdbcClient.create(dataSource).sql("SELECT MIN(event_at) FROM delivery_event").query(Long.class).single();
        DeliveryHistoryView view = open("range=1h");

        // one line by default: what is stored, the oldest receipt and the size are one click away
        assertThat(view.status.details.isVisible()).isFalse();
        test(view.status.toggleDetails).click();
        assertThat(view.status.details.isVisible()).isTrue();
        assertThat(view.status.toggleDetails.getText()).isEqualTo("Hide details");
        // app.delivery.retention is 400 days unless configured (README, "Delivery history")
        assertThat(view.status.oldest.getText()).isEqualTo(Times.format(Instant.ofEpochMilli(oldest)) + " · kept 400 days");
        // the tests' H2 database lives in memory: there is no file to measure
        assertThat(view.status.size.getText()).isEqualTo("not known");
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
        // the outcome is said beside the button, not in a pop-up (decision 012)
        for (int i = 0; i < 50 && view.status.syncMessage.tone() == null; i++) {
            Thread.sleep(100);
            // the answer comes from the sync thread through UI.access: run what it queued
            com.vaadin.flow.server.VaadinSession.getCurrent().getService().runPendingAccessTasks(com.vaadin.flow.server.VaadinSession.getCurrent());
        }
        assertThat(view.status.syncMessage.isVisible()).isTrue();
        assertThat(view.status.syncMessage.text()).matches("Synced: .*|A sync is already running; try again in a moment\\.");
        assertThat($(com.vaadin.flow.component.notification.Notification.class).all()).isEmpty();
    }

    @Test
    void log_events_that_are_not_receipts_are_listed_with_time_reason_and_raw_text() {
        long before = service.status().malformedTotal();
        String marker = java.util.UUID.randomUUID().toString();
        // markup and a line break in the raw text must come back as the same text, never as markup
        String raw = "<b>not a receipt</b> " + marker + "\nsecond line";
        // the event's own log time, to the millisecond, as CloudWatch Logs keeps it (epoch ms)
        Instant loggedAt = Instant.ofEpochMilli(Instant.now().toEpochMilli());
        putRaw(raw, loggedAt);
        awaitMalformed(before + 1);

        DeliveryHistoryView view = open("range=1h");
        List<String> problems = $(Span.class, view.status.errors).all().stream().map(Span::getText).toList();
        assertThat(problems).anyMatch(t -> t.endsWith(" malformed"));
        assertThat(view.status.showMalformed.isVisible()).isTrue();

        test(view.status.showMalformed).click();

        MalformedReceiptsDialog dialog = $(MalformedReceiptsDialog.class).single();
        List<String> raws = $(Pre.class, dialog).all().stream().map(Pre::getText).toList();
        assertThat(raws).contains(raw);
        assertThat($(Html.class, dialog).all()).isEmpty();
        // the reason is said next to it (the text is not JSON at all)
        assertThat($(Span.class, dialog).all().stream().map(Span::getText).toList()).anyMatch(t -> t.startsWith("Not JSON"));
        // and when it was logged, in the zone the dialog names (UTC: this test's session has no browser to ask)
        Div item = (Div) $(Pre.class, dialog).all().stream().filter(p -> p.getText().equals(raw)).findFirst().orElseThrow()
                .getParent().orElseThrow();
        assertThat($(Span.class, dialog).all().stream().map(Span::getText)).anyMatch(t -> t.contains("times in UTC"));
        assertThat($(Span.class, item).all().stream().filter(sp -> sp.hasClassName("malformed-time")).map(Span::getText))
                .containsExactly(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(java.time.ZoneOffset.UTC)
                        .format(loggedAt));
    }

    @Test
    void a_receipt_type_newer_than_the_console_is_offered_in_the_type_list() {
        // a type AWS may add later; stored and counted, so it must be offered too
        receipts.message(number, Instant.now().minusSeconds(10), "TEXT_QUEUED", "TEXT_FUTURE_OUTCOME");
        receipts.awaitStored(number, 8);

        DeliveryHistoryView view = open("range=1h&dest=" + number.replace("+", "%2B"));

        assertThat(view.types.getListDataView().getItems().toList()).contains("TEXT_FUTURE_OUTCOME", "TEXT_DELIVERED");
        assertThat(view.types.getItemLabelGenerator().apply("TEXT_FUTURE_OUTCOME")).isEqualTo("TEXT_FUTURE_OUTCOME (1)");
        assertThat(view.total.getText()).isEqualTo("8 receipts");
    }

    @Test
    void the_receipt_says_aws_receipts_carry_no_body_and_shows_a_test_sends_body() {
        testSends.addBody(delivered, Instant.now(), "Your code is 123456 <i>as text</i>");
        DeliveryHistoryView view = open("range=1h&dest=" + number.replace("+", "%2B"));

        test(view.events).clickRow(0);
        ReceiptDetailsDialog other = $(ReceiptDetailsDialog.class).single();
        assertThat(other.bodyNote.getText()).startsWith("AWS receipts do not carry the message body.");
        other.close();

        open("types=TEXT_DELIVERED&range=1h&dest=" + number.replace("+", "%2B"));
        test(((DeliveryHistoryView) getCurrentView()).events).clickRow(0);
        ReceiptDetailsDialog sent = $(ReceiptDetailsDialog.class).single();
        assertThat(sent.body.getText()).isEqualTo("Your code is 123456 <i>as text</i>");
        assertThat(sent.bodyNote.getText()).contains("Test send");
    }

    @Test
    void an_error_type_is_explained_with_a_next_step_and_a_link_to_aws() {
        DeliveryHistoryView view = open("types=TEXT_BLOCKED&range=1h&dest=" + number.replace("+", "%2B"));
        test(view.events).clickRow(0);

        ReceiptDetailsDialog dialog = $(ReceiptDetailsDialog.class).single();
        List<String> texts = $(Span.class, dialog).all().stream().map(Span::getText).toList();
        // AWS, "Event types for SMS, MMS, and voice": TEXT_BLOCKED "occur[s] when the recipient's device or carrier is blocking
        // messages to that recipient" (https://docs.aws.amazon.com/sms-voice/latest/userguide/configuration-sets-event-types.html)
        assertThat(texts).anyMatch(t -> t.contains("device or carrier is blocking messages to that recipient"));
        assertThat(texts).anyMatch(t -> t.startsWith("Next step: "));
        Anchor link = $(Anchor.class, dialog).all().stream().filter(a -> a.getHref().contains("docs.aws.amazon.com")).findFirst().orElseThrow();
        assertThat(link.getHref()).isEqualTo("https://docs.aws.amazon.com/sms-voice/latest/userguide/configuration-sets-event-types.html");
        assertThat(link.getElement().getAttribute("target")).isEqualTo("_blank");
        assertThat(link.getElement().getAttribute("rel")).contains("noopener");
    }

    @Test
    void a_receipts_status_description_comes_with_its_explanation_and_next_step() {
        DeliveryHistoryView view = open("types=TEXT_BLOCKED&range=1h&dest=" + number.replace("+", "%2B"));
        var row = test(view.events).getRow(0);
        // the receipt's messageStatusDescription, as written into the log group (AWS's words, not the console's)
        String description = "The message was blocked by the recipient's carrier or device";
        assertThat(row.statusDescription()).isEqualTo(description);

        // the Status column shows the description; its tooltip adds what the status means and what to do next
        String tooltip = view.events.getColumnByKey("status").getTooltipGenerator().apply(row);
        // AWS, "Event types for SMS, MMS, and voice": TEXT_BLOCKED occurs "when the recipient's device or carrier is blocking messages to that recipient"
        assertThat(tooltip).startsWith(description + "\nTEXT_BLOCKED: ").contains("device or carrier is blocking messages to that recipient")
                .containsPattern("Next step: \\S");

        // the receipt's details put the same description next to the explanation, the next step and the link to AWS
        test(view.events).clickRow(0);
        ReceiptDetailsDialog dialog = $(ReceiptDetailsDialog.class).single();
        String all = dialog.getElement().getTextRecursively();
        assertThat(all).contains("Status description" + description).contains("Next step: ").contains("AWS: event types");
    }

    @Test
    void times_carry_their_zone_and_utc_is_remembered_for_the_session() {
        DeliveryHistoryView view = open("range=1h&tz=utc&dest=" + number.replace("+", "%2B"));
        assertThat(view.timeZone.getValue()).isEqualTo("utc");
        assertThat(view.events.getColumnByKey("time").getHeaderText()).isEqualTo("Time (UTC)");

        // the next visit without the parameter keeps the choice
        DeliveryHistoryView again = open("range=1h");
        assertThat(again.timeZone.getValue()).isEqualTo("utc");

        test(again.timeZone).selectItem("Local time (" + com.example.smsconsole.common.ui.Times.browserZone().getId() + ")");
        assertThat(open("range=1h").timeZone.getValue()).isEqualTo("local");
    }

    @Test
    void the_custom_range_uses_24_hour_time() {
        DeliveryHistoryView view = open("range=custom");
        // en-GB formats times with a 24-hour clock; the date as yyyy-MM-dd like the grids
        assertThat(view.from.getLocale()).isEqualTo(java.util.Locale.UK);
        assertThat(view.from.getDatePickerI18n().getDateFormats()).containsExactly("yyyy-MM-dd");
        assertThat(view.to.getLocale()).isEqualTo(java.util.Locale.UK);
    }

    @Test
    void the_export_note_goes_with_the_export_link() {
        DeliveryHistoryView view = open("range=1h");
        assertThat(view.exportNote.isVisible()).isTrue();
        assertThat(view.exportNote.getText()).isEqualTo("up to 100,000 rows");
        test(view.tabs).select(1);
        assertThat(view.export.isVisible()).isFalse();
        assertThat(view.exportNote.isVisible()).isFalse();
    }

    @Test
    void throttling_by_aws_shows_in_the_status_panel() throws InterruptedException {
        Instant before = Instant.now();
        // throttled until cleared: the SDK's own retries are spent, then ingestion backs off and says so
        emulator.faults().add(new FaultInjector.Rule("logs", "FilterLogEvents", FaultInjector.Kind.THROTTLE, 0, 0));
        try {
            for (int i = 0; i < 300 && service.lastThrottledAt().filter(t -> !t.isBefore(before)).isEmpty(); i++) {
                Thread.sleep(100);
            }
        } finally {
            emulator.faults().clear();
        }
        DeliveryHistoryView view = open("range=1h");
        List<String> problems = $(Span.class, view.status.errors).all().stream().map(Span::getText).toList();
        assertThat(problems).contains("THROTTLED").noneMatch("none"::equals);
        assertThat(String.join("", problems)).contains("AWS throttled FilterLogEvents");
    }

    private void putRaw(String message, Instant timestamp) {
        String stream = "sms-delivery-receipts/malformed-tests";
        try {
            logs.createLogStream(b -> b.logGroupName(resources.deliveryLogGroup()).logStreamName(stream));
        } catch (ResourceAlreadyExistsException e) {
            // made by an earlier test
        }
        logs.putLogEvents(b -> b.logGroupName(resources.deliveryLogGroup()).logStreamName(stream)
                .logEvents(InputLogEvent.builder().timestamp(timestamp.toEpochMilli()).message(message).build()));
    }

    private void awaitMalformed(long total) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (service.status().malformedTotal() < total && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertThat(service.status().malformedTotal()).isGreaterThanOrEqualTo(total);
    }

    private List<AuditEntry> audit(Instant since) {
        return audit.find(AuditFilter.empty().withAction("SyncDeliveryHistory").withRange(since, null), 0, 10);
    }
}
