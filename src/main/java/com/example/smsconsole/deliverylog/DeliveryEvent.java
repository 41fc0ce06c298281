package com.example.smsconsole.deliverylog;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One delivery receipt: a CloudWatch Logs event of the configuration set's event destination,
 * parsed from the real event JSON.
 *
 * @param eventId the CloudWatch Logs event id (unique in the log group)
 * @param eventType {@code TEXT_DELIVERED} and so on, as AWS wrote it (newer types are kept as they are)
 * @param origination the origination identity that sent it: a phone number or a sender ID ({@code originationPhoneNumber})
 * @param configurationSet the configuration set the text was sent with, when the receipt names it ({@code configurationSetName})
 * @param context the {@code context} map of the send, as JSON text
 */
public record DeliveryEvent(
        String eventId,
        Instant eventAt,
        Instant ingestedAt,
        String eventType,
        String messageId,
        String destination,
        @Nullable String origination,
        @Nullable String configurationSet,
        @Nullable String country,
        @Nullable String messageStatus,
        @Nullable String statusDescription,
        @Nullable String messageType,
        @Nullable String encoding,
        @Nullable Integer parts,
        @Nullable BigDecimal price,
        @Nullable BigDecimal carrierFee,
        boolean isFinal,
        @Nullable String carrier,
        @Nullable Instant requestedAt,
        @Nullable String context,
        @Nullable String logStream) {

    /** The status word of the event, {@code DELIVERED} for {@code TEXT_DELIVERED}. */
    public String statusWord() {
        if (messageStatus != null && !messageStatus.isBlank()) {
            return messageStatus;
        }
        return eventType.startsWith("TEXT_") ? eventType.substring(5) : eventType;
    }
}
