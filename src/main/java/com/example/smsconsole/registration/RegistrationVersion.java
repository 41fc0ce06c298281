package com.example.smsconsole.registration;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A version of a registration with its status history.
 *
 * @param status the raw status string
 * @param history status → when it was reached, in order
 */
public record RegistrationVersion(long number, String status, Map<String, Instant> history, List<DeniedReason> deniedReasons,
        @Nullable String feedback) {

    /** Why AWS denied a version, and which field it points at when it says. */
    public record DeniedReason(String reason, String shortDescription, @Nullable String longDescription, @Nullable String documentationTitle,
            @Nullable String documentationLink) {
    }

    public boolean draft() {
        return "DRAFT".equals(status);
    }
}
