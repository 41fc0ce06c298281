package com.example.smsconsole.aws;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.pinpointsmsvoicev2.PinpointSmsVoiceV2Client;

/**
 * How the console's SDK clients are built (region, endpoint, timeouts, the standard retry mode,
 * credentials), and the retry rule for calls that must reach AWS at most once.
 *
 * @see "Design decision: docs/decisions/015-20261202-no-blind-retries.md"
 */
public final class AwsClients {

    private AwsClients() {
    }

    /** The End User Messaging SMS client, built from the console's settings. */
    public static PinpointSmsVoiceV2Client smsVoice(AwsProperties properties, AwsTarget target, SdkHttpClient httpClient,
            AwsCredentialsProvider credentials) {
        return configure(PinpointSmsVoiceV2Client.builder(), properties, target, httpClient, credentials).build();
    }

    /** The CloudWatch Logs client, built from the console's settings. */
    public static CloudWatchLogsClient logs(AwsProperties properties, AwsTarget target, SdkHttpClient httpClient,
            AwsCredentialsProvider credentials) {
        return configure(CloudWatchLogsClient.builder(), properties, target, httpClient, credentials).build();
    }

    /** Fixed credentials when configured (an emulator), otherwise the SDK's default credentials chain. */
    public static AwsCredentialsProvider credentials(AwsProperties properties) {
        if (properties.hasStaticCredentials()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(properties.accessKeyId(), properties.secretAccessKey()));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    private static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder, AwsProperties properties,
            AwsTarget target, SdkHttpClient httpClient, AwsCredentialsProvider credentials) {
        builder.region(Region.of(properties.region()))
                .credentialsProvider(credentials)
                .httpClient(httpClient)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(properties.apiCallTimeout())
                        .apiCallAttemptTimeout(properties.apiCallAttemptTimeout())
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(properties.maxAttempts()).build())
                        .build());
        URI endpoint = target.endpoint();
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder;
    }

    /**
     * A request-level plugin for a call AWS cannot de-duplicate (no client token, for example
     * SendTextMessage): the SDK retries it only when AWS answered with throttling, which means AWS
     * did not accept the request. A time-out, an I/O error or a 5xx is not retried, because the
     * first request may have been carried out. The number of attempts stays the client's.
     *
     * <p>SdkPlugin (SDK API reference): a request-level plugin "can override client-level
     * configuration for specific requests", retry policies included.
     */
    public static final SdkPlugin AT_MOST_ONCE = config -> {
        ClientOverrideConfiguration current = config.overrideConfiguration();
        int attempts = current.retryStrategy().map(RetryStrategy::maxAttempts).orElse(3);
        config.overrideConfiguration(current.toBuilder().retryStrategy(retryOnlyThrottling(attempts)).build());
    };

    /** A standard-mode strategy that retries nothing but throttling, with the SDK's throttling back-off. */
    static RetryStrategy retryOnlyThrottling(int maxAttempts) {
        // the SDK's standard mode backs off 100 ms (1 s after throttling) doubling up to 20 s
        // (AWS SDKs and Tools reference guide, "Retry behavior")
        return DefaultRetryStrategy.standardStrategyBuilder()
                .maxAttempts(maxAttempts)
                .retryOnException(AwsClients::throttled)
                .treatAsThrottling(AwsClients::throttled)
                .backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(100), Duration.ofSeconds(20)))
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofSeconds(1), Duration.ofSeconds(20)))
                .useClientDefaults(false)
                .build();
    }

    /** AWS answered "throttled" (for example ThrottlingException, HTTP 429): the request was not accepted. */
    static boolean throttled(@Nullable Throwable failure) {
        return failure instanceof AwsServiceException e && e.isThrottlingException();
    }
}
