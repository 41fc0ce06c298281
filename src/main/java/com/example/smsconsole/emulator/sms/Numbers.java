package com.example.smsconsole.emulator.sms;

import com.example.smsconsole.emulator.protocol.AwsFault;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Destination numbers as the service judges them: E.164 validity, country, and AWS's simulator
 * destination numbers (one success and one failure number per country).
 */
final class Numbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    /** Simulator destination numbers that succeed, by country. */
    static final Map<String, String> SUCCESS_SIMULATORS = Map.ofEntries(
            Map.entry("+14254147755", "US"), Map.entry("+447860019066", "GB"), Map.entry("+61455944038", "AU"),
            Map.entry("+33755512501", "FR"), Map.entry("+34683783440", "ES"), Map.entry("+43676800442031", "AT"));

    /** Simulator destination numbers that fail, by country. */
    static final Map<String, String> FAILURE_SIMULATORS = Map.ofEntries(
            Map.entry("+14254147167", "US"), Map.entry("+447860019067", "GB"), Map.entry("+61455944039", "AU"),
            Map.entry("+33755512502", "FR"), Map.entry("+34683783442", "ES"), Map.entry("+43676800442032", "AT"));

    private static final Set<String> ALL_SIMULATORS;

    static {
        var all = new java.util.HashSet<String>();
        all.addAll(SUCCESS_SIMULATORS.keySet());
        all.addAll(FAILURE_SIMULATORS.keySet());
        ALL_SIMULATORS = Set.copyOf(all);
    }

    private Numbers() {
    }

    static boolean isSimulator(String e164) {
        return ALL_SIMULATORS.contains(e164);
    }

    static boolean isFailureSimulator(String e164) {
        return FAILURE_SIMULATORS.containsKey(e164);
    }

    /** The ISO country of a valid E.164 number, or null when the number is not valid. */
    static @Nullable String country(String e164) {
        if (isSimulator(e164)) {
            String simulated = SUCCESS_SIMULATORS.getOrDefault(e164, FAILURE_SIMULATORS.get(e164));
            return simulated;
        }
        try {
            Phonenumber.PhoneNumber parsed = UTIL.parse(e164.startsWith("+") ? e164 : "+" + e164, null);
            return UTIL.isValidNumber(parsed) ? UTIL.getRegionCodeForNumber(parsed) : null;
        } catch (NumberParseException e) {
            return null;
        }
    }

    static void requireValid(String e164, String field) {
        if (!e164.startsWith("+") || country(e164) == null) {
            throw AwsFault.validationField("INVALID_PARAMETER", field, e164 + " is not a valid E.164 phone number.");
        }
    }
}
