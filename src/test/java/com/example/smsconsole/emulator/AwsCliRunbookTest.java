package com.example.smsconsole.emulator;

import static com.example.smsconsole.emulator.EmulatorFixture.CONFIG_SET;
import static com.example.smsconsole.emulator.EmulatorFixture.LOG_GROUP;
import static com.example.smsconsole.emulator.EmulatorFixture.POOL;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The runbook, run by independent clients: the AWS CLI and boto3 against the emulator (register,
 * verify a number, send to the simulator numbers, read the receipts with a filter pattern).
 */
class AwsCliRunbookTest {

    static final JsonMapper MAPPER = JsonMapper.builder().build();
    static EmulatorFixture fixture;

    record Result(int exitCode, String out, String err) {
        JsonNode json() {
            return MAPPER.readTree(out);
        }
    }

    @BeforeAll
    static void start() {
        fixture = new EmulatorFixture(Map.of("app.emulator.review.submitted-to-reviewing", "0s",
                "app.emulator.review.reviewing-to-decision", "1s", "app.emulator.review.provisioning", "0s"));
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void the_cli_registers_a_sender_and_sees_it_reviewed() {
        String id = aws("pinpoint-sms-voice-v2", "create-registration", "--registration-type", "US_TOLL_FREE_REGISTRATION")
                .json().path("RegistrationId").asString();
        assertThat(id).startsWith("registration-");
        var put = aws("pinpoint-sms-voice-v2", "put-registration-field-value", "--registration-id", id,
                "--field-path", "companyInfo.businessType", "--select-choices", "PRIVATE_PROFIT");
        assertThat(put.json().path("SelectChoices").get(0).asString()).isEqualTo("PRIVATE_PROFIT");
        var invalid = awsFailing("pinpoint-sms-voice-v2", "put-registration-field-value", "--registration-id", id,
                "--field-path", "companyInfo.website", "--text-value", "not a url");
        assertThat(invalid.err()).contains("ValidationException").contains("PutRegistrationFieldValue");
        String number = aws("pinpoint-sms-voice-v2", "request-phone-number", "--iso-country-code", "US", "--message-type", "TRANSACTIONAL",
                "--number-capabilities", "SMS", "--number-type", "TOLL_FREE").json().path("PhoneNumberId").asString();
        var associated = aws("pinpoint-sms-voice-v2", "create-registration-association", "--registration-id", id, "--resource-id", number);
        assertThat(associated.json().path("ResourceType").asString()).isEqualTo("TOLL_FREE");
        aws("pinpoint-sms-voice-v2", "submit-registration-version", "--registration-id", id);
        var status = aws("pinpoint-sms-voice-v2", "describe-registrations", "--registration-ids", id,
                "--query", "Registrations[0].RegistrationStatus", "--output", "text");
        assertThat(status.out().strip()).isIn("SUBMITTED", "REVIEWING", "REQUIRES_UPDATES");
    }

    @Test
    void the_cli_verifies_a_number_with_the_code_from_the_simulated_handset() {
        String number = "+14255550177";
        String id = aws("pinpoint-sms-voice-v2", "create-verified-destination-number", "--destination-phone-number", number)
                .json().path("VerifiedDestinationNumberId").asString();
        aws("pinpoint-sms-voice-v2", "send-destination-number-verification-code", "--verified-destination-number-id", id,
                "--verification-channel", "TEXT");
        String body = fixture.emulator.sms().handsets().stream().filter(h -> h.number.equals(number)).findFirst().orElseThrow()
                .messages.getLast().body;
        String code = body.replaceAll("\\D", "");
        var verified = aws("pinpoint-sms-voice-v2", "verify-destination-number", "--verified-destination-number-id", id,
                "--verification-code", code);
        assertThat(verified.json().path("Status").asString()).isEqualTo("VERIFIED");
    }

    @Test
    void the_cli_sends_to_the_simulator_numbers_and_reads_the_receipts_with_a_filter_pattern() {
        String success = aws("pinpoint-sms-voice-v2", "send-text-message", "--destination-phone-number", "+14254147755",
                "--message-body", "Test SMS from your application", "--origination-identity", POOL,
                "--configuration-set-name", CONFIG_SET).json().path("MessageId").asString();
        String failure = aws("pinpoint-sms-voice-v2", "send-text-message", "--destination-phone-number", "+14254147167",
                "--message-body", "Failure test", "--origination-identity", POOL, "--configuration-set-name", CONFIG_SET)
                .json().path("MessageId").asString();
        var invalid = awsFailing("pinpoint-sms-voice-v2", "send-text-message", "--destination-phone-number", "+1000000000",
                "--message-body", "x", "--origination-identity", POOL);
        assertThat(invalid.err()).contains("ValidationException");
        fixture.awaitReceipts();

        var delivered = aws("logs", "filter-log-events", "--log-group-name", LOG_GROUP,
                "--filter-pattern", "{ $.eventType = \"TEXT_SUCCESSFUL\" && $.isFinal IS TRUE }");
        assertThat(delivered.json().path("events").findValuesAsString("message")).anyMatch(m -> m.contains(success))
                .noneMatch(m -> m.contains(failure));
        var blocked = aws("logs", "filter-log-events", "--log-group-name", LOG_GROUP,
                "--filter-pattern", "{ $.messageId = \"" + failure + "\" && $.isFinal IS TRUE }",
                "--query", "events[*].message", "--output", "text");
        assertThat(blocked.out()).contains("TEXT_BLOCKED").doesNotContain("TEXT_QUEUED");
        var table = aws("logs", "filter-log-events", "--log-group-name", LOG_GROUP,
                "--start-time", String.valueOf(System.currentTimeMillis() - 1_800_000),
                "--query", "events[*].{Time:timestamp,Message:message}", "--output", "table");
        assertThat(table.out()).contains("TEXT_QUEUED").contains("TEXT_SUCCESSFUL").contains("TEXT_BLOCKED");
    }

    @Test
    void boto3_talks_to_the_emulator_too() throws IOException {
        String script = """
                import boto3, json, sys
                kw = dict(endpoint_url=sys.argv[1], region_name="us-east-1", aws_access_key_id="local", aws_secret_access_key="local")
                sms = boto3.client("pinpoint-sms-voice-v2", **kw)
                logs = boto3.client("logs", **kw)
                pools = sms.describe_pools()["Pools"]
                mid = sms.send_text_message(DestinationPhoneNumber="+14254147755", OriginationIdentity=pools[0]["PoolId"],
                                            ConfigurationSetName="app-sms-config-set", MessageBody="boto3 says hi")["MessageId"]
                try:
                    sms.verify_destination_number(VerifiedDestinationNumberId="vdn-missing", VerificationCode="123456")
                    code = None
                except sms.exceptions.ResourceNotFoundException as e:
                    code = e.response["Error"]["Code"]
                print(json.dumps({"pools": len(pools), "messageId": mid, "error": code}))
                """;
        Path file = Files.createTempFile(fixture.dataDir, "runbook", ".py");
        Files.writeString(file, script);
        Result result = run(List.of(python(), file.toString(), fixture.endpoint().toString()));
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode out = result.json();
        assertThat(out.path("pools").asInt()).isEqualTo(1);
        assertThat(out.path("messageId").asString()).isNotBlank();
        assertThat(out.path("error").asString()).isEqualTo("ResourceNotFoundException");
    }

    private static Result aws(String... args) {
        Result result = awsRun(args);
        assertThat(result.exitCode()).as("aws " + String.join(" ", args) + "\n" + result.err()).isZero();
        return result;
    }

    private static Result awsFailing(String... args) {
        Result result = awsRun(args);
        assertThat(result.exitCode()).as("aws " + String.join(" ", args) + " should fail").isNotZero();
        return result;
    }

    private static Result awsRun(String... args) {
        List<String> command = new ArrayList<>(List.of(executable("AWS_CLI", "aws"), "--endpoint-url", fixture.endpoint().toString()));
        command.addAll(List.of(args));
        if (!command.contains("--output")) {
            command.addAll(List.of("--output", "json"));
        }
        return run(command);
    }

    private static String python() {
        return executable("PYTHON", "python3");
    }

    private static Result run(List<String> command) {
        try {
            var builder = new ProcessBuilder(command);
            Map<String, String> env = builder.environment();
            env.put("AWS_ACCESS_KEY_ID", "local");
            env.put("AWS_SECRET_ACCESS_KEY", "local");
            env.put("AWS_DEFAULT_REGION", "us-east-1");
            env.put("AWS_CONFIG_FILE", "/dev/null");
            env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
            env.put("AWS_PAGER", "");
            env.remove("AWS_PROFILE");
            env.remove("AWS_SESSION_TOKEN");
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("Timed out: " + command);
            }
            return new Result(process.exitValue(), out, err);
        } catch (IOException e) {
            throw new AssertionError("Could not run " + command.getFirst() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** An executable from an environment variable or the PATH; its absence fails the test, it never skips. */
    private static String executable(String variable, String name) {
        String configured = System.getenv(variable);
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File candidate = new File(dir, name);
            if (candidate.canExecute()) {
                return candidate.getAbsolutePath();
            }
        }
        throw new AssertionError("'" + name + "' is not on the PATH: install the AWS CLI and boto3 (Debian packages awscli and "
                + "python3-boto3) or set " + variable + ".");
    }
}
