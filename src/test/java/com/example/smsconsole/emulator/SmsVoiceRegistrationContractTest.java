package com.example.smsconsole.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.pinpointsmsvoicev2.PinpointSmsVoiceV2Client;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.ConflictException;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.DescribeRegistrationFieldDefinitionsResponse;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.FieldType;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.NumberCapability;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.NumberType;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.RequestableNumberType;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.RegistrationFieldDefinition;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.RegistrationStatus;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.RegistrationVersionInformation;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.RegistrationVersionStatus;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.ResourceNotFoundException;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.Tag;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.ValidationException;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.ValidationExceptionReason;

/** Registrations through the real SDK client: definitions, drafts, review, new versions, errors. */
class SmsVoiceRegistrationContractTest {

    static final String TOLL_FREE = "US_TOLL_FREE_REGISTRATION";

    EmulatorFixture fixture;
    PinpointSmsVoiceV2Client sms;

    @BeforeEach
    void start() {
        fixture = new EmulatorFixture(Map.of(
                "app.emulator.review.submitted-to-reviewing", "1m",
                "app.emulator.review.reviewing-to-decision", "2m",
                "app.emulator.review.provisioning", "30s",
                "app.emulator.review.missing-field-denial", "5s",
                "app.emulator.seed.state", "simulator-only"));
        sms = fixture.sms;
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void type_definitions_list_the_us_types_and_filter_by_association() {
        var types = sms.describeRegistrationTypeDefinitions(b -> {}).registrationTypeDefinitions();
        assertThat(types).extracting(t -> t.registrationType()).contains(TOLL_FREE, "US_TEN_DLC_BRAND_REGISTRATION",
                "US_TEN_DLC_CAMPAIGN_REGISTRATION", "US_TEN_DLC_BRAND_VETTING");
        assertThat(types.getFirst().displayHints().title()).isEqualTo("US toll-free number registration");

        var tollFreeOnly = sms.describeRegistrationTypeDefinitions(b -> b.filters(f -> f.name("supported-association-resource-type").values("TOLL_FREE")));
        assertThat(tollFreeOnly.registrationTypeDefinitions()).extracting(t -> t.registrationType()).containsExactly(TOLL_FREE);

        assertThatThrownBy(() -> sms.describeRegistrationTypeDefinitions(b -> b.registrationTypes("US_NOPE")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.reason()).isEqualTo(ValidationExceptionReason.UNKNOWN_REGISTRATION_TYPE));
    }

    @Test
    void field_definitions_page_through_every_field_with_their_validation() {
        List<RegistrationFieldDefinition> all = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String current = token;
            DescribeRegistrationFieldDefinitionsResponse page = sms.describeRegistrationFieldDefinitions(b -> b.registrationType(TOLL_FREE)
                    .maxResults(5).nextToken(current));
            all.addAll(page.registrationFieldDefinitions());
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertThat(pages).isGreaterThan(3);
        assertThat(all).extracting(RegistrationFieldDefinition::fieldPath).doesNotHaveDuplicates()
                .contains("companyInfo.companyName", "messagingUseCase.optInImage", "messageSamples.messageSample1");
        RegistrationFieldDefinition volume = all.stream().filter(f -> f.fieldPath().equals("messagingUseCase.monthlyMessageVolume")).findFirst().orElseThrow();
        assertThat(volume.fieldType()).isEqualTo(FieldType.SELECT);
        assertThat(volume.selectValidation().options()).contains("10,000");
        RegistrationFieldDefinition image = all.stream().filter(f -> f.fieldPath().equals("messagingUseCase.optInImage")).findFirst().orElseThrow();
        assertThat(image.fieldType()).isEqualTo(FieldType.ATTACHMENT);

        var sections = sms.describeRegistrationSectionDefinitions(b -> b.registrationType(TOLL_FREE)).registrationSectionDefinitions();
        assertThat(sections).extracting(s -> s.sectionPath()).containsExactly("companyInfo", "contactInfo", "messagingUseCase", "messageSamples");
        var contact = sms.describeRegistrationFieldDefinitions(b -> b.registrationType(TOLL_FREE).sectionPath("contactInfo"));
        assertThat(contact.registrationFieldDefinitions()).allMatch(f -> f.sectionPath().equals("contactInfo"));

        assertThatThrownBy(() -> sms.describeRegistrationFieldDefinitions(b -> b.registrationType(TOLL_FREE).nextToken("garbage")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.reason()).isEqualTo(ValidationExceptionReason.INVALID_NEXT_TOKEN));
    }

    @Test
    void a_client_token_makes_create_registration_idempotent() {
        var first = sms.createRegistration(b -> b.registrationType(TOLL_FREE).clientToken("token-123"));
        var again = sms.createRegistration(b -> b.registrationType(TOLL_FREE).clientToken("token-123"));
        assertThat(again.registrationId()).isEqualTo(first.registrationId());
        assertThat(first.registrationStatus()).isEqualTo(RegistrationStatus.CREATED);
        assertThat(first.currentVersionNumber()).isEqualTo(1L);
        assertThat(first.registrationArn()).endsWith(":registration/" + first.registrationId());
        assertThat(first.createdTimestamp()).isNotNull();
        assertThat(sms.describeRegistrations(b -> {}).registrations()).hasSize(1);
    }

    @Test
    void field_values_are_validated_against_the_definitions() {
        String id = sms.createRegistration(b -> b.registrationType(TOLL_FREE)).registrationId();
        assertThat(sms.putRegistrationFieldValue(b -> b.registrationId(id).fieldPath("companyInfo.companyName").textValue("Example Corp")).textValue())
                .isEqualTo("Example Corp");

        assertReason(() -> sms.putRegistrationFieldValue(b -> b.registrationId(id).fieldPath("companyInfo.nope").textValue("x")),
                ValidationExceptionReason.UNKNOWN_REGISTRATION_FIELD);
        assertReason(() -> sms.putRegistrationFieldValue(b -> b.registrationId(id).fieldPath("companyInfo.businessType").textValue("x")),
                ValidationExceptionReason.INVALID_PARAMETER);
        assertReason(() -> sms.putRegistrationFieldValue(b -> b.registrationId(id).fieldPath("companyInfo.businessType").selectChoices("LLC")),
                ValidationExceptionReason.FIELD_VALIDATION_FAILED);
        assertReason(() -> sms.putRegistrationFieldValue(b -> b.registrationId(id).fieldPath("companyInfo.businessType")
                .selectChoices("PRIVATE_PROFIT", "NON_PROFIT")), ValidationExceptionReason.FIELD_VALIDATION_FAILED);
        assertReason(() -> sms.putRegistrationFieldValue(b -> b.registrationId(id).fieldPath("companyInfo.companyName").textValue("x".repeat(101))),
                ValidationExceptionReason.FIELD_VALIDATION_FAILED);
        assertReason(() -> sms.putRegistrationFieldValue(b -> b.registrationId(id).fieldPath("contactInfo.supportEmail").textValue("not-an-email")),
                ValidationExceptionReason.FIELD_VALIDATION_FAILED);
        assertReason(() -> sms.putRegistrationFieldValue(b -> b.registrationId(id).fieldPath("companyInfo.city").textValue("x").selectChoices("y")),
                ValidationExceptionReason.PARAMETERS_CANNOT_BE_USED_TOGETHER);
        assertReason(() -> sms.putRegistrationFieldValue(b -> b.registrationId(id).fieldPath("companyInfo.city")),
                ValidationExceptionReason.MISSING_PARAMETER);
        assertThatThrownBy(() -> sms.putRegistrationFieldValue(b -> b.registrationId("registration-0000").fieldPath("companyInfo.city").textValue("x")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(e.resourceId()).isEqualTo("registration-0000"));

        sms.putRegistrationFieldValue(b -> b.registrationId(id).fieldPath("companyInfo.businessType").selectChoices("PRIVATE_PROFIT"));
        var values = sms.describeRegistrationFieldValues(b -> b.registrationId(id)).registrationFieldValues();
        assertThat(values).extracting(v -> v.fieldPath()).containsExactly("companyInfo.companyName", "companyInfo.businessType");
        var deleted = sms.deleteRegistrationFieldValue(b -> b.registrationId(id).fieldPath("companyInfo.companyName"));
        assertThat(deleted.textValue()).isEqualTo("Example Corp");
        assertReason(() -> sms.deleteRegistrationFieldValue(b -> b.registrationId(id).fieldPath("companyInfo.companyName")),
                ValidationExceptionReason.REGISTRATION_FIELD_CANNOT_BE_DELETED);
    }

    @Test
    void attachments_accept_pdf_png_and_jpeg_only_and_fill_attachment_fields() {
        String id = sms.createRegistration(b -> b.registrationType(TOLL_FREE)).registrationId();
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0};
        var attachment = sms.createRegistrationAttachment(b -> b.attachmentBody(SdkBytes.fromByteArray(png)));
        assertThat(attachment.attachmentStatusAsString()).isEqualTo("UPLOAD_COMPLETE");
        sms.putRegistrationFieldValue(b -> b.registrationId(id).fieldPath("messagingUseCase.optInImage").registrationAttachmentId(attachment.registrationAttachmentId()));
        assertThat(sms.describeRegistrationFieldValues(b -> b.registrationId(id)).registrationFieldValues().getFirst().registrationAttachmentId())
                .isEqualTo(attachment.registrationAttachmentId());
        assertThat(sms.describeRegistrationAttachments(b -> b.registrationAttachmentIds(attachment.registrationAttachmentId()))
                .registrationAttachments()).singleElement().satisfies(a -> assertThat(a.attachmentStatusAsString()).isEqualTo("UPLOAD_COMPLETE"));

        assertReason(() -> sms.createRegistrationAttachment(b -> b.attachmentBody(SdkBytes.fromUtf8String("plain text"))),
                ValidationExceptionReason.ATTACHMENT_TYPE_NOT_SUPPORTED);
        byte[] big = new byte[500 * 1024 + 1];
        big[0] = '%';
        big[1] = 'P';
        big[2] = 'D';
        big[3] = 'F';
        assertReason(() -> sms.createRegistrationAttachment(b -> b.attachmentBody(SdkBytes.fromByteArray(big))),
                ValidationExceptionReason.MAXIMUM_SIZE_EXCEEDED);
        assertReason(() -> sms.putRegistrationFieldValue(b -> b.registrationId(id).fieldPath("companyInfo.city").registrationAttachmentId(attachment.registrationAttachmentId())),
                ValidationExceptionReason.INVALID_PARAMETER);
    }

    @Test
    void a_complete_draft_with_its_toll_free_number_is_reviewed_approved_and_the_number_turns_active() {
        String id = completeTollFreeDraft(List.of());
        assertThatThrownBy(() -> sms.submitRegistrationVersion(b -> b.registrationId(id)))
                .as("ASSOCIATE_BEFORE_SUBMIT: the toll-free number must be associated first")
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.reasonAsString()).isEqualTo("SUBMIT_REGISTRATION_VERSION_NOT_ALLOWED");
                    assertThat(e.getMessage()).contains("TOLL_FREE");
                });
        String numberId = requestTollFree(id);
        assertThat(sms.describePhoneNumbers(b -> b.phoneNumberIds(numberId)).phoneNumbers().getFirst().statusAsString()).isEqualTo("PENDING");
        var submitted = sms.submitRegistrationVersion(b -> b.registrationId(id));
        assertThat(submitted.registrationVersionStatus()).isEqualTo(RegistrationVersionStatus.SUBMITTED);
        assertThat(submitted.registrationVersionStatusHistory().submittedTimestamp()).isNotNull();
        assertThat(status(id)).isEqualTo(RegistrationStatus.SUBMITTED);

        assertThatThrownBy(() -> sms.putRegistrationFieldValue(b -> b.registrationId(id).fieldPath("companyInfo.city").textValue("Other")))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reasonAsString()).isEqualTo("EDIT_REGISTRATION_FIELD_VALUES_NOT_ALLOWED"));
        assertThatThrownBy(() -> sms.submitRegistrationVersion(b -> b.registrationId(id)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reasonAsString()).isEqualTo("REGISTRATION_ALREADY_SUBMITTED"));
        assertThatThrownBy(() -> sms.deleteRegistration(b -> b.registrationId(id)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reasonAsString()).isEqualTo("RESOURCE_DELETION_NOT_ALLOWED"));
        assertThatThrownBy(() -> sms.createRegistrationVersion(b -> b.registrationId(id)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reasonAsString()).isEqualTo("CREATE_REGISTRATION_VERSION_NOT_ALLOWED"));

        fixture.advance(Duration.ofMinutes(1));
        assertThat(status(id)).isEqualTo(RegistrationStatus.REVIEWING);
        fixture.advance(Duration.ofMinutes(2));
        assertThat(status(id)).isEqualTo(RegistrationStatus.PROVISIONING);
        fixture.advance(Duration.ofSeconds(30));
        var registration = sms.describeRegistrations(b -> b.registrationIds(id)).registrations().getFirst();
        assertThat(registration.registrationStatus()).isEqualTo(RegistrationStatus.COMPLETE);
        assertThat(registration.approvedVersionNumber()).isEqualTo(1L);
        RegistrationVersionInformation version = sms.describeRegistrationVersions(b -> b.registrationId(id)).registrationVersions().getFirst();
        assertThat(version.registrationVersionStatus()).isEqualTo(RegistrationVersionStatus.APPROVED);
        assertThat(version.registrationVersionStatusHistory().reviewingTimestamp()).isNotNull();
        assertThat(version.registrationVersionStatusHistory().approvedTimestamp()).isAfter(version.registrationVersionStatusHistory().reviewingTimestamp());

        var numbers = sms.describePhoneNumbers(b -> b.filters(f -> f.name("number-type").values("TOLL_FREE"))).phoneNumbers();
        assertThat(numbers).as("the associated number, no other").singleElement().satisfies(n -> {
            assertThat(n.phoneNumberId()).isEqualTo(numberId);
            assertThat(n.registrationId()).isEqualTo(id);
            assertThat(n.numberType()).isEqualTo(NumberType.TOLL_FREE);
            assertThat(n.statusAsString()).isEqualTo("ACTIVE");
        });
    }

    @Test
    void a_denied_version_is_fixed_in_a_new_version_resubmitted_and_approved() {
        String id = completeTollFreeDraft(List.of(Tag.builder().key("emulator:review-outcomes").value("DENIED/APPROVED").build()));
        requestTollFree(id);
        sms.submitRegistrationVersion(b -> b.registrationId(id));
        fixture.advance(Duration.ofMinutes(3));

        var registration = sms.describeRegistrations(b -> b.registrationIds(id)).registrations().getFirst();
        assertThat(registration.registrationStatus()).isEqualTo(RegistrationStatus.REQUIRES_UPDATES);
        assertThat(registration.latestDeniedVersionNumber()).isEqualTo(1L);
        RegistrationVersionInformation denied = sms.describeRegistrationVersions(b -> b.registrationId(id)).registrationVersions().getFirst();
        assertThat(denied.registrationVersionStatus()).isEqualTo(RegistrationVersionStatus.DENIED);
        assertThat(denied.deniedReasons()).extracting(r -> r.reason()).contains("Unclear Opt-in Language");
        var optIn = sms.describeRegistrationFieldValues(b -> b.registrationId(id).fieldPaths("messagingUseCase.optInDescription"))
                .registrationFieldValues().getFirst();
        assertThat(optIn.deniedReason()).startsWith("Unclear Opt-in Language");

        assertThatThrownBy(() -> sms.discardRegistrationVersion(b -> b.registrationId(id)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reasonAsString()).isEqualTo("DISCARD_REGISTRATION_VERSION_NOT_ALLOWED"));
        var v2 = sms.createRegistrationVersion(b -> b.registrationId(id));
        assertThat(v2.versionNumber()).isEqualTo(2L);
        assertThat(v2.registrationVersionStatus()).isEqualTo(RegistrationVersionStatus.DRAFT);
        assertThat(sms.describeRegistrationFieldValues(b -> b.registrationId(id)).registrationFieldValues())
                .as("a new version starts from the previous values").hasSizeGreaterThan(15).allMatch(v -> v.deniedReason() == null);
        var discarded = sms.discardRegistrationVersion(b -> b.registrationId(id));
        assertThat(discarded.registrationVersionStatus()).isEqualTo(RegistrationVersionStatus.DISCARDED);
        assertThat(status(id)).isEqualTo(RegistrationStatus.REQUIRES_UPDATES);

        var v3 = sms.createRegistrationVersion(b -> b.registrationId(id));
        assertThat(v3.versionNumber()).isEqualTo(3L);
        sms.putRegistrationFieldValue(b -> b.registrationId(id).fieldPath("messagingUseCase.optInDescription")
                .textValue("Customers tick an unchecked box on the booking form: I agree to receive texts. Msg & data rates may apply. Reply STOP to opt out."));
        sms.submitRegistrationVersion(b -> b.registrationId(id));
        fixture.advance(Duration.ofMinutes(4));
        assertThat(status(id)).isIn(RegistrationStatus.PROVISIONING, RegistrationStatus.COMPLETE);
        var versions = sms.describeRegistrationVersions(b -> b.registrationId(id)).registrationVersions();
        assertThat(versions).extracting(v -> v.versionNumber() + ":" + v.registrationVersionStatusAsString())
                .containsExactly("3:APPROVED", "2:DISCARDED", "1:DENIED");
        assertThat(sms.describeRegistrationVersions(b -> b.registrationId(id).filters(f -> f.name("registration-version-status").values("DENIED")))
                .registrationVersions()).extracting(v -> v.versionNumber()).containsExactly(1L);
    }

    @Test
    void a_submission_missing_required_fields_is_denied_with_one_reason_per_field() {
        String id = sms.createRegistration(b -> b.registrationType(TOLL_FREE)).registrationId();
        sms.putRegistrationFieldValue(b -> b.registrationId(id).fieldPath("companyInfo.companyName").textValue("Example Corp"));
        sms.putRegistrationFieldValue(b -> b.registrationId(id).fieldPath("companyInfo.businessType").selectChoices("PRIVATE_PROFIT"));
        requestTollFree(id);
        sms.submitRegistrationVersion(b -> b.registrationId(id));
        fixture.advance(Duration.ofSeconds(5));
        var version = sms.describeRegistrationVersions(b -> b.registrationId(id)).registrationVersions().getFirst();
        assertThat(version.registrationVersionStatus()).isEqualTo(RegistrationVersionStatus.DENIED);
        assertThat(version.registrationVersionStatusHistory().reviewingTimestamp()).isNull();
        assertThat(version.deniedReasons()).allMatch(r -> r.reason().equals("Missing required field"))
                .anyMatch(r -> r.shortDescription().contains("contactInfo.supportEmail"))
                .anyMatch(r -> r.shortDescription().contains("messagingUseCase.optInImage"))
                .as("taxId is required unless the business is a sole proprietor")
                .anyMatch(r -> r.shortDescription().contains("companyInfo.taxIdAuthority"));
    }

    @Test
    void deleting_a_draft_removes_it() {
        String id = sms.createRegistration(b -> b.registrationType("US_TEN_DLC_BRAND_REGISTRATION")).registrationId();
        var deleted = sms.deleteRegistration(b -> b.registrationId(id));
        assertThat(deleted.registrationStatusAsString()).isEqualTo("DELETED");
        assertThatThrownBy(() -> sms.describeRegistrations(b -> b.registrationIds(id))).isInstanceOf(ResourceNotFoundException.class);
        assertThat(sms.describeRegistrations(b -> b.filters(f -> f.name("registration-type").values("US_TEN_DLC_BRAND_REGISTRATION")))
                .registrations()).isEmpty();
    }

    @Test
    void registrations_are_filtered_by_status_and_paged() {
        for (int i = 0; i < 7; i++) {
            sms.createRegistration(b -> b.registrationType(TOLL_FREE));
        }
        String submitted = completeTollFreeDraft(List.of());
        requestTollFree(submitted);
        sms.submitRegistrationVersion(b -> b.registrationId(submitted));
        var firstPage = sms.describeRegistrations(b -> b.maxResults(5));
        assertThat(firstPage.registrations()).hasSize(5);
        var secondPage = sms.describeRegistrations(b -> b.maxResults(5).nextToken(firstPage.nextToken()));
        assertThat(secondPage.registrations()).hasSize(3);
        assertThat(secondPage.nextToken()).isNull();
        assertThat(sms.describeRegistrations(b -> b.filters(f -> f.name("registration-status").values("SUBMITTED"))).registrations())
                .extracting(r -> r.registrationId()).containsExactly(submitted);
    }

    private String completeTollFreeDraft(List<Tag> tags) {
        String id = sms.createRegistration(b -> b.registrationType(TOLL_FREE).tags(tags)).registrationId();
        Map<String, String> text = Map.ofEntries(
                Map.entry("companyInfo.companyName", "Example Corp"),
                Map.entry("companyInfo.website", "https://www.example.com"),
                Map.entry("companyInfo.address1", "123 Any Street"),
                Map.entry("companyInfo.city", "Anytown"),
                Map.entry("companyInfo.state", "WA"),
                Map.entry("companyInfo.zipCode", "98101"),
                Map.entry("companyInfo.isoCountryCode", "US"),
                Map.entry("contactInfo.firstName", "Jane"),
                Map.entry("contactInfo.lastName", "Doe"),
                Map.entry("contactInfo.supportEmail", "support@example.com"),
                Map.entry("contactInfo.supportPhoneNumber", "+12065550100"),
                Map.entry("messagingUseCase.useCaseDetails", "We send appointment reminders to customers who booked online and opted in."),
                Map.entry("messagingUseCase.optInDescription", "Customers opt in on the booking form."),
                Map.entry("messagingUseCase.privacyPolicyUrl", "https://www.example.com/privacy"),
                Map.entry("messagingUseCase.termsAndConditionsUrl", "https://www.example.com/terms"),
                Map.entry("messageSamples.messageSample1", "Example Corp: your appointment is on May 3 at 10:00. Reply STOP to opt out."),
                Map.entry("companyInfo.taxId", "12-3456789"),
                Map.entry("companyInfo.taxIdCountry", "US"));
        text.forEach((path, value) -> sms.putRegistrationFieldValue(b -> b.registrationId(id).fieldPath(path).textValue(value)));
        Map<String, String> select = Map.of(
                "companyInfo.businessType", "PRIVATE_PROFIT",
                "messagingUseCase.monthlyMessageVolume", "1,000",
                "messagingUseCase.useCaseCategory", "APPOINTMENT_REMINDERS",
                "messagingUseCase.optInType", "DIGITAL_FORM",
                "companyInfo.taxIdAuthority", "EIN");
        select.forEach((path, value) -> sms.putRegistrationFieldValue(b -> b.registrationId(id).fieldPath(path).selectChoices(value)));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0};
        String image = sms.createRegistrationAttachment(b -> b.attachmentBody(SdkBytes.fromByteArray(png))).registrationAttachmentId();
        sms.putRegistrationFieldValue(b -> b.registrationId(id).fieldPath("messagingUseCase.optInImage").registrationAttachmentId(image));
        return id;
    }

    /** Requests a toll-free number for the registration, as the registrations CLI guide does before submitting. */
    private String requestTollFree(String registrationId) {
        return sms.requestPhoneNumber(b -> b.isoCountryCode("US").messageType("TRANSACTIONAL").numberCapabilities(NumberCapability.SMS)
                .numberType(RequestableNumberType.TOLL_FREE).registrationId(registrationId).deletionProtectionEnabled(true)).phoneNumberId();
    }

    private RegistrationStatus status(String id) {
        return sms.describeRegistrations(b -> b.registrationIds(id)).registrations().getFirst().registrationStatus();
    }

    private static void assertReason(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ValidationExceptionReason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
