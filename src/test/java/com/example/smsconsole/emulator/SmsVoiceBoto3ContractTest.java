package com.example.smsconsole.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The emulator's newer operations through an independent client: boto3, with botocore's own
 * model and serializers. One Python run calls every operation (errors are recorded by their AWS
 * error code and reason) and prints what it saw; the tests check it.
 */
class SmsVoiceBoto3ContractTest {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    static final String SCRIPT = """
            import boto3, json, sys
            from botocore.exceptions import ClientError
            kw = dict(endpoint_url=sys.argv[1], region_name="us-east-1", aws_access_key_id="local", aws_secret_access_key="local")
            sms = boto3.client("pinpoint-sms-voice-v2", **kw)
            out = {}
            def call(name, fn, **args):
                try:
                    out[name] = getattr(sms, fn)(**args)
                    out[name].pop("ResponseMetadata", None)
                except ClientError as e:
                    out[name] = {"error": e.response["Error"]["Code"], "reason": e.response.get("Reason"), "resource": e.response.get("ResourceType"),
                                 "status": e.response["ResponseMetadata"]["HTTPStatusCode"]}
                return out[name]
            pool = sms.describe_pools()["Pools"][0]["PoolId"]
            sim = call("request_simulator", "request_phone_number", IsoCountryCode="US", MessageType="TRANSACTIONAL",
                       NumberCapabilities=["SMS"], NumberType="SIMULATOR", ClientToken="boto-1")
            call("request_simulator_again", "request_phone_number", IsoCountryCode="US", MessageType="TRANSACTIONAL",
                 NumberCapabilities=["SMS"], NumberType="SIMULATOR", ClientToken="boto-1")
            call("request_gb_simulator", "request_phone_number", IsoCountryCode="GB", MessageType="TRANSACTIONAL",
                 NumberCapabilities=["SMS"], NumberType="SIMULATOR")
            tf = call("request_toll_free", "request_phone_number", IsoCountryCode="US", MessageType="TRANSACTIONAL",
                      NumberCapabilities=["SMS"], NumberType="TOLL_FREE", DeletionProtectionEnabled=True)
            call("release_protected", "release_phone_number", PhoneNumberId=tf["PhoneNumberId"])
            call("update", "update_phone_number", PhoneNumberId=tf["PhoneNumberId"], DeletionProtectionEnabled=False)
            call("describe_toll_free", "describe_phone_numbers", Filters=[{"Name": "number-type", "Values": ["TOLL_FREE"]}])
            reg = sms.create_registration(RegistrationType="US_TOLL_FREE_REGISTRATION")["RegistrationId"]
            call("associate_registration", "create_registration_association", RegistrationId=reg, ResourceId=tf["PhoneNumberId"])
            call("list_associations", "list_registration_associations", RegistrationId=reg,
                 Filters=[{"Name": "resource-type", "Values": ["TOLL_FREE"]}])
            call("submit_without_fields", "submit_registration_version", RegistrationId=reg)
            call("associate_pool", "associate_origination_identity", PoolId=pool, OriginationIdentity=sim["PhoneNumberId"], IsoCountryCode="US")
            call("identities", "list_pool_origination_identities", PoolId=pool)
            call("disassociate_pool", "disassociate_origination_identity", PoolId=pool, OriginationIdentity=sim["PhoneNumberId"], IsoCountryCode="US")
            call("tag", "tag_resource", ResourceArn=tf["PhoneNumberArn"], Tags=[{"Key": "Name", "Value": "support line"}])
            call("tags", "list_tags_for_resource", ResourceArn=tf["PhoneNumberArn"])
            call("untag", "untag_resource", ResourceArn=tf["PhoneNumberArn"], TagKeys=["Name"])
            call("tags_after", "list_tags_for_resource", ResourceArn=tf["PhoneNumberArn"])
            call("release_associated", "release_phone_number", PhoneNumberId=sim["PhoneNumberId"])
            # what a platform manages besides registrations
            spare = call("request_spare", "request_phone_number", IsoCountryCode="US", MessageType="TRANSACTIONAL",
                         NumberCapabilities=["SMS"], NumberType="SIMULATOR")
            new_pool = call("create_pool", "create_pool", OriginationIdentity=spare["PhoneNumberId"], MessageType="TRANSACTIONAL",
                            DeletionProtectionEnabled=True)
            call("update_pool", "update_pool", PoolId=new_pool["PoolId"], DeletionProtectionEnabled=False, SharedRoutesEnabled=True)
            call("put_keyword", "put_keyword", OriginationIdentity=new_pool["PoolId"], Keyword="JOIN", KeywordMessage="Welcome.",
                 KeywordAction="OPT_IN")
            call("delete_keyword", "delete_keyword", OriginationIdentity=new_pool["PoolId"], Keyword="JOIN")
            call("delete_stop", "delete_keyword", OriginationIdentity=new_pool["PoolId"], Keyword="STOP")
            call("delete_pool", "delete_pool", PoolId=new_pool["PoolId"])
            call("create_set", "create_configuration_set", ConfigurationSetName="boto-set")
            call("default_type", "set_default_message_type", ConfigurationSetName="boto-set", MessageType="PROMOTIONAL")
            call("default_sender", "set_default_sender_id", ConfigurationSetName="boto-set", SenderId="BOTO")
            events = {"IamRoleArn": "arn:aws:iam::000000000000:role/boto-events",
                      "LogGroupArn": "arn:aws:logs:us-east-1:000000000000:log-group:/boto/events"}
            call("create_destination", "create_event_destination", ConfigurationSetName="boto-set", EventDestinationName="boto-logs",
                 MatchingEventTypes=["TEXT_ALL"], CloudWatchLogsDestination=events)
            call("create_destination_twice", "create_event_destination", ConfigurationSetName="boto-set", EventDestinationName="boto-logs",
                 MatchingEventTypes=["TEXT_ALL"], CloudWatchLogsDestination=events)
            call("update_destination", "update_event_destination", ConfigurationSetName="boto-set", EventDestinationName="boto-logs",
                 Enabled=False, MatchingEventTypes=["TEXT_DELIVERED", "TEXT_BLOCKED"])
            call("set_with_destination", "describe_configuration_sets", ConfigurationSetNames=["boto-set"])
            call("delete_destination", "delete_event_destination", ConfigurationSetName="boto-set", EventDestinationName="boto-logs")
            call("delete_destination_twice", "delete_event_destination", ConfigurationSetName="boto-set", EventDestinationName="boto-logs")
            call("set_without_destination", "describe_configuration_sets", ConfigurationSetNames=["boto-set"])
            call("delete_set", "delete_configuration_set", ConfigurationSetName="boto-set")
            call("create_defaults_set", "create_configuration_set", ConfigurationSetName="boto-defaults")
            sms.set_default_message_type(ConfigurationSetName="boto-defaults", MessageType="TRANSACTIONAL")
            sms.set_default_sender_id(ConfigurationSetName="boto-defaults", SenderId="BOTOTWO")
            call("defaults_set", "describe_configuration_sets", ConfigurationSetNames=["boto-defaults"])
            call("delete_default_type", "delete_default_message_type", ConfigurationSetName="boto-defaults")
            call("delete_default_sender", "delete_default_sender_id", ConfigurationSetName="boto-defaults")
            call("defaults_deleted", "describe_configuration_sets", ConfigurationSetNames=["boto-defaults"])
            sms.delete_configuration_set(ConfigurationSetName="boto-defaults")
            call("create_list", "create_opt_out_list", OptOutListName="boto-list")
            call("delete_list", "delete_opt_out_list", OptOutListName="boto-list")
            call("override", "set_text_message_spend_limit_override", MonthlyLimit=1)
            call("override_too_high", "set_text_message_spend_limit_override", MonthlyLimit=1000)
            call("delete_override", "delete_text_message_spend_limit_override")
            call("voice_override", "set_voice_message_spend_limit_override", MonthlyLimit=0)
            call("limits_voice_overridden", "describe_spend_limits")
            call("delete_voice_override", "delete_voice_message_spend_limit_override")
            call("limits_voice_deleted", "describe_spend_limits")
            call("sender_gb", "request_sender_id", SenderId="BOTOCO", IsoCountryCode="GB")
            call("sender_us", "request_sender_id", SenderId="BOTOCO", IsoCountryCode="US")
            call("senders", "describe_sender_ids", Filters=[{"Name": "iso-country-code", "Values": ["GB"]}])
            call("send_uk_pool", "send_text_message", DestinationPhoneNumber="+447860019066", OriginationIdentity=pool, MessageBody="hi")
            call("send_uk_sender", "send_text_message", DestinationPhoneNumber="+447860019066", OriginationIdentity="BOTOCO", MessageBody="hi")
            call("protect_sender", "update_sender_id", SenderId="BOTOCO", IsoCountryCode="GB", DeletionProtectionEnabled=True)
            call("release_protected_sender", "release_sender_id", SenderId="BOTOCO", IsoCountryCode="GB")
            call("unprotect_sender", "update_sender_id", SenderId="BOTOCO", IsoCountryCode="GB", DeletionProtectionEnabled=False)
            call("release_sender", "release_sender_id", SenderId=out["sender_gb"]["SenderIdArn"], IsoCountryCode="GB")
            call("sender_released", "describe_sender_ids", SenderIds=[{"SenderId": "BOTOCO", "IsoCountryCode": "GB"}])
            vdn = sms.create_verified_destination_number(DestinationPhoneNumber="+14255550166")["VerifiedDestinationNumberId"]
            call("code", "send_destination_number_verification_code", VerifiedDestinationNumberId=vdn, VerificationChannel="TEXT",
                 OriginationIdentity=pool, ConfigurationSetName="app-sms-config-set")
            import re, urllib.request
            handsets = json.load(urllib.request.urlopen(sys.argv[1] + "/_emulator/handsets"))
            body = [h for h in handsets if h["number"] == "+14255550166"][0]["messages"][-1]["body"]
            call("verify", "verify_destination_number", VerifiedDestinationNumberId=vdn, VerificationCode=re.sub(r"\\D", "", body))
            call("voice", "send_voice_message", DestinationPhoneNumber="+14255550166", OriginationIdentity=pool, MessageBody="Hello by voice")
            call("voice_simulator", "send_voice_message", DestinationPhoneNumber="+14254147755", OriginationIdentity=pool, MessageBody="x")
            call("not_implemented", "create_protect_configuration")
            print(json.dumps(out, default=str))
            """;

    static EmulatorFixture fixture;
    static JsonNode out;

    @BeforeAll
    static void run() throws IOException, InterruptedException {
        fixture = new EmulatorFixture(Map.of());
        Path file = Files.createTempFile(fixture.dataDir, "contract", ".py");
        Files.writeString(file, SCRIPT);
        var builder = new ProcessBuilder(List.of(python(), file.toString(), fixture.endpoint().toString()));
        builder.environment().put("AWS_CONFIG_FILE", "/dev/null");
        builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        Process process = builder.start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(stderr).isZero();
        out = MAPPER.readTree(stdout);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void phone_numbers_are_requested_idempotently_protected_updated_and_filtered() {
        assertThat(out.path("request_simulator").path("Status").asString()).isEqualTo("PENDING");
        assertThat(out.path("request_simulator_again").path("PhoneNumberId").asString())
                .isEqualTo(out.path("request_simulator").path("PhoneNumberId").asString());
        assertThat(out.path("request_gb_simulator").path("error").asString()).isEqualTo("ValidationException");
        assertThat(out.path("request_toll_free").path("NumberType").asString()).isEqualTo("TOLL_FREE");
        assertThat(out.path("release_protected").path("error").asString()).isEqualTo("ConflictException");
        assertThat(out.path("release_protected").path("reason").asString()).isEqualTo("DELETION_PROTECTION_ENABLED");
        assertThat(out.path("update").path("DeletionProtectionEnabled").asBoolean()).isFalse();
        assertThat(out.path("describe_toll_free").path("PhoneNumbers").findValuesAsString("PhoneNumberId"))
                .contains(out.path("request_toll_free").path("PhoneNumberId").asString())
                .allSatisfy(id -> assertThat(id).startsWith("phone-"));
    }

    @Test
    void a_toll_free_number_is_associated_with_its_registration() {
        assertThat(out.path("associate_registration").path("ResourceType").asString()).isEqualTo("TOLL_FREE");
        assertThat(out.path("list_associations").path("RegistrationAssociations")).hasSize(1);
        assertThat(out.path("list_associations").path("RegistrationType").asString()).isEqualTo("US_TOLL_FREE_REGISTRATION");
        assertThat(out.path("submit_without_fields").path("RegistrationVersionStatus").asString())
                .as("with its number the submit is accepted; the missing fields deny it later").isEqualTo("SUBMITTED");
    }

    @Test
    void pool_membership_and_tags() {
        assertThat(out.path("associate_pool").path("OriginationIdentity").asString())
                .isEqualTo(out.path("request_simulator").path("PhoneNumberId").asString());
        assertThat(out.path("identities").path("OriginationIdentities").findValuesAsString("OriginationIdentity"))
                .contains(out.path("request_simulator").path("PhoneNumberId").asString());
        assertThat(out.path("disassociate_pool").path("PoolId").asString()).startsWith("pool-");
        assertThat(out.path("tags").path("Tags").get(0).path("Value").asString()).isEqualTo("support line");
        assertThat(out.path("tags_after").path("Tags")).isEmpty();
        assertThat(out.path("release_associated").path("Status").asString()).isEqualTo("DELETED");
    }

    @Test
    void pools_keywords_configuration_sets_opt_out_lists_and_spend_limits() {
        assertThat(out.path("create_pool").path("DeletionProtectionEnabled").asBoolean()).isTrue();
        assertThat(out.path("update_pool").path("SharedRoutesEnabled").asBoolean()).isTrue();
        assertThat(out.path("put_keyword").path("KeywordAction").asString()).isEqualTo("OPT_IN");
        assertThat(out.path("delete_keyword").path("Keyword").asString()).isEqualTo("JOIN");
        assertThat(out.path("delete_stop").path("reason").asString()).isEqualTo("RESOURCE_DELETION_NOT_ALLOWED");
        assertThat(out.path("delete_pool").path("Status").asString()).isEqualTo("DELETING");
        assertThat(out.path("create_set").path("ConfigurationSetName").asString()).isEqualTo("boto-set");
        assertThat(out.path("default_type").path("MessageType").asString()).isEqualTo("PROMOTIONAL");
        assertThat(out.path("default_sender").path("SenderId").asString()).isEqualTo("BOTO");
        assertThat(out.path("delete_set").path("DefaultSenderId").asString()).isEqualTo("BOTO");
        assertThat(out.path("create_list").path("OptOutListArn").asString()).endsWith(":opt-out-list/boto-list");
        assertThat(out.path("delete_list").path("OptOutListName").asString()).isEqualTo("boto-list");
        assertThat(out.path("override").path("MonthlyLimit").asLong()).isEqualTo(1L);
        assertThat(out.path("override_too_high").path("reason").asString()).isEqualTo("REQUESTED_SPEND_LIMIT_HIGHER_THAN_SERVICE_LIMIT");
        assertThat(out.path("delete_override").path("MonthlyLimit").asLong()).isEqualTo(1L);
    }

    @Test
    void event_destinations_are_created_updated_and_deleted_on_a_configuration_set() {
        JsonNode created = out.path("create_destination");
        assertThat(created.path("ConfigurationSetName").asString()).isEqualTo("boto-set");
        assertThat(created.path("ConfigurationSetArn").asString()).endsWith(":configuration-set/boto-set");
        assertThat(created.path("EventDestination").path("EventDestinationName").asString()).isEqualTo("boto-logs");
        assertThat(created.path("EventDestination").path("Enabled").asBoolean()).isTrue();
        assertThat(created.path("EventDestination").path("MatchingEventTypes").valueStream().map(JsonNode::asString)).containsExactly("TEXT_ALL");
        assertThat(created.path("EventDestination").path("CloudWatchLogsDestination").path("LogGroupArn").asString())
                .isEqualTo("arn:aws:logs:us-east-1:000000000000:log-group:/boto/events");
        assertThat(created.path("EventDestination").path("CloudWatchLogsDestination").path("IamRoleArn").asString())
                .isEqualTo("arn:aws:iam::000000000000:role/boto-events");
        assertThat(out.path("create_destination_twice").path("error").asString()).isEqualTo("ConflictException");
        assertThat(out.path("create_destination_twice").path("reason").asString()).isEqualTo("RESOURCE_ALREADY_EXISTS");

        JsonNode updated = out.path("update_destination").path("EventDestination");
        assertThat(updated.path("Enabled").asBoolean(true)).isFalse();
        assertThat(updated.path("MatchingEventTypes").valueStream().map(JsonNode::asString)).containsExactlyInAnyOrder("TEXT_DELIVERED", "TEXT_BLOCKED");
        assertThat(updated.path("CloudWatchLogsDestination").path("LogGroupArn").asString())
                .as("members not in the update stay").isEqualTo("arn:aws:logs:us-east-1:000000000000:log-group:/boto/events");
        JsonNode described = out.path("set_with_destination").path("ConfigurationSets").get(0).path("EventDestinations");
        assertThat(described).hasSize(1);
        assertThat(described.get(0).path("Enabled").asBoolean(true)).isFalse();

        assertThat(out.path("delete_destination").path("EventDestination").path("EventDestinationName").asString()).isEqualTo("boto-logs");
        assertThat(out.path("delete_destination_twice").path("error").asString()).isEqualTo("ResourceNotFoundException");
        assertThat(out.path("delete_destination_twice").path("resource").asString()).isEqualTo("event-destination");
        assertThat(out.path("set_without_destination").path("ConfigurationSets").get(0).path("EventDestinations")).isEmpty();
    }

    @Test
    void a_configuration_set_default_message_type_and_sender_id_are_deleted() {
        JsonNode before = out.path("defaults_set").path("ConfigurationSets").get(0);
        assertThat(before.path("DefaultMessageType").asString()).isEqualTo("TRANSACTIONAL");
        assertThat(before.path("DefaultSenderId").asString()).isEqualTo("BOTOTWO");
        assertThat(out.path("delete_default_type").path("ConfigurationSetName").asString()).isEqualTo("boto-defaults");
        assertThat(out.path("delete_default_type").has("error")).isFalse();
        assertThat(out.path("delete_default_sender").path("ConfigurationSetName").asString()).isEqualTo("boto-defaults");
        assertThat(out.path("delete_default_sender").has("error")).isFalse();
        JsonNode after = out.path("defaults_deleted").path("ConfigurationSets").get(0);
        assertThat(after.has("DefaultMessageType")).as(after.toString()).isFalse();
        assertThat(after.has("DefaultSenderId")).as(after.toString()).isFalse();
    }

    @Test
    void a_voice_spend_limit_override_is_set_and_deleted() {
        assertThat(out.path("voice_override").path("MonthlyLimit").asLong(-1)).isZero();
        JsonNode overridden = spendLimit("limits_voice_overridden", "VOICE_MESSAGE_MONTHLY_SPEND_LIMIT");
        assertThat(overridden.path("EnforcedLimit").asLong(-1)).isZero();
        assertThat(overridden.path("Overridden").asBoolean()).isTrue();
        // DeleteVoiceMessageSpendLimitOverride: deleting an override sets the EnforcedLimit to the MaxLimit
        JsonNode deleted = spendLimit("limits_voice_deleted", "VOICE_MESSAGE_MONTHLY_SPEND_LIMIT");
        assertThat(deleted.path("MaxLimit").asLong()).isPositive();
        assertThat(deleted.path("Overridden").asBoolean(true)).isFalse();
        assertThat(deleted.path("EnforcedLimit").asLong()).isEqualTo(deleted.path("MaxLimit").asLong());
        assertThat(out.path("delete_voice_override").path("MonthlyLimit").asLong()).isEqualTo(deleted.path("MaxLimit").asLong());
    }

    private static JsonNode spendLimit(String call, String name) {
        return out.path(call).path("SpendLimits").valueStream().filter(l -> l.path("Name").asString().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " missing in " + out.path(call)));
    }

    @Test
    void sender_ids_voice_messages_and_unimplemented_operations() {
        assertThat(out.path("sender_gb").path("SenderIdArn").asString()).endsWith(":sender-id/BOTOCO/GB");
        assertThat(out.path("sender_us").path("reason").asString()).isEqualTo("SENDER_ID_NOT_SUPPORTED");
        assertThat(out.path("senders").path("SenderIds")).hasSize(1);
        assertThat(out.path("send_uk_pool").path("reason").asString()).isEqualTo("NO_ORIGINATION_IDENTITIES_FOUND");
        assertThat(out.path("send_uk_sender").path("MessageId").asString()).isNotBlank();
        assertThat(out.path("protect_sender").path("DeletionProtectionEnabled").asBoolean()).isTrue();
        assertThat(out.path("protect_sender").path("SenderIdArn").asString()).endsWith(":sender-id/BOTOCO/GB");
        assertThat(out.path("release_protected_sender").path("error").asString()).isEqualTo("ConflictException");
        assertThat(out.path("release_protected_sender").path("reason").asString()).isEqualTo("DELETION_PROTECTION_ENABLED");
        assertThat(out.path("unprotect_sender").path("DeletionProtectionEnabled").asBoolean(true)).isFalse();
        assertThat(out.path("release_sender").path("SenderId").asString()).isEqualTo("BOTOCO");
        assertThat(out.path("release_sender").path("IsoCountryCode").asString()).isEqualTo("GB");
        assertThat(out.path("sender_released").path("error").asString()).isEqualTo("ResourceNotFoundException");
        assertThat(out.path("sender_released").path("resource").asString()).isEqualTo("sender-id");
        assertThat(out.path("verify").path("Status").asString()).isEqualTo("VERIFIED");
        assertThat(out.path("voice").path("MessageId").asString()).isNotBlank();
        assertThat(out.path("voice_simulator").path("reason").asString()).isEqualTo("NO_ORIGINATION_IDENTITIES_FOUND");
        assertThat(out.path("not_implemented").path("status").asInt()).isEqualTo(501);
        assertThat(out.path("not_implemented").path("error").asString()).isEqualTo("NotImplementedException");
    }

    static String python() {
        String configured = System.getenv("PYTHON");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File candidate = new File(dir, "python3");
            if (candidate.canExecute()) {
                return candidate.getAbsolutePath();
            }
        }
        throw new AssertionError("python3 with boto3 is not on the PATH (Debian package python3-boto3), or set PYTHON.");
    }
}
