package com.example.smsconsole.registration;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What deleting a registration does with what is associated with it (ListRegistrationAssociations),
 * by its type's {@code SupportedAssociations[].DisassociationBehavior}. The botocore model's
 * documentation of {@code SupportedAssociation.DisassociationBehavior}:
 * <ul>
 * <li>{@code DISASSOCIATE_ALL_CLOSES_REGISTRATION}: "All origination identities must be disassociated
 * from the registration before the registration can be closed." (the US toll-free number)</li>
 * <li>{@code DISASSOCIATE_ALL_ALLOWS_DELETE_REGISTRATION}: "All origination identities must be
 * disassociated from the registration before the registration can be deleted." (the numbers of a
 * 10DLC campaign; the user guide, registrations-delete: "You have to delete all phone numbers
 * associated with a 10DLC campaign registration before you can delete the 10DLC campaign
 * registration.")</li>
 * <li>{@code DELETE_REGISTRATION_DISASSOCIATES}: "The registration can be deleted and all origination
 * identities will be disassociated." (the brand of a 10DLC campaign or vetting)</li>
 * </ul>
 * Deleting ends a registration as closing does, so the first two both mean: disassociate first. The
 * API has no call that takes a number off a registration; releasing the number does
 * (ReleasePhoneNumber, which "returns an error" while the number has deletion protection or is in a
 * pool, per its documentation).
 *
 * @param mustGoFirst associated resources AWS wants disassociated before the delete
 * @param disassociatedByDelete those AWS disassociates as part of the delete
 * @param unknown those the type definition gives no behaviour for (AWS decides)
 */
public record DeletionCheck(List<Item> mustGoFirst, List<Item> disassociatedByDelete, List<Item> unknown) {

    public static final String CLOSES_REGISTRATION = "DISASSOCIATE_ALL_CLOSES_REGISTRATION";
    public static final String ALLOWS_DELETE = "DISASSOCIATE_ALL_ALLOWS_DELETE_REGISTRATION";
    public static final String DELETE_DISASSOCIATES = "DELETE_REGISTRATION_DISASSOCIATES";

    /** One associated resource with the supported association of the type it fills (null when none does). */
    public record Item(Association association, @Nullable SupportedAssociation supported) {

        public @Nullable String behavior() {
            return supported == null ? null : supported.disassociationBehavior();
        }
    }

    public static DeletionCheck of(RegistrationType type, List<Association> associations) {
        List<Item> items = associations.stream().map(a -> new Item(a, supportFor(type, a))).toList();
        return new DeletionCheck(
                items.stream().filter(i -> CLOSES_REGISTRATION.equals(i.behavior()) || ALLOWS_DELETE.equals(i.behavior())).toList(),
                items.stream().filter(i -> DELETE_DISASSOCIATES.equals(i.behavior())).toList(),
                items.stream().filter(i -> !List.of(CLOSES_REGISTRATION, ALLOWS_DELETE, DELETE_DISASSOCIATES).contains(
                        Objects.requireNonNullElse(i.behavior(), ""))).toList());
    }

    /** Whether AWS can delete the registration now: nothing associated must be disassociated first. */
    public boolean allowed() {
        return mustGoFirst.isEmpty();
    }

    public boolean nothingAssociated() {
        return mustGoFirst.isEmpty() && disassociatedByDelete.isEmpty() && unknown.isEmpty();
    }

    /**
     * The type's supported association an associated resource fills: the one naming its resource
     * type (TOLL_FREE, TEN_DLC, the brand's registration type) and country, else the first of the same
     * kind (a number for a number, a registration for a registration).
     */
    static @Nullable SupportedAssociation supportFor(RegistrationType type, Association a) {
        List<SupportedAssociation> all = type.associations();
        Optional<SupportedAssociation> exact = all.stream().filter(s -> s.resourceType().equals(a.resourceType())
                && (s.isoCountryCode() == null || a.isoCountryCode() == null || s.isoCountryCode().equals(a.isoCountryCode()))).findFirst();
        return exact.or(() -> all.stream().filter(a::fills).findFirst()).orElse(null);
    }
}
