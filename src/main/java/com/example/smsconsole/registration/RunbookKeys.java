package com.example.smsconsole.registration;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The keys of the runbook's flat {@code registration-details.json} (the seed platform's
 * docs/infra/sms-notifications.md passes it to a {@code create-registration --additional-information}
 * option that does not exist) and the form fields with the same meaning. A key maps to the first
 * of its field paths that the form has; keys without an equivalent say why. The field paths come
 * from AWS's toll-free registration form (user guide "registrations-tfn-register") and the 10DLC
 * field reference of aws-samples/sample-sms-10dlc-registration-automation.
 */
final class RunbookKeys {

    /** Field paths with the same meaning, in order of preference, or why there is none. */
    record Mapping(List<String> fieldPaths, @Nullable String noEquivalent) {
    }

    private static final Map<String, Mapping> KEYS = Map.ofEntries(
            Map.entry("companyname", new Mapping(List.of("companyInfo.companyName"), null)),
            Map.entry("website", new Mapping(List.of("companyInfo.website", "contactInfo.website"), null)),
            Map.entry("businesscontactfirstname", new Mapping(List.of("contactInfo.firstName"), null)),
            Map.entry("businesscontactlastname", new Mapping(List.of("contactInfo.lastName"), null)),
            Map.entry("businesscontactemail", new Mapping(List.of("companyInfo.businessContactEmail"),
                    "the form asks for a support e-mail address only (SupportEmail)")),
            Map.entry("businesscontactphone", new Mapping(List.of(),
                    "the form asks for a support phone number only (SupportPhone)")),
            Map.entry("businessaddress", new Mapping(List.of(),
                    "the form keeps the address in separate fields; write the street, city, state, postal code and country into them")),
            Map.entry("supportemail", new Mapping(List.of("contactInfo.supportEmail"), null)),
            Map.entry("supportphone", new Mapping(List.of("contactInfo.supportPhoneNumber"), null)),
            Map.entry("usecasedescription", new Mapping(List.of("messagingUseCase.useCaseDetails", "campaignInfo.campaignName"), null)),
            Map.entry("monthlyvolume", new Mapping(List.of("messagingUseCase.monthlyMessageVolume"), null)),
            Map.entry("optinprocess", new Mapping(List.of("messagingUseCase.optInDescription", "campaignInfo.optInWorkflow"), null)));

    private RunbookKeys() {
    }

    static Optional<Mapping> of(String key) {
        return Optional.ofNullable(KEYS.get(key.toLowerCase(Locale.ROOT)));
    }

    /**
     * A choice given as a number ({@code "MonthlyVolume": 1000}) as the option with the same
     * number ({@code "1,000"}), or empty when no option has it.
     */
    static Optional<String> numericChoice(FieldDefinition field, String value) {
        String digits = value.replace(",", "").strip();
        if (!digits.matches("[0-9]+")) {
            return Optional.empty();
        }
        return field.options().stream().filter(o -> o.replace(",", "").replace("+", "").strip().equals(digits)).findFirst();
    }
}
