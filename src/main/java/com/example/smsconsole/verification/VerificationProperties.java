package com.example.smsconsole.verification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sandbox verification settings ({@code app.verification.*}).
 *
 * @param resendCooldown how long after a code is sent before another may be sent to the same number
 * @param bulkCallsPerSecond AWS calls per second a bulk add makes at most
 * @param bulkMaxNumbers the most numbers one bulk add accepts
 */
@ConfigurationProperties("app.verification")
public record VerificationProperties(
        @DefaultValue("60s") Duration resendCooldown,
        @DefaultValue("2") double bulkCallsPerSecond,
        @DefaultValue("50") int bulkMaxNumbers) {
}
