package com.example.smsconsole.registration.ui;

import com.example.smsconsole.common.ui.StatusBadge;

/** Badges for registration and version statuses; unknown (newer) statuses show by their raw name. */
final class RegistrationBadges {

    private RegistrationBadges() {
    }

    static StatusBadge status(String status) {
        StatusBadge.Tone tone = switch (status) {
            case "COMPLETE", "APPROVED" -> StatusBadge.Tone.SUCCESS;
            case "REQUIRES_UPDATES", "DENIED", "REVOKED", "CLOSED" -> StatusBadge.Tone.ERROR;
            case "SUBMITTED", "AWS_REVIEWING", "REVIEWING", "PROVISIONING", "REQUIRES_AUTHENTICATION", "REQUIRES_OFFLINE_REVIEW" ->
                    StatusBadge.Tone.PENDING;
            case "CREATED", "DRAFT" -> StatusBadge.Tone.WARNING;
            default -> StatusBadge.Tone.NEUTRAL;
        };
        return new StatusBadge(status, tone);
    }
}
