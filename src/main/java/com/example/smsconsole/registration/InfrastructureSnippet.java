package com.example.smsconsole.registration;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The lines for the environment's {@code infra/<APP_NAME>/app-config/<environment>.tf} that fit a
 * complete registration, with the variable names of infra/'s app-config: {@code sms_number_type},
 * {@code sms_sender_phone_number_registration_id} (the infrastructure requests a number with this
 * registration id) and {@code sms_sender_phone_number_id} (it adopts this existing number into the
 * pool instead of requesting one).
 *
 * <ul>
 *   <li>A type whose number is associated before submit (US toll-free) already holds its number: the
 *       snippet names it for adoption; requesting another with the registration id would buy a
 *       second number.</li>
 *   <li>A type whose numbers are associated after completion (a 10DLC campaign) gives its
 *       registration id to request the number with, or the number the console already requested.</li>
 *   <li>Anything else (a 10DLC brand or vetting, sender ids, other countries) cannot be expressed in
 *       infra/, whose number is a US {@code TOLL_FREE}, {@code TEN_DLC}, {@code LONG_CODE} or
 *       {@code SIMULATOR} number: the snippet says so instead of guessing.</li>
 * </ul>
 *
 * @param text the lines to paste; null when the registration cannot be expressed (yet)
 * @param explanation what the lines do, or why there are none
 */
public record InfrastructureSnippet(@Nullable String text, String explanation) {

    /** The number types infra/'s sms-notifications module accepts besides SIMULATOR (its variables.tf validation). */
    static final Set<String> INFRA_NUMBER_TYPES = Set.of("TOLL_FREE", "TEN_DLC", "LONG_CODE");

    public static InfrastructureSnippet of(RegistrationType type, Registration registration, List<Association> associations) {
        if (!registration.complete()) {
            return new InfrastructureSnippet(null, "The lines for the infrastructure appear once the registration is complete.");
        }
        Optional<SupportedAssociation> number = type.numberAssociation();
        if (number.isEmpty() || !INFRA_NUMBER_TYPES.contains(number.get().resourceType())
                || !"US".equals(number.get().isoCountryCode())) {
            String why = type.type().equals(RegistrationType.US_TEN_DLC_BRAND) || type.type().equals(RegistrationType.US_TEN_DLC_BRAND_VETTING)
                    ? "A 10DLC brand does not send by itself: register a 10DLC campaign for it; the campaign's registration goes into the infrastructure."
                    : type.title() + " (" + type.type() + ") cannot be expressed in infra/: its module sends from one US toll-free, 10DLC or "
                            + "long code number" + number.map(n -> ", and this type registers " + article(n.label()) + " "
                            + n.label() + (n.isoCountryCode() == null ? "" : " in " + n.isoCountryCode())).orElse(", and this type registers no number")
                            + ". Configure its sender outside infra/.";
            return new InfrastructureSnippet(null, why);
        }
        SupportedAssociation n = number.get();
        Optional<Association> held = associations.stream().filter(a -> a.kind() == Association.Kind.PHONE_NUMBER).findFirst();
        if (held.isPresent()) {
            Association a = held.get();
            String text = "sms_number_type                         = \"" + n.resourceType() + "\"\n"
                    + "sms_sender_phone_number_id              = \"" + a.resourceId() + "\" # " + a.resourceArn() + "\n"
                    + "sms_sender_phone_number_registration_id = null # the number above is already tied to " + registration.id() + "\n";
            return new InfrastructureSnippet(text, "Registration " + registration.id() + " holds "
                    + Optional.ofNullable(a.phoneNumber()).orElse(a.resourceId()) + " (" + a.resourceArn() + "): the infrastructure adopts "
                    + "this number into the pool instead of requesting a second one.");
        }
        if (n.beforeSubmit()) {
            return new InfrastructureSnippet(null, "AWS lists no number associated with " + registration.id()
                    + ", although this type holds its number from before submit: check the associated resources before configuring the infrastructure.");
        }
        String text = "sms_number_type                         = \"" + n.resourceType() + "\"\n"
                + "sms_sender_phone_number_registration_id = \"" + registration.id() + "\"\n"
                + "sms_sender_phone_number_id              = null\n";
        return new InfrastructureSnippet(text, "The infrastructure requests " + article(n.label()) + " " + n.label()
                + " with registration id " + registration.id() + " and adds it to the pool.");
    }

    private static String article(String what) {
        return "aeiou".indexOf(Character.toLowerCase(what.charAt(0))) >= 0 ? "an" : "a";
    }
}
