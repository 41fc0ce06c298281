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
        @Nullable String detail) {
}
