package com.example.smsconsole.registration;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A registration type from DescribeRegistrationTypeDefinitions, with its display hints and supported associations. */
public record RegistrationType(String type, String title, @Nullable String shortDescription, @Nullable String longDescription,
        @Nullable String documentationLink, List<SupportedAssociation> associations) {

    public static final String US_TOLL_FREE = "US_TOLL_FREE_REGISTRATION";
    public static final String US_TEN_DLC_BRAND = "US_TEN_DLC_BRAND_REGISTRATION";
    public static final String US_TEN_DLC_BRAND_VETTING = "US_TEN_DLC_BRAND_VETTING";
    public static final String US_TEN_DLC_CAMPAIGN = "US_TEN_DLC_CAMPAIGN_REGISTRATION";

    /** A type known only by its name (AWS did not describe it). */
    public static RegistrationType unknown(String type) {
        return new RegistrationType(type, type, null, null, null, List.of());
    }

    public boolean us() {
        return type.startsWith("US_");
    }

    /** The associations needed before submit, in the definition's order. */
    public List<SupportedAssociation> beforeSubmit() {
        return associations.stream().filter(SupportedAssociation::beforeSubmit).toList();
    }

    /** The phone number association of this type (the number it registers), if it has one. */
    public Optional<SupportedAssociation> numberAssociation() {
        return associations.stream().filter(SupportedAssociation::phoneNumber).findFirst();
    }

    /**
     * The registration type a registration association points at. AWS's definition names only a
     * resource type; the 10DLC campaign and vetting types are associated with their brand
     * (aws-samples/sample-sms-10dlc-registration-automation, documentation/10dlc-programmatic-registration-guide.md).
     */
    public Optional<String> associatedRegistrationType(SupportedAssociation association) {
        if (!association.registration()) {
            return Optional.empty();
        }
        if (association.resourceType().endsWith("_REGISTRATION")) {
            return Optional.of(association.resourceType());
        }
        return switch (type) {
            case US_TEN_DLC_CAMPAIGN, US_TEN_DLC_BRAND_VETTING -> Optional.of(US_TEN_DLC_BRAND);
            default -> Optional.empty();
        };
    }
}
