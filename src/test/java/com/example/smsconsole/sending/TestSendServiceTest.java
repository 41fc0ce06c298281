package com.example.smsconsole.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.smsconsole.audit.AuditEntry;
import com.example.smsconsole.audit.AuditFilter;
import com.example.smsconsole.audit.AuditOutcome;
import com.example.smsconsole.audit.AuditService;
import com.example.smsconsole.aws.AwsCallException;
import com.example.smsconsole.common.PhoneNumber;
import com.example.smsconsole.common.SmsResources;
import com.example.smsconsole.deliverylog.DeliveryEvent;
import com.example.smsconsole.emulator.AwsEmulator;
import com.example.smsconsole.emulator.protocol.FaultInjector;
import com.example.smsconsole.support.AuditLog;
import com.example.smsconsole.verification.SandboxFixture;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import com.example.smsconsole.support.ConsoleTest;
import software.amazon.awssdk.services.pinpointsmsvoicev2.PinpointSmsVoiceV2Client;

/**
 * Test sends against the emulator through the real SDK client: each scenario of the runbook, the
 * refusals in words, the rate limit, the audit entries and the history with the final status from
 * the delivery history.
 */
@ConsoleTest
@WithMockUser(username = "qa", roles = "QA")
class TestSendServiceTest {

    @Autowired
    TestSendService service;
    @Autowired
    AuditService audit;
    @Autowired
    AwsEmulator emulator;
    @Autowired
    PinpointSmsVoiceV2Client sms;
    @Autowired
    SmsResources resources;

    @AfterEach
    void clearFaults() {
        emulator.faults().clear();
    }

    TestSendRequest request(String destination, String body) {
        return new TestSendRequest(destination, resources.phonePoolId(), resources.configurationSetName(), "TRANSACTIONAL", body,
                Map.of("scenario", "test"), false);
    }

    List<DeliveryEvent> awaitFinal(String messageId) throws InterruptedException {
        List<DeliveryEvent> events = List.of();
        for (int i = 0; i < 150 && events.stream().noneMatch(DeliveryEvent::isFinal); i++) {
            Thread.sleep(100);
            events = service.events(messageId);
        }
        return events;
    }

    @Test
    @WithMockUser(username = "qa-success", roles = "QA")
    void the_success_simulator_number_is_sent_and_delivered() throws InterruptedException {
        String to = Scenario.SUCCESS.destination();
        assertThat(service.numberState(PhoneNumber.parse(to), null).describe()).isEqualTo("Simulator number (success)");

        TestSendService.SendResult sent = service.send(request(to, "Hello from the success scenario"));

        assertThat(sent.send().messageId()).isNotBlank();
        assertThat(sent.send().outcome()).isEqualTo(TestSend.SENT);
        assertThat(sent.send().estimatedCost()).isEqualByComparingTo("0.00883");
        List<DeliveryEvent> events = awaitFinal(sent.send().messageId());
        // the user guide's SMS example event (a US destination) has TEXT_SUCCESSFUL with isFinal true
        assertThat(events).extracting(DeliveryEvent::eventType).containsExactly("TEXT_QUEUED", "TEXT_SUCCESSFUL");
        assertThat(events.getLast().context()).contains("scenario");

        assertThat(service.history(5)).first().satisfies(h -> {
            assertThat(h.send().messageId()).isEqualTo(sent.send().messageId());
            assertThat(h.finalStatus()).isEqualTo("TEXT_SUCCESSFUL");
        });
        AuditEntry entry = new AuditLog(audit).find(AuditFilter.empty().withAction("SendTextMessage").withText(sent.send().messageId()))
                .getFirst();
        assertThat(entry.outcome()).isEqualTo(AuditOutcome.SUCCESS);
        assertThat(entry.target()).isEqualTo(to);
        assertThat(entry.awsRequestId()).isNotBlank();
        assertThat(entry.detail()).contains(resources.phonePoolId()).contains("1 part(s) GSM").doesNotContain("Hello from");
    }

    @Test
    void the_failure_simulator_number_gets_a_failure_receipt() throws InterruptedException {
        TestSendService.SendResult sent = service.send(request(Scenario.FAILURE.destination(), "Failure scenario"));
        List<DeliveryEvent> events = awaitFinal(sent.send().messageId());
        assertThat(events.getLast().eventType()).isEqualTo("TEXT_BLOCKED");
        assertThat(events.getLast().isFinal()).isTrue();
        assertThat(events.getLast().statusDescription()).isNotBlank();
    }

    @Test
    void an_invalid_number_and_a_body_too_long_are_refused_before_anything_is_sent() {
        AuditLog log = new AuditLog(audit);
        Instant before = Instant.now();
        assertThatThrownBy(() -> service.send(request(Scenario.INVALID.destination(), "x")))
                .isInstanceOfSatisfying(TestSendService.InvalidSendException.class, e -> assertThat(e.field()).isEqualTo("destination"));
        assertThatThrownBy(() -> service.send(request(Scenario.SUCCESS.destination(), "a".repeat(1601))))
                .isInstanceOfSatisfying(TestSendService.InvalidSendException.class, e -> {
                    assertThat(e.field()).isEqualTo("body");
                    assertThat(e.getMessage()).contains("1601 characters");
                });
        assertThatThrownBy(() -> service.send(request(Scenario.SUCCESS.destination(), "   ")))
                .isInstanceOfSatisfying(TestSendService.InvalidSendException.class, e -> assertThat(e.field()).isEqualTo("body"));
        assertThatThrownBy(() -> service.send(new TestSendRequest(Scenario.SUCCESS.destination(), resources.phonePoolId(), null,
                "TRANSACTIONAL", "x", Map.of("bad key", "v"), false)))
                .isInstanceOfSatisfying(TestSendService.InvalidSendException.class, e -> assertThat(e.field()).isEqualTo("context"));
        assertThat(log.find(AuditFilter.empty().withAction("SendTextMessage").withRange(before, null))).isEmpty();
    }

    @Test
    @WithMockUser(username = "qa-optout", roles = "QA")
    void an_opted_out_number_is_refused_by_aws_in_words_and_recorded() {
        String number = SandboxFixture.freshNumber();
        sms.putOptedOutNumber(b -> b.optOutListName("Default").optedOutNumber(number));
        assertThat(service.optedOutNumber(null)).isPresent();
        assertThat(service.numberState(PhoneNumber.parse(number), null).optedOut()).isTrue();

        assertThatThrownBy(() -> service.send(request(number, "Opted-out scenario"))).isInstanceOfSatisfying(AwsCallException.class, e -> {
            assertThat(e.reason()).isEqualTo("DESTINATION_PHONE_NUMBER_OPTED_OUT");
            assertThat(e.userMessage()).contains("opted out");
        });

        assertThat(service.history(5)).first().satisfies(h -> {
            assertThat(h.finalStatus()).isEqualTo("refused");
            assertThat(h.send().error()).contains("DESTINATION_PHONE_NUMBER_OPTED_OUT");
        });
        assertThat(new AuditLog(audit).find(AuditFilter.empty().withAction("SendTextMessage").withText(number)))
                .singleElement().satisfies(e -> {
                    assertThat(e.outcome()).isEqualTo(AuditOutcome.FAILURE);
                    assertThat(e.awsRequestId()).isNotBlank();
                });
    }

    @Test
    void an_unverified_number_in_the_sandbox_is_refused_in_words() {
        String number = SandboxFixture.freshNumber();
        TestSendService.NumberState state = service.numberState(PhoneNumber.parse(number), null);
        assertThat(state.sendable()).isFalse();
        assertThat(state.describe()).startsWith("Not verified");

        assertThatThrownBy(() -> service.send(request(number, "Not verified"))).isInstanceOfSatisfying(AwsCallException.class, e -> {
            assertThat(e.reason()).isEqualTo("DESTINATION_PHONE_NUMBER_NOT_VERIFIED");
            assertThat(e.userMessage()).contains("sandbox");
        });
    }

    @Test
    void throttling_after_the_sdk_retries_is_told_in_words() {
        String number = Scenario.SUCCESS.destination();
        emulator.faults().add(new FaultInjector.Rule("sms-voice", "SendTextMessage", FaultInjector.Kind.THROTTLE, 10, 0, 0, "throttle me"));
        assertThatThrownBy(() -> service.send(request(number, "throttle me"))).isInstanceOfSatisfying(AwsCallException.class, e -> {
            assertThat(e.kind()).isEqualTo(AwsCallException.Kind.THROTTLED);
            assertThat(e.userMessage()).contains("throttling");
        });
    }

    @Test
    @WithMockUser(username = "qa-dry", roles = "QA")
    void a_dry_run_is_checked_by_aws_and_the_rate_limit_stops_a_runaway_page() {
        TestSendRequest dry = new TestSendRequest(Scenario.SUCCESS.destination(), resources.phonePoolId(), null, "PROMOTIONAL",
                "Dry run 😀", Map.of(), true);
        TestSendService.SendResult first = service.send(dry);
        assertThat(first.send().outcome()).isEqualTo(TestSend.DRY_RUN);
        assertThat(first.send().encoding()).isEqualTo("UNICODE");
        for (int i = 1; i < 20; i++) {
            service.send(dry);
        }
        Instant before = Instant.now();
        assertThatThrownBy(() -> service.send(dry)).isInstanceOf(TestSendService.RateLimitedException.class)
                .hasMessageContaining("the most allowed (20 a minute)");
        assertThat(new AuditLog(audit).find(AuditFilter.empty().withAction("SendTextMessage").withOutcome(AuditOutcome.REFUSED)
                .withRange(before, null))).singleElement().satisfies(e -> assertThat(e.actor()).isEqualTo("qa-dry"));
        assertThat(service.history(50)).hasSize(20).allSatisfy(h -> assertThat(h.finalStatus()).isEqualTo("dry run"));
    }

    @Test
    void the_preview_estimates_cost_from_the_price_table() {
        TestSendService.Preview gb = service.preview("a".repeat(161), "+447860019066");
        assertThat(gb.analysis().parts()).isEqualTo(2);
        assertThat(gb.country()).isEqualTo("GB");
        assertThat(gb.estimatedCost()).isEqualByComparingTo("0.0776");
        assertThat(service.preview("hi", "not a number").estimatedCost()).isNull();
        assertThat(service.prices().asOf()).isNotNull();
    }
}
