package com.example.smsconsole.common;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.Locale;
import java.util.Optional;

/**
 * A destination or origination phone number in E.164 form ({@code +14254147755}), checked with
 * libphonenumber. Spaces, dashes, dots and brackets typed by a user are accepted and dropped; the
 * leading {@code +} and country code are required. AWS's destination simulator numbers are accepted
 * even where libphonenumber's numbering plan has no such range (Norway's {@code +4759449384} is in
 * AWS's table, and libphonenumber knows no Norwegian number beginning 59): AWS delivers to them, so
 * refusing them would stop a tester before AWS is asked.
 */
public record PhoneNumber(String e164, String regionCode) {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    /** Why a text is not an E.164 number, in words for the field's error message. */
    public static final class InvalidPhoneNumberException extends IllegalArgumentException {

        public InvalidPhoneNumberException(String message) {
            super(message);
        }
    }

    public PhoneNumber {
        if (!e164.matches("\\+[1-9][0-9]{1,14}")) {
            throw new InvalidPhoneNumberException("Not an E.164 number: " + e164);
        }
    }

    /**
     * Parses what a user typed.
     *
     * @throws InvalidPhoneNumberException with a message fit to show at the field
     */
    public static PhoneNumber parse(String input) {
        String text = input == null ? "" : input.strip();
        if (text.isEmpty()) {
            throw new InvalidPhoneNumberException("Enter a phone number in E.164 form, for example +14254147755.");
        }
        String compact = text.replaceAll("[\\s().\\-]", "");
        if (compact.startsWith("00")) {
            compact = "+" + compact.substring(2);
        }
        if (!compact.startsWith("+")) {
            throw new InvalidPhoneNumberException("Start with + and the country code, for example +14254147755.");
        }
        if (!compact.substring(1).matches("[0-9]+")) {
            throw new InvalidPhoneNumberException("A phone number has only digits after the +.");
        }
        if (compact.length() > 16) {
            throw new InvalidPhoneNumberException("Too long: E.164 numbers have at most 15 digits.");
        }
        Phonenumber.PhoneNumber parsed;
        try {
            parsed = UTIL.parse(compact, null);
        } catch (NumberParseException e) {
            throw new InvalidPhoneNumberException(switch (e.getErrorType()) {
                case INVALID_COUNTRY_CODE -> "Unknown country code: no country's code begins " + compact.substring(0, Math.min(4, compact.length()))
                        + ". After the + comes the country code, such as 1 or 44.";
                case TOO_SHORT_NSN, TOO_SHORT_AFTER_IDD -> "Too short for a phone number.";
                case TOO_LONG -> "Too long for a phone number.";
                default -> "Not a phone number.";
            });
        }
        String region = UTIL.getRegionCodeForNumber(parsed);
        if (SimulatorNumbers.aws().destination(compact).isPresent() && !UTIL.isValidNumber(parsed)) {
            return new PhoneNumber(compact, region != null ? region : UTIL.getRegionCodeForCountryCode(parsed.getCountryCode()));
        }
        if (!UTIL.isValidNumber(parsed) || region == null) {
            throw new InvalidPhoneNumberException(whyInvalid(parsed));
        }
        return new PhoneNumber(UTIL.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164), region);
    }

    /** What is wrong with a number that has a known country code but is not valid there. */
    private static String whyInvalid(Phonenumber.PhoneNumber parsed) {
        String country = UTIL.getRegionCodeForCountryCode(parsed.getCountryCode());
        boolean geographic = !PhoneNumberUtil.REGION_CODE_FOR_NON_GEO_ENTITY.equals(country) && !"ZZ".equals(country);
        String where = geographic ? (parsed.getCountryCode() == 1 ? "a +1 (North American)" : "a " + countryName(country)) + " number"
                : "a number with country code +" + parsed.getCountryCode();
        return switch (UTIL.isPossibleNumberWithReason(parsed)) {
            case TOO_SHORT -> "Too short for " + where + ".";
            case TOO_LONG -> "Too long for " + where + ".";
            case INVALID_COUNTRY_CODE -> "Unknown country code +" + parsed.getCountryCode() + ".";
            default -> "Not " + where + ": no such area code or mobile prefix there.";
        };
    }

    /** The country calling code, {@code 44} for +447860019066. */
    public int callingCode() {
        return tryParseLib(e164).map(Phonenumber.PhoneNumber::getCountryCode).orElse(0);
    }

    private static Optional<Phonenumber.PhoneNumber> tryParseLib(String value) {
        try {
            return Optional.of(UTIL.parse(value, null));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** The number if the text is a valid one, else empty. */
    public static Optional<PhoneNumber> tryParse(String input) {
        try {
            return Optional.of(parse(input));
        } catch (InvalidPhoneNumberException e) {
            return Optional.empty();
        }
    }

    /** "+1 425-414-7755". */
    public String international() {
        try {
            return UTIL.format(UTIL.parse(e164, null), PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
        } catch (NumberParseException e) {
            return e164;
        }
    }

    /** "United States". */
    public String countryName() {
        return countryName(regionCode);
    }

    public static String countryName(String regionCode) {
        String name = Locale.of("", regionCode).getDisplayCountry(Locale.ENGLISH);
        return name.isBlank() ? regionCode : name;
    }

    @Override
    public String toString() {
        return e164;
    }
}
