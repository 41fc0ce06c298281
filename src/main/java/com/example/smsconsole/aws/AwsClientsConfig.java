package com.example.smsconsole.aws;

import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.pinpointsmsvoicev2.PinpointSmsVoiceV2Client;

/**
 * Builds the SDK clients once, from {@link AwsProperties}: region, an endpoint override when an
 * emulator is used, timeouts, the standard retry mode, and either fixed emulator credentials or the
 * default credentials chain.
 */
@Configuration(proxyBeanMethods = false)
class AwsClientsConfig {

    private static final Logger log = LoggerFactory.getLogger(AwsClientsConfig.class);

    @Bean
    AwsTarget awsTarget(AwsProperties properties, ObjectProvider<AwsEndpointOverride> override) {
        AwsEndpointOverride emulator = override.getIfAvailable();
        return emulator != null
                ? new AwsTarget(properties.region(), emulator.endpoint(), true)
                : new AwsTarget(properties.region(), properties.endpoint(), false);
    }

    @Bean(destroyMethod = "close")
    SdkHttpClient awsHttpClient() {
        return ApacheHttpClient.builder().maxConnections(50).build();
    }

    @Bean(destroyMethod = "close")
    PinpointSmsVoiceV2Client pinpointSmsVoiceV2Client(AwsProperties properties, AwsTarget target, SdkHttpClient httpClient) {
        return configure(PinpointSmsVoiceV2Client.builder(), properties, target, httpClient).build();
    }

    @Bean(destroyMethod = "close")
    CloudWatchLogsClient cloudWatchLogsClient(AwsProperties properties, AwsTarget target, SdkHttpClient httpClient) {
        return configure(CloudWatchLogsClient.builder(), properties, target, httpClient).build();
    }

    private static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(
            B builder, AwsProperties properties, AwsTarget target, SdkHttpClient httpClient) {
        builder.region(Region.of(properties.region()))
                .credentialsProvider(credentials(properties))
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
        log.debug("AWS client for {}", target.describe());
        return builder;
    }

    private static AwsCredentialsProvider credentials(AwsProperties properties) {
        if (properties.hasStaticCredentials()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(properties.accessKeyId(), properties.secretAccessKey()));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
