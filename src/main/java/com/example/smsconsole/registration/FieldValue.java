package com.example.smsconsole.registration;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A field's value in one registration version, as AWS holds it, with a denial reason that points at it. */
public record FieldValue(String fieldPath, List<String> selectChoices, @Nullable String textValue, @Nullable String attachmentId,
        @Nullable String deniedReason, @Nullable String feedback) {

    /** The value as shown to people: the text, the choices, or the attachment id. */
    public String display() {
        if (textValue != null) {
            return textValue;
        }
        if (!selectChoices.isEmpty()) {
            return String.join(", ", selectChoices);
        }
        return attachmentId == null ? "" : "attachment " + attachmentId;
    }
}
