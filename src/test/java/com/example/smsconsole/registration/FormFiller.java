package com.example.smsconsole.registration;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Valid values for every required field of a form, as an admin would type them. */
public final class FormFiller {

    /** A 1×1 PNG (the smallest valid image), for required attachment fields such as the toll-free opt-in image. */
    public static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private FormFiller() {
    }

    /** The required text and select fields (attachment fields are left out). */
    public static Map<String, Object> requiredValues(RegistrationForm form, String companyName) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (FieldDefinition field : form.fields()) {
            if (!field.required() || field.attachment()) {
                continue;
            }
            values.put(field.fieldPath(), value(field, companyName));
        }
        return values;
    }

    /**
     * Every required field and every conditional one (the conditions are prose in the definition, for
     * example "required unless the business type is SOLE_PROPRIETOR"; the values below meet them), the
     * attachments uploaded through the service (CreateRegistrationAttachment).
     */
    public static Map<String, Object> requiredValues(RegistrationForm form, String companyName, RegistrationService service) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (FieldDefinition field : form.fields()) {
            if (!needed(field)) {
                continue;
            }
            values.put(field.fieldPath(), field.attachment() ? service.uploadAttachment("opt-in.png", PNG) : value(field, companyName));
        }
        return values;
    }

    /** Required, or conditional (filled as an admin of a private for-profit company would). */
    public static boolean needed(FieldDefinition field) {
        return field.required() || "CONDITIONAL".equals(field.requirement());
    }

    /** What the form's check says about a value of a field (empty when it passes). */
    public static String checkOf(RegistrationForm form, String fieldPath, Object value) {
        return RegistrationForm.check(form.field(fieldPath).orElseThrow(), value).orElse("");
    }

    public static Object value(FieldDefinition field, String companyName) {
        if (field.select()) {
            return List.of(field.options().getFirst());
        }
        String path = field.fieldPath().toLowerCase(Locale.ROOT);
        String candidate;
        if (path.contains("phone")) {
            candidate = "+12065550100";
        } else if (path.contains("email")) {
            candidate = "support@example.com";
        } else if (path.endsWith("url") || path.endsWith("link") || path.endsWith("website")) {
            candidate = "https://www.example.com/" + field.name().toLowerCase(Locale.ROOT);
        } else if (path.endsWith("companyname")) {
            candidate = companyName;
        } else if (field.example() != null) {
            candidate = field.example();
        } else {
            candidate = "Example value for " + field.title();
        }
        if (RegistrationForm.check(field, candidate).isPresent()) {
            String filler = "Example Corp sends account notifications to customers who opted in on the website. Reply STOP to opt out.";
            candidate = filler.substring(0, Math.min(filler.length(), field.maxLength() == null ? filler.length() : field.maxLength()));
            while (field.minLength() != null && candidate.length() < field.minLength()) {
                candidate = candidate + " " + filler;
            }
        }
        return candidate;
    }
}
