package com.example.smsconsole.deliverylog;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A log event of the receipt log group that is not a receipt the console can read, kept aside with
 * why, for support to act on.
 *
 * @param loggedAt when CloudWatch Logs says the event happened
 * @param reason why it was not read as a receipt
 * @param raw the event's text exactly as it is in the log group (an outside value: show it as text)
 */
public record MalformedReceipt(String eventId, @Nullable String logStream, Instant loggedAt, String reason, String raw) {
}
