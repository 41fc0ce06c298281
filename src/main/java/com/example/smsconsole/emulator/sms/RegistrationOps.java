package com.example.smsconsole.emulator.sms;

import static com.example.smsconsole.emulator.protocol.Json.object;
import static com.example.smsconsole.emulator.protocol.Json.putTime;
import static com.example.smsconsole.emulator.protocol.Json.text;
import static com.example.smsconsole.emulator.protocol.Json.texts;

import com.example.smsconsole.emulator.protocol.AwsFault;
import com.example.smsconsole.emulator.protocol.Json;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Registrations: the type, section and field definitions, drafts and their field values,
 * attachments, submission and the review that follows, new versions, discarding and deleting.
 *
 * <p>Review: a submitted version becomes REVIEWING after {@code review.submitted-to-reviewing} and
 * is decided after {@code review.reviewing-to-decision}. A version missing a REQUIRED field is
 * denied after {@code review.missing-field-denial} with a "Missing required field" reason per
 * field. Otherwise the outcome is steered by the registration's tag {@code emulator:review-outcomes}
 * (for example {@code DENIED/APPROVED}: the first submitted version is denied, the second approved),
 * then {@code review.default-outcome}. The tag {@code emulator:new-version-values} = {@code EMPTY} makes
 * CreateRegistrationVersion start the new draft empty instead of copying the previous values.
 *
 * <p>Associations follow the type definition's SupportedAssociations: an ASSOCIATE_BEFORE_SUBMIT
 * resource (the toll-free number of a toll-free registration, the approved brand of a 10DLC campaign
 * or vetting) must be associated before the version is submitted; an approved registration with an
 * associated number is PROVISIONING for {@code review.provisioning}, then COMPLETE, and the number
 * turns ACTIVE. No number is invented: a registration without its number is refused at submit.
 */
final class RegistrationOps {

    static final String OUTCOMES_TAG = "emulator:review-outcomes";
    /**
     * Steers what CreateRegistrationVersion puts into the new draft: {@code COPY} (the default) the
     * values of the version before, {@code EMPTY} nothing. Real accounts report both (one
     * third-party guide says the new draft inherits the values, another that it comes empty), so a
     * console must work either way; this tag lets a test choose.
     */
    static final String NEW_VERSION_VALUES_TAG = "emulator:new-version-values";
    private static final Map<String, String> HISTORY_FIELDS = Map.of(
            "DRAFT", "DraftTimestamp", "SUBMITTED", "SubmittedTimestamp", "AWS_REVIEWING", "AwsReviewingTimestamp",
            "REVIEWING", "ReviewingTimestamp", "REQUIRES_AUTHENTICATION", "RequiresAuthenticationTimestamp",
            "APPROVED", "ApprovedTimestamp", "DISCARDED", "DiscardedTimestamp", "DENIED", "DeniedTimestamp",
            "REVOKED", "RevokedTimestamp", "ARCHIVED", "ArchivedTimestamp");
    private static final Set<String> EDITABLE_AFTER = Set.of("DENIED", "APPROVED", "DISCARDED", "REVOKED", "ARCHIVED");
    /**
     * The registrations CLI guide ({@code registrations-sms-cli}): "The maximum file size is 500KB and
     * valid file extensions are PDF, JPEG, and PNG" (the model's documentation says 1 MiB; the
     * stricter documented limit wins). "500KB" is read here as 500 KiB, the larger of its two readings,
     * as AWS could; the console itself stops at 500,000 bytes, the smaller
     * (RegistrationService.MAX_ATTACHMENT_BYTES), so what it sends is accepted under either reading, and
     * the emulator does not hide a console that would send more.
     */
    private static final int MAX_ATTACHMENT_BYTES = 500 * 1024;

    private final SmsVoiceEmulator sms;

    RegistrationOps(SmsVoiceEmulator sms) {
        this.sms = sms;
    }

    void register() {
        sms.operation("DescribeRegistrationTypeDefinitions", (in, ctx) -> describeTypes(in));
        sms.operation("DescribeRegistrationSectionDefinitions", (in, ctx) -> describeSections(in));
        sms.operation("DescribeRegistrationFieldDefinitions", (in, ctx) -> describeFieldDefinitions(in));
        sms.operation("CreateRegistration", (in, ctx) -> create(in));
        sms.operation("DescribeRegistrations", (in, ctx) -> describe(in));
        sms.operation("DescribeRegistrationVersions", (in, ctx) -> describeVersions(in));
        sms.operation("PutRegistrationFieldValue", (in, ctx) -> putFieldValue(in));
        sms.operation("DeleteRegistrationFieldValue", (in, ctx) -> deleteFieldValue(in));
        sms.operation("DescribeRegistrationFieldValues", (in, ctx) -> describeFieldValues(in));
        sms.operation("CreateRegistrationAttachment", (in, ctx) -> createAttachment(in));
        sms.operation("DescribeRegistrationAttachments", (in, ctx) -> describeAttachments(in));
        sms.operation("DeleteRegistrationAttachment", (in, ctx) -> deleteAttachment(in));
        sms.operation("SubmitRegistrationVersion", (in, ctx) -> submit(in));
        sms.operation("CreateRegistrationVersion", (in, ctx) -> createVersion(in));
        sms.operation("DiscardRegistrationVersion", (in, ctx) -> discard(in));
        sms.operation("DeleteRegistration", (in, ctx) -> delete(in));
        sms.operation("CreateRegistrationAssociation", (in, ctx) -> createAssociation(in));
        sms.operation("ListRegistrationAssociations", (in, ctx) -> listAssociations(in));
    }

    // --- definitions ---

    private JsonNode describeTypes(JsonNode in) {
        List<String> wanted = texts(in, "RegistrationTypes");
        for (String type : wanted) {
            requireType(type);
        }
        List<ObjectNode> definitions = new ArrayList<>();
        for (String type : sms.catalog.typeNames()) {
            if (!wanted.isEmpty() && !wanted.contains(type)) {
                continue;
            }
            ObjectNode definition = sms.catalog.definition(type);
            if (matchesTypeFilters(definition, in.path("Filters"))) {
                definitions.add(definition);
            }
        }
        var page = Json.page(definitions, text(in, "NextToken"), Json.number(in, "MaxResults"), 20, this::invalidToken);
        ObjectNode out = object();
        out.set("RegistrationTypeDefinitions", Json.array(page.items(), d -> d));
        page.writeTokenTo(out, "NextToken");
        return out;
    }

    private static boolean matchesTypeFilters(JsonNode definition, JsonNode filters) {
        for (JsonNode filter : filters) {
            String member = switch (filter.path("Name").asString()) {
                case "supported-association-resource-type" -> "ResourceType";
                case "supported-association-iso-country-code" -> "IsoCountryCode";
                default -> throw AwsFault.validation("INVALID_FILTER_VALUES", "Unknown filter " + filter.path("Name").asString());
            };
            List<String> values = texts(filter, "Values");
            boolean any = false;
            for (JsonNode association : definition.path("SupportedAssociations")) {
                any |= values.contains(association.path(member).asString());
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }

    private JsonNode describeSections(JsonNode in) {
        String type = text(in, "RegistrationType", "");
        requireType(type);
        List<String> wanted = texts(in, "SectionPaths");
        for (String path : wanted) {
            if (!sms.catalog.hasSection(type, path)) {
                throw AwsFault.validationField("UNKNOWN_REGISTRATION_SECTION", "SectionPaths", "Unknown section " + path + " for " + type);
            }
        }
        List<JsonNode> sections = sms.catalog.sections(type).stream()
                .filter(s -> wanted.isEmpty() || wanted.contains(s.path("SectionPath").asString())).toList();
        var page = Json.page(sections, text(in, "NextToken"), Json.number(in, "MaxResults"), 20, this::invalidToken);
        ObjectNode out = object();
        out.put("RegistrationType", type);
        out.set("RegistrationSectionDefinitions", Json.array(page.items(), s -> s));
        page.writeTokenTo(out, "NextToken");
        return out;
    }

    private JsonNode describeFieldDefinitions(JsonNode in) {
        String type = text(in, "RegistrationType", "");
        requireType(type);
        String section = text(in, "SectionPath");
        if (section != null && !sms.catalog.hasSection(type, section)) {
            throw AwsFault.validationField("UNKNOWN_REGISTRATION_SECTION", "SectionPath", "Unknown section " + section + " for " + type);
        }
        List<String> wanted = texts(in, "FieldPaths");
        for (String path : wanted) {
            if (sms.catalog.field(type, path) == null) {
                throw AwsFault.validationField("UNKNOWN_REGISTRATION_FIELD", "FieldPaths", "Unknown field " + path + " for " + type);
            }
        }
        List<JsonNode> fields = sms.catalog.fields(type).stream()
                .filter(f -> section == null || f.path("SectionPath").asString().equals(section))
                .filter(f -> wanted.isEmpty() || wanted.contains(f.path("FieldPath").asString()))
                .toList();
        var page = Json.page(fields, text(in, "NextToken"), Json.number(in, "MaxResults"), 20, this::invalidToken);
        ObjectNode out = object();
        out.put("RegistrationType", type);
        out.set("RegistrationFieldDefinitions", Json.array(page.items(), f -> f));
        page.writeTokenTo(out, "NextToken");
        return out;
    }

    // --- registrations ---

    private JsonNode create(JsonNode in) {
        String type = text(in, "RegistrationType", "");
        requireType(type);
        String token = text(in, "ClientToken");
        if (token != null) {
            String existing = sms.state.clientTokens.get("CreateRegistration:" + token);
            if (existing != null && sms.state.registrations.containsKey(existing)) {
                SmsState.Registration reg = sms.state.registrations.get(existing);
                if (!reg.type.equals(type)) {
                    throw AwsFault.validation("INVALID_PARAMETER", "ClientToken was already used with a different request.");
                }
                return createResult(reg);
            }
        }
        long now = sms.now();
        var reg = new SmsState.Registration();
        reg.id = "registration-" + SmsVoiceEmulator.hex32();
        reg.arn = sms.arn("registration", reg.id);
        reg.type = type;
        reg.createdAt = now;
        for (JsonNode tag : in.path("Tags")) {
            reg.tags.add(new SmsState.Tag(tag.path("Key").asString(), tag.path("Value").asString()));
            if (OUTCOMES_TAG.equals(tag.path("Key").asString())) {
                reg.reviewOutcomes = parseOutcomes(tag.path("Value").asString());
            }
        }
        var version = new SmsState.Version();
        version.number = 1;
        version.status = "DRAFT";
        version.history.put("DRAFT", now);
        reg.versions.add(version);
        sms.state.registrations.put(reg.id, reg);
        if (token != null) {
            sms.state.clientTokens.put("CreateRegistration:" + token, reg.id);
        }
        sms.markDirty();
        return createResult(reg);
    }

    private ObjectNode createResult(SmsState.Registration reg) {
        ObjectNode out = object();
        out.put("RegistrationArn", reg.arn);
        out.put("RegistrationId", reg.id);
        out.put("RegistrationType", reg.type);
        out.put("RegistrationStatus", status(reg, sms.now()));
        out.put("CurrentVersionNumber", reg.latest().number);
        out.set("AdditionalAttributes", object());
        out.set("Tags", tags(reg.tags));
        putTime(out, "CreatedTimestamp", reg.createdAt);
        return out;
    }

    private JsonNode describe(JsonNode in) {
        List<String> ids = texts(in, "RegistrationIds").stream().map(SmsVoiceEmulator::idOf).toList();
        for (String id : ids) {
            registration(id);
        }
        long now = sms.now();
        List<SmsState.Registration> matching = new ArrayList<>();
        for (SmsState.Registration reg : sms.state.registrations.values()) {
            if (reg.deleted || (!ids.isEmpty() && !ids.contains(reg.id))) {
                continue;
            }
            boolean keep = true;
            for (JsonNode filter : in.path("Filters")) {
                List<String> values = texts(filter, "Values");
                keep &= switch (filter.path("Name").asString()) {
                    case "registration-type" -> values.contains(reg.type);
                    case "registration-status" -> values.contains(status(reg, now));
                    default -> throw AwsFault.validation("INVALID_FILTER_VALUES", "Unknown filter " + filter.path("Name").asString());
                };
            }
            if (keep) {
                matching.add(reg);
            }
        }
        var page = Json.page(matching, text(in, "NextToken"), Json.number(in, "MaxResults"), 20, this::invalidToken);
        ObjectNode out = object();
        out.set("Registrations", Json.array(page.items(), r -> information(r, now)));
        page.writeTokenTo(out, "NextToken");
        return out;
    }

    ObjectNode information(SmsState.Registration reg, long now) {
        ObjectNode out = object();
        out.put("RegistrationArn", reg.arn);
        out.put("RegistrationId", reg.id);
        out.put("RegistrationType", reg.type);
        out.put("RegistrationStatus", status(reg, now));
        out.put("CurrentVersionNumber", reg.latest().number);
        reg.versions.stream().filter(v -> v.status.equals("APPROVED")).mapToLong(v -> v.number).max()
                .ifPresent(n -> out.put("ApprovedVersionNumber", n));
        reg.versions.stream().filter(v -> v.status.equals("DENIED")).mapToLong(v -> v.number).max()
                .ifPresent(n -> out.put("LatestDeniedVersionNumber", n));
        out.set("AdditionalAttributes", object());
        putTime(out, "CreatedTimestamp", reg.createdAt);
        return out;
    }

    private JsonNode describeVersions(JsonNode in) {
        SmsState.Registration reg = registration(text(in, "RegistrationId", ""));
        List<Long> numbers = new ArrayList<>();
        in.path("VersionNumbers").forEach(n -> numbers.add(n.asLong()));
        for (long n : numbers) {
            if (reg.version(n) == null) {
                throw AwsFault.validationField("UNKNOWN_REGISTRATION_VERSION", "VersionNumbers", "Registration " + reg.id + " has no version " + n + ".");
            }
        }
        List<SmsState.Version> versions = new ArrayList<>(reg.versions);
        versions.sort(Comparator.comparingLong((SmsState.Version v) -> v.number).reversed());
        List<SmsState.Version> matching = new ArrayList<>();
        for (SmsState.Version v : versions) {
            if (!numbers.isEmpty() && !numbers.contains(v.number)) {
                continue;
            }
            boolean keep = true;
            for (JsonNode filter : in.path("Filters")) {
                if (!"registration-version-status".equals(filter.path("Name").asString())) {
                    throw AwsFault.validation("INVALID_FILTER_VALUES", "Unknown filter " + filter.path("Name").asString());
                }
                keep &= texts(filter, "Values").contains(v.status);
            }
            if (keep) {
                matching.add(v);
            }
        }
        var page = Json.page(matching, text(in, "NextToken"), Json.number(in, "MaxResults"), 20, this::invalidToken);
        ObjectNode out = object();
        out.put("RegistrationArn", reg.arn);
        out.put("RegistrationId", reg.id);
        out.set("RegistrationVersions", Json.array(page.items(), this::versionInformation));
        page.writeTokenTo(out, "NextToken");
        return out;
    }

    private ObjectNode versionInformation(SmsState.Version v) {
        ObjectNode out = object();
        out.put("VersionNumber", v.number);
        out.put("RegistrationVersionStatus", v.status);
        out.set("RegistrationVersionStatusHistory", history(v));
        if (!v.deniedReasons.isEmpty()) {
            ArrayNode reasons = out.putArray("DeniedReasons");
            for (SmsState.DeniedReason r : v.deniedReasons) {
                ObjectNode reason = reasons.addObject();
                reason.put("Reason", r.reason);
                reason.put("ShortDescription", r.shortDescription);
                if (r.longDescription != null) {
                    reason.put("LongDescription", r.longDescription);
                }
                if (r.documentationTitle != null) {
                    reason.put("DocumentationTitle", r.documentationTitle);
                }
                if (r.documentationLink != null) {
                    reason.put("DocumentationLink", r.documentationLink);
                }
            }
        }
        return out;
    }

    private static ObjectNode history(SmsState.Version v) {
        ObjectNode history = object();
        v.history.forEach((status, at) -> putTime(history, HISTORY_FIELDS.get(status), at));
        return history;
    }

    // --- field values ---

    private JsonNode putFieldValue(JsonNode in) {
        SmsState.Registration reg = registration(text(in, "RegistrationId", ""));
        SmsState.Version version = editableDraft(reg);
        String path = text(in, "FieldPath", "");
        JsonNode definition = fieldDefinition(reg, path);
        boolean hasChoices = in.hasNonNull("SelectChoices");
        boolean hasText = in.hasNonNull("TextValue");
        boolean hasAttachment = in.hasNonNull("RegistrationAttachmentId");
        int given = (hasChoices ? 1 : 0) + (hasText ? 1 : 0) + (hasAttachment ? 1 : 0);
        if (given == 0) {
            throw AwsFault.validation("MISSING_PARAMETER", "One of SelectChoices, TextValue or RegistrationAttachmentId is required.");
        }
        if (given > 1) {
            throw AwsFault.validation("PARAMETERS_CANNOT_BE_USED_TOGETHER", "Only one of SelectChoices, TextValue and RegistrationAttachmentId may be given.");
        }
        String fieldType = definition.path("FieldType").asString();
        var value = new SmsState.FieldValue();
        value.fieldPath = path;
        switch (fieldType) {
            case "TEXT" -> {
                if (!hasText) {
                    throw wrongValueKind(path, fieldType, "TextValue");
                }
                value.textValue = text(in, "TextValue");
                checkText(definition, path, value.textValue);
            }
            case "SELECT" -> {
                if (!hasChoices) {
                    throw wrongValueKind(path, fieldType, "SelectChoices");
                }
                value.selectChoices = texts(in, "SelectChoices");
                checkChoices(definition, path, value.selectChoices);
            }
            default -> {
                if (!hasAttachment) {
                    throw wrongValueKind(path, fieldType, "RegistrationAttachmentId");
                }
                String attachmentId = SmsVoiceEmulator.idOf(text(in, "RegistrationAttachmentId", ""));
                SmsState.Attachment attachment = sms.state.attachments.get(attachmentId);
                if (attachment == null || "DELETED".equals(attachment.status)) {
                    throw AwsFault.notFound("registration-attachment", attachmentId);
                }
                if (!"UPLOAD_COMPLETE".equals(attachment.status)) {
                    throw AwsFault.conflict("RESOURCE_NOT_ACTIVE", "registration-attachment", attachmentId, "The attachment upload is not complete.");
                }
                value.attachmentId = attachmentId;
            }
        }
        version.fields.put(path, value);
        sms.markDirty();
        ObjectNode out = object();
        out.put("RegistrationArn", reg.arn);
        out.put("RegistrationId", reg.id);
        out.put("VersionNumber", version.number);
        out.put("FieldPath", path);
        writeValue(out, value);
        return out;
    }

    private static AwsFault wrongValueKind(String path, String fieldType, String expected) {
        return AwsFault.validationField("INVALID_PARAMETER", path, "Field " + path + " is of type " + fieldType + "; set it with " + expected + ".");
    }

    private static void checkText(JsonNode definition, String path, String value) {
        JsonNode validation = definition.path("TextValidation");
        int length = value.codePointCount(0, value.length());
        int min = validation.path("MinLength").asInt(1);
        int max = validation.path("MaxLength").asInt(2048);
        if (length < min || length > max) {
            throw AwsFault.validationField("FIELD_VALIDATION_FAILED", path,
                    "Length must be between " + min + " and " + max + " characters; it is " + length + ".");
        }
        String pattern = validation.path("Pattern").asString("");
        if (!pattern.isEmpty()) {
            try {
                if (!Pattern.compile(pattern).matcher(value).find()) {
                    String description = definition.path("DisplayHints").path("TextValidationDescription").asString("");
                    throw AwsFault.validationField("FIELD_VALIDATION_FAILED", path,
                            "Value does not match the required format" + (description.isEmpty() ? " " + pattern : ": " + description) + ".");
                }
            } catch (PatternSyntaxException e) {
                // a pattern this JVM cannot compile is not enforced
            }
        }
    }

    private static void checkChoices(JsonNode definition, String path, List<String> choices) {
        JsonNode validation = definition.path("SelectValidation");
        int min = validation.path("MinChoices").asInt(1);
        int max = validation.path("MaxChoices").asInt(1);
        if (choices.size() < min || choices.size() > max) {
            throw AwsFault.validationField("FIELD_VALIDATION_FAILED", path,
                    "Choose between " + min + " and " + max + " options; " + choices.size() + " given.");
        }
        List<String> options = texts(validation, "Options");
        for (String choice : choices) {
            if (!options.contains(choice)) {
                throw AwsFault.validationField("FIELD_VALIDATION_FAILED", path, "'" + choice + "' is not one of " + options + ".");
            }
        }
    }

    private JsonNode deleteFieldValue(JsonNode in) {
        SmsState.Registration reg = registration(text(in, "RegistrationId", ""));
        SmsState.Version version = editableDraft(reg);
        String path = text(in, "FieldPath", "");
        fieldDefinition(reg, path);
        SmsState.FieldValue removed = version.fields.remove(path);
        if (removed == null) {
            throw AwsFault.validationField("REGISTRATION_FIELD_CANNOT_BE_DELETED", path, "Field " + path + " has no value to delete.");
        }
        sms.markDirty();
        ObjectNode out = object();
        out.put("RegistrationArn", reg.arn);
        out.put("RegistrationId", reg.id);
        out.put("VersionNumber", version.number);
        out.put("FieldPath", path);
        writeValue(out, removed);
        return out;
    }

    private JsonNode describeFieldValues(JsonNode in) {
        SmsState.Registration reg = registration(text(in, "RegistrationId", ""));
        Long number = Json.number(in, "VersionNumber");
        SmsState.Version version = number == null ? reg.latest() : reg.version(number);
        if (version == null) {
            throw AwsFault.validationField("UNKNOWN_REGISTRATION_VERSION", "VersionNumber", "Registration " + reg.id + " has no version " + number + ".");
        }
        String section = text(in, "SectionPath");
        if (section != null && !sms.catalog.hasSection(reg.type, section)) {
            throw AwsFault.validationField("UNKNOWN_REGISTRATION_SECTION", "SectionPath", "Unknown section " + section);
        }
        List<String> wanted = texts(in, "FieldPaths");
        List<SmsState.FieldValue> values = new ArrayList<>();
        for (JsonNode definition : sms.catalog.fields(reg.type)) {
            String path = definition.path("FieldPath").asString();
            SmsState.FieldValue value = version.fields.get(path);
            if (value == null || (section != null && !definition.path("SectionPath").asString().equals(section))
                    || (!wanted.isEmpty() && !wanted.contains(path))) {
                continue;
            }
            values.add(value);
        }
        var page = Json.page(values, text(in, "NextToken"), Json.number(in, "MaxResults"), 100, this::invalidToken);
        ObjectNode out = object();
        out.put("RegistrationArn", reg.arn);
        out.put("RegistrationId", reg.id);
        out.put("VersionNumber", version.number);
        out.set("RegistrationFieldValues", Json.array(page.items(), v -> {
            ObjectNode node = object();
            node.put("FieldPath", v.fieldPath);
            writeValue(node, v);
            if (v.deniedReason != null) {
                node.put("DeniedReason", v.deniedReason);
            }
            return node;
        }));
        page.writeTokenTo(out, "NextToken");
        return out;
    }

    private static void writeValue(ObjectNode out, SmsState.FieldValue value) {
        if (value.selectChoices != null) {
            out.set("SelectChoices", Json.strings(value.selectChoices));
        }
        if (value.textValue != null) {
            out.put("TextValue", value.textValue);
        }
        if (value.attachmentId != null) {
            out.put("RegistrationAttachmentId", value.attachmentId);
        }
    }

    // --- attachments ---

    private JsonNode createAttachment(JsonNode in) {
        String token = text(in, "ClientToken");
        if (token != null) {
            String existing = sms.state.clientTokens.get("CreateRegistrationAttachment:" + token);
            if (existing != null && sms.state.attachments.containsKey(existing)) {
                return attachmentResult(sms.state.attachments.get(existing), true);
            }
        }
        boolean hasBody = in.hasNonNull("AttachmentBody");
        boolean hasUrl = in.hasNonNull("AttachmentUrl");
        if (hasBody == hasUrl) {
            throw AwsFault.validation(hasBody ? "PARAMETERS_CANNOT_BE_USED_TOGETHER" : "MISSING_PARAMETER",
                    "Give either AttachmentBody or AttachmentUrl.");
        }
        var attachment = new SmsState.Attachment();
        attachment.id = "attachment-" + SmsVoiceEmulator.hex32();
        attachment.arn = sms.arn("registration-attachment", attachment.id);
        attachment.createdAt = sms.now();
        if (hasBody) {
            byte[] body = Base64.getDecoder().decode(text(in, "AttachmentBody", ""));
            if (body.length > MAX_ATTACHMENT_BYTES) {
                throw AwsFault.validationField("MAXIMUM_SIZE_EXCEEDED", "AttachmentBody", "Attachments may be at most 500 KB; this one is " + body.length + " bytes.");
            }
            attachment.contentType = contentType(body);
            if (attachment.contentType == null) {
                throw AwsFault.validationField("ATTACHMENT_TYPE_NOT_SUPPORTED", "AttachmentBody", "Only PDF, JPEG and PNG attachments are supported.");
            }
            attachment.size = body.length;
        } else {
            String url = text(in, "AttachmentUrl", "");
            if (!url.startsWith("s3://")) {
                throw AwsFault.validationField("INVALID_PARAMETER", "AttachmentUrl", "AttachmentUrl must be an s3:// URL.");
            }
            String lower = url.toLowerCase(Locale.ROOT);
            if (!(lower.endsWith(".pdf") || lower.endsWith(".png") || lower.endsWith(".jpg") || lower.endsWith(".jpeg"))) {
                throw AwsFault.validationField("ATTACHMENT_TYPE_NOT_SUPPORTED", "AttachmentUrl", "Only PDF, JPEG and PNG attachments are supported.");
            }
            attachment.url = url;
        }
        for (JsonNode tag : in.path("Tags")) {
            attachment.tags.add(new SmsState.Tag(tag.path("Key").asString(), tag.path("Value").asString()));
        }
        sms.state.attachments.put(attachment.id, attachment);
        if (token != null) {
            sms.state.clientTokens.put("CreateRegistrationAttachment:" + token, attachment.id);
        }
        sms.markDirty();
        return attachmentResult(attachment, true);
    }

    private static @Nullable String contentType(byte[] body) {
        if (body.length >= 4 && body[0] == '%' && body[1] == 'P' && body[2] == 'D' && body[3] == 'F') {
            return "application/pdf";
        }
        if (body.length >= 8 && (body[0] & 0xFF) == 0x89 && body[1] == 'P' && body[2] == 'N' && body[3] == 'G') {
            return "image/png";
        }
        if (body.length >= 3 && (body[0] & 0xFF) == 0xFF && (body[1] & 0xFF) == 0xD8 && (body[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        return null;
    }

    private ObjectNode attachmentResult(SmsState.Attachment attachment, boolean withTags) {
        ObjectNode out = object();
        out.put("RegistrationAttachmentArn", attachment.arn);
        out.put("RegistrationAttachmentId", attachment.id);
        out.put("AttachmentStatus", attachment.status);
        if (withTags) {
            out.set("Tags", tags(attachment.tags));
        }
        putTime(out, "CreatedTimestamp", attachment.createdAt);
        return out;
    }

    private JsonNode describeAttachments(JsonNode in) {
        List<String> ids = texts(in, "RegistrationAttachmentIds").stream().map(SmsVoiceEmulator::idOf).toList();
        for (String id : ids) {
            if (!sms.state.attachments.containsKey(id)) {
                throw AwsFault.notFound("registration-attachment", id);
            }
        }
        List<SmsState.Attachment> matching = new ArrayList<>();
        for (SmsState.Attachment attachment : sms.state.attachments.values()) {
            if ("DELETED".equals(attachment.status) || (!ids.isEmpty() && !ids.contains(attachment.id))) {
                continue;
            }
            boolean keep = true;
            for (JsonNode filter : in.path("Filters")) {
                if (!"attachment-status".equals(filter.path("Name").asString())) {
                    throw AwsFault.validation("INVALID_FILTER_VALUES", "Unknown filter " + filter.path("Name").asString());
                }
                keep &= texts(filter, "Values").contains(attachment.status);
            }
            if (keep) {
                matching.add(attachment);
            }
        }
        var page = Json.page(matching, text(in, "NextToken"), Json.number(in, "MaxResults"), 20, this::invalidToken);
        ObjectNode out = object();
        out.set("RegistrationAttachments", Json.array(page.items(), a -> {
            ObjectNode node = attachmentResult(a, false);
            if (a.url != null) {
                node.put("AttachmentUrl", a.url);
            }
            return node;
        }));
        page.writeTokenTo(out, "NextToken");
        return out;
    }

    private JsonNode deleteAttachment(JsonNode in) {
        String id = SmsVoiceEmulator.idOf(text(in, "RegistrationAttachmentId", ""));
        SmsState.Attachment attachment = sms.state.attachments.get(id);
        if (attachment == null || "DELETED".equals(attachment.status)) {
            throw AwsFault.notFound("registration-attachment", id);
        }
        attachment.status = "DELETED";
        sms.markDirty();
        return attachmentResult(attachment, false);
    }

    // --- versions and review ---

    private JsonNode submit(JsonNode in) {
        SmsState.Registration reg = registration(text(in, "RegistrationId", ""));
        SmsState.Version version = reg.latest();
        if (Set.of("SUBMITTED", "AWS_REVIEWING", "REVIEWING").contains(version.status)) {
            throw AwsFault.conflict("REGISTRATION_ALREADY_SUBMITTED", "registration", reg.id,
                    "Version " + version.number + " of " + reg.id + " is already submitted (" + version.status + ").");
        }
        if (!"DRAFT".equals(version.status)) {
            throw AwsFault.conflict("SUBMIT_REGISTRATION_VERSION_NOT_ALLOWED", "registration", reg.id,
                    "Version " + version.number + " of " + reg.id + " is " + version.status + "; only a DRAFT version can be submitted.");
        }
        requireAssociationsBeforeSubmit(reg);
        long now = sms.now();
        version.status = "SUBMITTED";
        version.history.put("SUBMITTED", now);
        Map<String, List<String>> choices = new LinkedHashMap<>();
        version.fields.forEach((path, value) -> choices.put(path, value.selectChoices == null ? List.of() : value.selectChoices));
        List<JsonNode> missing = sms.catalog.missing(reg.type, choices, version.fields.keySet());
        if (!missing.isEmpty()) {
            version.plannedOutcome = "DENIED_MISSING";
            version.reviewingAt = Long.MAX_VALUE;
            version.decisionAt = now + sms.properties.review().missingFieldDenial().toMillis();
            for (JsonNode field : missing) {
                var reason = new SmsState.DeniedReason();
                reason.reason = "Missing required field";
                reason.shortDescription = "The field '" + field.path("DisplayHints").path("Title").asString() + "' ("
                        + field.path("FieldPath").asString() + ") is required.";
                reason.fieldPath = field.path("FieldPath").asString();
                version.deniedReasons.add(reason);
            }
        } else {
            version.plannedOutcome = nextOutcome(reg);
            version.reviewingAt = now + sms.properties.review().submittedToReviewing().toMillis();
            version.decisionAt = version.reviewingAt + sms.properties.review().reviewingToDecision().toMillis();
        }
        sms.markDirty();
        ObjectNode out = object();
        out.put("RegistrationArn", reg.arn);
        out.put("RegistrationId", reg.id);
        out.put("VersionNumber", version.number);
        out.put("RegistrationVersionStatus", version.status);
        out.set("RegistrationVersionStatusHistory", history(version));
        out.put("AwsReview", Json.bool(in, "AwsReview"));
        return out;
    }

    private String nextOutcome(SmsState.Registration reg) {
        if (reg.outcomesUsed < reg.reviewOutcomes.size()) {
            return reg.reviewOutcomes.get(reg.outcomesUsed++);
        }
        return sms.properties.review().defaultOutcome().toUpperCase(Locale.ROOT);
    }

    void steer(String registrationId, List<String> outcomes) {
        SmsState.Registration reg = registration(registrationId);
        reg.reviewOutcomes = new ArrayList<>(outcomes.stream().map(o -> o.toUpperCase(Locale.ROOT)).toList());
        reg.outcomesUsed = 0;
        for (SmsState.Version v : reg.versions) {
            if (Set.of("SUBMITTED", "REVIEWING").contains(v.status) && !"DENIED_MISSING".equals(v.plannedOutcome) && !outcomes.isEmpty()) {
                v.plannedOutcome = nextOutcome(reg);
            }
        }
        sms.markDirty();
    }

    static List<String> parseOutcomes(String value) {
        List<String> out = new ArrayList<>();
        for (String part : value.split("[,;/\\s]+")) {
            String outcome = part.strip().toUpperCase(Locale.ROOT);
            if (outcome.equals("APPROVED") || outcome.equals("DENIED")) {
                out.add(outcome);
            }
        }
        return out;
    }

    /** Moves submitted versions through review and provisions identities, as of {@code now}. */
    void advance(long now) {
        for (SmsState.Registration reg : sms.state.registrations.values()) {
            if (reg.deleted) {
                continue;
            }
            for (SmsState.Version v : reg.versions) {
                if ("SUBMITTED".equals(v.status) && now >= v.reviewingAt && v.reviewingAt < v.decisionAt) {
                    v.status = "REVIEWING";
                    v.history.put("REVIEWING", v.reviewingAt);
                    sms.markDirty();
                }
                if (Set.of("SUBMITTED", "REVIEWING").contains(v.status) && now >= v.decisionAt) {
                    decide(reg, v);
                    sms.markDirty();
                }
            }
            if (reg.provisionedAt > 0 && !reg.provisioned && now >= reg.provisionedAt) {
                provision(reg);
                sms.markDirty();
            }
        }
    }

    private void decide(SmsState.Registration reg, SmsState.Version v) {
        if ("APPROVED".equals(v.plannedOutcome)) {
            for (SmsState.Version other : reg.versions) {
                if (other != v && "APPROVED".equals(other.status)) {
                    other.status = "ARCHIVED";
                    other.history.put("ARCHIVED", v.decisionAt);
                }
            }
            v.status = "APPROVED";
            v.history.put("APPROVED", v.decisionAt);
            if (!reg.provisioned && reg.associations.stream().anyMatch(a -> a.phoneNumber != null)) {
                // approved, the associated identity is being provisioned (RegistrationStatus PROVISIONING)
                reg.provisionedAt = v.decisionAt + sms.properties.review().provisioning().toMillis();
            } else {
                reg.provisioned = true;
            }
            return;
        }
        v.status = "DENIED";
        v.history.put("DENIED", v.decisionAt);
        if (v.deniedReasons.isEmpty()) {
            v.deniedReasons.addAll(steeredDenialReasons(reg.type));
        }
        for (SmsState.DeniedReason reason : v.deniedReasons) {
            if (reason.fieldPath != null) {
                SmsState.FieldValue value = v.fields.get(reason.fieldPath);
                if (value != null) {
                    value.deniedReason = reason.reason + ": " + reason.shortDescription;
                }
            }
        }
    }

    private List<SmsState.DeniedReason> steeredDenialReasons(String type) {
        record Template(String reason, String shortDescription, String longDescription, String fieldPath) {
        }
        List<Template> templates = switch (type) {
            case "US_TOLL_FREE_REGISTRATION" -> List.of(
                    new Template("Unclear Opt-in Language", "The opt-in workflow does not show how recipients consent to messages.",
                            "Describe where and how recipients agree to receive texts and include the disclosure they see, with message frequency, 'Msg & data rates may apply' and how to opt out.",
                            "messagingUseCase.optInDescription"),
                    new Template("Message Use Case Mismatch", "The message samples do not match the use case.",
                            "Every sample must be a message of the declared use case category, with the business name and opt-out language.",
                            "messageSamples.messageSample1"));
            case "US_TEN_DLC_BRAND_REGISTRATION" -> List.of(
                    new Template("Brand Information Mismatch", "The tax ID does not match the legal company name.",
                            "The legal name and tax ID must match the tax authority's records exactly.", "companyInfo.taxId"));
            case "US_TEN_DLC_CAMPAIGN_REGISTRATION" -> List.of(
                    new Template("Opt-in Workflow Mismatch", "The opt-in workflow does not match the campaign's messages.",
                            "Describe the opt-in for this campaign's use case, including the confirmation message.", "campaignInfo.optInWorkflow"));
            default -> List.of(new Template("Incomplete Information", "The registration lacks information needed for review.",
                    "Review every field and resubmit.", ""));
        };
        List<SmsState.DeniedReason> out = new ArrayList<>();
        for (Template t : templates) {
            var reason = new SmsState.DeniedReason();
            reason.reason = t.reason();
            reason.shortDescription = t.shortDescription();
            reason.longDescription = t.longDescription();
            reason.documentationTitle = "Registration requirements";
            reason.documentationLink = "https://docs.aws.amazon.com/sms-voice/latest/userguide/registrations.html";
            reason.fieldPath = t.fieldPath().isEmpty() ? null : t.fieldPath();
            out.add(reason);
        }
        return out;
    }

    /** The approved registration's associated numbers turn ACTIVE: they may send now. */
    private void provision(SmsState.Registration reg) {
        reg.provisioned = true;
        for (SmsState.Association association : reg.associations) {
            SmsState.PhoneNumber number = sms.state.phoneNumbers.get(association.resourceId);
            if (number != null && "PENDING".equals(number.status)) {
                number.status = "ACTIVE";
                number.activatesAt = 0;
            }
        }
    }

    private JsonNode createVersion(JsonNode in) {
        SmsState.Registration reg = registration(text(in, "RegistrationId", ""));
        SmsState.Version latest = reg.latest();
        if (!EDITABLE_AFTER.contains(latest.status)) {
            throw AwsFault.conflict("CREATE_REGISTRATION_VERSION_NOT_ALLOWED", "registration", reg.id,
                    "Version " + latest.number + " is " + latest.status + "; a new version can be created once it is denied, approved or discarded.");
        }
        SmsState.Version base = reg.versions.reversed().stream().filter(v -> !"DISCARDED".equals(v.status)).findFirst().orElse(latest);
        long now = sms.now();
        var version = new SmsState.Version();
        version.number = latest.number + 1;
        version.status = "DRAFT";
        version.history.put("DRAFT", now);
        boolean empty = reg.tags.stream().anyMatch(t -> NEW_VERSION_VALUES_TAG.equals(t.key) && "EMPTY".equalsIgnoreCase(t.value));
        (empty ? Map.<String, SmsState.FieldValue>of() : base.fields).forEach((path, value) -> {
            var copy = new SmsState.FieldValue();
            copy.fieldPath = value.fieldPath;
            copy.selectChoices = value.selectChoices == null ? null : new ArrayList<>(value.selectChoices);
            copy.textValue = value.textValue;
            copy.attachmentId = value.attachmentId;
            version.fields.put(path, copy);
        });
        reg.versions.add(version);
        sms.markDirty();
        return versionResult(reg, version);
    }

    private JsonNode discard(JsonNode in) {
        SmsState.Registration reg = registration(text(in, "RegistrationId", ""));
        SmsState.Version latest = reg.latest();
        if (!"DRAFT".equals(latest.status) || latest.number == 1) {
            throw AwsFault.conflict("DISCARD_REGISTRATION_VERSION_NOT_ALLOWED", "registration", reg.id,
                    latest.number == 1 ? "The first version cannot be discarded; delete the registration instead."
                            : "Version " + latest.number + " is " + latest.status + "; only a DRAFT version can be discarded.");
        }
        latest.status = "DISCARDED";
        latest.history.put("DISCARDED", sms.now());
        sms.markDirty();
        return versionResult(reg, latest);
    }

    private ObjectNode versionResult(SmsState.Registration reg, SmsState.Version version) {
        ObjectNode out = object();
        out.put("RegistrationArn", reg.arn);
        out.put("RegistrationId", reg.id);
        out.put("VersionNumber", version.number);
        out.put("RegistrationVersionStatus", version.status);
        out.set("RegistrationVersionStatusHistory", history(version));
        return out;
    }

    private JsonNode delete(JsonNode in) {
        SmsState.Registration reg = registration(text(in, "RegistrationId", ""));
        String status = status(reg, sms.now());
        if (Set.of("SUBMITTED", "AWS_REVIEWING", "REVIEWING", "PROVISIONING").contains(status)) {
            throw AwsFault.conflict("RESOURCE_DELETION_NOT_ALLOWED", "registration", reg.id,
                    "A registration that is " + status + " cannot be deleted; wait for the review to end.");
        }
        for (SmsState.Association association : reg.associations) {
            String behavior = supported(reg, association.resourceType, association.isoCountryCode)
                    .path("DisassociationBehavior").asString("DELETE_REGISTRATION_DISASSOCIATES");
            if (!"DELETE_REGISTRATION_DISASSOCIATES".equals(behavior)) {
                throw AwsFault.conflict("RESOURCE_DELETION_NOT_ALLOWED", "registration", reg.id,
                        "Registration " + reg.id + " still has " + association.resourceType + " " + association.resourceId
                                + " associated; its disassociation behavior is " + behavior + ": release or disassociate it first.");
            }
        }
        ObjectNode out = information(reg, sms.now());
        out.remove("Tags");
        reg.deleted = true;
        reg.associations.clear();
        out.put("RegistrationStatus", "DELETED");
        sms.markDirty();
        return out;
    }

    // --- associations ---

    /**
     * The type definition's SupportedAssociation for a resource type and country, or a missing node.
     * ResourceType is "the registration type or origination identity type" (model documentation of
     * CreateRegistrationAssociation): TOLL_FREE, TEN_DLC, ... for numbers, the registration type for
     * registrations.
     */
    private JsonNode supported(SmsState.Registration reg, String resourceType, @Nullable String iso) {
        for (JsonNode association : sms.catalog.definition(reg.type).path("SupportedAssociations")) {
            String country = association.path("IsoCountryCode").asString("");
            if (association.path("ResourceType").asString().equals(resourceType) && (country.isEmpty() || iso == null || country.equals(iso))) {
                return association;
            }
        }
        return tools.jackson.databind.node.MissingNode.getInstance();
    }

    /**
     * Refuses an association the type does not support or does not allow now. Sources: the
     * registrations CLI guide ({@code registrations-sms-cli}): ASSOCIATE_BEFORE_SUBMIT "The
     * origination identity has to be supplied when submitting a registration", ASSOCIATE_AFTER_COMPLETE
     * "you must complete a registration first, then associate one or more phone numbers later",
     * ASSOCIATE_ON_APPROVAL "The sender ID will be automatically provisioned once the registration is
     * approved", and "Once you submit your registration you can not make any changes to the
     * registration or disassociate any resources with the registration until after it has been
     * reviewed"; the 10DLC guide of aws-samples (brand first, "Wait for the brand registration to
     * reach COMPLETED status before proceeding", then associate it with the campaign or vetting).
     */
    void requireAssociable(SmsState.Registration reg, String kind, String resourceType, @Nullable String iso) {
        JsonNode association = supported(reg, resourceType, iso);
        if (association.isMissingNode()) {
            throw AwsFault.validationField("INVALID_REGISTRATION_ASSOCIATION", "ResourceId",
                    "A " + reg.type + " registration cannot be associated with a " + resourceType + (iso == null ? "" : " of " + iso) + ".");
        }
        String behavior = association.path("AssociationBehavior").asString();
        String status = status(reg, sms.now());
        switch (behavior) {
            case "ASSOCIATE_ON_APPROVAL" -> throw AwsFault.validationField("INVALID_REGISTRATION_ASSOCIATION", "ResourceId",
                    "The " + resourceType + " of a " + reg.type + " registration is provisioned when the registration is approved.");
            case "ASSOCIATE_AFTER_COMPLETE" -> {
                if (!"COMPLETE".equals(status)) {
                    throw AwsFault.conflict("REGISTRATION_NOT_COMPLETE", "registration", reg.id,
                            "Registration " + reg.id + " is " + status + "; a " + resourceType + " can be associated once it is COMPLETE.");
                }
            }
            default -> {
                if (Set.of("SUBMITTED", "AWS_REVIEWING", "REVIEWING", "PROVISIONING", "REQUIRES_AUTHENTICATION").contains(status)) {
                    throw AwsFault.conflict("RESOURCE_MODIFICATION_NOT_ALLOWED", "registration", reg.id,
                            "Registration " + reg.id + " is " + status + "; its associations cannot change until the review ends.");
                }
                long sameKind = reg.associations.stream().filter(a -> a.resourceType.equals(resourceType)).count();
                if (sameKind >= 1) {
                    // one toll-free number per toll-free registration, one brand per campaign or vetting
                    throw AwsFault.quota("phone-number".equals(kind) ? "PHONE_NUMBERS_PER_REGISTRATION" : "ASSOCIATIONS_PER_REGISTRATION",
                            "Registration " + reg.id + " already has its " + resourceType + ".");
                }
            }
        }
    }

    void associate(SmsState.Registration reg, SmsState.PhoneNumber number) {
        var association = new SmsState.Association();
        association.resourceType = number.numberType;
        association.resourceId = number.id;
        association.resourceArn = number.arn;
        association.isoCountryCode = number.isoCountryCode;
        association.phoneNumber = number.number;
        association.at = sms.now();
        reg.associations.add(association);
        number.registrationId = reg.id;
        if ("COMPLETE".equals(status(reg, sms.now())) && "PENDING".equals(number.status)) {
            // associated after the registration completed (10DLC): carriers review the number, then it is ACTIVE
            number.activatesAt = sms.now() + sms.properties.review().provisioning().toMillis();
        }
        sms.markDirty();
    }

    /**
     * A number leaves its registration (ReleasePhoneNumber). Refused while the registration is under
     * review; when the last identity of a DISASSOCIATE_ALL_CLOSES_REGISTRATION registration goes, the
     * registration is CLOSED (model documentation of RegistrationDisassociationBehavior: "All
     * origination identities must be disassociated from the registration before the registration can
     * be closed").
     */
    void releaseAssociated(SmsState.PhoneNumber number) {
        SmsState.Registration reg = sms.state.registrations.get(number.registrationId);
        if (reg == null || reg.deleted) {
            return;
        }
        String status = status(reg, sms.now());
        if (Set.of("SUBMITTED", "AWS_REVIEWING", "REVIEWING", "PROVISIONING", "REQUIRES_AUTHENTICATION").contains(status)) {
            throw AwsFault.conflict("PHONE_NUMBER_ASSOCIATED_TO_REGISTRATION", "phone-number", number.id,
                    "Phone number " + number.number + " belongs to registration " + reg.id + ", which is " + status + "; wait for the review to end.");
        }
        String behavior = supported(reg, number.numberType, number.isoCountryCode).path("DisassociationBehavior").asString("");
        reg.associations.removeIf(a -> a.resourceId.equals(number.id));
        if ("DISASSOCIATE_ALL_CLOSES_REGISTRATION".equals(behavior) && "COMPLETE".equals(status)
                && reg.associations.stream().noneMatch(a -> a.phoneNumber != null)) {
            reg.closed = true;
        }
        sms.markDirty();
    }

    private JsonNode createAssociation(JsonNode in) {
        SmsState.Registration reg = registration(text(in, "RegistrationId", ""));
        String resourceId = text(in, "ResourceId", "");
        ObjectNode out = object();
        out.put("RegistrationArn", reg.arn);
        out.put("RegistrationId", reg.id);
        out.put("RegistrationType", reg.type);
        if (resourceId.startsWith("registration-") || resourceId.contains(":registration/")) {
            SmsState.Registration other = registration(resourceId);
            JsonNode supported = supported(reg, other.type, null);
            requireAssociable(reg, "registration", other.type, supported.path("IsoCountryCode").asString(null));
            if (reg.associations.stream().anyMatch(a -> a.resourceId.equals(other.id))) {
                throw AwsFault.conflict("RESOURCE_ALREADY_ASSOCIATED", "registration", other.id, other.id + " is already associated with " + reg.id + ".");
            }
            String otherStatus = status(other, sms.now());
            if (!"COMPLETE".equals(otherStatus)) {
                throw AwsFault.conflict("REGISTRATION_NOT_COMPLETE", "registration", other.id,
                        "Registration " + other.id + " is " + otherStatus + "; only an approved (COMPLETE) " + other.type + " can be associated.");
            }
            var association = new SmsState.Association();
            association.resourceType = other.type;
            association.resourceId = other.id;
            association.resourceArn = other.arn;
            association.isoCountryCode = supported.path("IsoCountryCode").asString(null);
            association.at = sms.now();
            reg.associations.add(association);
            sms.markDirty();
            out.put("ResourceArn", other.arn);
            out.put("ResourceId", other.id);
            out.put("ResourceType", other.type);
            if (association.isoCountryCode != null) {
                out.put("IsoCountryCode", association.isoCountryCode);
            }
            return out;
        }
        SmsState.PhoneNumber number = sms.state.phoneNumbers.get(SmsVoiceEmulator.idOf(resourceId));
        if (number == null) {
            throw AwsFault.notFound(resourceId.startsWith("phone-") || resourceId.contains(":phone-number/") ? "phone-number" : "sender-id",
                    SmsVoiceEmulator.idOf(resourceId));
        }
        if (reg.id.equals(number.registrationId)) {
            throw AwsFault.conflict("RESOURCE_ALREADY_ASSOCIATED", "phone-number", number.id, number.number + " is already associated with " + reg.id + ".");
        }
        if (number.registrationId != null) {
            throw AwsFault.conflict("PHONE_NUMBER_ASSOCIATED_TO_REGISTRATION", "phone-number", number.id,
                    number.number + " is already associated with registration " + number.registrationId + ".");
        }
        requireAssociable(reg, "phone-number", number.numberType, number.isoCountryCode);
        associate(reg, number);
        out.put("ResourceArn", number.arn);
        out.put("ResourceId", number.id);
        out.put("ResourceType", number.numberType);
        out.put("IsoCountryCode", number.isoCountryCode);
        out.put("PhoneNumber", number.number);
        return out;
    }

    private JsonNode listAssociations(JsonNode in) {
        SmsState.Registration reg = registration(text(in, "RegistrationId", ""));
        List<SmsState.Association> matching = new ArrayList<>();
        for (SmsState.Association association : reg.associations) {
            boolean keep = true;
            for (JsonNode filter : in.path("Filters")) {
                List<String> values = texts(filter, "Values");
                keep &= switch (filter.path("Name").asString()) {
                    case "resource-type" -> values.contains(association.resourceType);
                    case "iso-country-code" -> association.isoCountryCode != null && values.contains(association.isoCountryCode);
                    default -> throw AwsFault.validation("INVALID_FILTER_VALUES", "Unknown filter " + filter.path("Name").asString());
                };
            }
            if (keep) {
                matching.add(association);
            }
        }
        var page = Json.page(matching, text(in, "NextToken"), Json.number(in, "MaxResults"), 20, this::invalidToken);
        ObjectNode out = object();
        out.put("RegistrationArn", reg.arn);
        out.put("RegistrationId", reg.id);
        out.put("RegistrationType", reg.type);
        out.set("RegistrationAssociations", Json.array(page.items(), a -> {
            ObjectNode node = object();
            node.put("ResourceArn", a.resourceArn);
            node.put("ResourceId", a.resourceId);
            node.put("ResourceType", a.resourceType);
            if (a.isoCountryCode != null) {
                node.put("IsoCountryCode", a.isoCountryCode);
            }
            if (a.phoneNumber != null) {
                node.put("PhoneNumber", a.phoneNumber);
            }
            return node;
        }));
        page.writeTokenTo(out, "NextToken");
        return out;
    }

    /**
     * Every ASSOCIATE_BEFORE_SUBMIT association must exist before SubmitRegistrationVersion, and an
     * associated registration (the 10DLC brand of a campaign or vetting) must still be approved.
     *
     * <p>No public source shows the error AWS returns for a submit without its association (the CLI
     * guide only says the identity "has to be supplied when submitting"). The emulator answers with
     * the closest modelled reason, ConflictException SUBMIT_REGISTRATION_VERSION_NOT_ALLOWED, naming
     * the missing resource; clients should treat a ValidationException INVALID_REGISTRATION_ASSOCIATION
     * the same way.
     */
    private void requireAssociationsBeforeSubmit(SmsState.Registration reg) {
        for (JsonNode association : sms.catalog.definition(reg.type).path("SupportedAssociations")) {
            if (!"ASSOCIATE_BEFORE_SUBMIT".equals(association.path("AssociationBehavior").asString())) {
                continue;
            }
            String resourceType = association.path("ResourceType").asString();
            SmsState.Association present = reg.associations.stream().filter(a -> a.resourceType.equals(resourceType)).findFirst().orElse(null);
            if (present == null) {
                throw AwsFault.conflict("SUBMIT_REGISTRATION_VERSION_NOT_ALLOWED", "registration", reg.id,
                        "A " + reg.type + " registration is submitted with its " + resourceType + " associated (AssociationBehavior "
                                + "ASSOCIATE_BEFORE_SUBMIT); associate one with CreateRegistrationAssociation first.");
            }
            SmsState.Registration other = sms.state.registrations.get(present.resourceId);
            if (other != null && !"COMPLETE".equals(status(other, sms.now()))) {
                throw AwsFault.conflict("SUBMIT_REGISTRATION_VERSION_NOT_ALLOWED", "registration", reg.id,
                        "The associated " + other.type + " " + other.id + " is " + status(other, sms.now()) + ", not COMPLETE.");
            }
        }
    }

    // --- helpers ---

    String status(SmsState.Registration reg, long now) {
        if (reg.deleted) {
            return "DELETED";
        }
        if (reg.closed) {
            return "CLOSED";
        }
        SmsState.Version current = reg.versions.reversed().stream().filter(v -> !"DISCARDED".equals(v.status)).findFirst().orElse(reg.latest());
        boolean approved = reg.versions.stream().anyMatch(v -> "APPROVED".equals(v.status));
        boolean denied = reg.versions.stream().anyMatch(v -> "DENIED".equals(v.status));
        return switch (current.status) {
            case "DRAFT" -> approved ? "COMPLETE" : denied ? "REQUIRES_UPDATES" : "CREATED";
            case "SUBMITTED", "AWS_REVIEWING", "REVIEWING", "REQUIRES_AUTHENTICATION" -> current.status;
            case "APPROVED" -> reg.closed ? "CLOSED" : reg.provisionedAt > 0 && !reg.provisioned && now < reg.provisionedAt ? "PROVISIONING" : "COMPLETE";
            case "DENIED" -> "REQUIRES_UPDATES";
            case "REVOKED" -> "CLOSED";
            default -> approved ? "COMPLETE" : "CREATED";
        };
    }

    private SmsState.Registration registration(String idOrArn) {
        String id = SmsVoiceEmulator.idOf(idOrArn);
        SmsState.Registration reg = sms.state.registrations.get(id);
        if (reg == null || reg.deleted) {
            throw AwsFault.notFound("registration", id);
        }
        return reg;
    }

    private SmsState.Version editableDraft(SmsState.Registration reg) {
        SmsState.Version latest = reg.latest();
        if (!"DRAFT".equals(latest.status)) {
            throw AwsFault.conflict("EDIT_REGISTRATION_FIELD_VALUES_NOT_ALLOWED", "registration", reg.id,
                    "Field values can only be changed on a DRAFT version; version " + latest.number + " is " + latest.status + ".");
        }
        return latest;
    }

    private JsonNode fieldDefinition(SmsState.Registration reg, String path) {
        JsonNode definition = sms.catalog.field(reg.type, path);
        if (definition == null) {
            throw AwsFault.validationField("UNKNOWN_REGISTRATION_FIELD", "FieldPath", "Field " + path + " does not exist for " + reg.type + ".");
        }
        return definition;
    }

    private void requireType(String type) {
        if (!sms.catalog.has(type)) {
            throw AwsFault.validationField("UNKNOWN_REGISTRATION_TYPE", "RegistrationType", "Registration type " + type + " does not exist.");
        }
    }

    private AwsFault invalidToken() {
        return AwsFault.validation("INVALID_NEXT_TOKEN", "The NextToken is not valid.");
    }

    static ArrayNode tags(List<SmsState.Tag> tags) {
        ArrayNode array = Json.NODES.arrayNode();
        for (SmsState.Tag tag : tags) {
            ObjectNode node = array.addObject();
            node.put("Key", tag.key);
            node.put("Value", tag.value);
        }
        return array;
    }

    /** For the console and tests: registration id to its current status. */
    Map<String, String> statuses(long now) {
        Map<String, String> out = new LinkedHashMap<>();
        sms.state.registrations.values().forEach(r -> out.put(r.id, status(r, now)));
        return out;
    }
}
