package com.example.smsconsole.deliverylog;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The latest known state of one message, from all its receipts. */
public record DeliveryMessage(
        String messageId,
        Instant firstEventAt,
        Instant lastEventAt,
        String latestType,
        @Nullable String latestStatus,
        @Nullable String latestDescription,
        boolean isFinal,
        @Nullable Instant finalAt,
        String destination,
        @Nullable String origination,
        @Nullable String configurationSet,
        @Nullable String country,
        @Nullable String messageType,
        @Nullable Integer parts,
        @Nullable BigDecimal price,
        @Nullable BigDecimal carrierFee,
        @Nullable Instant requestedAt) {

    /** How long the message has waited for a final receipt, when it has none and is older than {@code threshold}. */
    public @Nullable Duration pendingFor(Instant now, Duration threshold) {
        if (isFinal) {
            return null;
        }
        Duration age = Duration.between(firstEventAt, now);
        return age.compareTo(threshold) >= 0 ? age : null;
    }
}
