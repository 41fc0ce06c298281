package com.example.smsconsole.deliverylog;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Ingestion of delivery receipts ({@code app.delivery.ingest.*}).
 *
 * @param interval pause between runs
 * @param overlap how far before the watermark each run starts again, so receipts that reach
 *     CloudWatch Logs late are not missed (event ids keep them from being stored twice)
 * @param initialLookback where the first run starts when nothing is stored yet
 * @param pageLimit events asked for per FilterLogEvents call (at most 10,000)
 * @param maxCallsPerSecond FilterLogEvents calls per second, never more (AWS allows 5 per account)
 * @param leaseDuration how long one instance holds the ingestion lease without renewing it
 * @param throttleBackoff first pause after a throttled call; doubles up to 30 s
 * @param commitEvents receipts stored per transaction (pages are gathered up to this many)
 */
@ConfigurationProperties("app.delivery.ingest")
public record IngestionProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("5s") Duration interval,
        @DefaultValue("5m") Duration overlap,
        @DefaultValue("14d") Duration initialLookback,
        @DefaultValue("10000") int pageLimit,
        @DefaultValue("3") double maxCallsPerSecond,
        @DefaultValue("60s") Duration leaseDuration,
        @DefaultValue("500ms") Duration throttleBackoff,
        @DefaultValue("10000") int commitEvents) {
}
