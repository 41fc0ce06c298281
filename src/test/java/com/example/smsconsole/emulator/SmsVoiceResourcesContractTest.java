package com.example.smsconsole.emulator;

import static com.example.smsconsole.emulator.EmulatorFixture.CONFIG_SET;
import static com.example.smsconsole.emulator.EmulatorFixture.LOG_GROUP;
import static com.example.smsconsole.emulator.EmulatorFixture.POOL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.pinpointsmsvoicev2.PinpointSmsVoiceV2Client;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.ConflictException;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.EventType;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.KeywordAction;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.NumberCapability;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.NumberType;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.RequestableNumberType;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.ResourceNotFoundException;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.ValidationException;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.ValidationExceptionReason;

/** What the account holds from the start, as the infrastructure creates it, and the describe calls. */
class SmsVoiceResourcesContractTest {

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
    void the_default_seed_pool_holds_the_simulator_number_and_a_registered_toll_free_number() {
        var pool = sms.describePools(b -> b.poolIds(POOL)).pools().getFirst();
        assertThat(pool.statusAsString()).isEqualTo("ACTIVE");
        assertThat(pool.optOutListName()).isEqualTo("Default");
        assertThat(pool.poolArn()).isEqualTo("arn:aws:sms-voice:us-east-1:000000000000:pool/" + POOL);
        var identities = sms.listPoolOriginationIdentities(b -> b.poolId(POOL)).originationIdentities();
        assertThat(identities).extracting(i -> i.phoneNumber()).containsExactly("+12065550142", "+18885550142");
        var simulator = sms.describePhoneNumbers(b -> b.filters(f -> f.name("number-type").values("SIMULATOR"))).phoneNumbers().getFirst();
        assertThat(simulator.poolId()).isEqualTo(POOL);
        assertThat(simulator.numberCapabilitiesAsStrings()).containsExactly("SMS");
        var tollFree = sms.describePhoneNumbers(b -> b.filters(f -> f.name("number-type").values("TOLL_FREE"))).phoneNumbers().getFirst();
        assertThat(tollFree.statusAsString()).isEqualTo("ACTIVE");
        assertThat(tollFree.numberCapabilitiesAsStrings()).containsExactly("SMS", "VOICE");
        var registration = sms.describeRegistrations(b -> b.registrationIds(tollFree.registrationId())).registrations().getFirst();
        assertThat(registration.registrationStatusAsString()).isEqualTo("COMPLETE");
        assertThat(sms.listRegistrationAssociations(b -> b.registrationId(registration.registrationId())).registrationAssociations())
                .singleElement().satisfies(a -> assertThat(a.resourceId()).isEqualTo(tollFree.phoneNumberId()));
        assertThat(sms.describeRegistrationFieldValues(b -> b.registrationId(registration.registrationId())).registrationFieldValues())
                .extracting(v -> v.fieldPath()).contains("companyInfo.companyName", "messagingUseCase.optInImage");
        assertThat(sms.describePools(b -> b.filters(f -> f.name("status").values("ACTIVE"))).pools()).hasSize(1);
        assertThatThrownBy(() -> sms.describePools(b -> b.poolIds("pool-0000"))).isInstanceOfSatisfying(ResourceNotFoundException.class,
                e -> assertThat(e.resourceTypeAsString()).isEqualTo("pool"));
        assertThatThrownBy(() -> sms.describePools(b -> b.filters(f -> f.name("color").values("red"))))
                .isInstanceOf(ValidationException.class);
        assertThat(sms.describeSenderIds(b -> {}).senderIds()).isEmpty();
    }

    @Test
    void the_simulator_only_seed_holds_just_the_simulator_number() {
        fixture.close();
        fixture = new EmulatorFixture(Map.of("app.emulator.seed.state", "simulator-only"));
        sms = fixture.sms;
        assertThat(sms.listPoolOriginationIdentities(b -> b.poolId(POOL)).originationIdentities())
                .singleElement().satisfies(i -> assertThat(i.phoneNumber()).isEqualTo("+12065550142"));
        assertThat(sms.describeRegistrations(b -> {}).registrations()).isEmpty();
    }

    @Test
    void the_configuration_set_sends_all_text_events_to_the_delivery_receipt_log_group() {
        var set = sms.describeConfigurationSets(b -> b.configurationSetNames(CONFIG_SET)).configurationSets().getFirst();
        assertThat(set.eventDestinations()).singleElement().satisfies(d -> {
            assertThat(d.enabled()).isTrue();
            assertThat(d.matchingEventTypes()).containsExactly(EventType.TEXT_ALL);
            assertThat(d.cloudWatchLogsDestination().logGroupArn()).endsWith(":log-group:" + LOG_GROUP);
            assertThat(d.cloudWatchLogsDestination().iamRoleArn()).contains(":role/");
        });
        assertThatThrownBy(() -> sms.describeConfigurationSets(b -> b.configurationSetNames("nope"))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void event_destinations_are_created_updated_and_deleted() {
        String arn = "arn:aws:logs:us-east-1:000000000000:log-group:/other";
        var created = sms.createEventDestination(b -> b.configurationSetName(CONFIG_SET).eventDestinationName("second")
                .matchingEventTypes(EventType.TEXT_DELIVERED).cloudWatchLogsDestination(c -> c.iamRoleArn("arn:aws:iam::000000000000:role/x").logGroupArn(arn)));
        assertThat(created.eventDestination().enabled()).isTrue();
        assertThatThrownBy(() -> sms.createEventDestination(b -> b.configurationSetName(CONFIG_SET).eventDestinationName("second")
                .matchingEventTypes(EventType.TEXT_ALL).cloudWatchLogsDestination(c -> c.iamRoleArn("arn:aws:iam::000000000000:role/x").logGroupArn(arn))))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reasonAsString()).isEqualTo("RESOURCE_ALREADY_EXISTS"));
        var updated = sms.updateEventDestination(b -> b.configurationSetName(CONFIG_SET).eventDestinationName("second").enabled(false));
        assertThat(updated.eventDestination().enabled()).isFalse();
        sms.deleteEventDestination(b -> b.configurationSetName(CONFIG_SET).eventDestinationName("second"));
        assertThat(sms.describeConfigurationSets(b -> {}).configurationSets().getFirst().eventDestinations()).hasSize(1);
        assertThatThrownBy(() -> sms.deleteEventDestination(b -> b.configurationSetName(CONFIG_SET).eventDestinationName("second")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> sms.createEventDestination(b -> b.configurationSetName(CONFIG_SET).eventDestinationName("sent")
                .matchingEventTypes(EventType.TEXT_SENT).cloudWatchLogsDestination(c -> c.iamRoleArn("arn:aws:iam::000000000000:role/x").logGroupArn(arn))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.reason()).isEqualTo(ValidationExceptionReason.INVALID_PARAMETER));
    }

    @Test
    void numbers_and_pools_answer_stop_and_help() {
        var keywords = sms.describeKeywords(b -> b.originationIdentity(POOL)).keywords();
        assertThat(keywords).extracting(k -> k.keyword() + ":" + k.keywordActionAsString()).containsExactlyInAnyOrder("STOP:OPT_OUT", "HELP:AUTOMATIC_RESPONSE");
        assertThat(sms.describeKeywords(b -> b.originationIdentity("phone-2a7d4c1e9b0f48e6a3c5d7b9e1f20467").filters(f -> f.name("keyword-action").values("OPT_OUT")))
                .keywords()).extracting(k -> k.keywordAction()).containsExactly(KeywordAction.OPT_OUT);
        assertThatThrownBy(() -> sms.describeKeywords(b -> b.originationIdentity("phone-0000"))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void the_account_is_a_sandbox_account_with_its_limits() {
        assertThat(sms.describeAccountAttributes(b -> {}).accountAttributes())
                .singleElement().satisfies(a -> {
                    assertThat(a.nameAsString()).isEqualTo("ACCOUNT_TIER");
                    assertThat(a.value()).isEqualTo("SANDBOX");
                });
        assertThat(sms.describeAccountLimits(b -> {}).accountLimits()).extracting(l -> l.nameAsString())
                .contains("PHONE_NUMBERS", "POOLS", "CONFIGURATION_SETS", "REGISTRATIONS", "VERIFIED_DESTINATION_NUMBERS");
        assertThat(sms.describeSpendLimits(b -> {}).spendLimits()).filteredOn(l -> l.nameAsString().equals("TEXT_MESSAGE_MONTHLY_SPEND_LIMIT"))
                .singleElement().satisfies(l -> assertThat(l.enforcedLimit()).isEqualTo(1L));
    }

    @Test
    void a_production_account_sends_from_a_registered_toll_free_number_to_any_us_handset() {
        fixture.close();
        fixture = new EmulatorFixture(Map.of("app.emulator.account.tier", "PRODUCTION",
                "app.emulator.review.submitted-to-reviewing", "0s", "app.emulator.review.reviewing-to-decision", "0s",
                "app.emulator.review.provisioning", "0s", "app.emulator.review.missing-field-denial", "0s"));
        sms = fixture.sms;
        String tf = sms.createRegistration(b -> b.registrationType("US_TOLL_FREE_REGISTRATION")).registrationId();
        fixture.emulator.sms().steerReview(tf, java.util.List.of("APPROVED"));
        fillRequired(tf, "US_TOLL_FREE_REGISTRATION");
        var requested = sms.requestPhoneNumber(b -> b.isoCountryCode("US").messageType("TRANSACTIONAL").numberCapabilities(NumberCapability.SMS)
                .numberType(RequestableNumberType.TOLL_FREE));
        sms.createRegistrationAssociation(b -> b.registrationId(tf).resourceId(requested.phoneNumberId()));
        sms.submitRegistrationVersion(b -> b.registrationId(tf));
        fixture.advance(java.time.Duration.ofSeconds(1));
        var number = sms.describePhoneNumbers(b -> b.phoneNumberIds(requested.phoneNumberId())).phoneNumbers().getFirst();
        assertThat(number.registrationId()).isEqualTo(tf);
        assertThat(number.statusAsString()).isEqualTo("ACTIVE");
        sms.sendTextMessage(b -> b.destinationPhoneNumber("+14255550155").originationIdentity(number.phoneNumber()).messageBody("Real handset"));
        fixture.awaitReceipts();
        assertThat(fixture.emulator.sms().handsets()).filteredOn(h -> h.number.equals("+14255550155")).singleElement()
                .satisfies(h -> assertThat(h.messages.getLast().body).isEqualTo("Real handset"));
    }

    private void fillRequired(String id, String type) {
        var fields = sms.describeRegistrationFieldDefinitions(b -> b.registrationType(type).maxResults(100)).registrationFieldDefinitions();
        for (var field : fields) {
            if (field.fieldRequirementAsString().equals("OPTIONAL")) {
                continue;
            }
            switch (field.fieldTypeAsString()) {
                case "SELECT" -> sms.putRegistrationFieldValue(b -> b.registrationId(id).fieldPath(field.fieldPath())
                        .selectChoices(field.selectValidation().options().getFirst()));
                case "ATTACHMENT" -> {
                    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0};
                    String attachment = sms.createRegistrationAttachment(b -> b.attachmentBody(software.amazon.awssdk.core.SdkBytes.fromByteArray(png)))
                            .registrationAttachmentId();
                    sms.putRegistrationFieldValue(b -> b.registrationId(id).fieldPath(field.fieldPath()).registrationAttachmentId(attachment));
                }
                default -> sms.putRegistrationFieldValue(b -> b.registrationId(id).fieldPath(field.fieldPath())
                        .textValue(field.displayHints().exampleTextValue() != null ? field.displayHints().exampleTextValue() : "Example value"));
            }
        }
    }
}
