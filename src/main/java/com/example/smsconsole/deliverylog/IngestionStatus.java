package com.example.smsconsole.deliverylog;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where ingestion of the delivery-receipt log group stands.
 *
 * @param watermark the newest receipt time stored (ingestion resumes from here minus the overlap)
 * @param lastSyncAt when the last run finished, successful or not
 * @param lastSuccessAt when the last run without error finished
 * @param eventsPerMinute receipts stored per minute over the last ten minutes
 * @param malformedTotal receipts that could not be parsed (kept aside)
 * @param oldestReceipt the oldest receipt stored (retention removes older ones)
 * @param storeBytes what the store takes on disk, indexes included; null when not known
 * @param retentionDays how many days receipts are kept
 */
public record IngestionStatus(
        String logGroup,
        boolean enabled,
        boolean running,
        @Nullable Instant watermark,
        @Nullable Instant lastSyncAt,
        @Nullable Instant lastSuccessAt,
        long eventsTotal,
        long duplicatesTotal,
        long malformedTotal,
        double eventsPerMinute,
        @Nullable String lastError,
        @Nullable Instant lastErrorAt,
        @Nullable Instant oldestReceipt,
        @Nullable Long storeBytes,
        long retentionDays) {
}
