package com.example.smsconsole.emulator;

import static com.example.smsconsole.emulator.EmulatorFixture.POOL;
import static com.example.smsconsole.emulator.EmulatorFixture.SIM_SUCCESS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.smsconsole.emulator.protocol.FaultInjector;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CloudWatchLogsException;
import software.amazon.awssdk.services.pinpointsmsvoicev2.PinpointSmsVoiceV2Client;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.AccessDeniedException;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.InternalServerException;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.PinpointSmsVoiceV2Exception;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.ThrottlingException;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.ValidationException;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.ValidationExceptionReason;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The wire: signatures, request ids, AWS error bodies, model validation, fault injection, restarts. */
class EmulatorProtocolContractTest {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    EmulatorFixture fixture;
    PinpointSmsVoiceV2Client sms;

    @BeforeEach
    void start() {
        fixture = new EmulatorFixture(Map.of());
        sms = fixture.sms;
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void every_answer_carries_a_request_id_success_or_error() {
        assertThat(sms.describePools(b -> {}).responseMetadata().requestId()).matches("[0-9a-f-]{36}");
        assertThatThrownBy(() -> sms.describePools(b -> b.poolIds("pool-0000")))
                .isInstanceOfSatisfying(PinpointSmsVoiceV2Exception.class, e -> {
                    assertThat(e.requestId()).matches("[0-9a-f-]{36}");
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
                });
    }

    @Test
    void input_is_validated_against_the_service_model_with_the_fields_named() {
        assertThatThrownBy(() -> sms.describePools(b -> b.maxResults(500)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ValidationExceptionReason.INVALID_PARAMETER);
                    assertThat(e.fields()).extracting(f -> f.name()).containsExactly("MaxResults");
                });
        assertThatThrownBy(() -> sms.createRegistration(b -> {}))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ValidationExceptionReason.MISSING_PARAMETER);
                    assertThat(e.fields()).extracting(f -> f.name()).containsExactly("RegistrationType");
                });
        assertThatThrownBy(() -> sms.sendTextMessage(b -> b.destinationPhoneNumber("not a number").messageBody("x")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fields()).extracting(f -> f.name()).contains("DestinationPhoneNumber"));
        assertThatThrownBy(() -> fixture.logs.filterLogEvents(b -> b.logGroupName("x").limit(20_000)))
                .isInstanceOfSatisfying(CloudWatchLogsException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterException"));
    }

    @Test
    void a_wrong_secret_or_an_unknown_key_is_refused_like_aws() {
        try (var wrongSecret = fixture.smsClient("local", "not-the-secret", 1); var unknownKey = fixture.smsClient("AKIDSOMEONEELSE", "local", 1)) {
            assertThatThrownBy(() -> wrongSecret.describePools(b -> {}))
                    .isInstanceOfSatisfying(PinpointSmsVoiceV2Exception.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
                        assertThat(e.statusCode()).isEqualTo(403);
                    });
            assertThatThrownBy(() -> unknownKey.describePools(b -> {}))
                    .isInstanceOfSatisfying(PinpointSmsVoiceV2Exception.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException"));
        }
    }

    @Test
    void unknown_operations_malformed_json_and_unsigned_requests_get_aws_errors_not_stack_traces() throws IOException {
        JsonNode unknown = raw("PinpointSMSVoiceV2.LaunchRocket", "{}", true);
        assertThat(unknown.path("__type").asString()).isEqualTo("UnknownOperationException");
        JsonNode unknownService = raw("Nope_2020.Describe", "{}", true);
        assertThat(unknownService.path("__type").asString()).isEqualTo("UnknownOperationException");
        JsonNode malformed = raw("PinpointSMSVoiceV2.DescribePools", "{\"MaxResults\": ", true);
        assertThat(malformed.path("__type").asString()).isEqualTo("SerializationException");
        JsonNode unsigned = raw("PinpointSMSVoiceV2.DescribePools", "{}", false);
        assertThat(unsigned.path("__type").asString()).isEqualTo("MissingAuthenticationTokenException");
        for (JsonNode error : new JsonNode[] {unknown, malformed, unsigned}) {
            assertThat(error.toString()).doesNotContain("at com.").doesNotContain("Exception:");
        }
    }

    @Test
    void injected_throttling_is_retried_by_the_sdk_and_surfaces_once_retries_run_out() {
        fixture.emulator.faults().add(new FaultInjector.Rule("sms-voice", "DescribePools", FaultInjector.Kind.THROTTLE, 1, 0));
        assertThat(sms.describePools(b -> {}).pools()).hasSize(1);

        fixture.emulator.faults().add(new FaultInjector.Rule("sms-voice", "SendTextMessage", FaultInjector.Kind.THROTTLE, 0, 0));
        assertThatThrownBy(() -> sms.sendTextMessage(b -> b.destinationPhoneNumber(SIM_SUCCESS).originationIdentity(POOL).messageBody("x")))
                .isInstanceOfSatisfying(ThrottlingException.class, e -> assertThat(e.numAttempts()).isEqualTo(3));
        fixture.emulator.faults().clear();
        assertThat(sms.sendTextMessage(b -> b.destinationPhoneNumber(SIM_SUCCESS).originationIdentity(POOL).messageBody("x")).messageId()).isNotBlank();
    }

    @Test
    void injected_server_errors_access_denied_and_latency() {
        fixture.emulator.faults().add(new FaultInjector.Rule("*", "DescribeAccountAttributes", FaultInjector.Kind.SERVER_ERROR, 0, 0));
        assertThatThrownBy(() -> sms.describeAccountAttributes(b -> {}))
                .isInstanceOfSatisfying(InternalServerException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
        fixture.emulator.faults().add(new FaultInjector.Rule("sms-voice", "DescribePhoneNumbers", FaultInjector.Kind.ACCESS_DENIED, 0, 0));
        assertThatThrownBy(() -> sms.describePhoneNumbers(b -> {}))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.getMessage())
                        .contains("not authorized to perform: sms-voice:DescribePhoneNumbers"));
        fixture.emulator.faults().add(new FaultInjector.Rule("logs", "*", FaultInjector.Kind.SERVER_ERROR, 0, 0));
        assertThatThrownBy(() -> fixture.logs.describeLogGroups(b -> {}))
                .isInstanceOfSatisfying(CloudWatchLogsException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ServiceUnavailableException"));
        fixture.emulator.faults().add(new FaultInjector.Rule("sms-voice", "DescribePools", FaultInjector.Kind.LATENCY, 0, 1500));
        try (var impatient = fixture.smsClient(Duration.ofMillis(300))) {
            assertThatThrownBy(() -> impatient.describePools(b -> {})).isInstanceOf(ApiCallAttemptTimeoutException.class);
        }
    }

    @Test
    void state_survives_a_restart() {
        String registration = sms.createRegistration(b -> b.registrationType("US_TOLL_FREE_REGISTRATION")).registrationId();
        sms.putRegistrationFieldValue(b -> b.registrationId(registration).fieldPath("companyInfo.companyName").textValue("Example Corp"));
        sms.createVerifiedDestinationNumber(b -> b.destinationPhoneNumber("+14255550101"));
        sms.putOptedOutNumber(b -> b.optOutListName("Default").optedOutNumber("+14255550102"));
        String messageId = sms.sendTextMessage(b -> b.destinationPhoneNumber(SIM_SUCCESS).originationIdentity(POOL)
                .configurationSetName(EmulatorFixture.CONFIG_SET).messageBody("before restart")).messageId();
        fixture.awaitReceipts();

        fixture = fixture.restart();
        sms = fixture.sms;

        assertThat(sms.describeRegistrationFieldValues(b -> b.registrationId(registration)).registrationFieldValues())
                .extracting(v -> v.textValue()).containsExactly("Example Corp");
        assertThat(sms.describeVerifiedDestinationNumbers(b -> {}).verifiedDestinationNumbers()).hasSize(1);
        assertThat(sms.describeOptedOutNumbers(b -> b.optOutListName("Default")).optedOutNumbers()).hasSize(1);
        assertThat(fixture.logs.filterLogEventsPaginator(b -> b.logGroupName(EmulatorFixture.LOG_GROUP)
                .filterPattern("\"" + messageId + "\"")).events()).as("TEXT_QUEUED and the final TEXT_SUCCESSFUL of a US destination")
                .hasSize(2);
        assertThat(sms.describePools(b -> {}).pools()).hasSize(1);
    }

    private JsonNode raw(String target, String body, boolean sign) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(fixture.endpoint())
                .encodedPath("/")
                .putHeader("X-Amz-Target", target)
                .putHeader("Content-Type", "application/x-amz-json-1.0")
                .build();
        if (sign) {
            SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r.identity(AwsBasicCredentials.create("local", "local"))
                    .request(request)
                    .payload(() -> new ByteArrayInputStream(bytes))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sms-voice")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"));
            return execute(signed.request(), bytes);
        }
        return execute(request, bytes);
    }

    private JsonNode execute(SdkHttpRequest request, byte[] body) throws IOException {
        HttpExecuteResponse response = fixture.http.prepareRequest(HttpExecuteRequest.builder().request(request)
                .contentStreamProvider(() -> new ByteArrayInputStream(body)).build()).call();
        assertThat(response.httpResponse().firstMatchingHeader("x-amzn-RequestId")).isPresent();
        assertThat(response.httpResponse().statusCode()).isBetween(400, 499);
        try (var in = response.responseBody().orElseThrow()) {
            return MAPPER.readTree(in);
        }
    }
}
