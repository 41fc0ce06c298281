package com.example.smsconsole.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.pinpointsmsvoicev2.PinpointSmsVoiceV2Client;

/**
 * A standalone emulator for contract tests: its own data directory, any free port, strict
 * responses, short simulated delays, and real SDK clients pointed at it.
 */
final class EmulatorFixture implements AutoCloseable {

    static final String POOL = "pool-5f3c2b9a7d0e41c8a6b19e27d4f08c31";
    static final String CONFIG_SET = "app-sms-config-set";
    static final String LOG_GROUP = "/aws/sms-voice/app-sms/sms-notifications/delivery-receipts";
    static final String SIM_SUCCESS = "+14254147755";
    static final String SIM_FAILURE = "+14254147167";

    final Path dataDir;
    final AwsEmulator emulator;
    final SdkHttpClient http = ApacheHttpClient.builder().build();
    final PinpointSmsVoiceV2Client sms;
    final CloudWatchLogsClient logs;
    private final Map<String, String> settings;

    EmulatorFixture(Map<String, String> overrides) {
        this(newDir(), overrides);
    }

    EmulatorFixture(Path dataDir, Map<String, String> overrides) {
        this.dataDir = dataDir;
        this.settings = new HashMap<>(Map.of(
                "app.emulator.port", "0",
                "app.emulator.data-dir", dataDir.toString(),
                "app.emulator.strict", "true",
                "app.emulator.delivery.queued", "50ms",
                "app.emulator.delivery.successful", "100ms",
                "app.emulator.delivery.delivered", "150ms",
                "app.emulator.delivery.failure", "100ms",
                "app.emulator.verification.min-age-before-delete", "0s"));
        settings.putAll(overrides);
        this.emulator = new AwsEmulator(properties(settings), Clock.systemUTC());
        this.sms = smsClient("local", "local", 3);
        this.logs = logsClient("local", "local", 3);
    }

    /** The same data directory, started again (a restart). */
    EmulatorFixture restart() {
        close();
        return new EmulatorFixture(dataDir, settings);
    }

    static EmulatorProperties properties(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("app.emulator", EmulatorProperties.class);
    }

    URI endpoint() {
        return emulator.baseUri();
    }

    PinpointSmsVoiceV2Client smsClient(String accessKey, String secret, int maxAttempts) {
        return PinpointSmsVoiceV2Client.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secret)))
                .httpClient(http)
                .overrideConfiguration(override(maxAttempts, Duration.ofSeconds(10)))
                .build();
    }

    PinpointSmsVoiceV2Client smsClient(Duration attemptTimeout) {
        return PinpointSmsVoiceV2Client.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(http)
                .overrideConfiguration(override(1, attemptTimeout))
                .build();
    }

    CloudWatchLogsClient logsClient(String accessKey, String secret, int maxAttempts) {
        return CloudWatchLogsClient.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secret)))
                .httpClient(http)
                .overrideConfiguration(override(maxAttempts, Duration.ofSeconds(10)))
                .build();
    }

    private static ClientOverrideConfiguration override(int maxAttempts, Duration attemptTimeout) {
        return ClientOverrideConfiguration.builder()
                .apiCallAttemptTimeout(attemptTimeout)
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(maxAttempts).build())
                .build();
    }

    /** Lets simulated time pass and the emulator's time-driven work run. */
    void advance(Duration duration) {
        emulator.clock().advance(duration);
        emulator.sms().tick();
    }

    /** Waits (real time) until the emulator has written every due delivery receipt. */
    void awaitReceipts() {
        long deadline = System.currentTimeMillis() + 5000;
        while (System.currentTimeMillis() < deadline) {
            emulator.sms().tick();
            synchronized (emulator.sms().lock()) {
                if (emulator.sms().state().pendingEvents.isEmpty()) {
                    return;
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("Delivery receipts did not arrive within 5 s");
    }

    @Override
    public void close() {
        sms.close();
        logs.close();
        emulator.close();
        http.close();
    }

    private static Path newDir() {
        try {
            Files.createDirectories(Path.of("target"));
            return Files.createTempDirectory(Path.of("target"), "emulator-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
