package com.example.smsconsole.registration;

import com.example.smsconsole.audit.AuditService;
import com.example.smsconsole.aws.AwsCallException;
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
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Registrations through the real API flow: the types and their generated forms, drafts saved as
 * CreateRegistration (with a client token) and one PutRegistrationFieldValue per changed field,
 * attachments, submit, new versions, discard and delete. A save that stops half-way resumes from
 * what AWS holds without creating a second registration. Every call that changes state is audited.
 */
@Service
public class RegistrationService {

    /** Largest attachment AWS accepts (1 MiB per the model; the user guide says 500 KB for some types). */
    public static final int MAX_ATTACHMENT_BYTES = 1024 * 1024;

    /**
     * One editing session of a registration: its type, the client token that makes the create
     * idempotent, and the registration id once AWS created it.
     */
    public static final class Draft {
        private final String type;
        private final String clientToken;
        private @Nullable String registrationId;

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
    }

    /** Progress of a save: fields written so far of those to write, and the one being written. */
    public interface Progress {
        void update(int done, int total, String fieldPath);
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

    public RegistrationForm form(String type) {
        RegistrationType definition = gateway.types().stream().filter(t -> t.type().equals(type)).findFirst()
                .orElseGet(() -> new RegistrationType(type, type, null, null, null));
        return new RegistrationForm(definition, gateway.sections(type), gateway.fields(type));
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
        Map<String, Object> values = new LinkedHashMap<>();
        for (FieldValue v : gateway.fieldValues(id, null)) {
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
     * Writes the draft to AWS: creates the registration the first time (the client token makes a
     * retried create return the same registration), then writes each field whose value differs
     * from what AWS holds and deletes those cleared. Values that fail their field's check are
     * refused before anything is sent; required fields may still be empty in a draft.
     *
     * @return the registration id
     * @throws IllegalArgumentException naming the fields with a problem; nothing is sent
     */
    public String saveDraft(Draft draft, RegistrationForm form, Map<String, Object> values, Progress progress) {
        Map<String, String> problems = new LinkedHashMap<>(form.problems(values));
        problems.values().removeIf("Required."::equals);
        if (!problems.isEmpty()) {
            throw new InvalidFormException(problems);
        }
        if (draft.registrationId == null) {
            Registration created = audited("CreateRegistration", draft.type, () -> gateway.create(draft.type, draft.clientToken),
                    c -> c.value().id() + " (" + c.value().status() + ")").value();
            draft.registrationId = created.id();
        }
        String id = Objects.requireNonNull(draft.registrationId);
        Map<String, Object> held = formValues(id);
        List<FieldDefinition> changed = new ArrayList<>();
        for (FieldDefinition field : form.fields()) {
            Object wanted = normalized(values.get(field.fieldPath()));
            Object current = normalized(held.get(field.fieldPath()));
            if (!Objects.equals(wanted, current)) {
                changed.add(field);
            }
        }
        int done = 0;
        for (FieldDefinition field : changed) {
            progress.update(done, changed.size(), field.fieldPath());
            Object wanted = normalized(values.get(field.fieldPath()));
            String target = id + " " + field.fieldPath();
            if (wanted == null) {
                audited("DeleteRegistrationFieldValue", target, () -> gateway.deleteValue(id, field.fieldPath()), c -> "cleared");
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
        progress.update(done, changed.size(), "");
        return id;
    }

    private static @Nullable Object normalized(@Nullable Object value) {
        if (value == null || (value instanceof String s && s.isEmpty()) || (value instanceof List<?> l && l.isEmpty())) {
            return null;
        }
        return value instanceof List<?> l ? List.copyOf(l) : value;
    }

    /** Fields with a problem, by field path, and a message naming them. */
    public static final class InvalidFormException extends IllegalArgumentException {
        private final Map<String, String> problems;

        public InvalidFormException(Map<String, String> problems) {
            super("Correct " + problems.size() + (problems.size() == 1 ? " field: " : " fields: ") + String.join(", ", problems.keySet()) + ".");
            this.problems = Map.copyOf(problems);
        }

        public Map<String, String> problems() {
            return problems;
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
        if (body.length == 0 || body.length > MAX_ATTACHMENT_BYTES) {
            throw new IllegalArgumentException(fileName + " is " + body.length / 1024 + " KB; attachments are 1 byte to 1 MB.");
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

    /**
     * Submits the newest draft version after checking that AWS holds every required field.
     *
     * @throws InvalidFormException naming what is missing or wrong; nothing is sent
     */
    public void submit(String id, RegistrationForm form) {
        Map<String, String> problems = form.problems(formValues(id));
        if (!problems.isEmpty()) {
            throw new InvalidFormException(problems);
        }
        audited("SubmitRegistrationVersion", id, () -> gateway.submit(id), RegistrationGateway.Called::value);
    }

    /** A new draft version (copying the values of the previous one) to fix and resubmit. */
    public void createVersion(String id) {
        audited("CreateRegistrationVersion", id, () -> gateway.createVersion(id), RegistrationGateway.Called::value);
    }

    public void discardDraft(String id) {
        audited("DiscardRegistrationVersion", id, () -> gateway.discard(id), RegistrationGateway.Called::value);
    }

    public void delete(String id) {
        audited("DeleteRegistration", id, () -> gateway.delete(id), c -> "status " + c.value());
    }

    /** The lines for the infrastructure configuration of a complete registration. */
    public static Optional<String> infrastructureSnippet(Registration registration) {
        if (!registration.complete()) {
            return Optional.empty();
        }
        String numberType = switch (registration.type()) {
            case "US_TOLL_FREE_REGISTRATION" -> "TOLL_FREE";
            case "US_TEN_DLC_BRAND_REGISTRATION", "US_TEN_DLC_CAMPAIGN_REGISTRATION", "US_TEN_DLC_BRAND_VETTING" -> "TEN_DLC";
            default -> registration.type().contains("SHORT_CODE") ? "SHORT_CODE" : "LONG_CODE";
        };
        return Optional.of("sms_sender_phone_number_registration_id = \"" + registration.id() + "\"\n"
                + "sms_number_type = \"" + numberType + "\"\n");
    }

    private <T> RegistrationGateway.Called<T> audited(String action, String target, Supplier<RegistrationGateway.Called<T>> call,
            Function<RegistrationGateway.Called<T>, String> detail) {
        return audit.awsChange(action, target, call, RegistrationGateway.Called::requestId, detail::apply, e -> e);
    }
}
