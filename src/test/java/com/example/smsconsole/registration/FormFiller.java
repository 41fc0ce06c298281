package com.example.smsconsole.registration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Valid values for every required field of a form, as an admin would type them. */
public final class FormFiller {

    private FormFiller() {
    }

    public static Map<String, Object> requiredValues(RegistrationForm form, String companyName) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (FieldDefinition field : form.fields()) {
            if (!field.required()) {
                continue;
            }
            values.put(field.fieldPath(), value(field, companyName));
        }
        return values;
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
