package com.example.smsconsole.registration;

import com.example.smsconsole.aws.AwsCalls;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.pinpointsmsvoicev2.PinpointSmsVoiceV2Client;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.RegistrationFieldDefinition;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.RegistrationFilter;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.RegistrationInformation;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.RegistrationVersionInformation;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.RegistrationVersionStatusHistory;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.PhoneNumberFilter;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.PhoneNumberInformation;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.RequestPhoneNumberResponse;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.Tag;

/** The SMS Voice v2 registration calls; every failure is an {@code AwsCallException}. */
@Component
class RegistrationGateway {

    /** A result and the request id of the call that produced it. */
    record Called<T>(T value, @Nullable String requestId) {
    }

    /** The tag key AWS's own console shows as a registration's name. */
    static final String NAME_TAG = "Name";

    private final PinpointSmsVoiceV2Client sms;

    RegistrationGateway(PinpointSmsVoiceV2Client sms) {
        this.sms = sms;
    }

    List<RegistrationType> types() {
        List<RegistrationType> types = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            var page = AwsCalls.smsVoice("DescribeRegistrationTypeDefinitions",
                    () -> sms.describeRegistrationTypeDefinitions(b -> b.nextToken(next)));
            page.registrationTypeDefinitions().forEach(d -> types.add(new RegistrationType(d.registrationType(),
                    d.displayHints() == null || d.displayHints().title() == null ? d.registrationType() : d.displayHints().title(),
                    d.displayHints() == null ? null : d.displayHints().shortDescription(),
                    d.displayHints() == null ? null : d.displayHints().longDescription(),
                    d.displayHints() == null ? null : d.displayHints().documentationLink(),
                    d.hasSupportedAssociations() ? d.supportedAssociations().stream().map(a -> new SupportedAssociation(a.resourceType(),
                            a.isoCountryCode(), a.associationBehaviorAsString(), a.disassociationBehaviorAsString())).toList() : List.of())));
            token = page.nextToken();
        } while (token != null);
        return types;
    }

    List<SectionDefinition> sections(String type) {
        List<SectionDefinition> sections = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            var page = AwsCalls.smsVoice("DescribeRegistrationSectionDefinitions",
                    () -> sms.describeRegistrationSectionDefinitions(b -> b.registrationType(type).nextToken(next)));
            page.registrationSectionDefinitions().forEach(s -> sections.add(new SectionDefinition(s.sectionPath(),
                    s.displayHints() == null || s.displayHints().title() == null ? s.sectionPath() : s.displayHints().title(),
                    s.displayHints() == null ? null : s.displayHints().shortDescription())));
            token = page.nextToken();
        } while (token != null);
        return sections;
    }

    List<FieldDefinition> fields(String type) {
        List<FieldDefinition> fields = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            var page = AwsCalls.smsVoice("DescribeRegistrationFieldDefinitions",
                    () -> sms.describeRegistrationFieldDefinitions(b -> b.registrationType(type).nextToken(next)));
            page.registrationFieldDefinitions().forEach(f -> fields.add(field(f)));
            token = page.nextToken();
        } while (token != null);
        return fields;
    }

    private static FieldDefinition field(RegistrationFieldDefinition f) {
        var hints = f.displayHints();
        Map<String, String> optionTitles = new LinkedHashMap<>();
        if (hints != null && hints.hasSelectOptionDescriptions()) {
            hints.selectOptionDescriptions().forEach(o -> optionTitles.put(o.option(), o.title() == null ? o.option() : o.title()));
        }
        var select = f.selectValidation();
        var text = f.textValidation();
        return new FieldDefinition(f.sectionPath(), f.fieldPath(), f.fieldTypeAsString(), f.fieldRequirementAsString(),
                select == null || select.minChoices() == null ? 0 : select.minChoices(),
                select == null || select.maxChoices() == null ? 1 : select.maxChoices(),
                select == null ? List.of() : List.copyOf(select.options()), optionTitles,
                text == null ? null : text.minLength(), text == null ? null : text.maxLength(), text == null ? null : text.pattern(),
                hints == null || hints.title() == null ? f.fieldPath() : hints.title(), hints == null ? null : hints.shortDescription(),
                hints == null ? null : hints.longDescription(), hints == null ? null : hints.exampleTextValue(),
                hints == null ? null : hints.textValidationDescription());
    }

    /** Every registration, all pages, optionally filtered by status and type. */
    List<Registration> registrations(@Nullable String status, @Nullable String type) {
        List<RegistrationFilter> filters = new ArrayList<>();
        if (status != null) {
            filters.add(RegistrationFilter.builder().name("registration-status").values(status).build());
        }
        if (type != null) {
            filters.add(RegistrationFilter.builder().name("registration-type").values(type).build());
        }
        List<Registration> all = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            var page = AwsCalls.smsVoice("DescribeRegistrations",
                    () -> sms.describeRegistrations(b -> b.filters(filters.isEmpty() ? null : filters).nextToken(next).maxResults(20)));
            page.registrations().forEach(r -> all.add(registration(r)));
            token = page.nextToken();
        } while (token != null);
        return all;
    }

    /** The registration, or empty when AWS does not know it (any more). */
    Optional<Registration> registration(String id) {
        try {
            var page = AwsCalls.smsVoice("DescribeRegistrations", () -> sms.describeRegistrations(b -> b.registrationIds(id)));
            return page.registrations().stream().findFirst().map(RegistrationGateway::registration);
        } catch (com.example.smsconsole.aws.AwsCallException e) {
            if ("ResourceNotFoundException".equals(e.errorCode())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static Registration registration(RegistrationInformation r) {
        return new Registration(r.registrationId(), r.registrationArn(), r.registrationType(), r.registrationStatusAsString(),
                r.currentVersionNumber(), r.approvedVersionNumber(), r.latestDeniedVersionNumber(), r.createdTimestamp(),
                r.hasAdditionalAttributes() ? Map.copyOf(r.additionalAttributes()) : Map.of());
    }

    List<RegistrationVersion> versions(String id) {
        List<RegistrationVersion> versions = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            var page = AwsCalls.smsVoice("DescribeRegistrationVersions",
                    () -> sms.describeRegistrationVersions(b -> b.registrationId(id).nextToken(next)));
            page.registrationVersions().forEach(v -> versions.add(version(v)));
            token = page.nextToken();
        } while (token != null);
        versions.sort((a, b) -> Long.compare(b.number(), a.number()));
        return versions;
    }

    private static RegistrationVersion version(RegistrationVersionInformation v) {
        List<RegistrationVersion.DeniedReason> reasons = new ArrayList<>();
        if (v.hasDeniedReasons()) {
            v.deniedReasons().forEach(d -> reasons.add(new RegistrationVersion.DeniedReason(d.reason(), d.shortDescription(),
                    d.longDescription(), d.documentationTitle(), d.documentationLink())));
        }
        return new RegistrationVersion(v.versionNumber(), v.registrationVersionStatusAsString(), history(v.registrationVersionStatusHistory()),
                reasons, null);
    }

    private static Map<String, Instant> history(@Nullable RegistrationVersionStatusHistory h) {
        Map<String, Instant> history = new LinkedHashMap<>();
        if (h == null) {
            return history;
        }
        put(history, "DRAFT", h.draftTimestamp());
        put(history, "SUBMITTED", h.submittedTimestamp());
        put(history, "REVIEWING", h.reviewingTimestamp());
        put(history, "REQUIRES_AUTHENTICATION", h.requiresAuthenticationTimestamp());
        put(history, "APPROVED", h.approvedTimestamp());
        put(history, "DENIED", h.deniedTimestamp());
        put(history, "DISCARDED", h.discardedTimestamp());
        put(history, "REVOKED", h.revokedTimestamp());
        put(history, "ARCHIVED", h.archivedTimestamp());
        return history;
    }

    private static void put(Map<String, Instant> history, String status, @Nullable Instant at) {
        if (at != null) {
            history.put(status, at);
        }
    }

    /** The field values of a version (the newest when {@code version} is null). */
    List<FieldValue> fieldValues(String id, @Nullable Long version) {
        return fieldValues(id, version, List.of());
    }

    /** The values of some fields (at most 5, the model's limit; all when empty) of a version. */
    List<FieldValue> fieldValues(String id, @Nullable Long version, List<String> fieldPaths) {
        List<FieldValue> values = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            var page = AwsCalls.smsVoice("DescribeRegistrationFieldValues",
                    () -> sms.describeRegistrationFieldValues(b -> b.registrationId(id).versionNumber(version).nextToken(next)
                            .fieldPaths(fieldPaths.isEmpty() ? null : fieldPaths)));
            page.registrationFieldValues().forEach(v -> values.add(new FieldValue(v.fieldPath(),
                    v.hasSelectChoices() ? List.copyOf(v.selectChoices()) : List.of(), v.textValue(), v.registrationAttachmentId(),
                    v.deniedReason(), null)));
            token = page.nextToken();
        } while (token != null);
        return values;
    }

    /** Creates a registration; a {@code Name} tag is AWS's friendly name of a registration (user guide registrations-friendly-name). */
    Called<Registration> create(String type, String clientToken, @Nullable String name) {
        var r = AwsCalls.smsVoice("CreateRegistration", () -> sms.createRegistration(b -> b.registrationType(type).clientToken(clientToken)
                .tags(name == null || name.isBlank() ? null : List.of(Tag.builder().key(NAME_TAG).value(name.strip()).build()))));
        return new Called<>(new Registration(r.registrationId(), r.registrationArn(), r.registrationType(), r.registrationStatusAsString(),
                r.currentVersionNumber(), null, null, r.createdTimestamp(),
                r.hasAdditionalAttributes() ? Map.copyOf(r.additionalAttributes()) : Map.of()), AwsCalls.requestId(r));
    }

    Called<Long> putText(String id, String fieldPath, String value) {
        var r = AwsCalls.smsVoice("PutRegistrationFieldValue",
                () -> sms.putRegistrationFieldValue(b -> b.registrationId(id).fieldPath(fieldPath).textValue(value)));
        return new Called<>(r.versionNumber(), AwsCalls.requestId(r));
    }

    Called<Long> putChoices(String id, String fieldPath, List<String> choices) {
        var r = AwsCalls.smsVoice("PutRegistrationFieldValue",
                () -> sms.putRegistrationFieldValue(b -> b.registrationId(id).fieldPath(fieldPath).selectChoices(choices)));
        return new Called<>(r.versionNumber(), AwsCalls.requestId(r));
    }

    Called<Long> putAttachment(String id, String fieldPath, String attachmentId) {
        var r = AwsCalls.smsVoice("PutRegistrationFieldValue",
                () -> sms.putRegistrationFieldValue(b -> b.registrationId(id).fieldPath(fieldPath).registrationAttachmentId(attachmentId)));
        return new Called<>(r.versionNumber(), AwsCalls.requestId(r));
    }

    Called<String> deleteValue(String id, String fieldPath) {
        var r = AwsCalls.smsVoice("DeleteRegistrationFieldValue",
                () -> sms.deleteRegistrationFieldValue(b -> b.registrationId(id).fieldPath(fieldPath)));
        return new Called<>(r.fieldPath(), AwsCalls.requestId(r));
    }

    Called<String> createAttachment(byte[] body, String clientToken) {
        var r = AwsCalls.smsVoice("CreateRegistrationAttachment",
                () -> sms.createRegistrationAttachment(b -> b.attachmentBody(SdkBytes.fromByteArray(body)).clientToken(clientToken)));
        return new Called<>(r.registrationAttachmentId(), AwsCalls.requestId(r));
    }

    Called<String> submit(String id) {
        var r = AwsCalls.smsVoice("SubmitRegistrationVersion", () -> sms.submitRegistrationVersion(b -> b.registrationId(id)));
        return new Called<>("version " + r.versionNumber() + " " + r.registrationVersionStatusAsString(), AwsCalls.requestId(r));
    }

    /** A new draft version; the value is its number. */
    Called<Long> createVersion(String id) {
        var r = AwsCalls.smsVoice("CreateRegistrationVersion", () -> sms.createRegistrationVersion(b -> b.registrationId(id)));
        return new Called<>(r.versionNumber(), AwsCalls.requestId(r));
    }

    Called<String> discard(String id) {
        var r = AwsCalls.smsVoice("DiscardRegistrationVersion", () -> sms.discardRegistrationVersion(b -> b.registrationId(id)));
        return new Called<>("version " + r.versionNumber() + " " + r.registrationVersionStatusAsString(), AwsCalls.requestId(r));
    }

    Called<String> delete(String id) {
        var r = AwsCalls.smsVoice("DeleteRegistration", () -> sms.deleteRegistration(b -> b.registrationId(id)));
        return new Called<>(r.registrationStatusAsString(), AwsCalls.requestId(r));
    }

    // --- phone numbers and associations ---

    /** Phone numbers of the account of a type in a country (DescribePhoneNumbers filters number-type, iso-country-code), all pages. */
    List<AccountNumber> phoneNumbers(String numberType, @Nullable String isoCountryCode) {
        List<PhoneNumberFilter> filters = new ArrayList<>();
        filters.add(PhoneNumberFilter.builder().name("number-type").values(numberType).build());
        if (isoCountryCode != null) {
            filters.add(PhoneNumberFilter.builder().name("iso-country-code").values(isoCountryCode).build());
        }
        List<AccountNumber> numbers = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            var page = AwsCalls.smsVoice("DescribePhoneNumbers", () -> sms.describePhoneNumbers(b -> b.filters(filters).nextToken(next)));
            page.phoneNumbers().forEach(n -> numbers.add(number(n)));
            token = page.nextToken();
        } while (token != null);
        return numbers;
    }

    /** The phone number, or empty when AWS does not know it (any more). */
    Optional<AccountNumber> phoneNumber(String id) {
        try {
            var page = AwsCalls.smsVoice("DescribePhoneNumbers", () -> sms.describePhoneNumbers(b -> b.phoneNumberIds(id)));
            return page.phoneNumbers().stream().findFirst().map(RegistrationGateway::number);
        } catch (com.example.smsconsole.aws.AwsCallException e) {
            if ("ResourceNotFoundException".equals(e.errorCode())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static AccountNumber number(PhoneNumberInformation n) {
        return new AccountNumber(n.phoneNumberId() == null ? n.phoneNumberArn() : n.phoneNumberId(), n.phoneNumberArn(), n.phoneNumber(),
                n.statusAsString(), n.numberTypeAsString(), n.isoCountryCode(), n.messageTypeAsString(),
                n.hasNumberCapabilities() ? List.copyOf(n.numberCapabilitiesAsStrings()) : List.of(), n.monthlyLeasingPrice(),
                n.registrationId(), n.poolId(), Boolean.TRUE.equals(n.deletionProtectionEnabled()), n.createdTimestamp());
    }

    /**
     * Requests (buys) a phone number. The client token makes a repeated request with the same token
     * return the number the first one bought instead of buying another; deletion protection keeps
     * a registered number from being released by accident.
     */
    Called<AccountNumber> requestNumber(String numberType, String isoCountryCode, String messageType, @Nullable String registrationId,
            String clientToken) {
        RequestPhoneNumberResponse r = AwsCalls.smsVoice("RequestPhoneNumber", () -> sms.requestPhoneNumber(b -> b.numberType(numberType)
                .isoCountryCode(isoCountryCode).messageType(messageType).numberCapabilitiesWithStrings("SMS")
                .registrationId(registrationId).deletionProtectionEnabled(true).clientToken(clientToken)));
        return new Called<>(new AccountNumber(r.phoneNumberId() == null ? r.phoneNumberArn() : r.phoneNumberId(), r.phoneNumberArn(),
                r.phoneNumber(), r.statusAsString(), r.numberTypeAsString(), r.isoCountryCode(), r.messageTypeAsString(),
                r.hasNumberCapabilities() ? List.copyOf(r.numberCapabilitiesAsStrings()) : List.of(), r.monthlyLeasingPrice(),
                r.registrationId(), r.poolId(), Boolean.TRUE.equals(r.deletionProtectionEnabled()), r.createdTimestamp()),
                AwsCalls.requestId(r));
    }

    Called<Association> associate(String registrationId, String resourceId) {
        var r = AwsCalls.smsVoice("CreateRegistrationAssociation",
                () -> sms.createRegistrationAssociation(b -> b.registrationId(registrationId).resourceId(resourceId)));
        return new Called<>(new Association(r.resourceId(), r.resourceArn(), r.resourceType(), r.isoCountryCode(), r.phoneNumber(), null,
                Association.kindOf(r.resourceArn(), r.resourceId())), AwsCalls.requestId(r));
    }

    /** Every resource associated with a registration, all pages (statuses not filled in). */
    List<Association> associations(String registrationId) {
        List<Association> all = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            var page = AwsCalls.smsVoice("ListRegistrationAssociations",
                    () -> sms.listRegistrationAssociations(b -> b.registrationId(registrationId).nextToken(next)));
            page.registrationAssociations().forEach(a -> all.add(new Association(a.resourceId(), a.resourceArn(), a.resourceType(),
                    a.isoCountryCode(), a.phoneNumber(), null, Association.kindOf(a.resourceArn(), a.resourceId()))));
            token = page.nextToken();
        } while (token != null);
        return all;
    }

    /** A resource's tags as a map (ListTagsForResource). */
    Map<String, String> tags(String arn) {
        var r = AwsCalls.smsVoice("ListTagsForResource", () -> sms.listTagsForResource(b -> b.resourceArn(arn)));
        Map<String, String> tags = new LinkedHashMap<>();
        if (r.hasTags()) {
            r.tags().forEach(t -> tags.put(t.key(), t.value()));
        }
        return tags;
    }

    Called<String> tag(String arn, String key, String value) {
        var r = AwsCalls.smsVoice("TagResource",
                () -> sms.tagResource(b -> b.resourceArn(arn).tags(Tag.builder().key(key).value(value).build())));
        return new Called<>(key + "=" + value, AwsCalls.requestId(r));
    }

    Called<String> untag(String arn, String key) {
        var r = AwsCalls.smsVoice("UntagResource", () -> sms.untagResource(b -> b.resourceArn(arn).tagKeys(key)));
        return new Called<>(key, AwsCalls.requestId(r));
    }
}
