package com.example.smsconsole.emulator;

import static com.example.smsconsole.emulator.EmulatorFixture.POOL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.pinpointsmsvoicev2.PinpointSmsVoiceV2Client;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.ConflictException;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.NumberCapability;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.PhoneNumberFilter;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.PhoneNumberInformation;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.RegistrationFieldDefinition;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.RequestPhoneNumberResponse;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.RequestableNumberType;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.ResourceNotFoundException;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.Tag;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.ValidationException;

/**
 * Numbers, registration associations, pool membership and tags through the real SDK client.
 * Expected behaviour comes from the API reference and the user guide pages cited in the emulator's
 * classes (NumberOps, PoolOps, TagOps, RegistrationOps), not from the emulator.
 */
class SmsVoiceNumbersContractTest {

    static final String TOLL_FREE = "US_TOLL_FREE_REGISTRATION";
    static final String BRAND = "US_TEN_DLC_BRAND_REGISTRATION";
    static final String CAMPAIGN = "US_TEN_DLC_CAMPAIGN_REGISTRATION";

    EmulatorFixture fixture;
    PinpointSmsVoiceV2Client sms;

    @BeforeEach
    void start() {
        fixture = new EmulatorFixture(Map.of(
                "app.emulator.review.submitted-to-reviewing", "1m",
                "app.emulator.review.reviewing-to-decision", "1m",
                "app.emulator.review.provisioning", "1m",
                "app.emulator.review.missing-field-denial", "10s",
                "app.emulator.numbers.activation", "5s",
                "app.emulator.seed.state", "simulator-only"));
        sms = fixture.sms;
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private RequestPhoneNumberResponse request(RequestableNumberType type, String country) {
        return sms.requestPhoneNumber(b -> b.isoCountryCode(country).messageType("TRANSACTIONAL").numberCapabilities(NumberCapability.SMS)
                .numberType(type));
    }

    private PhoneNumberInformation describe(String id) {
        return sms.describePhoneNumbers(b -> b.phoneNumberIds(id)).phoneNumbers().getFirst();
    }

    @Test
    void a_requested_number_is_pending_until_it_is_ready_and_a_client_token_makes_the_request_idempotent() {
        var first = sms.requestPhoneNumber(b -> b.isoCountryCode("US").messageType("TRANSACTIONAL").numberCapabilities(NumberCapability.SMS)
                .numberType(RequestableNumberType.SIMULATOR).clientToken("token-1").tags(Tag.builder().key("team").value("qa").build()));
        assertThat(first.statusAsString()).as("phone-numbers-request: Status is PENDING when you first purchase").isEqualTo("PENDING");
        assertThat(first.phoneNumberArn()).isEqualTo("arn:aws:sms-voice:us-east-1:000000000000:phone-number/" + first.phoneNumberId());
        assertThat(first.phoneNumber()).startsWith("+1");
        assertThat(first.tags()).extracting(Tag::key).containsExactly("team");
        var again = sms.requestPhoneNumber(b -> b.isoCountryCode("US").messageType("TRANSACTIONAL").numberCapabilities(NumberCapability.SMS)
                .numberType(RequestableNumberType.SIMULATOR).clientToken("token-1").tags(Tag.builder().key("team").value("qa").build()));
        assertThat(again.phoneNumberId()).isEqualTo(first.phoneNumberId());
        assertThatThrownBy(() -> sms.requestPhoneNumber(b -> b.isoCountryCode("US").messageType("TRANSACTIONAL")
                .numberCapabilities(NumberCapability.SMS).numberType(RequestableNumberType.TOLL_FREE).clientToken("token-1")))
                .as("a token reused for a different request").isInstanceOf(ConflictException.class);

        fixture.advance(Duration.ofSeconds(6));
        assertThat(describe(first.phoneNumberId()).statusAsString()).as("... and ACTIVE when ready").isEqualTo("ACTIVE");

        var longCode = request(RequestableNumberType.LONG_CODE, "CA");
        assertThat(longCode.isoCountryCode()).isEqualTo("CA");
        assertThat(longCode.monthlyLeasingPrice()).as("the user guide's example: a Canadian long code at 1.00").isEqualTo("1.00");
        assertThat(longCode.phoneNumber()).startsWith("+1");
    }

    @Test
    void what_aws_refuses_to_request() {
        assertThatThrownBy(() -> request(RequestableNumberType.SIMULATOR, "GB")).as("simulator numbers: United States only")
                .isInstanceOf(ValidationException.class).hasMessageContaining("United States");
        assertThatThrownBy(() -> sms.requestPhoneNumber(b -> b.isoCountryCode("US").messageType("PROMOTIONAL")
                .numberCapabilities(NumberCapability.SMS).numberType(RequestableNumberType.SIMULATOR)))
                .as("a SIMULATOR number must be TRANSACTIONAL").isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> request(RequestableNumberType.TEN_DLC, "GB")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> request(RequestableNumberType.TOLL_FREE, "GB")).as("toll-free: United States and Canada")
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> sms.requestPhoneNumber(b -> b.isoCountryCode("US").messageType("TRANSACTIONAL")
                .numberCapabilities(NumberCapability.SMS).numberType(RequestableNumberType.SIMULATOR).optOutListName("NoSuchList")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(e.resourceTypeAsString()).isEqualTo("opt-out-list"));
        assertThatThrownBy(() -> sms.requestPhoneNumber(b -> b.isoCountryCode("US").messageType("TRANSACTIONAL")
                .numberCapabilities(NumberCapability.SMS).numberType(RequestableNumberType.SIMULATOR).poolId("pool-0000")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void deletion_protection_refuses_release_until_it_is_turned_off() {
        var number = sms.requestPhoneNumber(b -> b.isoCountryCode("US").messageType("TRANSACTIONAL").numberCapabilities(NumberCapability.SMS)
                .numberType(RequestableNumberType.TOLL_FREE).deletionProtectionEnabled(true));
        assertThat(number.deletionProtectionEnabled()).isTrue();
        assertThat(number.statusAsString()).isEqualTo("PENDING");
        fixture.advance(Duration.ofMinutes(10));
        assertThat(describe(number.phoneNumberId()).statusAsString()).as("a toll-free number stays PENDING until its registration is approved")
                .isEqualTo("PENDING");
        assertThatThrownBy(() -> sms.releasePhoneNumber(b -> b.phoneNumberId(number.phoneNumberId())))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reasonAsString()).isEqualTo("DELETION_PROTECTION_ENABLED"));
        var updated = sms.updatePhoneNumber(b -> b.phoneNumberId(number.phoneNumberArn()).deletionProtectionEnabled(false)
                .selfManagedOptOutsEnabled(true));
        assertThat(updated.deletionProtectionEnabled()).isFalse();
        assertThat(updated.selfManagedOptOutsEnabled()).isTrue();
        var released = sms.releasePhoneNumber(b -> b.phoneNumberId(number.phoneNumberId()));
        assertThat(released.statusAsString()).isEqualTo("DELETED");
        assertThatThrownBy(() -> describe(number.phoneNumberId())).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void a_number_in_a_pool_is_neither_released_nor_updated_and_pool_membership_follows_the_pool_configuration() {
        String seeded = fixture.emulator.properties().seed().phoneNumberId();
        assertThatThrownBy(() -> sms.releasePhoneNumber(b -> b.phoneNumberId(seeded)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reasonAsString()).isEqualTo("PHONE_NUMBER_ASSOCIATED_TO_POOL"));
        assertThatThrownBy(() -> sms.updatePhoneNumber(b -> b.phoneNumberId(seeded).deletionProtectionEnabled(true)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reasonAsString()).isEqualTo("PHONE_NUMBER_ASSOCIATED_TO_POOL"));

        var number = request(RequestableNumberType.SIMULATOR, "US");
        var associated = sms.associateOriginationIdentity(b -> b.poolId(POOL).originationIdentity(number.phoneNumberId()).isoCountryCode("US"));
        assertThat(associated.originationIdentityArn()).isEqualTo(number.phoneNumberArn());
        assertThat(describe(number.phoneNumberId()).poolId()).isEqualTo(POOL);
        assertThat(sms.listPoolOriginationIdentities(b -> b.poolId(POOL)).originationIdentities())
                .extracting(i -> i.originationIdentity()).contains(number.phoneNumberId());

        var promotional = sms.requestPhoneNumber(b -> b.isoCountryCode("US").messageType("PROMOTIONAL").numberCapabilities(NumberCapability.SMS)
                .numberType(RequestableNumberType.TOLL_FREE));
        assertThatThrownBy(() -> sms.associateOriginationIdentity(b -> b.poolId(POOL).originationIdentity(promotional.phoneNumberId()).isoCountryCode("US")))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reasonAsString()).isEqualTo("MESSAGE_TYPE_MISMATCH"));
        assertThatThrownBy(() -> sms.associateOriginationIdentity(b -> b.poolId(POOL).originationIdentity(number.phoneNumberId()).isoCountryCode("GB")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.reasonAsString()).isEqualTo("COUNTRY_CODE_MISMATCH"));

        var other = sms.createPool(b -> b.originationIdentity(promotional.phoneNumberId()).messageType("PROMOTIONAL"));
        assertThatThrownBy(() -> sms.associateOriginationIdentity(b -> b.poolId(other.poolId()).originationIdentity(number.phoneNumberId()).isoCountryCode("US")))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reasonAsString()).isEqualTo("PHONE_NUMBER_ASSOCIATED_TO_POOL"));
        assertThatThrownBy(() -> sms.disassociateOriginationIdentity(b -> b.poolId(other.poolId()).originationIdentity(promotional.phoneNumberId())
                .isoCountryCode("US"))).as("a pool keeps at least one identity")
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reasonAsString()).isEqualTo("LAST_PHONE_NUMBER"));

        sms.disassociateOriginationIdentity(b -> b.poolId(POOL).originationIdentity(number.phoneNumberArn()).isoCountryCode("US"));
        assertThat(describe(number.phoneNumberId()).poolId()).isNull();
        assertThatThrownBy(() -> sms.disassociateOriginationIdentity(b -> b.poolId(POOL).originationIdentity(number.phoneNumberId()).isoCountryCode("US")))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reasonAsString()).isEqualTo("PHONE_NUMBER_NOT_ASSOCIATED_TO_POOL"));
        assertThat(sms.releasePhoneNumber(b -> b.phoneNumberId(number.phoneNumberId())).statusAsString()).isEqualTo("DELETED");
    }

    @Test
    void every_documented_phone_number_filter_selects_by_its_attribute() {
        var tollFree = sms.requestPhoneNumber(b -> b.isoCountryCode("US").messageType("PROMOTIONAL")
                .numberCapabilities(NumberCapability.SMS, NumberCapability.VOICE).numberType(RequestableNumberType.TOLL_FREE)
                .deletionProtectionEnabled(true));
        sms.createOptOutList(b -> b.optOutListName("marketing"));
        var longCode = sms.requestPhoneNumber(b -> b.isoCountryCode("GB").messageType("TRANSACTIONAL").numberCapabilities(NumberCapability.SMS)
                .numberType(RequestableNumberType.LONG_CODE).optOutListName("marketing"));
        sms.updatePhoneNumber(b -> b.phoneNumberId(longCode.phoneNumberId()).selfManagedOptOutsEnabled(true)
                .twoWayChannelArn("arn:aws:sns:us-east-1:000000000000:inbound").twoWayEnabled(true));
        String seeded = fixture.emulator.properties().seed().phoneNumberId();
        Map<PhoneNumberFilter, List<String>> expected = Map.of(
                filter("status", "PENDING"), List.of(tollFree.phoneNumberId(), longCode.phoneNumberId()),
                filter("iso-country-code", "GB"), List.of(longCode.phoneNumberId()),
                filter("message-type", "PROMOTIONAL"), List.of(tollFree.phoneNumberId()),
                filter("number-capability", "VOICE"), List.of(tollFree.phoneNumberId()),
                filter("number-type", "SIMULATOR"), List.of(seeded),
                filter("two-way-enabled", "true"), List.of(longCode.phoneNumberId()),
                filter("self-managed-opt-outs-enabled", "true"), List.of(longCode.phoneNumberId()),
                filter("opt-out-list-name", "marketing"), List.of(longCode.phoneNumberId()),
                filter("deletion-protection-enabled", "true"), List.of(tollFree.phoneNumberId()),
                filter("two-way-channel-arn", "arn:aws:sns:us-east-1:000000000000:inbound"), List.of(longCode.phoneNumberId()));
        expected.forEach((f, ids) -> assertThat(sms.describePhoneNumbers(b -> b.filters(f)).phoneNumbers())
                .as(f.nameAsString()).extracting(PhoneNumberInformation::phoneNumberId).containsExactlyInAnyOrderElementsOf(ids));
        assertThat(sms.describePhoneNumbers(b -> b.filters(filter("number-type", "TOLL_FREE"), filter("message-type", "TRANSACTIONAL"))).phoneNumbers())
                .as("filters combine with AND").isEmpty();
        assertThatThrownBy(() -> sms.describePhoneNumbers(b -> b.filters(filter("color", "red")))).isInstanceOf(ValidationException.class);
        assertThat(sms.describePhoneNumbers(b -> b.owner("SHARED")).phoneNumbers()).isEmpty();
        assertThat(sms.describePhoneNumbers(b -> b.maxResults(1)).nextToken()).isNotNull();
    }

    private static PhoneNumberFilter filter(String name, String value) {
        return PhoneNumberFilter.builder().name(name).values(value).build();
    }

    @Test
    void type_definitions_publish_the_associations_aws_documents() {
        var definitions = sms.describeRegistrationTypeDefinitions(b -> {}).registrationTypeDefinitions();
        assertThat(definitions).filteredOn(d -> d.registrationType().equals(TOLL_FREE)).singleElement().satisfies(d ->
                assertThat(d.supportedAssociations()).singleElement().satisfies(a -> {
                    // registrations CLI guide, example output of describe-registration-type-definitions
                    assertThat(a.resourceType()).isEqualTo("TOLL_FREE");
                    assertThat(a.isoCountryCode()).isEqualTo("US");
                    assertThat(a.associationBehaviorAsString()).isEqualTo("ASSOCIATE_BEFORE_SUBMIT");
                    assertThat(a.disassociationBehaviorAsString()).isEqualTo("DISASSOCIATE_ALL_CLOSES_REGISTRATION");
                }));
        // aws-samples 10DLC programmatic registration guide: campaign and vetting ASSOCIATE_BEFORE_SUBMIT with the brand,
        // TEN_DLC numbers ASSOCIATE_AFTER_COMPLETE with the campaign
        assertThat(definitions).filteredOn(d -> d.registrationType().equals(CAMPAIGN)).singleElement().satisfies(d ->
                assertThat(d.supportedAssociations()).extracting(a -> a.resourceType() + ":" + a.associationBehaviorAsString())
                        .containsExactlyInAnyOrder(BRAND + ":ASSOCIATE_BEFORE_SUBMIT", "TEN_DLC:ASSOCIATE_AFTER_COMPLETE"));
        assertThat(definitions).filteredOn(d -> d.registrationType().equals("US_TEN_DLC_BRAND_VETTING")).singleElement().satisfies(d ->
                assertThat(d.supportedAssociations()).extracting(a -> a.resourceType() + ":" + a.associationBehaviorAsString())
                        .containsExactly(BRAND + ":ASSOCIATE_BEFORE_SUBMIT"));

        var tollFree = sms.describeRegistrationFieldDefinitionsPaginator(b -> b.registrationType(TOLL_FREE)).registrationFieldDefinitions()
                .stream().toList();
        assertThat(field(tollFree, "messagingUseCase.optInImage").fieldRequirementAsString()).isEqualTo("REQUIRED");
        assertThat(tollFree).extracting(RegistrationFieldDefinition::fieldPath)
                .contains("companyInfo.taxId", "companyInfo.taxIdAuthority", "companyInfo.taxIdCountry");
        assertThat(field(tollFree, "companyInfo.taxIdAuthority").fieldRequirementAsString()).isEqualTo("CONDITIONAL");
        var campaign = sms.describeRegistrationFieldDefinitionsPaginator(b -> b.registrationType(CAMPAIGN)).registrationFieldDefinitions()
                .stream().toList();
        assertThat(campaign).extracting(RegistrationFieldDefinition::fieldPath).contains("campaignInfo.termsAndConditionsFile",
                "campaignInfo.privacyPolicyFile", "mmsFileSamples.mmsFileSample1", "mmsFileSamples.mmsFileSample5");
        assertThat(field(campaign, "campaignInfo.optInKeyword").textValidation().maxLength()).isEqualTo(255);
        assertThat(field(campaign, "campaignInfo.termsAndConditionsLink").textValidation().maxLength()).isEqualTo(255);
    }

    private static RegistrationFieldDefinition field(List<RegistrationFieldDefinition> fields, String path) {
        return fields.stream().filter(f -> f.fieldPath().equals(path)).findFirst().orElseThrow();
    }

    @Test
    void a_toll_free_registration_holds_its_number_and_releasing_it_closes_the_approved_registration() {
        String id = sms.createRegistration(b -> b.registrationType(TOLL_FREE)).registrationId();
        var number = request(RequestableNumberType.TOLL_FREE, "US");
        var association = sms.createRegistrationAssociation(b -> b.registrationId(id).resourceId(number.phoneNumberArn()));
        assertThat(association.resourceType()).isEqualTo("TOLL_FREE");
        assertThat(association.resourceId()).isEqualTo(number.phoneNumberId());
        assertThat(association.phoneNumber()).isEqualTo(number.phoneNumber());
        assertThat(association.isoCountryCode()).isEqualTo("US");
        assertThat(describe(number.phoneNumberId()).registrationId()).isEqualTo(id);
        assertThatThrownBy(() -> sms.createRegistrationAssociation(b -> b.registrationId(id).resourceId(number.phoneNumberId())))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reasonAsString()).isEqualTo("RESOURCE_ALREADY_ASSOCIATED"));
        var second = request(RequestableNumberType.TOLL_FREE, "US");
        assertThatThrownBy(() -> sms.createRegistrationAssociation(b -> b.registrationId(id).resourceId(second.phoneNumberId())))
                .as("one toll-free number per toll-free registration").isInstanceOf(ServiceQuotaExceededException.class);
        var simulator = request(RequestableNumberType.SIMULATOR, "US");
        assertThatThrownBy(() -> sms.createRegistrationAssociation(b -> b.registrationId(id).resourceId(simulator.phoneNumberId())))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.reasonAsString()).isEqualTo("INVALID_REGISTRATION_ASSOCIATION"));

        var listed = sms.listRegistrationAssociations(b -> b.registrationId(id));
        assertThat(listed.registrationType()).isEqualTo(TOLL_FREE);
        assertThat(listed.registrationAssociations()).singleElement().satisfies(a -> {
            assertThat(a.resourceArn()).isEqualTo(number.phoneNumberArn());
            assertThat(a.phoneNumber()).isEqualTo(number.phoneNumber());
        });
        assertThat(sms.listRegistrationAssociations(b -> b.registrationId(id).filters(f -> f.name("resource-type").values("TEN_DLC")))
                .registrationAssociations()).isEmpty();
        assertThat(sms.listRegistrationAssociations(b -> b.registrationId(id).filters(f -> f.name("iso-country-code").values("US")))
                .registrationAssociations()).hasSize(1);

        assertThatThrownBy(() -> sms.deleteRegistration(b -> b.registrationId(id))).as("DISASSOCIATE_ALL_CLOSES_REGISTRATION: number first")
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reasonAsString()).isEqualTo("RESOURCE_DELETION_NOT_ALLOWED"));

        fillToll(id);
        fixture.emulator.sms().steerReview(id, List.of("APPROVED"));
        sms.submitRegistrationVersion(b -> b.registrationId(id));
        assertThatThrownBy(() -> sms.releasePhoneNumber(b -> b.phoneNumberId(number.phoneNumberId()))).as("not while it is reviewed")
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reasonAsString()).isEqualTo("PHONE_NUMBER_ASSOCIATED_TO_REGISTRATION"));
        fixture.advance(Duration.ofMinutes(3));
        assertThat(status(id)).isEqualTo("COMPLETE");
        assertThat(describe(number.phoneNumberId()).statusAsString()).isEqualTo("ACTIVE");

        sms.releasePhoneNumber(b -> b.phoneNumberId(number.phoneNumberId()));
        assertThat(status(id)).as("its only identity released, the registration is closed").isEqualTo("CLOSED");
        assertThat(sms.listRegistrationAssociations(b -> b.registrationId(id)).registrationAssociations()).isEmpty();
        assertThat(sms.deleteRegistration(b -> b.registrationId(id)).registrationStatusAsString()).isEqualTo("DELETED");
    }

    @Test
    void a_ten_dlc_campaign_needs_its_approved_brand_before_submit_and_its_numbers_after_it_completes() {
        String brand = sms.createRegistration(b -> b.registrationType(BRAND)).registrationId();
        String campaign = sms.createRegistration(b -> b.registrationType(CAMPAIGN)).registrationId();
        fill(campaign, CAMPAIGN);
        assertThatThrownBy(() -> sms.submitRegistrationVersion(b -> b.registrationId(campaign)))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.reasonAsString()).isEqualTo("SUBMIT_REGISTRATION_VERSION_NOT_ALLOWED");
                    assertThat(e.getMessage()).contains(BRAND);
                });
        assertThatThrownBy(() -> sms.createRegistrationAssociation(b -> b.registrationId(campaign).resourceId(brand)))
                .as("only an approved brand").isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.reasonAsString()).isEqualTo("REGISTRATION_NOT_COMPLETE"));

        fill(brand, BRAND);
        fixture.emulator.sms().steerReview(brand, List.of("APPROVED"));
        sms.submitRegistrationVersion(b -> b.registrationId(brand));
        fixture.advance(Duration.ofMinutes(3));
        assertThat(status(brand)).isEqualTo("COMPLETE");
        var association = sms.createRegistrationAssociation(b -> b.registrationId(campaign).resourceId(brand));
        assertThat(association.resourceType()).isEqualTo(BRAND);
        assertThat(association.resourceArn()).endsWith(":registration/" + brand);

        assertThatThrownBy(() -> sms.requestPhoneNumber(b -> b.isoCountryCode("US").messageType("TRANSACTIONAL")
                .numberCapabilities(NumberCapability.SMS).numberType(RequestableNumberType.TEN_DLC).registrationId(campaign)))
                .as("ASSOCIATE_AFTER_COMPLETE").isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.reasonAsString()).isEqualTo("REGISTRATION_NOT_COMPLETE"));
        fixture.emulator.sms().steerReview(campaign, List.of("APPROVED"));
        sms.submitRegistrationVersion(b -> b.registrationId(campaign));
        fixture.advance(Duration.ofMinutes(3));
        assertThat(status(campaign)).isEqualTo("COMPLETE");

        var number = sms.requestPhoneNumber(b -> b.isoCountryCode("US").messageType("TRANSACTIONAL").numberCapabilities(NumberCapability.SMS)
                .numberType(RequestableNumberType.TEN_DLC).registrationId(campaign));
        assertThat(number.registrationId()).isEqualTo(campaign);
        assertThat(number.statusAsString()).isEqualTo("PENDING");
        fixture.advance(Duration.ofMinutes(2));
        assertThat(describe(number.phoneNumberId()).statusAsString()).as("after the carriers' review of the number").isEqualTo("ACTIVE");
        assertThat(sms.listRegistrationAssociations(b -> b.registrationId(campaign)).registrationAssociations())
                .extracting(a -> a.resourceType()).containsExactlyInAnyOrder(BRAND, "TEN_DLC");
        var unattached = request(RequestableNumberType.TEN_DLC, "US");
        assertThat(sms.createRegistrationAssociation(b -> b.registrationId(campaign).resourceId(unattached.phoneNumberId())).resourceType())
                .isEqualTo("TEN_DLC");
    }

    @Test
    void tags_are_added_overwritten_listed_and_removed_on_any_resource_by_arn() {
        String registrationArn = sms.createRegistration(b -> b.registrationType(TOLL_FREE)).registrationArn();
        String poolArn = sms.describePools(b -> b.poolIds(POOL)).pools().getFirst().poolArn();
        String numberArn = request(RequestableNumberType.SIMULATOR, "US").phoneNumberArn();
        String setArn = sms.describeConfigurationSets(b -> {}).configurationSets().getFirst().configurationSetArn();
        for (String arn : List.of(registrationArn, poolArn, numberArn, setArn)) {
            sms.tagResource(b -> b.resourceArn(arn).tags(Tag.builder().key("Name").value("first").build(), Tag.builder().key("team").value("qa").build()));
            sms.tagResource(b -> b.resourceArn(arn).tags(Tag.builder().key("Name").value("second").build()));
            assertThat(sms.listTagsForResource(b -> b.resourceArn(arn)).tags()).as(arn).extracting(t -> t.key() + "=" + t.value())
                    .containsExactlyInAnyOrder("Name=second", "team=qa");
            sms.untagResource(b -> b.resourceArn(arn).tagKeys("team"));
            assertThat(sms.listTagsForResource(b -> b.resourceArn(arn)).tags()).extracting(Tag::key).containsExactly("Name");
        }
        assertThat(sms.describeRegistrations(b -> {}).registrations()).isNotEmpty();
        assertThatThrownBy(() -> sms.listTagsForResource(b -> b.resourceArn("arn:aws:sms-voice:us-east-1:000000000000:pool/pool-0000")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> sms.listTagsForResource(b -> b.resourceArn("arn:aws:sns:us-east-1:000000000000:topic")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.reasonAsString()).isEqualTo("INVALID_ARN"));
    }

    private String status(String id) {
        return sms.describeRegistrations(b -> b.registrationIds(id)).registrations().getFirst().registrationStatusAsString();
    }

    private void fillToll(String id) {
        fill(id, TOLL_FREE);
    }

    /** Fills every REQUIRED and CONDITIONAL field with the first option, the example text or a PNG. */
    private void fill(String id, String type) {
        for (var field : sms.describeRegistrationFieldDefinitionsPaginator(b -> b.registrationType(type)).registrationFieldDefinitions()) {
            if (field.fieldRequirementAsString().equals("OPTIONAL")) {
                continue;
            }
            switch (field.fieldTypeAsString()) {
                case "SELECT" -> sms.putRegistrationFieldValue(b -> b.registrationId(id).fieldPath(field.fieldPath())
                        .selectChoices(field.selectValidation().options().getFirst()));
                case "ATTACHMENT" -> {
                    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0};
                    String attachment = sms.createRegistrationAttachment(b -> b.attachmentBody(SdkBytes.fromByteArray(png))).registrationAttachmentId();
                    sms.putRegistrationFieldValue(b -> b.registrationId(id).fieldPath(field.fieldPath()).registrationAttachmentId(attachment));
                }
                default -> {
                    String example = field.displayHints().exampleTextValue();
                    if (example == null && field.fieldRequirementAsString().equals("CONDITIONAL")) {
                        continue;
                    }
                    int min = field.textValidation().minLength();
                    String value = example != null && example.length() >= min ? example : "Example value for the review, long enough for every minimum.";
                    sms.putRegistrationFieldValue(b -> b.registrationId(id).fieldPath(field.fieldPath()).textValue(value));
                }
            }
        }
    }
}
