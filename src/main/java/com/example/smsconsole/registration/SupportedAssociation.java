package com.example.smsconsole.registration;

import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a registration type may be associated with, and when (the type definition's
 * {@code SupportedAssociations}): {@code ASSOCIATE_BEFORE_SUBMIT} (the identity must be associated
 * before SubmitRegistrationVersion, e.g. the US toll-free number), {@code ASSOCIATE_ON_APPROVAL}
 * (AWS provisions it once approved, e.g. sender ids), {@code ASSOCIATE_AFTER_COMPLETE} (associated
 * once the registration is complete, e.g. the numbers of a 10DLC campaign). Source: the botocore
 * model's {@code SupportedAssociation} and {@code RegistrationAssociationBehavior} documentation.
 *
 * @param resourceType a phone number type ({@code TOLL_FREE}, {@code TEN_DLC}, ...), or a
 *        registration for the 10DLC campaign and vetting types; kept raw, it is a plain string in the model
 */
public record SupportedAssociation(String resourceType, @Nullable String isoCountryCode, String associationBehavior,
        String disassociationBehavior) {

    public static final String BEFORE_SUBMIT = "ASSOCIATE_BEFORE_SUBMIT";
    public static final String ON_APPROVAL = "ASSOCIATE_ON_APPROVAL";
    public static final String AFTER_COMPLETE = "ASSOCIATE_AFTER_COMPLETE";

    /** The number types of RequestPhoneNumber and DescribePhoneNumbers (botocore {@code NumberType}, {@code RequestableNumberType}). */
    private static final Set<String> NUMBER_TYPES = Set.of("TOLL_FREE", "TEN_DLC", "LONG_CODE", "SHORT_CODE", "SIMULATOR");
    /** Those a console may request with RequestPhoneNumber ({@code RequestableNumberType}). */
    private static final Set<String> REQUESTABLE = Set.of("TOLL_FREE", "TEN_DLC", "LONG_CODE", "SIMULATOR");

    public boolean beforeSubmit() {
        return BEFORE_SUBMIT.equals(associationBehavior);
    }

    public boolean afterComplete() {
        return AFTER_COMPLETE.equals(associationBehavior);
    }

    public boolean onApproval() {
        return ON_APPROVAL.equals(associationBehavior);
    }

    /** Whether the associated resource is a phone number of {@link #resourceType()}. */
    public boolean phoneNumber() {
        return NUMBER_TYPES.contains(resourceType);
    }

    /** Whether the console can buy such a number with RequestPhoneNumber. */
    public boolean requestable() {
        return REQUESTABLE.contains(resourceType);
    }

    /**
     * Whether the associated resource is another registration (a 10DLC campaign or vetting is
     * associated with its brand). The exact resource type string AWS uses for it was not found in a
     * public dump, so any type naming a registration counts.
     */
    public boolean registration() {
        return resourceType.toUpperCase(Locale.ROOT).contains("REGISTRATION");
    }

    /** "toll-free number", "10DLC number", "brand registration", ... for sentences. */
    public String label() {
        return switch (resourceType) {
            case "TOLL_FREE" -> "toll-free number";
            case "TEN_DLC" -> "10DLC number";
            case "LONG_CODE" -> "long code";
            case "SHORT_CODE" -> "short code";
            case "SIMULATOR" -> "simulator number";
            case "SENDER_ID" -> "sender ID";
            default -> registration() ? "registration" : resourceType.toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }
}
