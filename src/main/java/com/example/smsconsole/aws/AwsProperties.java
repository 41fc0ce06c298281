package com.example.smsconsole.aws;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the console reaches AWS ({@code app.aws.*}).
 *
 * @param region the AWS region of the SMS resources
 * @param endpoint an endpoint override for both services (for example a remote emulator); when
 *     the embedded emulator runs it provides the endpoint itself
 * @param accessKeyId fixed credentials for an emulator; empty means the default credentials chain
 *     (environment, profile, web identity, instance role), which is what real AWS uses
 * @param apiCallTimeout time limit for one SDK call including retries
 * @param apiCallAttemptTimeout time limit for one HTTP attempt
 * @param maxAttempts attempts of the standard retry mode (first try included)
 */
@ConfigurationProperties("app.aws")
public record AwsProperties(
        @DefaultValue("us-east-1") String region,
        @Nullable URI endpoint,
        @Nullable String accessKeyId,
        @Nullable String secretAccessKey,
        @DefaultValue("30s") Duration apiCallTimeout,
        @DefaultValue("10s") Duration apiCallAttemptTimeout,
        @DefaultValue("3") int maxAttempts) {

    public boolean hasStaticCredentials() {
        return accessKeyId != null && !accessKeyId.isBlank() && secretAccessKey != null && !secretAccessKey.isBlank();
    }
}
