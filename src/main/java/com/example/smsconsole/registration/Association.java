package com.example.smsconsole.registration;

import org.jspecify.annotations.Nullable;

/**
 * A resource associated with a registration (ListRegistrationAssociations), with its current
 * status read from the resource itself: a phone number's status ({@code PENDING} until its
 * registration is approved, then {@code ACTIVE}) or another registration's status.
 *
 * @param resourceType raw, as AWS returns it
 * @param status null when the resource could not be read
 */
public record Association(String resourceId, String resourceArn, String resourceType, @Nullable String isoCountryCode,
        @Nullable String phoneNumber, @Nullable String status, Kind kind) {

    public enum Kind { PHONE_NUMBER, REGISTRATION, OTHER }

    /** Which kind of resource an ARN names ({@code ...:phone-number/...}, {@code ...:registration/...}). */
    public static Kind kindOf(String resourceArn, String resourceId) {
        if (resourceArn.contains(":phone-number/") || resourceId.startsWith("phone-")) {
            return Kind.PHONE_NUMBER;
        }
        if (resourceArn.contains(":registration/") || resourceId.startsWith("registration-")) {
            return Kind.REGISTRATION;
        }
        return Kind.OTHER;
    }

    /** Whether this association fills the given supported association of a type. */
    public boolean fills(SupportedAssociation supported) {
        if (supported.registration()) {
            return kind == Kind.REGISTRATION;
        }
        if (supported.phoneNumber()) {
            return kind == Kind.PHONE_NUMBER;
        }
        return supported.resourceType().equals(resourceType);
    }
}
