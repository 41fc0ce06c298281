package com.example.smsconsole.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One line of the audit log.
 *
 * @param action the AWS operation name (for example {@code SubmitRegistrationVersion}) or a
 *     console action such as {@code SyncDeliveryHistory}
 * @param target the resource acted on: a registration id, a phone number, a message id
 * @param awsRequestId the {@code x-amzn-RequestId} of the AWS response, when there was one
 * @param attemptId on the entry that records how an AWS change ended: the id of the
 *     {@link AuditOutcome#ATTEMPTED} entry written before the call (see
 *     docs/decisions/005-20261202-audit-design.md)
 */
public record AuditEntry(
        long id,
        Instant occurredAt,
        String actor,
        String role,
        String action,
        @Nullable String target,
        AuditOutcome outcome,
        @Nullable String awsRequestId,
        @Nullable String detail,
        @Nullable Long attemptId) {

    public AuditEntry(long id, Instant occurredAt, String actor, String role, String action, @Nullable String target,
            AuditOutcome outcome, @Nullable String awsRequestId, @Nullable String detail) {
        this(id, occurredAt, actor, role, action, target, outcome, awsRequestId, detail, null);
    }

    /**
     * An attempt that no entry completes: the console stopped (or is still waiting) between the
     * call and its answer, so nobody knows whether AWS carried it out.
     */
    public boolean outcomeUnknown() {
        return outcome == AuditOutcome.ATTEMPTED || outcome == AuditOutcome.UNKNOWN;
    }
}
