package com.example.smsconsole.sending;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Test send settings ({@code app.test-send.*}).
 *
 * @param maxPerMinute test texts one user may send per minute (dry runs included)
 * @param maxPerDay test texts one user may send per day
 * @param watchTimeout how long the page follows a message's receipts before it stops waiting
 * @param auditBody write the message body into the audit entry
 */
@ConfigurationProperties("app.test-send")
public record TestSendProperties(
        @DefaultValue("5") int maxPerMinute,
        @DefaultValue("100") int maxPerDay,
        @DefaultValue("2m") Duration watchTimeout,
        @DefaultValue("false") boolean auditBody) {
}
