package com.example.smsconsole.registration;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    public boolean denied() {
        return "DENIED".equals(status);
    }

    /**
     * The denied version the admin is fixing, of versions newest first: the newest version when it
     * is denied, or the one just before a newest draft (discarded versions skipped). Empty once a
     * later version is submitted or approved: its denial is history then, not the current state.
     */
    public static Optional<RegistrationVersion> beingFixed(List<RegistrationVersion> newestFirst) {
        List<RegistrationVersion> kept = newestFirst.stream().filter(v -> !"DISCARDED".equals(v.status())).toList();
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        if (kept.getFirst().denied()) {
            return Optional.of(kept.getFirst());
        }
        if (kept.getFirst().draft() && kept.size() > 1 && kept.get(1).denied()) {
            return Optional.of(kept.get(1));
        }
        return Optional.empty();
    }
}
