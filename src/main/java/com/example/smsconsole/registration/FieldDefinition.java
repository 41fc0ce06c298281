package com.example.smsconsole.registration;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A field of a registration form from DescribeRegistrationFieldDefinitions.
 *
 * @param fieldType {@code TEXT}, {@code SELECT}, {@code ATTACHMENT} (raw)
 * @param requirement {@code REQUIRED}, {@code CONDITIONAL}, {@code OPTIONAL} (raw)
 */
public record FieldDefinition(String sectionPath, String fieldPath, String fieldType, String requirement, int minChoices, int maxChoices,
        List<String> options, Map<String, String> optionTitles, @Nullable Integer minLength, @Nullable Integer maxLength,
        @Nullable String pattern, String title, @Nullable String shortDescription, @Nullable String longDescription,
        @Nullable String example, @Nullable String validationDescription) {

    public boolean required() {
        return "REQUIRED".equals(requirement);
    }

    public boolean text() {
        return "TEXT".equals(fieldType);
    }

    public boolean select() {
        return "SELECT".equals(fieldType);
    }

    public boolean attachment() {
        return "ATTACHMENT".equals(fieldType);
    }

    /** The field's name within its section ({@code companyName} of {@code companyInfo.companyName}). */
    public String name() {
        return fieldPath.startsWith(sectionPath + ".") ? fieldPath.substring(sectionPath.length() + 1) : fieldPath;
    }
}
