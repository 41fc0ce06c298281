package com.example.smsconsole.aws;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
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
        log.debug("AWS client for {}", target.describe());
        return AwsClients.smsVoice(properties, target, httpClient, AwsClients.credentials(properties));
    }

    @Bean(destroyMethod = "close")
    CloudWatchLogsClient cloudWatchLogsClient(AwsProperties properties, AwsTarget target, SdkHttpClient httpClient) {
        return AwsClients.logs(properties, target, httpClient, AwsClients.credentials(properties));
    }
}
