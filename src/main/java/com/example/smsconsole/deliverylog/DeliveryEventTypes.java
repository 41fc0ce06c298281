package com.example.smsconsole.deliverylog;

import java.util.List;
import java.util.Set;

/**
 * The SMS event types AWS writes to an event destination, and how the console groups them. Types
 * not listed here (newer than the console) are still stored and shown by name.
 */
public final class DeliveryEventTypes {

    public static final String QUEUED = "TEXT_QUEUED";
    public static final String PENDING = "TEXT_PENDING";
    public static final String SUCCESSFUL = "TEXT_SUCCESSFUL";
    public static final String DELIVERED = "TEXT_DELIVERED";

    /** Every documented text event type, in the order a message goes through them. */
    public static final List<String> ALL = List.of(QUEUED, PENDING, SUCCESSFUL, DELIVERED, "TEXT_BLOCKED", "TEXT_CARRIER_BLOCKED",
            "TEXT_SPAM", "TEXT_INVALID", "TEXT_INVALID_MESSAGE", "TEXT_UNREACHABLE", "TEXT_CARRIER_UNREACHABLE", "TEXT_TTL_EXPIRED",
            "TEXT_UNKNOWN", "TEXT_PROTECT_BLOCKED");

    private static final Set<String> IN_PROGRESS = Set.of(QUEUED, PENDING);
    private static final Set<String> SUCCESS = Set.of(SUCCESSFUL, DELIVERED);

    private DeliveryEventTypes() {
    }

    /** Delivered or accepted by the carrier. */
    public static boolean isSuccess(String type) {
        return SUCCESS.contains(type);
    }

    /** Not yet decided. */
    public static boolean isInProgress(String type) {
        return IN_PROGRESS.contains(type);
    }

    /** A failure type (everything else, including types newer than the console). */
    public static boolean isFailure(String type) {
        return !isSuccess(type) && !isInProgress(type);
    }
}
