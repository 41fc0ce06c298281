package com.example.smsconsole.emulator.sms;

import com.example.smsconsole.emulator.protocol.AwsFault;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Phone numbers as the emulated service judges them, from its own data rather than a phone
 * library the console also uses: the country of a number by its dialing code
 * ({@code emulator/countries.json}, AWS's country table with its dialing codes, and Canada's NANP area
 * codes), what each country allows (long codes, sender IDs, whether TEXT_SUCCESSFUL is final), and
 * AWS's destination simulator numbers ({@code emulator/simulator-numbers.json}).
 *
 * <p>Validity is the E.164 shape (ITU-T E.164 §6: at most 15 digits after the {@code +}, a known
 * country code) and, for the North American Numbering Plan, its NXX-NXX-XXXX form (NANPA: area
 * code and exchange start with 2-9, area codes N11 are service codes). Lengths within other
 * countries' plans are not judged: AWS's model accepts any {@code \+?[1-9][0-9]{1,18}}.
 */
final class Numbers {

    /** One row of the country table. */
    record Country(String iso, String name, List<String> dialingCodes, boolean longCodes, String senderIds, boolean successIsFinal) {

        boolean senderIdsAllowed() {
            return "YES".equals(senderIds);
        }

        boolean senderIdsNeedRegistration() {
            return "REGISTRATION".equals(senderIds);
        }
    }

    /** A destination simulator number and whether it generates success or failure events. */
    record Simulator(String number, String iso, boolean success) {
    }

    private static final Map<String, Country> BY_ISO = new HashMap<>();
    private static final Map<String, Country> BY_DIALING_CODE = new HashMap<>();
    private static final Set<String> CANADIAN_AREA_CODES = new HashSet<>();
    private static final Map<String, Simulator> SIMULATORS = new HashMap<>();
    private static final int LONGEST_DIALING_CODE;

    static {
        JsonMapper mapper = JsonMapper.builder().build();
        int longest = 0;
        for (JsonNode row : read(mapper, "/emulator/countries.json").path("countries")) {
            List<String> codes = Json.texts(row.path("dialingCodes"));
            var country = new Country(row.path("iso").asString(), row.path("name").asString(), codes,
                    row.path("longCodes").asBoolean(), row.path("senderIds").asString(), row.path("successIsFinal").asBoolean(false));
            BY_ISO.put(country.iso(), country);
            for (String code : codes) {
                BY_DIALING_CODE.putIfAbsent(code, country);
                longest = Math.max(longest, code.length());
            }
            CANADIAN_AREA_CODES.addAll(Json.texts(row.path("nanpAreaCodes")));
        }
        LONGEST_DIALING_CODE = longest;
        for (JsonNode row : read(mapper, "/emulator/simulator-numbers.json").path("destinations")) {
            String iso = row.path("isoCountryCode").asString();
            SIMULATORS.put(row.path("success").asString(), new Simulator(row.path("success").asString(), iso, true));
            SIMULATORS.put(row.path("failure").asString(), new Simulator(row.path("failure").asString(), iso, false));
        }
    }

    private Numbers() {
    }

    private static JsonNode read(JsonMapper mapper, String resource) {
        try (InputStream in = Numbers.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isSimulator(String e164) {
        return SIMULATORS.containsKey(e164);
    }

    static boolean isFailureSimulator(String e164) {
        Simulator simulator = SIMULATORS.get(e164);
        return simulator != null && !simulator.success();
    }

    /** Every destination simulator number (for the emulator's own page and tests). */
    static List<Simulator> simulators() {
        return SIMULATORS.values().stream().sorted(java.util.Comparator.comparing(Simulator::iso).thenComparing(s -> !s.success())).toList();
    }

    static @Nullable Country countryByIso(String iso) {
        return BY_ISO.get(iso);
    }

    /** The ISO country of a valid E.164 number, or null when the number is not valid. */
    static @Nullable String country(String e164) {
        Simulator simulator = SIMULATORS.get(e164);
        if (simulator != null) {
            return simulator.iso();
        }
        if (!e164.startsWith("+")) {
            return null;
        }
        String digits = e164.substring(1);
        if (digits.length() < 7 || digits.length() > 15 || !digits.chars().allMatch(Character::isDigit) || digits.charAt(0) == '0') {
            return null;
        }
        if (digits.charAt(0) == '1') {
            return nanp(digits);
        }
        for (int length = Math.min(LONGEST_DIALING_CODE, digits.length() - 4); length >= 1; length--) {
            Country country = BY_DIALING_CODE.get(digits.substring(0, length));
            if (country != null) {
                return country.iso();
            }
        }
        return null;
    }

    /** NANP: +1 NXX NXX XXXX; the area code names the country (Canada by its list, others by the table, else US). */
    private static @Nullable String nanp(String digits) {
        if (digits.length() != 11) {
            return null;
        }
        String area = digits.substring(1, 4);
        char exchangeStart = digits.charAt(4);
        if (area.charAt(0) < '2' || area.substring(1).equals("11") || exchangeStart < '2') {
            return null;
        }
        if (CANADIAN_AREA_CODES.contains(area)) {
            return "CA";
        }
        Country other = BY_DIALING_CODE.get("1" + area);
        return other != null ? other.iso() : "US";
    }

    static void requireValid(String e164, String field) {
        if (country(e164) == null) {
            throw AwsFault.validationField("INVALID_PARAMETER", field, e164 + " is not a valid E.164 phone number.");
        }
    }

    /** The dialing code of a country ({@code 1} for the NANP countries). */
    static String dialingCode(String iso) {
        Country country = BY_ISO.get(iso);
        if (country == null) {
            throw new IllegalArgumentException("Unknown country " + iso);
        }
        String code = country.dialingCodes().getFirst();
        return code.startsWith("1") ? "1" : code;
    }

    /** Whether TEXT_SUCCESSFUL is the last event for texts to this country (no TEXT_DELIVERED follows). */
    static boolean successIsFinal(String iso) {
        Country country = BY_ISO.get(iso);
        return country != null && country.successIsFinal();
    }

    /** Tiny JSON reading helpers that do not depend on the protocol package. */
    private static final class Json {
        static List<String> texts(JsonNode array) {
            List<String> out = new java.util.ArrayList<>();
            array.forEach(n -> out.add(n.asString()));
            return out;
        }
    }
}
