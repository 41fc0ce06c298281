package com.example.smsconsole.sending;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One test text as the console sent it (or tried to).
 *
 * @param outcome {@code SENT}, {@code DRY_RUN}, {@code FAILED}, or {@code UNKNOWN} when AWS gave no answer and the text
 *     may have been sent
 * @param error the plain-words reason and AWS error code when it failed
 */
public record TestSend(long id, String username, Instant sentAt, String destination, @Nullable String origination,
        @Nullable String configurationSet, String messageType, String encoding, int parts, @Nullable BigDecimal estimatedCost,
        boolean dryRun, @Nullable String messageId, String outcome, @Nullable String error, @Nullable String awsRequestId) {

    public static final String SENT = "SENT";
    public static final String DRY_RUN = "DRY_RUN";
    public static final String FAILED = "FAILED";
    /** AWS gave no answer: the text may have been sent (see docs/decisions/015-20261202-no-blind-retries.md). */
    public static final String UNKNOWN = "UNKNOWN";
}
