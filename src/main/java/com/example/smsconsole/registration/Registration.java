package com.example.smsconsole.registration;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A registration as DescribeRegistrations returns it.
 *
 * @param status the raw status string, so statuses newer than the SDK still show by their name
 */
public record Registration(String id, String arn, String type, String status, long currentVersion, @Nullable Long approvedVersion,
        @Nullable Long latestDeniedVersion, Instant createdAt, Map<String, String> additionalAttributes) {

    /** Statuses while AWS (or the carrier) is working on it: the pages refresh by themselves. */
    public static final Set<String> IN_REVIEW = Set.of("SUBMITTED", "AWS_REVIEWING", "REVIEWING", "PROVISIONING", "REQUIRES_AUTHENTICATION");

    public static final Set<String> KNOWN_STATUSES = Set.of("CREATED", "SUBMITTED", "AWS_REVIEWING", "REVIEWING", "REQUIRES_AUTHENTICATION",
            "PROVISIONING", "COMPLETE", "REQUIRES_UPDATES", "CLOSED", "DELETED");

    public boolean inReview() {
        return IN_REVIEW.contains(status);
    }

    public boolean complete() {
        return "COMPLETE".equals(status);
    }
}
