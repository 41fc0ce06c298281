package com.example.smsconsole.emulator;

import static com.example.smsconsole.emulator.EmulatorFixture.CONFIG_SET;
import static com.example.smsconsole.emulator.EmulatorFixture.LOG_GROUP;
import static com.example.smsconsole.emulator.EmulatorFixture.POOL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.pinpointsmsvoicev2.PinpointSmsVoiceV2Client;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.ConfigurationSetFilterName;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.ConflictException;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.EventType;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.KeywordAction;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.MessageType;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.NumberCapability;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.RequestableNumberType;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.ResourceNotFoundException;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.ResourceType;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.SpendLimit;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.SpendLimitName;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.ValidationException;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.ValidationExceptionReason;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a platform manages on sms-voice besides registrations: pools, configuration sets and their
 * defaults, opt-out lists, keywords, spend-limit overrides, sender ids and voice messages, through
 * the real SDK client against the default local seed.
 */
class SmsVoicePlatformContractTest {

    static final JsonMapper MAPPER = JsonMapper.builder().build();
    static final String UK_SUCCESS = "+447860019066";

    EmulatorFixture fixture;
    PinpointSmsVoiceV2Client sms;

    @BeforeEach
    void start() {
        fixture = new EmulatorFixture(Map.of("app.emulator.numbers.activation", "0s"));
        sms = fixture.sms;
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void pools_are_created_from_an_identity_updated_and_deleted_unless_protected() {
        var number = sms.requestPhoneNumber(b -> b.isoCountryCode("US").messageType("TRANSACTIONAL").numberCapabilities(NumberCapability.SMS)
                .numberType(RequestableNumberType.SIMULATOR));
        sms.putKeyword(b -> b.originationIdentity(number.phoneNumberId()).keyword("JOIN").keywordMessage("Welcome back.")
                .keywordAction(KeywordAction.OPT_IN));
        var pool = sms.createPool(b -> b.originationIdentity(number.phoneNumberArn()).messageType("TRANSACTIONAL")
                .tags(t -> t.key("Name").value("second")));
        assertThat(pool.statusAsString()).isEqualTo("ACTIVE");
        assertThat(pool.optOutListName()).as("inherited from the number").isEqualTo("Default");
        assertThat(pool.deletionProtectionEnabled()).isFalse();
        assertThat(pool.tags()).extracting(t -> t.value()).containsExactly("second");
        assertThat(sms.describeKeywords(b -> b.originationIdentity(pool.poolId())).keywords()).extracting(k -> k.keyword())
                .as("keywords are inherited").contains("JOIN", "STOP", "HELP");
        assertThatThrownBy(() -> sms.createPool(b -> b.originationIdentity(number.phoneNumberId()).messageType("TRANSACTIONAL")))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reasonAsString()).isEqualTo("PHONE_NUMBER_ASSOCIATED_TO_POOL"));

        sms.createOptOutList(b -> b.optOutListName("second-list"));
        var updated = sms.updatePool(b -> b.poolId(pool.poolId()).optOutListName("second-list").sharedRoutesEnabled(true)
                .deletionProtectionEnabled(true));
        assertThat(updated.optOutListName()).isEqualTo("second-list");
        assertThat(updated.sharedRoutesEnabled()).isTrue();
        assertThat(sms.describePools(b -> b.filters(f -> f.name("opt-out-list-name").values("second-list"))).pools())
                .extracting(p -> p.poolId()).containsExactly(pool.poolId());
        assertThatThrownBy(() -> sms.deletePool(b -> b.poolId(pool.poolId())))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reasonAsString()).isEqualTo("DELETION_PROTECTION_ENABLED"));
        assertThatThrownBy(() -> sms.deleteOptOutList(b -> b.optOutListName("second-list"))).as("in use by the pool")
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reasonAsString()).isEqualTo("RESOURCE_DELETION_NOT_ALLOWED"));
        sms.updatePool(b -> b.poolId(pool.poolId()).deletionProtectionEnabled(false));
        assertThat(sms.deletePool(b -> b.poolId(pool.poolArn())).statusAsString()).isEqualTo("DELETING");
        assertThat(sms.describePhoneNumbers(b -> b.phoneNumberIds(number.phoneNumberId())).phoneNumbers().getFirst().poolId())
                .as("deleting a pool disassociates its identities").isNull();
        assertThatThrownBy(() -> sms.describePools(b -> b.poolIds(pool.poolId()))).isInstanceOf(ResourceNotFoundException.class);
        sms.deleteOptOutList(b -> b.optOutListName("second-list"));
        assertThatThrownBy(() -> sms.deleteOptOutList(b -> b.optOutListName("Default")))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reasonAsString()).isEqualTo("RESOURCE_DELETION_NOT_ALLOWED"));
        assertThatThrownBy(() -> sms.createOptOutList(b -> b.optOutListName("Default")))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reasonAsString()).isEqualTo("RESOURCE_ALREADY_EXISTS"));
    }

    @Test
    void keywords_are_put_and_deleted_but_stop_and_help_stay() {
        var put = sms.putKeyword(b -> b.originationIdentity(POOL).keyword("INFO").keywordMessage("Example Corp alerts. Reply STOP to cancel."));
        assertThat(put.keywordActionAsString()).isEqualTo("AUTOMATIC_RESPONSE");
        sms.putKeyword(b -> b.originationIdentity(POOL).keyword("HELP").keywordMessage("Example Corp: call 1-888-555-0142. Reply STOP to cancel."));
        assertThat(sms.describeKeywords(b -> b.originationIdentity(POOL).keywords("HELP")).keywords()).singleElement()
                .satisfies(k -> assertThat(k.keywordMessage()).startsWith("Example Corp: call"));
        assertThatThrownBy(() -> sms.putKeyword(b -> b.originationIdentity(POOL).keyword("STOP").keywordMessage("x")
                .keywordAction(KeywordAction.AUTOMATIC_RESPONSE))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> sms.deleteKeyword(b -> b.originationIdentity(POOL).keyword("HELP")))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reasonAsString()).isEqualTo("RESOURCE_DELETION_NOT_ALLOWED"));
        assertThat(sms.deleteKeyword(b -> b.originationIdentity(POOL).keyword("INFO")).keyword()).isEqualTo("INFO");
        assertThatThrownBy(() -> sms.deleteKeyword(b -> b.originationIdentity(POOL).keyword("INFO"))).isInstanceOf(ResourceNotFoundException.class);
        fixture.emulator.sms().reply("+14255550177", "+12065550142", "HELP");
        assertThat(fixture.emulator.sms().handsets().getFirst().messages.getLast().body).as("the pool's HELP answers for its numbers")
                .startsWith("Example Corp: call");
    }

    @Test
    void configuration_sets_are_created_deleted_and_their_default_message_type_applies_to_sends() {
        var created = sms.createConfigurationSet(b -> b.configurationSetName("second-set"));
        assertThat(created.configurationSetArn()).endsWith(":configuration-set/second-set");
        assertThatThrownBy(() -> sms.createConfigurationSet(b -> b.configurationSetName("second-set")))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reasonAsString()).isEqualTo("RESOURCE_ALREADY_EXISTS"));
        assertThat(sms.setDefaultMessageType(b -> b.configurationSetName(CONFIG_SET).messageType(MessageType.PROMOTIONAL)).messageType())
                .isEqualTo(MessageType.PROMOTIONAL);
        assertThat(sms.setDefaultSenderId(b -> b.configurationSetName("second-set").senderId("EXAMPLE")).senderId()).isEqualTo("EXAMPLE");
        assertThat(sms.describeConfigurationSets(b -> b.filters(f -> f.name("default-sender-id").values("EXAMPLE"))).configurationSets())
                .extracting(s -> s.configurationSetName()).containsExactly("second-set");
        String id = sms.sendTextMessage(b -> b.destinationPhoneNumber("+14254147755").originationIdentity(POOL).configurationSetName(CONFIG_SET)
                .messageBody("Default type")).messageId();
        fixture.awaitReceipts();
        assertThat(receipts(id)).extracting(e -> e.path("messageType").asString()).containsOnly("PROMOTIONAL");
        assertThat(sms.deleteDefaultMessageType(b -> b.configurationSetName(CONFIG_SET)).messageType()).isEqualTo(MessageType.PROMOTIONAL);
        assertThat(sms.describeConfigurationSets(b -> b.configurationSetNames(CONFIG_SET)).configurationSets().getFirst().defaultMessageType()).isNull();
        sms.deleteDefaultSenderId(b -> b.configurationSetName("second-set"));
        var deleted = sms.deleteConfigurationSet(b -> b.configurationSetName("second-set"));
        assertThat(deleted.configurationSetName()).isEqualTo("second-set");
        assertThatThrownBy(() -> sms.describeConfigurationSets(b -> b.configurationSetNames("second-set"))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void a_spend_limit_override_is_at_most_the_maximum_and_is_enforced_on_sends() {
        assertThatThrownBy(() -> sms.setTextMessageSpendLimitOverride(b -> b.monthlyLimit(5L)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.reasonAsString()).isEqualTo("REQUESTED_SPEND_LIMIT_HIGHER_THAN_SERVICE_LIMIT"));
        assertThat(sms.setTextMessageSpendLimitOverride(b -> b.monthlyLimit(0L)).monthlyLimit()).isZero();
        SpendLimit text = sms.describeSpendLimits(b -> {}).spendLimits().stream().filter(l -> l.nameAsString().startsWith("TEXT")).findFirst().orElseThrow();
        assertThat(text.enforcedLimit()).isZero();
        assertThat(text.maxLimit()).isEqualTo(1L);
        assertThat(text.overridden()).isTrue();
        assertThatThrownBy(() -> sms.sendTextMessage(b -> b.destinationPhoneNumber("+14254147755").originationIdentity(POOL).messageBody("x")))
                .isInstanceOfSatisfying(ServiceQuotaExceededException.class, e -> assertThat(e.reasonAsString()).isEqualTo("MONTHLY_SPEND_LIMIT_REACHED_FOR_TEXT"));
        assertThat(sms.deleteTextMessageSpendLimitOverride(b -> {}).monthlyLimit()).isEqualTo(1L);
        assertThat(sms.sendTextMessage(b -> b.destinationPhoneNumber("+14254147755").originationIdentity(POOL).messageBody("x")).messageId()).isNotBlank();
        assertThat(sms.setVoiceMessageSpendLimitOverride(b -> b.monthlyLimit(1L)).monthlyLimit()).isEqualTo(1L);
        assertThat(sms.deleteVoiceMessageSpendLimitOverride(b -> {}).monthlyLimit()).isEqualTo(1L);
    }

    @Test
    void message_feedback_is_a_configuration_set_default_that_is_set_described_and_filtered() {
        var enabled = sms.setDefaultMessageFeedbackEnabled(b -> b.configurationSetName(CONFIG_SET).messageFeedbackEnabled(true));
        assertThat(enabled.configurationSetName()).isEqualTo(CONFIG_SET);
        assertThat(enabled.configurationSetArn()).endsWith(":configuration-set/" + CONFIG_SET);
        assertThat(enabled.messageFeedbackEnabled()).isTrue();
        assertThat(sms.describeConfigurationSets(b -> b.configurationSetNames(CONFIG_SET)).configurationSets().getFirst().defaultMessageFeedbackEnabled())
                .isTrue();
        sms.createConfigurationSet(b -> b.configurationSetName("no-feedback"));
        assertThat(sms.describeConfigurationSets(b -> b.filters(f -> f.name(ConfigurationSetFilterName.DEFAULT_MESSAGE_FEEDBACK_ENABLED).values("true")))
                .configurationSets()).extracting(s -> s.configurationSetName()).contains(CONFIG_SET).doesNotContain("no-feedback");

        var disabled = sms.setDefaultMessageFeedbackEnabled(b -> b.configurationSetName(CONFIG_SET).messageFeedbackEnabled(false));
        assertThat(disabled.messageFeedbackEnabled()).isFalse();
        assertThat(sms.describeConfigurationSets(b -> b.configurationSetNames(CONFIG_SET)).configurationSets().getFirst().defaultMessageFeedbackEnabled())
                .isFalse();
        assertThat(sms.describeConfigurationSets(b -> b.filters(f -> f.name(ConfigurationSetFilterName.DEFAULT_MESSAGE_FEEDBACK_ENABLED).values("true")))
                .configurationSets()).extracting(s -> s.configurationSetName()).doesNotContain(CONFIG_SET);
        assertThatThrownBy(() -> sms.setDefaultMessageFeedbackEnabled(b -> b.configurationSetName("no-such-set").messageFeedbackEnabled(true)))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(e.resourceType()).isEqualTo(ResourceType.CONFIGURATION_SET));
    }

    @Test
    void a_media_spend_limit_override_is_at_most_the_maximum_set_and_deleted() {
        SpendLimit initial = spendLimit(SpendLimitName.MEDIA_MESSAGE_MONTHLY_SPEND_LIMIT);
        assertThat(initial.overridden()).isFalse();
        long max = initial.maxLimit();
        assertThat(max).isPositive();
        // SetMediaMessageSpendLimitOverride: "The requested spend limit must be less than or equal to the MaxLimit"
        assertThatThrownBy(() -> sms.setMediaMessageSpendLimitOverride(b -> b.monthlyLimit(max + 1)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.reason()).isEqualTo(ValidationExceptionReason.REQUESTED_SPEND_LIMIT_HIGHER_THAN_SERVICE_LIMIT));
        assertThat(spendLimit(SpendLimitName.MEDIA_MESSAGE_MONTHLY_SPEND_LIMIT).overridden()).as("a refused override changes nothing").isFalse();

        assertThat(sms.setMediaMessageSpendLimitOverride(b -> b.monthlyLimit(0L)).monthlyLimit()).isZero();
        SpendLimit overridden = spendLimit(SpendLimitName.MEDIA_MESSAGE_MONTHLY_SPEND_LIMIT);
        assertThat(overridden.enforcedLimit()).isZero();
        assertThat(overridden.maxLimit()).isEqualTo(max);
        assertThat(overridden.overridden()).isTrue();
        assertThat(spendLimit(SpendLimitName.TEXT_MESSAGE_MONTHLY_SPEND_LIMIT).overridden()).as("the media override is its own").isFalse();
        assertThat(spendLimit(SpendLimitName.VOICE_MESSAGE_MONTHLY_SPEND_LIMIT).overridden()).isFalse();

        // DeleteMediaMessageSpendLimitOverride: "Deleting a spend limit override will set the EnforcedLimit to equal the MaxLimit"
        assertThat(sms.deleteMediaMessageSpendLimitOverride(b -> {}).monthlyLimit()).isEqualTo(max);
        SpendLimit deleted = spendLimit(SpendLimitName.MEDIA_MESSAGE_MONTHLY_SPEND_LIMIT);
        assertThat(deleted.overridden()).isFalse();
        assertThat(deleted.enforcedLimit()).isEqualTo(deleted.maxLimit()).isEqualTo(max);
        assertThat(sms.setMediaMessageSpendLimitOverride(b -> b.monthlyLimit(max)).monthlyLimit()).as("the maximum itself is allowed").isEqualTo(max);
    }

    private SpendLimit spendLimit(SpendLimitName name) {
        return sms.describeSpendLimitsPaginator(b -> {}).spendLimits().stream().filter(l -> l.name() == name).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not among the spend limits"));
    }

    @Test
    void a_text_to_the_uk_success_simulator_needs_a_uk_identity_such_as_a_sender_id() {
        assertThatThrownBy(() -> sms.sendTextMessage(b -> b.destinationPhoneNumber(UK_SUCCESS).originationIdentity(POOL).messageBody("Hi")))
                .as("test-phone-numbers: a US simulator number cannot reach the UK success simulator")
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.reasonAsString()).isEqualTo("NO_ORIGINATION_IDENTITIES_FOUND");
                    assertThat(e.getMessage()).contains("GB");
                });
        var sender = sms.requestSenderId(b -> b.senderId("EXAMPLECO").isoCountryCode("GB"));
        assertThat(sender.senderIdArn()).isEqualTo("arn:aws:sms-voice:us-east-1:000000000000:sender-id/EXAMPLECO/GB");
        assertThat(sender.registered()).isFalse();
        assertThat(sender.messageTypesAsStrings()).containsExactlyInAnyOrder("TRANSACTIONAL", "PROMOTIONAL");

        String direct = sms.sendTextMessage(b -> b.destinationPhoneNumber(UK_SUCCESS).originationIdentity("EXAMPLECO").configurationSetName(CONFIG_SET)
                .messageBody("From a sender id")).messageId();
        sms.associateOriginationIdentity(b -> b.poolId(POOL).originationIdentity("EXAMPLECO").isoCountryCode("GB"));
        String pooled = sms.sendTextMessage(b -> b.destinationPhoneNumber(UK_SUCCESS).originationIdentity(POOL).configurationSetName(CONFIG_SET)
                .messageBody("Through the pool")).messageId();
        fixture.awaitReceipts();
        for (String id : List.of(direct, pooled)) {
            List<JsonNode> events = receipts(id);
            assertThat(events).extracting(e -> e.path("eventType").asString() + ":" + e.path("isFinal").asBoolean())
                    .containsExactly("TEXT_QUEUED:false", "TEXT_SUCCESSFUL:false", "TEXT_DELIVERED:true");
            assertThat(events).allSatisfy(e -> {
                assertThat(e.path("originationPhoneNumber").asString()).isEqualTo("EXAMPLECO");
                assertThat(e.path("isoCountryCode").asString()).isEqualTo("GB");
            });
        }
        assertThatThrownBy(() -> sms.sendTextMessage(b -> b.destinationPhoneNumber("+14254147755").originationIdentity(sender.senderIdArn())
                .messageBody("x"))).as("a GB sender id sends to GB only")
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.reasonAsString()).isEqualTo("INVALID_IDENTITY_FOR_DESTINATION_COUNTRY"));
        assertThat(sms.listPoolOriginationIdentities(b -> b.poolId(POOL).filters(f -> f.name("iso-country-code").values("GB")))
                .originationIdentities()).singleElement().satisfies(i -> assertThat(i.originationIdentityArn()).isEqualTo(sender.senderIdArn()));
        assertThatThrownBy(() -> sms.releaseSenderId(b -> b.senderId("EXAMPLECO").isoCountryCode("GB")))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reasonAsString()).isEqualTo("SENDER_ID_ASSOCIATED_TO_POOL"));
    }

    @Test
    void sender_ids_exist_where_the_country_allows_them_and_are_described_updated_and_released() {
        // the SMS country table (Amazon Pinpoint user guide channels-sms-countries): US "No", IN "Registration required", FR "Yes"
        assertThatThrownBy(() -> sms.requestSenderId(b -> b.senderId("EXAMPLECO").isoCountryCode("US")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.reasonAsString()).isEqualTo("SENDER_ID_NOT_SUPPORTED"));
        assertThatThrownBy(() -> sms.requestSenderId(b -> b.senderId("EXAMPLECO").isoCountryCode("IN")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.reasonAsString()).isEqualTo("SENDER_ID_REQUIRES_REGISTRATION"));
        sms.requestSenderId(b -> b.senderId("EXAMPLECO").isoCountryCode("FR").messageTypesWithStrings("TRANSACTIONAL").deletionProtectionEnabled(true));
        sms.requestSenderId(b -> b.senderId("EXAMPLECO").isoCountryCode("GB"));
        assertThatThrownBy(() -> sms.requestSenderId(b -> b.senderId("EXAMPLECO").isoCountryCode("GB")))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reasonAsString()).isEqualTo("RESOURCE_ALREADY_EXISTS"));
        assertThat(sms.describeSenderIds(b -> b.filters(f -> f.name("iso-country-code").values("FR"))).senderIds()).singleElement()
                .satisfies(s -> assertThat(s.deletionProtectionEnabled()).isTrue());
        assertThat(sms.describeSenderIds(b -> b.senderIds(s -> s.senderId("EXAMPLECO").isoCountryCode("GB"))).senderIds()).hasSize(1);
        assertThat(sms.describeSenderIds(b -> b.filters(f -> f.name("message-type").values("PROMOTIONAL"))).senderIds())
                .extracting(s -> s.isoCountryCode()).containsExactly("GB");
        assertThatThrownBy(() -> sms.releaseSenderId(b -> b.senderId("EXAMPLECO").isoCountryCode("FR")))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reasonAsString()).isEqualTo("DELETION_PROTECTION_ENABLED"));
        sms.updateSenderId(b -> b.senderId("EXAMPLECO").isoCountryCode("FR").deletionProtectionEnabled(false));
        assertThat(sms.releaseSenderId(b -> b.senderId("EXAMPLECO").isoCountryCode("FR")).isoCountryCode()).isEqualTo("FR");
        assertThatThrownBy(() -> sms.describeSenderIds(b -> b.senderIds(s -> s.senderId("EXAMPLECO").isoCountryCode("FR"))))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void a_voice_message_goes_from_a_voice_capable_number_of_the_pool_to_a_verified_handset() {
        String id = sms.createVerifiedDestinationNumber(b -> b.destinationPhoneNumber("+14255550188")).verifiedDestinationNumberId();
        sms.sendDestinationNumberVerificationCode(b -> b.verifiedDestinationNumberId(id).verificationChannel("VOICE").originationIdentity(POOL));
        var call = fixture.emulator.sms().handsets().getFirst().messages.getLast();
        assertThat(call.channel).isEqualTo("VOICE");
        sms.verifyDestinationNumber(b -> b.verifiedDestinationNumberId(id).verificationCode(call.body.replaceAll("\\D", "")));

        sms.createEventDestination(b -> b.configurationSetName(CONFIG_SET).eventDestinationName("voice").matchingEventTypes(EventType.VOICE_ALL)
                .cloudWatchLogsDestination(c -> c.iamRoleArn("arn:aws:iam::000000000000:role/x")
                        .logGroupArn("arn:aws:logs:us-east-1:000000000000:log-group:" + LOG_GROUP)));
        String messageId = sms.sendVoiceMessage(b -> b.destinationPhoneNumber("+14255550188").originationIdentity(POOL)
                .configurationSetName(CONFIG_SET).messageBody("Your appointment is tomorrow at ten.")).messageId();
        fixture.awaitReceipts();
        var handset = fixture.emulator.sms().handsets().getFirst();
        assertThat(handset.messages.getLast().body).contains("Your appointment is tomorrow at ten.");
        assertThat(handset.messages.getLast().peer).isEqualTo("+18885550142");
        assertThat(receipts(messageId)).extracting(e -> e.path("eventType").asString())
                .containsExactly("VOICE_INITIATED", "VOICE_RINGING", "VOICE_ANSWERED", "VOICE_COMPLETED");

        assertThatThrownBy(() -> sms.sendVoiceMessage(b -> b.destinationPhoneNumber("+14254147755").originationIdentity(POOL).messageBody("x")))
                .as("destination simulator numbers take SMS and MMS only").isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.reasonAsString()).isEqualTo("NO_ORIGINATION_IDENTITIES_FOUND"));
        assertThatThrownBy(() -> sms.sendVoiceMessage(b -> b.destinationPhoneNumber("+14255550188").originationIdentity("+12065550142")
                .messageBody("x"))).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.reasonAsString()).isEqualTo("VOICE_CAPABILITY_NOT_AVAILABLE"));
        assertThatThrownBy(() -> sms.sendVoiceMessage(b -> b.destinationPhoneNumber("+14255550189").originationIdentity(POOL).messageBody("x")))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reasonAsString()).isEqualTo("DESTINATION_PHONE_NUMBER_NOT_VERIFIED"));
        assertThatThrownBy(() -> sms.sendVoiceMessage(b -> b.destinationPhoneNumber("+14255550188").originationIdentity(POOL)
                .messageBody("x".repeat(3001)))).isInstanceOf(ValidationException.class);
    }

    @Test
    void every_destination_simulator_number_gives_its_documented_outcome_from_an_identity_of_its_country() {
        fixture.close();
        fixture = new EmulatorFixture(Map.of("app.emulator.numbers.activation", "0s", "app.emulator.account.text-spend-limit-usd", "100"));
        sms = fixture.sms;
        // user guide test-phone-numbers, destination simulator phone numbers: country, success number, failure number
        String[][] table = {
            {"AU", "+61455944038", "+61455944039"}, {"AT", "+43676800442031", "+43676800442032"}, {"BE", "+32460213922", "+32460213923"},
            {"CL", "+56229140630", "+56229140631"}, {"CZ", "+420790542286", "+420790542287"}, {"DK", "+4525919410", "+4525919215"},
            {"EE", "+37282720792", "+37282720793"}, {"FI", "+3584573979110", "+3584573979111"}, {"FR", "+33755512501", "+33755512502"},
            {"HK", "+85257048426", "+85257048854"}, {"HU", "+36707178770", "+36707178772"}, {"IT", "+394390009172", "+394390009174"},
            {"JE", "+447937404990", "+447937404992"}, {"LU", "+352691385880", "+352691385882"}, {"NL", "+3197008100148", "+3197008100150"},
            {"NO", "+4759449384", "+4759449387"}, {"PL", "+48732141440", "+48732141442"}, {"PT", "+351927946948", "+351927946950"},
            {"RO", "+40783900330", "+40783900332"}, {"ES", "+34683783440", "+34683783442"}, {"SE", "+46790645100", "+46790645102"},
            {"CH", "+41798075872", "+41798075874"}, {"TW", "+886903444630", "+886903444632"}, {"GB", "+447860019066", "+447860019067"},
            {"US", "+14254147755", "+14254147167"}};
        Map<String, String> outcomes = new java.util.LinkedHashMap<>();
        for (String[] row : table) {
            String country = row[0];
            if (!country.equals("US")) {
                // a sender id where the country table allows one, a long code elsewhere (BE, CL, HU)
                try {
                    sms.requestSenderId(b -> b.senderId("EXAMPLE" + country).isoCountryCode(country));
                } catch (ValidationException e) {
                    sms.requestPhoneNumber(b -> b.isoCountryCode(country).messageType("TRANSACTIONAL").numberCapabilities(NumberCapability.SMS)
                            .numberType(RequestableNumberType.LONG_CODE));
                }
            }
            for (int i = 1; i <= 2; i++) {
                String destination = row[i];
                String messageId = sms.sendTextMessage(b -> b.destinationPhoneNumber(destination).configurationSetName(CONFIG_SET)
                        .messageBody("Simulator " + country)).messageId();
                outcomes.put(messageId, country + (i == 1 ? ":success" : ":failure"));
            }
        }
        assertThat(outcomes).hasSize(50);
        fixture.awaitReceipts();
        outcomes.forEach((messageId, expected) -> {
            JsonNode last = receipts(messageId).getLast();
            assertThat(last.path("isFinal").asBoolean()).as(expected).isTrue();
            String type = last.path("eventType").asString();
            if (expected.endsWith(":failure")) {
                assertThat(type).as(expected).isEqualTo("TEXT_BLOCKED");
            } else {
                assertThat(type).as(expected).isEqualTo(expected.startsWith("US") ? "TEXT_SUCCESSFUL" : "TEXT_DELIVERED");
            }
            assertThat(last.path("isoCountryCode").asString()).isEqualTo(expected.substring(0, 2));
        });
    }

    private List<JsonNode> receipts(String messageId) {
        return fixture.logs.filterLogEventsPaginator(b -> b.logGroupName(LOG_GROUP).filterPattern("{ $.messageId = \"" + messageId + "\" }"))
                .events().stream().map(FilteredLogEvent::message).map(MAPPER::readTree).toList();
    }
}
