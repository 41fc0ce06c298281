package com.example.smsconsole.emulator;

import static com.example.smsconsole.emulator.EmulatorFixture.CONFIG_SET;
import static com.example.smsconsole.emulator.EmulatorFixture.LOG_GROUP;
import static com.example.smsconsole.emulator.EmulatorFixture.POOL;
import static com.example.smsconsole.emulator.EmulatorFixture.SIM_FAILURE;
import static com.example.smsconsole.emulator.EmulatorFixture.SIM_SUCCESS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.pinpointsmsvoicev2.PinpointSmsVoiceV2Client;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.ConflictException;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.MessageType;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.ResourceNotFoundException;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.ServiceQuotaExceededExceptionReason;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.ValidationException;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.ValidationExceptionReason;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** SendTextMessage, delivery receipts in CloudWatch Logs, opt-outs and handset replies. */
class SmsVoiceMessagingContractTest {

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
    void the_us_success_simulator_number_gets_queued_and_a_final_successful_receipt() {
        String id = sms.sendTextMessage(b -> b.destinationPhoneNumber(SIM_SUCCESS).originationIdentity(POOL).configurationSetName(CONFIG_SET)
                .messageBody("Hello from the test").messageType(MessageType.TRANSACTIONAL).context(Map.of("account", "bar"))).messageId();
        fixture.awaitReceipts();

        List<JsonNode> events = receipts(id);
        // the user guide's SMS example event (configuration-sets-event-format): a US destination, TEXT_SUCCESSFUL, isFinal true
        assertThat(events).extracting(e -> e.path("eventType").asString()).containsExactly("TEXT_QUEUED", "TEXT_SUCCESSFUL");
        assertThat(events).extracting(e -> e.path("isFinal").asBoolean()).containsExactly(false, true);
        JsonNode delivered = events.getLast();
        assertThat(delivered.path("eventVersion").asString()).isEqualTo("1.0");
        assertThat(delivered.path("messageStatus").asString()).isEqualTo("SUCCESSFUL");
        assertThat(delivered.path("messageStatusDescription").asString()).isEqualTo("Message has been accepted by phone carrier");
        assertThat(delivered.path("originationPhoneNumber").asString()).isEqualTo("+12065550142");
        assertThat(delivered.path("destinationPhoneNumber").asString()).isEqualTo(SIM_SUCCESS);
        assertThat(delivered.path("isoCountryCode").asString()).isEqualTo("US");
        assertThat(delivered.path("messageEncoding").asString()).isEqualTo("GSM");
        assertThat(delivered.path("messageType").asString()).isEqualTo("TRANSACTIONAL");
        assertThat(delivered.path("totalMessageParts").asInt()).isEqualTo(1);
        assertThat(delivered.path("totalMessagePrice").asDouble()).isPositive();
        assertThat(delivered.path("context").path("account").asString()).isEqualTo("bar");
        assertThat(delivered.path("eventTimestamp").asLong()).isGreaterThan(delivered.path("messageRequestTimestamp").asLong());
    }

    @Test
    void the_failure_simulator_number_gets_a_final_blocked_receipt() {
        String id = sms.sendTextMessage(b -> b.destinationPhoneNumber(SIM_FAILURE).originationIdentity(POOL).configurationSetName(CONFIG_SET)
                .messageBody("Will fail")).messageId();
        fixture.awaitReceipts();
        assertThat(receipts(id)).extracting(e -> e.path("eventType").asString() + ":" + e.path("isFinal").asBoolean())
                .containsExactly("TEXT_QUEUED:false", "TEXT_BLOCKED:true");
    }

    @Test
    void a_unicode_body_is_sent_as_unicode_and_billed_per_part() {
        String body = "Grüße 🙂 ".repeat(10);
        String id = sms.sendTextMessage(b -> b.destinationPhoneNumber(SIM_SUCCESS).originationIdentity(POOL).configurationSetName(CONFIG_SET)
                .messageBody(body)).messageId();
        fixture.awaitReceipts();
        JsonNode delivered = receipts(id).getLast();
        assertThat(delivered.path("messageEncoding").asString()).isEqualTo("UNICODE");
        assertThat(delivered.path("totalMessageParts").asInt()).isEqualTo(2);
    }

    @Test
    void sends_that_aws_refuses_get_the_real_errors() {
        assertThatThrownBy(() -> send("+1000000000"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.reason()).isEqualTo(ValidationExceptionReason.INVALID_PARAMETER));
        assertThatThrownBy(() -> send("+14255550199"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reasonAsString()).isEqualTo("DESTINATION_PHONE_NUMBER_NOT_VERIFIED"));
        sms.putOptedOutNumber(b -> b.optOutListName("Default").optedOutNumber(SIM_SUCCESS));
        assertThatThrownBy(() -> send(SIM_SUCCESS))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reasonAsString()).isEqualTo("DESTINATION_PHONE_NUMBER_OPTED_OUT"));
        assertThatThrownBy(() -> sms.sendTextMessage(b -> b.destinationPhoneNumber(SIM_FAILURE).originationIdentity(POOL).messageBody("x".repeat(1601))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fields()).extracting(f -> f.name()).contains("MessageBody"));
        assertThatThrownBy(() -> sms.sendTextMessage(b -> b.destinationPhoneNumber(SIM_FAILURE).originationIdentity("pool-0000").messageBody("x")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(e.resourceTypeAsString()).isEqualTo("pool"));
        assertThatThrownBy(() -> sms.sendTextMessage(b -> b.destinationPhoneNumber(SIM_FAILURE).originationIdentity(POOL)
                .configurationSetName("nope").messageBody("x")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(e.resourceTypeAsString()).isEqualTo("configuration-set"));
    }

    @Test
    void a_verified_real_number_is_reached_from_the_pool_s_registered_number_and_never_from_its_simulator_number() {
        String id = sms.createVerifiedDestinationNumber(b -> b.destinationPhoneNumber("+14255550111")).verifiedDestinationNumberId();
        sms.sendDestinationNumberVerificationCode(b -> b.verifiedDestinationNumberId(id).verificationChannel("TEXT").originationIdentity(POOL));
        var code = fixture.emulator.sms().handsets().getFirst().messages.getLast();
        assertThat(code.peer).as("the pool's toll-free number, not its simulator number").isEqualTo("+18885550142");
        sms.verifyDestinationNumber(b -> b.verifiedDestinationNumberId(id).verificationCode(code.body.replaceAll("\\D", "")));
        String messageId = sms.sendTextMessage(b -> b.destinationPhoneNumber("+14255550111").originationIdentity(POOL).configurationSetName(CONFIG_SET)
                .messageBody("To a real handset")).messageId();
        fixture.awaitReceipts();
        assertThat(receipts(messageId)).extracting(e -> e.path("originationPhoneNumber").asString()).containsOnly("+18885550142");
        assertThatThrownBy(() -> sms.sendTextMessage(b -> b.destinationPhoneNumber("+14255550111")
                .originationIdentity(fixture.emulator.properties().seed().phoneNumber()).messageBody("x")))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.reasonAsString()).isEqualTo("INVALID_IDENTITY_FOR_DESTINATION_COUNTRY");
                    assertThat(e.getMessage()).contains("only to destination simulator numbers");
                });
    }

    @Test
    void an_account_with_only_a_simulator_number_gets_no_verification_code_as_aws_sends_none() {
        fixture.close();
        fixture = new EmulatorFixture(Map.of("app.emulator.seed.state", "simulator-only"));
        sms = fixture.sms;
        String id = sms.createVerifiedDestinationNumber(b -> b.destinationPhoneNumber("+14255550111")).verifiedDestinationNumberId();
        assertThatThrownBy(() -> sms.sendDestinationNumberVerificationCode(b -> b.verifiedDestinationNumberId(id).verificationChannel("TEXT")
                .originationIdentity(POOL).configurationSetName(CONFIG_SET)))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.reasonAsString()).isEqualTo("NO_ORIGINATION_IDENTITIES_FOUND");
                    assertThat(e.getMessage()).contains("Simulator numbers cannot send verification codes");
                });
        assertThatThrownBy(() -> sms.sendDestinationNumberVerificationCode(b -> b.verifiedDestinationNumberId(id).verificationChannel("VOICE")))
                .isInstanceOf(ConflictException.class);
        assertThat(fixture.emulator.sms().handsets()).allSatisfy(h -> assertThat(h.messages).isEmpty());
        send(SIM_FAILURE);
        assertThat(fixture.emulator.sms().state().messagesSent).as("texts to destination simulators still go").isEqualTo(1);
    }

    @Test
    void dry_runs_are_validated_but_neither_delivered_nor_charged() {
        String id = sms.sendTextMessage(b -> b.destinationPhoneNumber(SIM_SUCCESS).originationIdentity(POOL).configurationSetName(CONFIG_SET)
                .messageBody("dry").dryRun(true)).messageId();
        assertThat(id).isNotBlank();
        fixture.awaitReceipts();
        assertThat(receipts(id)).isEmpty();
        assertThatThrownBy(() -> sms.sendTextMessage(b -> b.destinationPhoneNumber("+14255550199").originationIdentity(POOL).messageBody("dry").dryRun(true)))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void the_monthly_spend_limit_stops_sends() {
        fixture.close();
        fixture = new EmulatorFixture(Map.of("app.emulator.account.text-spend-limit-usd", "0"));
        sms = fixture.sms;
        assertThatThrownBy(() -> send(SIM_SUCCESS)).isInstanceOfSatisfying(ServiceQuotaExceededException.class,
                e -> assertThat(e.reason()).isEqualTo(ServiceQuotaExceededExceptionReason.MONTHLY_SPEND_LIMIT_REACHED_FOR_TEXT));
        assertThat(sms.describeSpendLimits(b -> {}).spendLimits()).filteredOn(l -> l.nameAsString().equals("TEXT_MESSAGE_MONTHLY_SPEND_LIMIT"))
                .singleElement().satisfies(l -> assertThat(l.enforcedLimit()).isZero());
    }

    @Test
    void a_fresh_emulator_lists_every_destination_simulator_number_as_a_handset_and_a_text_to_one_arrives_there() {
        // AWS's destination simulator table (user guide test-phone-numbers): the US and UK success and failure numbers
        assertThat(fixture.emulator.sms().handsets()).extracting(h -> h.number)
                .contains("+14254147755", "+14254147167", "+447860019066", "+447860019067");
        String id = sms.sendTextMessage(b -> b.destinationPhoneNumber(SIM_SUCCESS).originationIdentity(POOL).configurationSetName(CONFIG_SET)
                .messageBody("Reply STOP to test opt-out")).messageId();
        fixture.awaitReceipts();
        assertThat(fixture.emulator.sms().handsets()).filteredOn(h -> h.number.equals(SIM_SUCCESS)).singleElement()
                .satisfies(h -> assertThat(h.messages).extracting(m -> m.messageId + ":" + m.body).containsExactly(id + ":Reply STOP to test opt-out"));
        assertThat(fixture.emulator.sms().handsets()).filteredOn(h -> h.number.equals(SIM_FAILURE)).singleElement()
                .satisfies(h -> assertThat(h.messages).isEmpty());
    }

    @Test
    void a_handset_replying_stop_is_opted_out_and_help_gets_the_help_message() {
        fixture.emulator.sms().reply(SIM_SUCCESS, "+12065550142", "HELP");
        assertThat(fixture.emulator.sms().handsets().getFirst().messages.getLast().body).contains("Reply STOP");
        fixture.emulator.sms().reply(SIM_SUCCESS, "+12065550142", "stop");
        var optedOut = sms.describeOptedOutNumbers(b -> b.optOutListName("Default")).optedOutNumbers();
        assertThat(optedOut).singleElement().satisfies(n -> {
            assertThat(n.optedOutNumber()).isEqualTo(SIM_SUCCESS);
            assertThat(n.endUserOptedOut()).isTrue();
        });
        assertThatThrownBy(() -> send(SIM_SUCCESS)).isInstanceOf(ConflictException.class);
    }

    @Test
    void opted_out_numbers_are_added_listed_filtered_and_removed_at_most_once_in_30_days() {
        var put = sms.putOptedOutNumber(b -> b.optOutListName("Default").optedOutNumber("+14255550123"));
        assertThat(put.endUserOptedOut()).isFalse();
        fixture.emulator.sms().reply("+14255550124", "+12065550142", "STOP");
        assertThat(sms.describeOptedOutNumbers(b -> b.optOutListName("Default").filters(f -> f.name("end-user-opted-out").values("true")))
                .optedOutNumbers()).extracting(n -> n.optedOutNumber()).containsExactly("+14255550124");
        assertThat(sms.describeOptedOutNumbers(b -> b.optOutListName("Default").optedOutNumbers("+14255550123")).optedOutNumbers()).hasSize(1);
        sms.deleteOptedOutNumber(b -> b.optOutListName("Default").optedOutNumber("+14255550123"));
        sms.putOptedOutNumber(b -> b.optOutListName("Default").optedOutNumber("+14255550123"));
        assertThatThrownBy(() -> sms.deleteOptedOutNumber(b -> b.optOutListName("Default").optedOutNumber("+14255550123")))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reasonAsString()).isEqualTo("RESOURCE_DELETION_NOT_ALLOWED"));
        fixture.advance(Duration.ofDays(31));
        sms.deleteOptedOutNumber(b -> b.optOutListName("Default").optedOutNumber("+14255550123"));
        assertThatThrownBy(() -> sms.deleteOptedOutNumber(b -> b.optOutListName("Default").optedOutNumber("+14255550999")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> sms.describeOptedOutNumbers(b -> b.optOutListName("nope"))).isInstanceOf(ResourceNotFoundException.class);
        assertThat(sms.describeOptOutLists(b -> {}).optOutLists()).extracting(l -> l.optOutListName()).containsExactly("Default");
    }

    private void send(String destination) {
        sms.sendTextMessage(b -> b.destinationPhoneNumber(destination).originationIdentity(POOL).configurationSetName(CONFIG_SET).messageBody("Test"));
    }

    private List<JsonNode> receipts(String messageId) {
        return fixture.logs.filterLogEventsPaginator(b -> b.logGroupName(LOG_GROUP).filterPattern("{ $.messageId = \"" + messageId + "\" }"))
                .events().stream().map(FilteredLogEvent::message).map(MAPPER::readTree).toList();
    }
}
