package com.example.smsconsole.verification;

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
import com.example.smsconsole.emulator.AwsEmulator;
import com.example.smsconsole.emulator.protocol.FaultInjector;
import com.example.smsconsole.support.AuditLog;
import com.example.smsconsole.support.ConsoleTest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import com.example.smsconsole.common.SmsResources;
import org.springframework.beans.factory.annotation.Autowired;
import software.amazon.awssdk.services.pinpointsmsvoicev2.PinpointSmsVoiceV2Client;
import org.springframework.security.test.context.support.WithMockUser;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * Sandbox verification against the emulator through the real SDK client: the happy path, wrong and
 * expired codes, the 11th number, duplicates, deletes, the resend cooldown and bulk adds, each
 * audited with its outcome and request id.
 */
@ConsoleTest
@WithMockUser(username = "qa", roles = "QA")
class VerificationServiceTest {

    @Autowired
    VerificationService service;
    @Autowired
    AuditService audit;
    @Autowired
    AwsEmulator emulator;
    @Autowired
    VerificationProperties properties;
    @Autowired
    Clock clock;
    @Autowired
    AwsTarget target;
    @Autowired
    SdkHttpClient http;
    @Autowired
    SmsResources resources;
    @Autowired
    PinpointSmsVoiceV2Client sms;

    SandboxFixture sandbox;
    AuditLog auditLog;

    @BeforeEach
    void emptySandbox() {
        auditLog = new AuditLog(audit);
        sandbox = new SandboxFixture(emulator);
        sandbox.empty(service);
    }

    @Test
    void a_number_is_added_sent_a_code_and_verified() {
        String phone = SandboxFixture.freshNumber();
        VerifiedNumber added = service.add(phone);
        assertThat(added.status()).isEqualTo("PENDING");
        assertThat(service.numbers()).extracting(VerifiedNumber::phoneNumber).containsExactly(phone);
        assertThat(service.status().usage()).isEqualTo("1 of 10 used");
        assertThat(service.status().sandbox()).isTrue();

        String messageId = service.sendCode(added, "TEXT");
        assertThat(messageId).isNotBlank();
        VerifiedNumber verified = service.verify(added, sandbox.latestCode(phone));

        assertThat(verified.status()).isEqualTo("VERIFIED");
        assertThat(service.numbers()).singleElement().satisfies(n -> assertThat(n.verified()).isTrue());
        List<AuditEntry> entries = auditLog.find(AuditFilter.empty().withText(added.id()));
        assertThat(entries).extracting(AuditEntry::action)
                .containsExactly("VerifyDestinationNumber", "SendDestinationNumberVerificationCode", "CreateVerifiedDestinationNumber");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.outcome()).isEqualTo(AuditOutcome.SUCCESS);
            assertThat(e.awsRequestId()).isNotBlank();
            assertThat(e.actor()).isEqualTo("qa");
        });
        assertThat(entries.getLast().target()).isEqualTo(phone);
    }

    /**
     * IAM authorises SendDestinationNumberVerificationCode only against the configuration set, number,
     * pool or sender id the request names (Service Authorization Reference), so the code must go out
     * naming the configured ones: with a configuration set or a pool that does not exist, AWS answers
     * that it cannot find that resource, which it could only do if the request named it.
     */
    @Test
    void a_code_goes_out_naming_the_configured_pool_and_configuration_set() {
        String phone = SandboxFixture.freshNumber();
        VerifiedNumber added = service.add(phone);
        var noSuchSet = new VerificationGateway(sms,
                new SmsResources("no-such-set", resources.phonePoolId(), resources.phonePoolArn(), resources.deliveryLogGroup()));
        assertThatThrownBy(() -> noSuchSet.sendCode(added.id(), "TEXT")).isInstanceOfSatisfying(AwsCallException.class, e -> {
            assertThat(e.errorCode()).isEqualTo("ResourceNotFoundException");
            assertThat(e.resourceId()).isEqualTo("no-such-set");
        });
        var noSuchPool = new VerificationGateway(sms,
                new SmsResources(resources.configurationSetName(), "pool-0000000000000000000000000000000f", "", resources.deliveryLogGroup()));
        assertThatThrownBy(() -> noSuchPool.sendCode(added.id(), "TEXT")).isInstanceOfSatisfying(AwsCallException.class, e -> {
            assertThat(e.errorCode()).isEqualTo("ResourceNotFoundException");
            assertThat(e.resourceId()).isEqualTo("pool-0000000000000000000000000000000f");
        });
        assertThat(new VerificationGateway(sms, resources).sendCode(added.id(), "TEXT").value()).isNotBlank();
    }

    @Test
    void a_wrong_code_and_an_expired_code_get_distinct_messages() {
        String phone = SandboxFixture.freshNumber();
        VerifiedNumber added = service.add(phone);
        service.sendCode(added, "VOICE");
        String code = sandbox.latestCode(phone);
        String wrong = code.equals("000000") ? "111111" : "000000";

        assertThatThrownBy(() -> service.verify(added, wrong)).isInstanceOfSatisfying(AwsCallException.class, e -> {
            assertThat(e.reason()).isEqualTo("VERIFICATION_CODE_MISMATCH");
            assertThat(e.userMessage()).contains("code is wrong");
        });
        sandbox.waitPastCodeLifetime();
        assertThatThrownBy(() -> service.verify(added, code)).isInstanceOfSatisfying(AwsCallException.class, e -> {
            assertThat(e.reason()).isEqualTo("VERIFICATION_CODE_EXPIRED");
            assertThat(e.userMessage()).contains("has expired");
        });
        assertThat(service.find(phone)).hasValueSatisfying(n -> assertThat(n.status()).isEqualTo("PENDING"));
        List<AuditEntry> failures = auditLog.find(AuditFilter.empty().withAction("VerifyDestinationNumber").withText(added.id()));
        assertThat(failures).hasSize(2).allSatisfy(e -> {
            assertThat(e.outcome()).isEqualTo(AuditOutcome.FAILURE);
            assertThat(e.awsRequestId()).isNotBlank();
        });
        assertThat(failures.getFirst().detail()).contains("VERIFICATION_CODE_EXPIRED");
    }

    @Test
    void the_eleventh_number_and_a_duplicate_are_refused_in_words() {
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            phones.add(service.add(SandboxFixture.freshNumber()).phoneNumber());
        }
        assertThat(service.status().usage()).isEqualTo("10 of 10 used");
        assertThat(service.status().remaining()).isZero();

        String eleventh = SandboxFixture.freshNumber();
        assertThatThrownBy(() -> service.add(eleventh)).isInstanceOfSatisfying(AwsCallException.class, e -> {
            assertThat(e.reason()).isEqualTo("VERIFIED_DESTINATION_NUMBERS_PER_ACCOUNT");
            assertThat(e.userMessage()).contains("most verified destination numbers").contains("Delete one");
        });
        assertThat(auditLog.find(AuditFilter.empty().withAction("CreateVerifiedDestinationNumber").withText(eleventh)))
                .singleElement().satisfies(e -> {
                    assertThat(e.outcome()).isEqualTo(AuditOutcome.FAILURE);
                    assertThat(e.awsRequestId()).isNotBlank();
                });

        assertThatThrownBy(() -> service.add(phones.getFirst())).isInstanceOfSatisfying(AwsCallException.class,
                e -> assertThat(e.userMessage()).isEqualTo(phones.getFirst() + " is already in the list of verified destination numbers."));
    }

    @Test
    void input_that_is_not_a_number_sends_nothing() {
        long before = auditLog.count(AuditFilter.empty());
        assertThatThrownBy(() -> service.add("+1 206 555")).isInstanceOf(PhoneNumber.InvalidPhoneNumberException.class);
        assertThatThrownBy(() -> service.add("hello")).isInstanceOf(PhoneNumber.InvalidPhoneNumberException.class);
        VerifiedNumber added = service.add(SandboxFixture.freshNumber());
        assertThatThrownBy(() -> service.verify(added, "12 34")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> service.sendCode(added, "FAX")).isInstanceOf(IllegalArgumentException.class);
        assertThat(service.numbers()).hasSize(1);
        assertThat(auditLog.count(AuditFilter.empty())).isEqualTo(before + 1);
    }

    @Test
    void a_delete_too_soon_is_refused_in_words_and_a_later_one_removes_the_number() {
        VerifiedNumber added = service.add(SandboxFixture.freshNumber());
        assertThatThrownBy(() -> service.delete(added)).isInstanceOfSatisfying(AwsCallException.class, e -> {
            assertThat(e.reason()).isEqualTo("RESOURCE_DELETION_NOT_ALLOWED");
            assertThat(e.userMessage()).startsWith("AWS does not allow deleting " + added.phoneNumber() + " yet: it was added ")
                    .contains(" UTC, and a verified number can only be deleted some time after it was added. AWS said: ");
        });
        assertThat(service.numbers()).hasSize(1);

        sandbox.waitPastDeleteAge();
        service.delete(added);

        assertThat(service.numbers()).isEmpty();
        assertThat(auditLog.find(AuditFilter.empty().withAction("DeleteVerifiedDestinationNumber").withText(added.id())))
                .extracting(AuditEntry::outcome).containsExactly(AuditOutcome.SUCCESS, AuditOutcome.FAILURE);
    }

    @Test
    void a_second_code_waits_for_the_cooldown() {
        VerifiedNumber added = service.add(SandboxFixture.freshNumber());
        service.sendCode(added, "TEXT");
        assertThat(service.cooldownLeft(added.id())).isPositive();

        assertThatThrownBy(() -> service.sendCode(added, "TEXT")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("you can send another in");
        assertThat(auditLog.find(AuditFilter.empty().withAction("SendDestinationNumberVerificationCode").withText(added.id())))
                .hasSize(1);
    }

    @Test
    void a_bulk_add_validates_every_line_and_stays_within_the_limit() {
        for (int i = 0; i < 7; i++) {
            service.add(SandboxFixture.freshNumber());
        }
        String existing = service.numbers().getFirst().phoneNumber();
        String first = SandboxFixture.freshNumber();
        String second = SandboxFixture.freshNumber();
        String third = SandboxFixture.freshNumber();
        String fourth = SandboxFixture.freshNumber();
        List<String> lines = VerificationService.splitList("  " + first + "\nnot a number\n" + existing + ", " + first + "\n\n"
                + second + ";" + third + "\n" + fourth + "\n");
        List<VerificationService.BulkResult> progress = new ArrayList<>();

        List<VerificationService.BulkResult> results = service.addAll(lines, "TEXT", progress::add);

        assertThat(results).extracting(VerificationService.BulkResult::outcome).containsExactly(
                VerificationService.BulkOutcome.CREATED, VerificationService.BulkOutcome.INVALID,
                VerificationService.BulkOutcome.ALREADY_PRESENT, VerificationService.BulkOutcome.ALREADY_PRESENT,
                VerificationService.BulkOutcome.CREATED, VerificationService.BulkOutcome.CREATED,
                VerificationService.BulkOutcome.OVER_LIMIT);
        assertThat(progress).isEqualTo(results);
        assertThat(results.get(1).message()).isNotBlank();
        assertThat(service.status().usage()).isEqualTo("10 of 10 used");
        assertThat(service.numbers()).extracting(VerifiedNumber::phoneNumber).contains(first, second, third).doesNotContain(fourth);
        // each created number received its code
        assertThat(sandbox.latestCode(third)).hasSize(6);
        assertThat(auditLog.find(AuditFilter.empty().withText(fourth))).isEmpty();
    }

    long atEmulator(String phone) {
        synchronized (emulator.sms().lock()) {
            return emulator.sms().state().verifiedNumbers.values().stream().filter(v -> v.phoneNumber.equals(phone)).count();
        }
    }

    @Test
    @WithMockUser(username = "qa-slow-add", roles = "QA")
    void an_add_without_an_answer_is_audited_as_unknown_and_the_next_list_reconciles_it() throws InterruptedException {
        // the console's client as configured, with a 1 s attempt timeout; the emulator takes 2.5 s to answer every attempt
        var slowProperties = new AwsProperties("us-east-1", null, "local", "local", Duration.ofSeconds(20), Duration.ofSeconds(1), 2);
        String phone = SandboxFixture.freshNumber();
        emulator.faults().add(new FaultInjector.Rule("sms-voice", "CreateVerifiedDestinationNumber", FaultInjector.Kind.LATENCY, 0, 2500, 0,
                phone));
        try (var slowClient = AwsClients.smsVoice(slowProperties, target, http, AwsClients.credentials(slowProperties))) {
            var slow = new VerificationService(new VerificationGateway(slowClient, resources), audit, properties, clock);
            assertThatThrownBy(() -> slow.add(phone)).isInstanceOfSatisfying(AwsCallException.class, e -> {
                assertThat(e.mayHaveBeenCarriedOut()).isTrue();
                assertThat(e.userMessage()).startsWith("AWS did not answer in time, so " + phone + " may have been added.")
                        .doesNotContain("Check the network");
            });
            assertThat(auditLog.find(AuditFilter.empty().withAction("CreateVerifiedDestinationNumber").withText(phone)))
                    .singleElement().satisfies(e -> {
                        assertThat(e.outcome()).isEqualTo(AuditOutcome.UNKNOWN);
                        assertThat(e.detail()).startsWith("outcome unknown").contains("Timeout");
                    });
            emulator.faults().clear();
            // AWS carried the unanswered request out: the emulator finishes it after its delay
            for (int i = 0; i < 100 && atEmulator(phone) == 0; i++) {
                Thread.sleep(100);
            }
            Thread.sleep(3000);
            // CreateVerifiedDestinationNumber has a client token (idempotencyToken in the API model): the retry added nothing more
            assertThat(atEmulator(phone)).isEqualTo(1);

            assertThat(slow.numbers()).extracting(VerifiedNumber::phoneNumber).contains(phone);
            assertThat(auditLog.find(AuditFilter.empty().withAction("CreateVerifiedDestinationNumber").withText(phone)))
                    .extracting(AuditEntry::outcome).containsExactly(AuditOutcome.SUCCESS, AuditOutcome.UNKNOWN);
            assertThat(auditLog.find(AuditFilter.empty().withAction("CreateVerifiedDestinationNumber").withText(phone)).getFirst().detail())
                    .startsWith("reconciled: the unanswered add of").contains("by qa-slow-add did add it");
            // a later list does not complete it twice
            slow.numbers();
            assertThat(auditLog.count(AuditFilter.empty().withAction("CreateVerifiedDestinationNumber").withText(phone))).isEqualTo(2);
        }
    }

    @Test
    void a_code_send_without_an_answer_is_not_retried_and_says_the_code_may_have_been_sent() {
        String phone = SandboxFixture.freshNumber();
        VerifiedNumber added = service.add(phone);
        // SendDestinationNumberVerificationCodeRequest has no ClientToken (API model); a 5xx is retried by the standard mode
        emulator.faults().add(new FaultInjector.Rule("sms-voice", "SendDestinationNumberVerificationCode", FaultInjector.Kind.SERVER_ERROR,
                1, 0, 0, added.id()));
        try {
            assertThatThrownBy(() -> service.sendCode(added, "TEXT")).isInstanceOfSatisfying(AwsCallException.class,
                    e -> assertThat(e.userMessage()).startsWith("AWS did not confirm the code, so it may have been sent to " + phone));
        } finally {
            emulator.faults().clear();
        }
        // with a retry the second attempt would have sent a code
        assertThat(emulator.sms().handsets().stream().filter(h -> h.number.equals(phone)).flatMap(h -> h.messages.stream())).isEmpty();
        assertThat(service.cooldownLeft(added.id())).isPositive();
        assertThat(auditLog.find(AuditFilter.empty().withAction("SendDestinationNumberVerificationCode").withText(added.id())))
                .singleElement().satisfies(e -> assertThat(e.outcome()).isEqualTo(AuditOutcome.UNKNOWN));
    }

    @Test
    void a_bulk_list_that_is_empty_or_too_long_is_refused_before_anything_is_sent() {
        assertThatThrownBy(() -> service.addAll(List.of(), "TEXT", r -> { })).hasMessageContaining("at least one");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add(SandboxFixture.freshNumber());
        }
        assertThatThrownBy(() -> service.addAll(many, "TEXT", r -> { })).hasMessageContaining("At most 50");
        assertThat(service.numbers()).isEmpty();
    }
}
