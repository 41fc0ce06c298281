package com.example.smsconsole.overview.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.smsconsole.audit.AuditFilter;
import com.example.smsconsole.audit.AuditOutcome;
import com.example.smsconsole.audit.AuditService;
import com.example.smsconsole.common.SmsResources;
import com.example.smsconsole.deliverylog.repository.DeliveryQueries;
import com.example.smsconsole.overview.NumberRow;
import com.example.smsconsole.overview.OverviewService;
import com.example.smsconsole.support.AuditLog;
import com.example.smsconsole.support.ConsoleTest;
import com.example.smsconsole.support.DeliveryReceipts;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.example.smsconsole.common.ui.Times;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/** The overview: setup checks, numbers and pools, delivery at a glance with links, the opt-out list by role. */
@ConsoleTest
class OverviewViewTest extends SpringBrowserlessTest {

    @Autowired
    OverviewService service;
    @Autowired
    AuditService audit;
    @Autowired
    CloudWatchLogsClient logs;
    @Autowired
    SmsResources resources;
    @Autowired
    DeliveryQueries queries;

    OverviewView open() {
        UI.getCurrent().navigate("");
        OverviewView view = (OverviewView) getCurrentView();
        view.checksExecutor = Runnable::run;
        view.runChecks(true);
        return view;
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void a_number_named_in_the_address_is_selected_and_an_unknown_one_is_said() {
        // the registration page's "In Overview" link: ./?number=<PhoneNumberId>
        NumberRow wanted = service.numbers().stream().filter(n -> n.id().startsWith("phone-")).reduce((a, b) -> b).orElseThrow();
        UI.getCurrent().navigate("", com.vaadin.flow.router.QueryParameters.of(OverviewView.NUMBER_PARAMETER, wanted.id()));
        OverviewView view = (OverviewView) getCurrentView();

        assertThat(view.numbers.getSelectedItems()).containsExactly(wanted);
        assertThat(view.numbersMessage.tone()).isNull();

        UI.getCurrent().navigate("", com.vaadin.flow.router.QueryParameters.of(OverviewView.NUMBER_PARAMETER, "phone-00000000000000000000000000000000"));
        view = (OverviewView) getCurrentView();
        assertThat(view.numbers.getSelectedItems()).isEmpty();
        assertThat(view.numbersMessage.text()).contains("has no number or sender id phone-00000000000000000000000000000000");
    }

    @Test
    @WithMockUser(username = "support", roles = "SUPPORT")
    void support_sees_the_checks_numbers_and_delivery_but_cannot_change_the_opt_out_list() {
        var receipts = new DeliveryReceipts(logs, resources, queries);
        String number = DeliveryReceipts.freshNumber();
        receipts.message(number, Instant.now().minusSeconds(120), "TEXT_QUEUED", "TEXT_SUCCESSFUL", "TEXT_DELIVERED");
        receipts.message(number, Instant.now().minusSeconds(60), "TEXT_QUEUED", "TEXT_BLOCKED");
        receipts.awaitStored(number, 5);
        OverviewView view = open();

        assertThat(view.checks.getChildren().count()).isGreaterThanOrEqualTo(7);
        assertThat(view.checks.getChildren().filter(c -> "environment".equals(c.getElement().getAttribute("data-check"))).findFirst()
                .orElseThrow().getElement().getAttribute("data-level")).isEqualTo("GREEN");
        assertThat(view.checksSummary.getText()).contains("OK").contains("checked");
        assertThat(view.checks.getElement().getTextRecursively()).doesNotContain("The check failed");
        assertThat(test(view.numbers).size()).isPositive();
        assertThat(test(view.pools).size()).isPositive();
        assertThat(view.delivery.getElement().getTextRecursively()).contains("Last 24 hours").contains("Delivery rate").contains("TEXT_BLOCKED");
        assertThat(view.delivery.getChildren().findFirst().orElseThrow().getChildren().flatMap(c -> c.getChildren())
                .filter(c -> c instanceof Anchor a && "TEXT_BLOCKED".equals(a.getElement().getAttribute("data-label")))
                .map(c -> ((Anchor) c).getHref()).findFirst()).hasValueSatisfying(href ->
                        assertThat(href).startsWith("delivery-history?").contains("types=TEXT_BLOCKED", "range=24h", "tab=messages"));
        assertThat(view.optOutAdd.getParent().orElseThrow().isVisible()).isFalse();
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void an_admin_opts_a_number_out_and_back_in_audited() {
        OverviewView view = open();
        String number = DeliveryReceipts.freshNumber();

        test(view.optOutNumber).setValue("+1 206");
        test(view.optOutAdd).click();
        assertThat(view.optOutNumber.isInvalid()).isTrue();

        view.optOut(number);
        test(view.optOutSearch).setValue(number);
        assertThat(test(view.optedOut).size()).isEqualTo(1);
        assertThat(test(view.optedOut).getRow(0).how()).isEqualTo("added by an administrator");

        view.optIn(number);
        assertThat(test(view.optedOut).size()).isZero();
        assertThat(view.optOutListMessage.text()).isEqualTo(number + " removed from the opt-out list: texts to it are accepted again.");
        assertThat(new AuditLog(audit).find(AuditFilter.empty().withText(number))).extracting(e -> e.action() + " " + e.outcome())
                .containsExactly("DeleteOptedOutNumber " + AuditOutcome.SUCCESS, "PutOptedOutNumber " + AuditOutcome.SUCCESS);
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void a_second_removal_within_30_days_says_why_and_from_when() {
        UI.getCurrent().navigate("");
        OverviewView view = (OverviewView) getCurrentView();
        String number = DeliveryReceipts.freshNumber();
        view.optOut(number);
        view.optIn(number);
        Instant removed = service.lastRemoval(number).orElseThrow();
        view.optOut(number);

        view.optIn(number);

        // API reference, DeleteOptedOutNumber: "Each destination phone number can only be deleted once every 30 days."
        String text = view.optOutListMessage.text();
        assertThat(text).startsWith("AWS allows removing a number from an opt-out list only once every 30 days. " + number
                + " was last removed on " + Times.format(removed))
                .contains("so it can be removed again from " + Times.format(removed.plus(Duration.ofDays(30))))
                .contains("RESOURCE_DELETION_NOT_ALLOWED").contains("request id");
        test(view.optOutSearch).setValue(number);
        assertThat(test(view.optedOut).size()).isEqualTo(1);
    }

    @Test
    @WithMockUser(username = "qa", roles = "QA")
    void each_check_has_one_heading_with_its_findings_under_it() {
        OverviewView view = open();
        List<String> titles = view.checks.getChildren().map(c -> c.getChildren().findFirst().orElseThrow().getElement().getTextRecursively())
                .toList();
        assertThat(titles).doesNotHaveDuplicates();
        assertThat(titles).anySatisfy(t -> assertThat(t).endsWith("Account tier and spend"))
                .anySatisfy(t -> assertThat(t).endsWith("Keywords and opt-out list"));
        var account = view.checks.getChildren().filter(c -> "account".equals(c.getElement().getAttribute("data-check"))).findFirst()
                .orElseThrow();
        assertThat(account.getElement().getTextRecursively().split("Account tier and spend", -1)).hasSize(2);
        assertThat(account.getChildren().filter(c -> c.hasClassName("check-finding")).count()).isGreaterThanOrEqualTo(2);
    }
}
