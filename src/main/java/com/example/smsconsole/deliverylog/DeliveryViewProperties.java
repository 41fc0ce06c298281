package com.example.smsconsole.deliverylog;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Delivery history settings ({@code app.delivery.*}).
 *
 * @param pendingAfter a message without a final receipt this long after its first one is flagged
 * @param exportCap the most rows one CSV export holds
 * @param retention how long receipts, messages and their counts are kept (by event time)
 * @param retentionInterval pause between retention runs
 * @param retentionBatch rows removed per transaction
 */
@ConfigurationProperties("app.delivery")
public record DeliveryViewProperties(
        @DefaultValue("3h") Duration pendingAfter,
        @DefaultValue("100000") int exportCap,
        @DefaultValue("400d") Duration retention,
        @DefaultValue("1h") Duration retentionInterval,
        @DefaultValue("5000") int retentionBatch) {
}
