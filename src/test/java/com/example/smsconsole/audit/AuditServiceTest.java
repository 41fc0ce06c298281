package com.example.smsconsole.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.smsconsole.support.ConsoleTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

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
}
