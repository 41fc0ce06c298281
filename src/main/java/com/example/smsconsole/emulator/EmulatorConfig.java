package com.example.smsconsole.emulator;

import com.example.smsconsole.aws.AwsEndpointOverride;
import com.example.smsconsole.emulator.ui.HandsetsNavigation;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.cloud.CloudPlatform;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Starts the emulator in the local profile, before the SDK clients are built (they ask for the
 * {@link AwsEndpointOverride}). The {@code aws} and {@code prod} profiles never start it, and refuse
 * to if asked.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "app.emulator.enabled", havingValue = "true", matchIfMissing = true)
class EmulatorConfig {

    private static final Logger log = LoggerFactory.getLogger(EmulatorConfig.class);

    EmulatorConfig(Environment environment) {
        if (environment.matchesProfiles("aws | prod") || CloudPlatform.getActive(environment) != null) {
            throw new IllegalStateException("""
                    The local AWS emulator does not run with the profile(s) %s: they talk to real AWS. \
                    Remove app.emulator.enabled=true (the aws and prod profiles set it to false)."""
                    .formatted(String.join(",", environment.getActiveProfiles())));
        }
    }

    @Bean(destroyMethod = "close")
    AwsEmulator awsEmulator(EmulatorProperties properties, Clock clock) {
        var emulator = new AwsEmulator(properties, clock);
        log.warn("""

                ======================================================================
                 LOCAL AWS EMULATOR (no AWS account is used)
                  endpoint  {}
                  data      {}
                  try       AWS_ACCESS_KEY_ID={} AWS_SECRET_ACCESS_KEY=... AWS_DEFAULT_REGION={} \\
                            aws --endpoint-url {} pinpoint-sms-voice-v2 describe-pools
                ======================================================================""",
                emulator.baseUri(), emulator.dataDir(), properties.accessKeyId(), properties.region(), emulator.baseUri());
        return emulator;
    }

    @Bean
    AwsEndpointOverride emulatorEndpoint(AwsEmulator emulator) {
        return emulator::baseUri;
    }

    @Bean
    HandsetsNavigation handsetsNavigation() {
        return new HandsetsNavigation();
    }
}
