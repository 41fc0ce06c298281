package com.example.smsconsole.deliverylog;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Delivery history settings ({@code app.delivery.*}).
 *
 * @param pendingAfter a message without a final receipt this long after its first one is flagged
 * @param exportCap the most rows one CSV export holds
 */
@ConfigurationProperties("app.delivery")
public record DeliveryViewProperties(
        @DefaultValue("3h") Duration pendingAfter,
        @DefaultValue("100000") int exportCap) {
}
