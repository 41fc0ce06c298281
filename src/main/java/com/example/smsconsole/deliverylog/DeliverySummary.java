package com.example.smsconsole.deliverylog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Messages first seen in a time window, by their latest state.
 *
 * @param messages all messages
 * @param delivered messages whose latest receipt is a success (delivered or accepted by the carrier)
 * @param failedByType failed messages by failure type
 * @param inProgress messages still queued or pending
 * @param spend message price plus carrier fees, USD
 * @param topFailures the most frequent failure descriptions
 */
public record DeliverySummary(Instant from, Instant to, long messages, long delivered, Map<String, Long> failedByType, long inProgress,
        BigDecimal spend, List<Failure> topFailures) {

    /** One failure description and how many messages ended with it. */
    public record Failure(String eventType, String description, long messages) {
    }

    public long failed() {
        return failedByType.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Delivered share of the messages that reached a final state, 0..1; NaN when none did. */
    public double deliveryRate() {
        long decided = delivered + failed();
        return decided == 0 ? Double.NaN : (double) delivered / decided;
    }
}
