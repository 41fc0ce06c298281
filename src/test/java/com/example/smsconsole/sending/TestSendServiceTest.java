package com.example.smsconsole.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.smsconsole.audit.AuditEntry;
import com.example.smsconsole.audit.AuditFilter;
import com.example.smsconsole.audit.AuditOutcome;
import com.example.smsconsole.audit.AuditService;
import com.example.smsconsole.aws.AwsCallException;
import com.example.smsconsole.aws.AwsClients;
import com.example.smsconsole.aws.AwsProperties;
import com.example.smsconsole.aws.AwsTarget;
import com.example.smsconsole.common.PhoneNumber;
import com.example.smsconsole.common.SmsResources;
import com.example.smsconsole.deliverylog.DeliveryEvent;
import com.example.smsconsole.deliverylog.DeliveryLogService;
import com.example.smsconsole.sending.repository.TestSendStore;
import com.example.smsconsole.emulator.AwsEmulator;
import com.example.smsconsole.emulator.protocol.FaultInjector;
import com.example.smsconsole.support.AuditLog;
import com.example.smsconsole.verification.SandboxFixture;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;
import com.example.smsconsole.support.ConsoleTest;
import software.amazon.awssdk.http.SdkHttpClient;
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
    @Autowired
    TestSendStore store;
    @Autowired
    DeliveryLogService deliveryLog;
    @Autowired
    PriceTable prices;
    @Autowired
    TestSendProperties sendProperties;
    @Autowired
    Clock clock;
    @Autowired
    AwsTarget target;
    @Autowired
    SdkHttpClient http;

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
    void a_destination_check_is_kept_per_number_and_from_so_checking_it_again_does_not_ask_aws() {
        PhoneNumber number = PhoneNumber.parse(SandboxFixture.freshNumber());
        PhoneNumber other = PhoneNumber.parse(SandboxFixture.freshNumber());
        String pool = resources.phonePoolId();
        String set = resources.configurationSetName();
        String otherFrom = service.originations().stream().map(Origination::id).filter(id -> !id.equals(pool)).findFirst().orElseThrow();
        // the first look-up of each kind for the number passes (the verification one slowly); any later one is refused,
        // so a check that asked AWS again would fail
        for (String operation : List.of("DescribeVerifiedDestinationNumbers", "DescribeOptedOutNumbers")) {
            emulator.faults().add(new FaultInjector.Rule("sms-voice", operation, FaultInjector.Kind.ACCESS_DENIED, 0, 0, 1, number.e164()));
        }
        emulator.faults().add(new FaultInjector.Rule("sms-voice", "DescribeVerifiedDestinationNumbers", FaultInjector.Kind.LATENCY, 1, 2000, 0,
                number.e164()));
        emulator.faults().add(new FaultInjector.Rule("sms-voice", "DescribeVerifiedDestinationNumbers", FaultInjector.Kind.ACCESS_DENIED, 0, 0,
                0, other.e164()));

        long start = System.nanoTime();
        DestinationCheck first = service.checkDestination(number, pool, set);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the slow answer was AWS's").isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        assertThat(first.number()).isEqualTo(number);
        assertThat(first.verification()).isNull();

        assertThat(service.checkDestination(number, pool, set)).as("the same number, From and set").isSameAs(first);
        assertThat(service.checkDestination(number, null, set)).as("no From is the configured pool").isSameAs(first);

        assertThatThrownBy(() -> service.checkDestination(number, otherFrom, set)).as("another From is checked with AWS")
                .isInstanceOfSatisfying(AwsCallException.class, e -> assertThat(e.errorCode()).isEqualTo("AccessDeniedException"));
        assertThatThrownBy(() -> service.checkDestination(other, pool, set)).as("another number is checked with AWS")
                .isInstanceOfSatisfying(AwsCallException.class, e -> assertThat(e.errorCode()).isEqualTo("AccessDeniedException"));
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

    /** Texts the emulator accepted so far (its own count, not the console's). */
    long textsAtEmulator() {
        synchronized (emulator.sms().lock()) {
            return emulator.sms().state().messagesSent;
        }
    }

    /** The texts the emulator accepted once it has had time to finish the requests still running in it. */
    long textsAtEmulatorAfter(long before, Duration settle) throws InterruptedException {
        for (int i = 0; i < 100 && textsAtEmulator() == before; i++) {
            Thread.sleep(100);
        }
        Thread.sleep(settle.toMillis());
        return textsAtEmulator() - before;
    }

    @Test
    @WithMockUser(username = "qa-slow", roles = "QA")
    void a_send_slower_than_the_attempt_timeout_reaches_aws_once_and_is_recorded_as_outcome_unknown() throws InterruptedException {
        // the console's client as configured, with a 1 s attempt timeout and 3 attempts (the default max attempts of the
        // standard retry mode, AWS SDKs and Tools reference guide "Retry behavior"); the emulator takes 2.5 s to answer
        var properties = new AwsProperties("us-east-1", null, "local", "local", Duration.ofSeconds(20), Duration.ofSeconds(1), 3);
        try (PinpointSmsVoiceV2Client slowClient = AwsClients.smsVoice(properties, target, http, AwsClients.credentials(properties))) {
            var slow = new TestSendService(new TestSendGateway(slowClient), audit, store, deliveryLog, prices, resources, sendProperties, clock);
            String body = "slow send " + System.nanoTime();
            emulator.faults().add(new FaultInjector.Rule("sms-voice", "SendTextMessage", FaultInjector.Kind.LATENCY, 0, 2500, 0, body));
            long before = textsAtEmulator();
            Instant started = Instant.now();

            assertThatThrownBy(() -> slow.send(request(Scenario.SUCCESS.destination(), body)))
                    .isInstanceOfSatisfying(AwsCallException.class, e -> {
                        assertThat(e.mayHaveBeenCarriedOut()).isTrue();
                        assertThat(e.userMessage()).isEqualTo("AWS did not answer in time, so the text may have been sent — check"
                                + " Delivery history for this number before sending again.").doesNotContain("Check the network");
                    });

            // with the SDK's retries each of 3 attempts would have been carried out by the emulator: 3 texts
            assertThat(textsAtEmulatorAfter(before, Duration.ofSeconds(5))).isEqualTo(1);
            assertThat(slow.history(1)).singleElement().satisfies(h -> {
                assertThat(h.send().outcome()).isEqualTo(TestSend.UNKNOWN);
                assertThat(h.finalStatus()).isEqualTo("may have been sent");
                assertThat(h.send().error()).contains("may have been sent").contains("Timeout");
            });
            assertThat(new AuditLog(audit).find(AuditFilter.empty().withAction("SendTextMessage").withActor("qa-slow").withRange(started, null)))
                    .singleElement().satisfies(e -> {
                        assertThat(e.outcome()).isEqualTo(AuditOutcome.UNKNOWN);
                        assertThat(e.detail()).startsWith("outcome unknown").contains("Timeout");
                    });
        }
    }

    @Test
    @WithMockUser(username = "qa-5xx", roles = "QA")
    void a_server_error_is_not_retried_and_says_the_text_may_have_been_sent() throws InterruptedException {
        String body = "server error " + System.nanoTime();
        emulator.faults().add(new FaultInjector.Rule("sms-voice", "SendTextMessage", FaultInjector.Kind.SERVER_ERROR, 1, 0, 0, body));
        long before = textsAtEmulator();
        assertThatThrownBy(() -> service.send(request(Scenario.SUCCESS.destination(), body))).isInstanceOfSatisfying(AwsCallException.class,
                e -> assertThat(e.userMessage()).startsWith("AWS answered with an internal error, so the text may have been sent"));
        // the standard retry mode retries a 5xx (AWS SDK for Java 2.x developer guide, "Configure retry behavior": transient
        // service errors are retryable); here the second attempt would have sent it
        Thread.sleep(1000);
        assertThat(textsAtEmulator() - before).isZero();
        assertThat(service.history(1)).singleElement().satisfies(h -> assertThat(h.send().outcome()).isEqualTo(TestSend.UNKNOWN));
    }

    @Test
    @WithMockUser(username = "qa-throttled-once", roles = "QA")
    void a_send_throttled_once_is_retried_and_sent_once() throws InterruptedException {
        // ThrottlingException: "too many requests were sent" (API model), retryable as throttling: AWS did not accept it
        String body = "throttled once " + System.nanoTime();
        emulator.faults().add(new FaultInjector.Rule("sms-voice", "SendTextMessage", FaultInjector.Kind.THROTTLE, 1, 0, 0, body));
        long before = textsAtEmulator();
        TestSendService.SendResult sent = service.send(request(Scenario.SUCCESS.destination(), body));
        assertThat(sent.send().outcome()).isEqualTo(TestSend.SENT);
        assertThat(textsAtEmulatorAfter(before, Duration.ZERO)).isEqualTo(1);
    }

    @Test
    @WithMockUser(username = "qa-twice", roles = "QA")
    void a_second_send_of_the_same_user_while_one_is_in_flight_is_refused_and_nothing_more_is_sent() throws Exception {
        SecurityContext context = SecurityContextHolder.getContext();
        // a dry run sends nothing, so probing while the first send is in flight costs no text
        var probe = new TestSendRequest(Scenario.SUCCESS.destination(), resources.phonePoolId(), null, "TRANSACTIONAL", "probe", Map.of(), true);
        TestSendService.SendInProgressException refused = null;
        CompletableFuture<TestSendService.SendResult> first = null;
        long before = textsAtEmulator();
        for (int round = 0; round < 3 && refused == null; round++) {
            String body = "in flight " + System.nanoTime();
            emulator.faults().add(new FaultInjector.Rule("sms-voice", "SendTextMessage", FaultInjector.Kind.LATENCY, 1, 4000, 0, body));
            before = textsAtEmulator();
            first = CompletableFuture.supplyAsync(() -> {
                SecurityContextHolder.setContext(context);
                try {
                    return service.send(request(Scenario.SUCCESS.destination(), body));
                } finally {
                    SecurityContextHolder.clearContext();
                }
            });
            Thread.sleep(500);
            for (int i = 0; i < 30 && refused == null && !first.isDone(); i++) {
                try {
                    service.send(probe);
                    Thread.sleep(100);
                } catch (TestSendService.SendInProgressException e) {
                    refused = e;
                }
            }
            // when the probe went first, the first send was the one refused: try again
        }
        assertThat(refused).isNotNull();
        assertThat(first).isNotNull();
        assertThat(refused.getMessage()).contains("still being sent");
        assertThat(first.get(30, TimeUnit.SECONDS).send().outcome()).isEqualTo(TestSend.SENT);
        // only the first send's text reached the emulator
        assertThat(textsAtEmulator() - before).isEqualTo(1);
        assertThat(new AuditLog(audit).find(AuditFilter.empty().withAction("SendTextMessage").withActor("qa-twice")
                .withOutcome(AuditOutcome.REFUSED))).isNotEmpty().allSatisfy(e -> assertThat(e.detail()).contains("still being sent"));
        // the guard is released: the next send goes through
        assertThat(service.send(probe).send().outcome()).isEqualTo(TestSend.DRY_RUN);
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
