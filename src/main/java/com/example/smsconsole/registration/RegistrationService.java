package com.example.smsconsole.registration;

import com.example.smsconsole.audit.AuditService;
import com.example.smsconsole.aws.AwsCallException;
import com.example.smsconsole.security.AppRoles;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Registrations through the real API flow: the types and their generated forms, drafts saved as
 * CreateRegistration (with a client token) and one PutRegistrationFieldValue per changed field,
 * attachments, the associations the type definition asks for (a requested or existing phone
 * number, the brand of a 10DLC campaign), submit, new versions refilled from the denied one,
 * discard and delete. A save that stops half-way resumes from what AWS holds without creating a
 * second registration. Every call that changes state is audited.
 * See docs/decisions/011-20261201-registration-associations.md.
 */
@Service
@PreAuthorize(AppRoles.ONLY_ADMIN)
public class RegistrationService {

    /**
     * Largest attachment AWS accepts. The pinpoint-sms-voice-v2 model (botocore, 2022-03-31),
     * {@code CreateRegistrationAttachmentRequest.AttachmentBody}: "The registration file to upload. The
     * maximum file size is 500KB and valid file extensions are PDF, JPEG and PNG." The API reference of
     * CreateRegistrationAttachment says the same; the blob's length constraint (1,572,864) is wider and
     * older boto3 documentation said 1 MiB, so the documented 500 KB wins, read as 500,000 bytes (the
     * stricter reading of "KB"): what the console lets through, AWS takes.
     */
    public static final int MAX_ATTACHMENT_BYTES = 500_000;

    /** AWS's public price list for numbers; its API tells a number's price only once the number exists. */
    public static final String PRICING_PAGE = "https://aws.amazon.com/end-user-messaging/pricing/";

    /** Fields whose value tells registrations apart when they have no Name tag, in order of preference. */
    private static final List<String> LABEL_FIELDS = List.of("companyInfo.companyName", "contactInfo.dbaName", "campaignInfo.campaignName");

    /**
     * One editing session of a registration: its type, the client token that makes the create
     * idempotent, a friendly name (AWS's {@code Name} tag) and the registration id once AWS created it.
     */
    public static final class Draft {
        private final String type;
        private final String clientToken;
        private @Nullable String registrationId;
        private @Nullable String name;

        public Draft(String type) {
            this(type, UUID.randomUUID().toString(), null);
        }

        public Draft(String type, String clientToken, @Nullable String registrationId) {
            this.type = type;
            this.clientToken = clientToken;
            this.registrationId = registrationId;
        }

        public String type() {
            return type;
        }

        public String clientToken() {
            return clientToken;
        }

        public @Nullable String registrationId() {
            return registrationId;
        }

        public @Nullable String name() {
            return name;
        }

        /** The Name tag given to the registration when it is created. */
        public Draft name(@Nullable String value) {
            this.name = value;
            return this;
        }
    }

    /** Progress of a long write: fields written so far of those to write, and the one being written. */
    public interface Progress {
        void update(int done, int total, String fieldPath);
    }

    /** What a new draft already held of the version before it, and what the console wrote to make it whole. */
    public record Refill(long version, long copiedFrom, int heldByAws, int written, List<String> skipped) {
    }

    /** The monthly price of a number before it is requested, as far as AWS tells it, and the sentences that say it. */
    public record PriceQuote(@Nullable String monthlyPrice, String price, String billing) {
    }

    /** Everything the detail page shows of one registration, read in one go. */
    public record RegistrationState(Registration registration, RegistrationType type, RegistrationForm form, List<RegistrationVersion> versions,
            List<FieldValue> values, Map<String, String> fieldDenials, @Nullable Long deniedVersion, List<Association> associations,
            RegistrationFlow flow, InfrastructureSnippet snippet, String name, int missingFromPrevious, @Nullable Long previousVersion) {

        public Optional<RegistrationVersion> newest() {
            return versions.stream().findFirst();
        }
    }

    private final RegistrationGateway gateway;
    private final AuditService audit;

    RegistrationService(RegistrationGateway gateway, AuditService audit) {
        this.gateway = gateway;
        this.audit = audit;
    }

    /** The registration types, US ones first, then by title. */
    public List<RegistrationType> types() {
        List<RegistrationType> types = new ArrayList<>(gateway.types());
        types.sort(Comparator.comparing((RegistrationType t) -> !t.us()).thenComparing(RegistrationType::title));
        return types;
    }

    /** The definition of a type, or one with only its name when AWS does not describe it. */
    public RegistrationType type(String type) {
        return gateway.types().stream().filter(t -> t.type().equals(type)).findFirst().orElseGet(() -> RegistrationType.unknown(type));
    }

    public RegistrationForm form(String type) {
        return new RegistrationForm(type(type), gateway.sections(type), gateway.fields(type));
    }

    public List<Registration> registrations(@Nullable String status, @Nullable String type) {
        return gateway.registrations(status, type);
    }

    public Optional<Registration> registration(String id) {
        return gateway.registration(id);
    }

    /** Versions, newest first. */
    public List<RegistrationVersion> versions(String id) {
        return gateway.versions(id);
    }

    public List<FieldValue> fieldValues(String id, @Nullable Long version) {
        return gateway.fieldValues(id, version);
    }

    /** The newest version's values in the form's terms (text and attachment ids as strings, choices as lists). */
    public Map<String, Object> formValues(String id) {
        return values(gateway.fieldValues(id, null));
    }

    private static Map<String, Object> values(List<FieldValue> fieldValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (FieldValue v : fieldValues) {
            values.put(v.fieldPath(), value(v));
        }
        return values;
    }

    private static Object value(FieldValue v) {
        if (v.textValue() != null) {
            return v.textValue();
        }
        if (v.attachmentId() != null) {
            return v.attachmentId();
        }
        return v.selectChoices();
    }

    /**
     * The denial reasons that point at fields, by field path, of the latest denied version, while
     * that denial is what the admin is fixing: the newest version is the denied one or the draft
     * after it. Empty once a later version is submitted or approved.
     */
    public Map<String, String> fieldDenials(Registration registration, List<RegistrationVersion> versions) {
        Long denied = currentDenial(versions);
        if (denied == null) {
            return Map.of();
        }
        Map<String, String> reasons = new LinkedHashMap<>();
        for (FieldValue v : gateway.fieldValues(registration.id(), denied)) {
            if (v.deniedReason() != null && !v.deniedReason().isBlank()) {
                reasons.put(v.fieldPath(), v.deniedReason());
            }
        }
        return reasons;
    }

    private static @Nullable Long currentDenial(List<RegistrationVersion> versions) {
        return RegistrationVersion.beingFixed(versions).map(RegistrationVersion::number).orElse(null);
    }

    /** The detail page's view of a registration: versions, values, denials, associations, the flow and the snippet. */
    public Optional<RegistrationState> state(String id) {
        Optional<Registration> found = gateway.registration(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Registration r = found.get();
        RegistrationForm form = form(r.type());
        List<RegistrationVersion> versions = gateway.versions(id);
        List<FieldValue> values = gateway.fieldValues(id, null);
        Long denied = currentDenial(versions);
        Map<String, String> denials = fieldDenials(r, versions);
        List<Association> associations = associations(id);
        boolean complete = form.problems(values(values)).isEmpty();
        RegistrationFlow flow = RegistrationFlow.of(form.type(), r, versions.isEmpty() ? null : versions.getFirst(), complete, associations);
        // a draft after an earlier version: how many of that version's values it still lacks (a refill that stopped half-way)
        Long previous = null;
        int missing = 0;
        if (!versions.isEmpty() && versions.getFirst().draft()) {
            previous = versions.stream().skip(1).filter(v -> !"DISCARDED".equals(v.status())).findFirst().map(RegistrationVersion::number)
                    .orElse(null);
            if (previous != null) {
                Map<String, Object> held = values(values);
                for (Map.Entry<String, Object> e : values(gateway.fieldValues(id, previous)).entrySet()) {
                    if (form.field(e.getKey()).isPresent() && normalized(e.getValue()) != null && normalized(held.get(e.getKey())) == null) {
                        missing++;
                    }
                }
            }
        }
        return Optional.of(new RegistrationState(r, form.type(), form, versions, values, denials, denied, associations, flow,
                InfrastructureSnippet.of(form.type(), r, associations), name(r), missing, previous));
    }

    /** The flow of a registration being edited (null before it exists in AWS). */
    public RegistrationFlow flow(RegistrationType type, @Nullable String id, Map<String, Object> heldValues, RegistrationForm form) {
        if (id == null) {
            return RegistrationFlow.of(type, null, null, false, List.of());
        }
        Registration r = gateway.registration(id).orElse(null);
        List<RegistrationVersion> versions = r == null ? List.of() : gateway.versions(id);
        return RegistrationFlow.of(type, r, versions.isEmpty() ? null : versions.getFirst(), form.problems(heldValues).isEmpty(),
                r == null ? List.of() : associations(id));
    }

    // --- names ---

    /**
     * What tells a registration apart in a list: its {@code Name} tag (AWS's friendly name of a
     * registration, user guide "registrations-friendly-name"), else the company, brand or campaign
     * name it holds; empty when it has neither.
     */
    public String name(Registration registration) {
        String tagged = gateway.tags(registration.arn()).get(RegistrationGateway.NAME_TAG);
        if (tagged != null && !tagged.isBlank()) {
            return tagged;
        }
        Map<String, String> byPath = new LinkedHashMap<>();
        for (FieldValue v : gateway.fieldValues(registration.id(), null, LABEL_FIELDS)) {
            if (v.textValue() != null && !v.textValue().isBlank()) {
                byPath.put(v.fieldPath(), v.textValue().strip());
            }
        }
        return LABEL_FIELDS.stream().map(byPath::get).filter(Objects::nonNull).findFirst()
                .map(s -> s.length() > 60 ? s.substring(0, 59) + "…" : s).orElse("");
    }

    /** Sets (or, when blank, removes) the registration's Name tag. */
    public void rename(Registration registration, @Nullable String name) {
        if (name == null || name.isBlank()) {
            audited("UntagResource", registration.id(), () -> gateway.untag(registration.arn(), RegistrationGateway.NAME_TAG), c -> "removed Name");
        } else {
            if (name.strip().length() > 256) {
                throw new IllegalArgumentException("A name has at most 256 characters (now " + name.strip().length() + ").");
            }
            audited("TagResource", registration.id(), () -> gateway.tag(registration.arn(), RegistrationGateway.NAME_TAG, name.strip()),
                    RegistrationGateway.Called::value);
        }
    }

    // --- drafts ---

    /**
     * Writes the draft to AWS: creates the registration the first time (the client token makes a
     * retried create return the same registration), then writes each field whose value differs
     * from what AWS holds and deletes those cleared. Values that fail their field's check are
     * refused before anything is sent; required fields may still be empty in a draft.
     *
     * @return the registration id
     * @throws InvalidFormException naming the fields with a problem; nothing is sent
     */
    public String saveDraft(Draft draft, RegistrationForm form, Map<String, Object> values, Progress progress) {
        Map<String, String> problems = new LinkedHashMap<>(form.problems(values));
        problems.values().removeIf("Required."::equals);
        if (!problems.isEmpty()) {
            throw new InvalidFormException(problems, form);
        }
        if (draft.name != null && draft.name.strip().length() > 256) {
            throw new IllegalArgumentException("A name has at most 256 characters (now " + draft.name.strip().length() + ").");
        }
        if (draft.registrationId == null) {
            Registration created = audited("CreateRegistration", draft.type,
                    () -> gateway.create(draft.type, draft.clientToken, draft.name),
                    c -> c.value().id() + " (" + c.value().status() + ")" + (draft.name == null ? "" : ", Name " + draft.name)).value();
            draft.registrationId = created.id();
        }
        String id = Objects.requireNonNull(draft.registrationId);
        Map<String, Object> held = formValues(id);
        List<FieldDefinition> changed = new ArrayList<>();
        for (FieldDefinition field : form.fields()) {
            if (!Objects.equals(normalized(values.get(field.fieldPath())), normalized(held.get(field.fieldPath())))) {
                changed.add(field);
            }
        }
        write(id, changed, values, progress, true);
        return id;
    }

    /** Writes each field's wanted value (deleting cleared ones when asked), with progress; audited one by one. */
    private void write(String id, List<FieldDefinition> fields, Map<String, Object> values, Progress progress, boolean deleteCleared) {
        int done = 0;
        for (FieldDefinition field : fields) {
            progress.update(done, fields.size(), field.fieldPath());
            Object wanted = normalized(values.get(field.fieldPath()));
            String target = id + " " + field.fieldPath();
            if (wanted == null) {
                if (deleteCleared) {
                    audited("DeleteRegistrationFieldValue", target, () -> gateway.deleteValue(id, field.fieldPath()), c -> "cleared");
                }
            } else if (field.select()) {
                @SuppressWarnings("unchecked")
                List<String> choices = (List<String>) wanted;
                audited("PutRegistrationFieldValue", target, () -> gateway.putChoices(id, field.fieldPath(), choices),
                        c -> "version " + c.value() + ": " + String.join(", ", choices));
            } else if (field.attachment()) {
                audited("PutRegistrationFieldValue", target, () -> gateway.putAttachment(id, field.fieldPath(), (String) wanted),
                        c -> "version " + c.value() + ": attachment " + wanted);
            } else {
                String text = (String) wanted;
                audited("PutRegistrationFieldValue", target, () -> gateway.putText(id, field.fieldPath(), text),
                        c -> "version " + c.value() + ": " + text.length() + " characters");
            }
            done++;
        }
        progress.update(done, fields.size(), "");
    }

    private static @Nullable Object normalized(@Nullable Object value) {
        if (value == null || (value instanceof String s && s.isEmpty()) || (value instanceof List<?> l && l.isEmpty())) {
            return null;
        }
        return value instanceof List<?> l ? List.copyOf(l) : value;
    }

    /** Fields with a problem, by field path, and a message naming them by the form's labels. */
    public static final class InvalidFormException extends IllegalArgumentException {
        private final Map<String, String> problems;

        public InvalidFormException(Map<String, String> problems, RegistrationForm form) {
            super(message(problems, form));
            this.problems = Map.copyOf(problems);
        }

        private static String message(Map<String, String> problems, RegistrationForm form) {
            List<String> labels = problems.keySet().stream().map(p -> form.field(p).map(FieldDefinition::title).orElse(p)).toList();
            String list = labels.size() == 1 ? labels.getFirst()
                    : String.join(", ", labels.subList(0, labels.size() - 1)) + " and " + labels.getLast();
            return "Correct " + problems.size() + (problems.size() == 1 ? " field: " : " fields: ") + list + ".";
        }

        public Map<String, String> problems() {
            return problems;
        }
    }

    /** An association the type requires before submit is missing: nothing was sent. */
    public static final class MissingAssociationException extends IllegalStateException {
        public MissingAssociationException(String message) {
            super(message);
        }
    }

    /**
     * Uploads an attachment (PDF, PNG or JPEG).
     *
     * @return the attachment id to put into an attachment field
     * @throws IllegalArgumentException for another kind of file or one too large; nothing is sent
     */
    public String uploadAttachment(String fileName, byte[] body) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (!(lower.endsWith(".pdf") || lower.endsWith(".png") || lower.endsWith(".jpg") || lower.endsWith(".jpeg"))) {
            throw new IllegalArgumentException("AWS accepts PDF, PNG and JPEG attachments; " + fileName + " is none of them.");
        }
        if (body.length == 0) {
            throw new IllegalArgumentException(fileName + " is empty; nothing was uploaded.");
        }
        if (body.length > MAX_ATTACHMENT_BYTES) {
            throw new IllegalArgumentException(attachmentTooLarge(fileName, body.length));
        }
        boolean pdf = startsWith(body, '%', 'P', 'D', 'F');
        boolean png = startsWith(body, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
        boolean jpeg = startsWith(body, 0xFF, 0xD8, 0xFF);
        if (lower.endsWith(".pdf") && !pdf || lower.endsWith(".png") && !png || (lower.endsWith(".jpg") || lower.endsWith(".jpeg")) && !jpeg) {
            throw new IllegalArgumentException(fileName + " is not a " + lower.substring(lower.lastIndexOf('.') + 1).toUpperCase(Locale.ROOT)
                    + " file inside; AWS checks the content, not the name.");
        }
        return audited("CreateRegistrationAttachment", fileName, () -> gateway.createAttachment(body, UUID.randomUUID().toString()),
                c -> c.value() + ", " + body.length + " bytes").value();
    }

    /**
     * Why a file is refused for its size, in words, for the field: "opt-in.png is 600,000 bytes;
     * AWS accepts attachments of at most 500 KB (500,000 bytes). Nothing was uploaded."
     *
     * @param size null when only the browser knows it (its upload refused the file)
     */
    public static String attachmentTooLarge(String fileName, @Nullable Integer size) {
        String limit = String.format(Locale.ROOT, "AWS accepts attachments of at most 500 KB (%,d bytes).", MAX_ATTACHMENT_BYTES);
        return (size == null ? fileName + " is too large; " : String.format(Locale.ROOT, "%s is %,d bytes; ", fileName, size))
                + limit + " Nothing was uploaded.";
    }

    private static boolean startsWith(byte[] body, int... prefix) {
        if (body.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((body[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    // --- associations ---

    /** What is associated with a registration, each with the current status of the number or registration. */
    public List<Association> associations(String id) {
        List<Association> out = new ArrayList<>();
        for (Association a : gateway.associations(id)) {
            String status = null;
            String number = a.phoneNumber();
            try {
                if (a.kind() == Association.Kind.PHONE_NUMBER) {
                    Optional<AccountNumber> n = gateway.phoneNumber(a.resourceId());
                    status = n.map(AccountNumber::status).orElse("DELETED");
                    number = number != null ? number : n.map(AccountNumber::phoneNumber).orElse(null);
                } else if (a.kind() == Association.Kind.REGISTRATION) {
                    status = gateway.registration(a.resourceId()).map(Registration::status).orElse("DELETED");
                }
            } catch (AwsCallException e) {
                // the association itself is known; its status stays unknown (shown as such)
            }
            out.add(new Association(a.resourceId(), a.resourceArn(), a.resourceType(), a.isoCountryCode(), number, status, a.kind()));
        }
        return out;
    }

    /**
     * The account's numbers that could fill an association: of its type and country, not deleted
     * and not tied to a registration already.
     */
    public List<AccountNumber> numbersToAssociate(SupportedAssociation association) {
        if (!association.phoneNumber()) {
            return List.of();
        }
        return gateway.phoneNumbers(association.resourceType(), association.isoCountryCode()).stream()
                .filter(n -> !n.deleted() && (n.registrationId() == null || n.registrationId().isBlank()))
                .toList();
    }

    /**
     * What AWS tells about a number's monthly price before it is requested. The SMS API answers the
     * price ({@code MonthlyLeasingPrice}) only for numbers that exist (RequestPhoneNumber's answer,
     * DescribePhoneNumbers); it has no price lookup. So the price comes from the account's own
     * numbers of the same type and country when it has one, else the quote says it is not known
     * before the request and points at AWS's price list; the price AWS answers is shown and audited
     * right after the request.
     */
    public PriceQuote priceQuote(SupportedAssociation association) {
        String what = (association.isoCountryCode() == null ? "" : association.isoCountryCode() + " ") + association.label();
        String billing = "AWS bills the number every month from the moment it is requested, also while it is PENDING during the review, "
                + "until it is released (AWS user guide, registrations with the AWS CLI: an origination identity is charged regardless of the "
                + "registration's status). Deletion protection is turned on so that it is not released by accident.";
        Optional<AccountNumber> known = association.phoneNumber()
                ? gateway.phoneNumbers(association.resourceType(), association.isoCountryCode()).stream()
                        .filter(n -> n.monthlyLeasingPrice() != null && !n.monthlyLeasingPrice().isBlank())
                        .max(Comparator.comparing(n -> n.createdAt() == null ? java.time.Instant.EPOCH : n.createdAt()))
                : Optional.empty();
        if (known.isPresent()) {
            String price = known.get().monthlyLeasingPrice();
            return new PriceQuote(price, "USD " + price + " a month: what AWS charges this account for its " + what + " "
                    + known.get().phoneNumber() + " (MonthlyLeasingPrice in DescribePhoneNumbers). AWS confirms the new number's price in "
                    + "its answer; the console shows it and writes it to the audit log.", billing);
        }
        return new PriceQuote(null, "AWS states the monthly price of a " + what + " only in its answer to the request (MonthlyLeasingPrice): "
                + "its API has no price lookup before a number is bought, and this account has no " + what + " to read it from. "
                + "AWS's price list: " + PRICING_PAGE + ". The console shows the price AWS answers right after the request and writes it "
                + "to the audit log.", billing);
    }

    /**
     * The client token of the next number request for a registration's association: derived from
     * the registration, the number type and how many numbers are already associated, so a request
     * repeated after a timeout or a closed browser returns the number the first one bought instead
     * of buying a second (RequestPhoneNumber's ClientToken is an idempotency token, botocore model).
     */
    public String numberRequestToken(String registrationId, SupportedAssociation association) {
        long held = gateway.associations(registrationId).stream().filter(a -> a.fills(association)).count();
        return UUID.nameUUIDFromBytes((registrationId + "|" + association.resourceType() + "|" + held).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /**
     * Requests a number for a registration and associates it. A number needed before submit (US
     * toll-free) is requested and then associated with CreateRegistrationAssociation, the order of
     * AWS's registration guide for the CLI. A number associated after completion (10DLC) is
     * requested with the registration id (RequestPhoneNumber's RegistrationId, as the console's
     * own AWS flow does); public sources differ on whether that alone associates it
     * (aws-samples' 10DLC automation requests without it and then calls
     * CreateRegistrationAssociation), so the association is checked and created when missing.
     *
     * @param clientToken from {@link #numberRequestToken}; the same token never buys two numbers
     */
    public AccountNumber requestNumber(String registrationId, SupportedAssociation association, String messageType, String clientToken) {
        if (!association.requestable()) {
            throw new IllegalArgumentException("AWS does not sell " + association.label() + "s through RequestPhoneNumber.");
        }
        if (!List.of("TRANSACTIONAL", "PROMOTIONAL").contains(messageType)) {
            throw new IllegalArgumentException("The message type is TRANSACTIONAL or PROMOTIONAL, not " + messageType + ".");
        }
        String country = association.isoCountryCode() == null ? "US" : association.isoCountryCode();
        if (association.afterComplete()) {
            Registration r = gateway.registration(registrationId).orElseThrow(() -> new IllegalArgumentException(
                    "AWS does not know registration " + registrationId + "."));
            if (!r.complete()) {
                throw new MissingAssociationException("A " + association.label() + " is requested once the registration is complete; "
                        + registrationId + " is " + r.status() + ".");
            }
        }
        AccountNumber number = audited("RequestPhoneNumber", registrationId,
                () -> gateway.requestNumber(association.resourceType(), country, messageType, association.afterComplete() ? registrationId : null,
                        clientToken),
                c -> c.value().phoneNumber() + " " + c.value().id() + " " + c.value().status() + ", USD "
                        + Optional.ofNullable(c.value().monthlyLeasingPrice()).orElse("?") + " a month, client token " + clientToken).value();
        boolean associated = gateway.associations(registrationId).stream().anyMatch(a -> a.resourceId().equals(number.id())
                || a.resourceArn().equals(number.arn()));
        if (!associated) {
            associate(registrationId, number.id());
        }
        return number;
    }

    /** Associates an existing resource (a number of the account, a brand registration) with a registration. */
    public Association associate(String registrationId, String resourceId) {
        try {
            return audited("CreateRegistrationAssociation", registrationId, () -> gateway.associate(registrationId, resourceId),
                    c -> c.value().resourceType() + " " + c.value().resourceId()
                            + (c.value().phoneNumber() == null ? "" : " " + c.value().phoneNumber())).value();
        } catch (AwsCallException e) {
            if (e.isReason("RESOURCE_ALREADY_ASSOCIATED")) {
                Optional<Association> held = gateway.associations(registrationId).stream()
                        .filter(a -> a.resourceId().equals(resourceId) || a.resourceArn().endsWith("/" + resourceId)).findFirst();
                if (held.isPresent()) {
                    return held.get();
                }
                throw e.withUserMessage(resourceId + " is already associated with another registration.");
            }
            throw e;
        }
    }

    /** Complete registrations that an association of a type may point at (for a 10DLC campaign: the approved brands). */
    public List<Registration> registrationsToAssociate(RegistrationType type, SupportedAssociation association) {
        if (!association.registration()) {
            return List.of();
        }
        return gateway.registrations("COMPLETE", type.associatedRegistrationType(association).orElse(null)).stream()
                .filter(r -> !r.type().equals(type.type()))
                .sorted(Comparator.comparing(Registration::createdAt).reversed())
                .toList();
    }

    // --- submit and versions ---

    /**
     * Submits the newest draft version after checking that AWS holds every required field and
     * every association the type requires before submit.
     *
     * @throws InvalidFormException naming what is missing or wrong; nothing is sent
     * @throws MissingAssociationException naming the association to make first; nothing is sent
     */
    public void submit(String id, RegistrationForm form) {
        Map<String, String> problems = form.problems(formValues(id));
        if (!problems.isEmpty()) {
            throw new InvalidFormException(problems, form);
        }
        RegistrationType type = form.type();
        List<Association> held = type.beforeSubmit().isEmpty() ? List.of() : gateway.associations(id);
        for (SupportedAssociation needed : type.beforeSubmit()) {
            if (held.stream().noneMatch(a -> a.fills(needed))) {
                String what = needed.registration() ? "an approved brand registration" : "a " + needed.label();
                throw new MissingAssociationException("Not submitted: associate " + what + " first. " + type.title()
                        + " needs it before submit (ASSOCIATE_BEFORE_SUBMIT in its definition).");
            }
        }
        audited("SubmitRegistrationVersion", id, () -> gateway.submit(id), RegistrationGateway.Called::value, e -> explainSubmit(e, type));
    }

    /**
     * AWS's refusal of a submit in words. SUBMIT_REGISTRATION_VERSION_NOT_ALLOWED is also what a
     * draft without its before-submit association can get, so the generic "only a draft version"
     * text would mislead: AWS's own message is shown, with the type's associations as the hint.
     */
    private static AwsCallException explainSubmit(AwsCallException e, RegistrationType type) {
        if (e.isReason("INVALID_REGISTRATION_ASSOCIATION") || e.isReason("SUBMIT_REGISTRATION_VERSION_NOT_ALLOWED")) {
            return e.withUserMessage("AWS refused the submit: " + Optional.ofNullable(e.awsMessage()).filter(m -> !m.isBlank())
                    .orElse(e.errorCode()) + (type.beforeSubmit().isEmpty() ? "" : " " + type.title() + " needs "
                            + String.join(" and ", type.beforeSubmit().stream().map(SupportedAssociation::label).toList())
                            + " associated before submit."));
        }
        return e;
    }

    /**
     * A new draft version to fix and resubmit, made whole: public sources disagree on whether
     * CreateRegistrationVersion copies the previous version's field values (one real account's
     * script saw an empty draft and re-put every field; others saw the values inherited; see the
     * shared API reference §4.1), so after creating it the console compares what AWS holds in the
     * new draft with the version it replaces and writes what is missing ({@link #refill}).
     */
    public Refill createVersion(String id, RegistrationForm form, Progress progress) {
        audited("CreateRegistrationVersion", id, () -> gateway.createVersion(id), c -> "version " + c.value() + " DRAFT");
        return refill(id, form, progress);
    }

    /**
     * Makes the newest draft whole from the version before it (the newest earlier version not
     * discarded: the denied or the approved one): writes each value that version held and the
     * draft lacks, with progress. A value the draft already holds is kept (it may be the admin's
     * correction), so this also resumes a refill that stopped half-way.
     *
     * @throws IllegalArgumentException when the newest version is not a draft or there is nothing before it
     */
    public Refill refill(String id, RegistrationForm form, Progress progress) {
        List<RegistrationVersion> versions = gateway.versions(id);
        if (versions.isEmpty() || !versions.getFirst().draft()) {
            throw new IllegalArgumentException("The newest version of " + id + " is not a draft.");
        }
        RegistrationVersion draftVersion = versions.getFirst();
        RegistrationVersion base = versions.stream().skip(1).filter(v -> !"DISCARDED".equals(v.status())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(id + " has no earlier version to copy from."));
        Map<String, Object> wanted = values(gateway.fieldValues(id, base.number()));
        Map<String, Object> held = values(gateway.fieldValues(id, draftVersion.number()));
        List<FieldDefinition> missing = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int heldByAws = 0;
        for (Map.Entry<String, Object> e : wanted.entrySet()) {
            Optional<FieldDefinition> field = form.field(e.getKey());
            if (field.isEmpty()) {
                skipped.add(e.getKey());
            } else if (normalized(held.get(e.getKey())) != null) {
                heldByAws++;
            } else if (normalized(e.getValue()) != null) {
                missing.add(field.get());
            }
        }
        write(id, missing, wanted, progress, false);
        return new Refill(draftVersion.number(), base.number(), heldByAws, missing.size(), List.copyOf(skipped));
    }

    public void discardDraft(String id) {
        audited("DiscardRegistrationVersion", id, () -> gateway.discard(id), RegistrationGateway.Called::value);
    }

    public void delete(String id) {
        audited("DeleteRegistration", id, () -> gateway.delete(id), c -> "status " + c.value());
    }

    private <T> RegistrationGateway.Called<T> audited(String action, String target, Supplier<RegistrationGateway.Called<T>> call,
            Function<RegistrationGateway.Called<T>, String> detail) {
        return audited(action, target, call, detail, e -> e);
    }

    private <T> RegistrationGateway.Called<T> audited(String action, String target, Supplier<RegistrationGateway.Called<T>> call,
            Function<RegistrationGateway.Called<T>, String> detail, UnaryOperator<AwsCallException> explain) {
        return audit.awsChange(action, target, call, RegistrationGateway.Called::requestId, detail::apply, explain);
    }
}
