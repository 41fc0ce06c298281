package com.example.smsconsole.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.smsconsole.aws.AwsCallException;
import com.example.smsconsole.aws.AwsCalls;
import com.example.smsconsole.support.ConsoleTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.ValidationException;

/** The audit service records who acted, and only admins read the log. */
@ConsoleTest
class AuditServiceTest {

    @Autowired
    AuditService auditService;

    @Test
    @WithMockUser(username = "qa-tester", roles = "QA")
    void an_entry_carries_the_current_user_and_role() {
        AuditEntry entry = auditService.failure("SendTextMessage", "+14254147167", "req-abc", "ThrottlingException");

        assertThat(entry.id()).isPositive();
        assertThat(entry.actor()).isEqualTo("qa-tester");
        assertThat(entry.role()).isEqualTo("QA");
        assertThat(entry.outcome()).isEqualTo(AuditOutcome.FAILURE);
        assertThat(entry.awsRequestId()).isEqualTo("req-abc");
    }

    @Test
    void work_outside_a_request_is_recorded_as_system() {
        AuditEntry entry = auditService.success("SyncDeliveryHistory", "log group", null, "120 events");
        assertThat(entry.actor()).isEqualTo(AuditService.SYSTEM_ACTOR);
    }

    @Test
    @WithMockUser(username = "qa-tester", roles = "QA")
    void only_admins_may_read_the_log() {
        assertThatThrownBy(() -> auditService.find(AuditFilter.empty(), 0, 10)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithMockUser(username = "boss", roles = "ADMIN")
    void admins_read_the_log_newest_first() {
        auditService.success("PutOptedOutNumber", "+14255550100", "req-1", null);
        auditService.success("DeleteOptedOutNumber", "+14255550100", "req-2", null);
        assertThat(auditService.find(AuditFilter.empty().withActor("boss"), 0, 2)).extracting(AuditEntry::action)
                .containsExactly("DeleteOptedOutNumber", "PutOptedOutNumber");
    }

    @Test
    @WithMockUser(username = "boss", roles = "ADMIN")
    void long_details_are_shortened_not_refused() {
        AuditEntry entry = auditService.success("CreateRegistration", "x".repeat(600), null, "y".repeat(5000));
        assertThat(entry.target()).hasSize(512);
        assertThat(entry.detail()).hasSize(4000).endsWith("…");
    }

    @Test
    @WithMockUser(username = "boss", roles = "ADMIN")
    void an_aws_change_is_attempted_before_the_call_and_completed_after_it() {
        String target = "registration-" + UUID.randomUUID();
        List<AuditEntry> duringTheCall = new ArrayList<>();

        String result = auditService.awsChange("DeleteRegistration", target, () -> {
            // what a crash now would leave: an entry that says the outcome is unknown
            duringTheCall.addAll(auditService.find(AuditFilter.empty().withText(target), 0, 10));
            return "req-during";
        }, r -> r, r -> "status DELETED", e -> e);

        assertThat(result).isEqualTo("req-during");
        assertThat(duringTheCall).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(AuditOutcome.ATTEMPTED);
            assertThat(e.outcomeUnknown()).isTrue();
            assertThat(e.actor()).isEqualTo("boss");
        });
        List<AuditEntry> after = auditService.find(AuditFilter.empty().withText(target), 0, 10);
        assertThat(after).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(AuditOutcome.SUCCESS);
            assertThat(e.awsRequestId()).isEqualTo("req-during");
            assertThat(e.attemptId()).isEqualTo(duringTheCall.getFirst().id());
        });
        assertThat(auditService.verifyChain().intact()).isTrue();
    }

    @Test
    @WithMockUser(username = "boss", roles = "ADMIN")
    void a_call_without_an_answer_is_completed_as_unknown_not_as_a_failure() {
        String target = "+1425414" + (1000 + (int) (Math.random() * 8999));
        assertThatThrownBy(() -> auditService.awsChange("CreateVerifiedDestinationNumber", target,
                () -> AwsCalls.smsVoice("CreateVerifiedDestinationNumber", () -> {
                    // the SDK's own exception for an attempt that timed out
                    throw ApiCallAttemptTimeoutException.builder().message("HTTP request execution did not complete before 10 s").build();
                }), r -> null, r -> null, e -> e)).isInstanceOf(AwsCallException.class);

        assertThat(auditService.find(AuditFilter.empty().withText(target), 0, 10)).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(AuditOutcome.UNKNOWN);
            assertThat(e.detail()).contains("may or may not");
        });
        assertThat(auditService.count(AuditFilter.empty().withText(target).withOutcome(AuditOutcome.UNKNOWN))).isEqualTo(1);
    }

    @Test
    @WithMockUser(username = "boss", roles = "ADMIN")
    void an_aws_refusal_is_completed_as_a_failure_with_its_request_id() {
        String target = "registration-" + UUID.randomUUID();
        assertThatThrownBy(() -> auditService.awsChange("SubmitRegistrationVersion", target,
                () -> AwsCalls.smsVoice("SubmitRegistrationVersion", () -> {
                    throw ValidationException.builder().message("bad").requestId("req-refused").statusCode(400).build();
                }), r -> null, r -> null, e -> e)).isInstanceOf(AwsCallException.class);

        assertThat(auditService.find(AuditFilter.empty().withText(target), 0, 10)).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(AuditOutcome.FAILURE);
            assertThat(e.awsRequestId()).isEqualTo("req-refused");
            assertThat(e.attemptId()).isNotNull();
        });
    }

    @Test
    @WithMockUser(username = "qa-tester", roles = "QA")
    void only_admins_may_check_the_chain() {
        assertThatThrownBy(() -> auditService.verifyChain()).isInstanceOf(AccessDeniedException.class);
    }
}
