package com.example.smsconsole.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.utils.StringInputStream;

/**
 * How SDK failures become {@link AwsCallException}s: missing credentials are told as credentials,
 * not as an unreachable AWS.
 */
class AwsCallsTest {

    static final SdkHttpClient HTTP = ApacheHttpClient.builder().build();

    @AfterAll
    static void close() {
        HTTP.close();
    }

    /** A client built the console's way, with credentials that cannot be found, pointed at a port nobody listens on. */
    static software.amazon.awssdk.services.pinpointsmsvoicev2.PinpointSmsVoiceV2Client client(AwsCredentialsProvider credentials) {
        var properties = new AwsProperties("us-east-1", null, null, null, Duration.ofSeconds(5), Duration.ofSeconds(2), 3);
        return AwsClients.smsVoice(properties, new AwsTarget("us-east-1", URI.create("http://127.0.0.1:9"), false), HTTP, credentials);
    }

    @Test
    void a_credentials_chain_that_finds_nothing_is_reported_as_missing_credentials() {
        // a profile file without the profile, and no aws.accessKeyId system property: the SDK's providers find nothing
        ProfileFile empty = ProfileFile.builder().content(new StringInputStream("[profile other]\nregion = us-east-1\n"))
                .type(ProfileFile.Type.CONFIGURATION).build();
        var chain = AwsCredentialsProviderChain.of(SystemPropertyCredentialsProvider.create(),
                ProfileCredentialsProvider.builder().profileFile(empty).profileName("console").build());
        try (var sms = client(chain)) {
            assertThatThrownBy(() -> AwsCalls.smsVoice("DescribeAccountAttributes", () -> sms.describeAccountAttributes(b -> { })))
                    .isInstanceOfSatisfying(AwsCallException.class, e -> {
                        assertThat(e.kind()).isEqualTo(AwsCallException.Kind.CREDENTIALS);
                        assertThat(e.errorCode()).isEqualTo("NoCredentials");
                        assertThat(e.userMessage()).startsWith("No AWS credentials found for DescribeAccountAttributes: set AWS_ACCESS_KEY_ID")
                                .contains("AWS_PROFILE").doesNotContain("Could not reach AWS").doesNotContain("Check the network");
                        assertThat(e.mayHaveBeenCarriedOut()).isFalse();
                    });
        }
    }

    @Test
    void a_single_profile_provider_without_the_profile_is_reported_as_missing_credentials() {
        ProfileFile empty = ProfileFile.builder().content(new StringInputStream("")).type(ProfileFile.Type.CREDENTIALS).build();
        try (var sms = client(ProfileCredentialsProvider.builder().profileFile(empty).profileName("console").build())) {
            assertThatThrownBy(() -> AwsCalls.smsVoice("SendTextMessage", () -> sms.sendTextMessage(b -> b
                    .destinationPhoneNumber("+14254147755").originationIdentity("pool-x").messageBody("hi"))))
                    .isInstanceOfSatisfying(AwsCallException.class, e -> {
                        assertThat(e.kind()).isEqualTo(AwsCallException.Kind.CREDENTIALS);
                        assertThat(e.userMessage()).startsWith("No AWS credentials found for SendTextMessage").endsWith("Nothing was sent to AWS.");
                    });
        }
    }

    @Test
    void a_refused_connection_is_unreachable_and_cannot_have_been_carried_out() {
        try (var sms = client(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("local", "local")))) {
            // port 9 (discard) is closed on loopback: the connection is refused before any byte of the request is sent
            assertThatThrownBy(() -> AwsCalls.smsVoice("SendTextMessage", () -> sms.sendTextMessage(b -> b
                    .destinationPhoneNumber("+14254147755").originationIdentity("pool-x").messageBody("hi"))))
                    .isInstanceOfSatisfying(AwsCallException.class, e -> {
                        assertThat(e.kind()).isEqualTo(AwsCallException.Kind.UNREACHABLE);
                        assertThat(e.userMessage()).startsWith("Could not reach AWS for SendTextMessage");
                        assertThat(e.mayHaveBeenCarriedOut()).isFalse();
                    });
        }
    }
}
