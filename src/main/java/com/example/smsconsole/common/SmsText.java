package com.example.smsconsole.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How a text message body is encoded and split into parts, as carriers bill it.
 *
 * <p>One SMS holds 140 bytes: 160 GSM-7 characters, or 70 UCS-2 code units once any character
 * outside the GSM 03.38 alphabet appears. Longer messages are split into parts of 153 (GSM-7) or 67
 * (UCS-2) because each part carries a header. Characters of the GSM extension table
 * ({@code ^ { } \ [ ~ ] | €} and form feed) take two septets and are never split across parts;
 * neither are UTF-16 surrogate pairs (emoji).
 */
public final class SmsText {

    /** Message body limit of SendTextMessage, in characters. */
    public static final int MAX_CHARACTERS = 1600;

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "\f^{}\\[~]|€";

    private static final Map<String, String> REPLACEMENTS = Map.ofEntries(
            Map.entry("\u2018", "'"), Map.entry("\u2019", "'"), Map.entry("\u201A", "'"), Map.entry("\u2032", "'"),
            Map.entry("\u201C", "\""), Map.entry("\u201D", "\""), Map.entry("\u201E", "\""), Map.entry("\u2033", "\""),
            Map.entry("\u2013", "-"), Map.entry("\u2014", "-"), Map.entry("\u2212", "-"), Map.entry("\u2010", "-"),
            Map.entry("\u2026", "..."), Map.entry("\u00A0", " "), Map.entry("\u2009", " "), Map.entry("\u202F", " "),
            Map.entry("\u2022", "-"), Map.entry("\u00B7", "-"), Map.entry("\t", " "),
            Map.entry("á", "a"), Map.entry("â", "a"), Map.entry("ã", "a"), Map.entry("ç", "c"), Map.entry("ê", "e"),
            Map.entry("ë", "e"), Map.entry("í", "i"), Map.entry("î", "i"), Map.entry("ï", "i"), Map.entry("ó", "o"),
            Map.entry("ô", "o"), Map.entry("õ", "o"), Map.entry("ú", "u"), Map.entry("û", "u"), Map.entry("ÿ", "y"),
            Map.entry("Á", "A"), Map.entry("À", "A"), Map.entry("Â", "A"), Map.entry("Ã", "A"), Map.entry("È", "E"),
            Map.entry("Ê", "E"), Map.entry("Í", "I"), Map.entry("Ó", "O"), Map.entry("Ô", "O"), Map.entry("Ú", "U"),
            Map.entry("œ", "oe"), Map.entry("Œ", "OE"), Map.entry("™", "TM"), Map.entry("©", "(c)"), Map.entry("®", "(R)"),
            Map.entry("«", "\""), Map.entry("»", "\""), Map.entry("`", "'"), Map.entry("´", "'"));

    private SmsText() {
    }

    /** The two encodings AWS chooses between; the event JSON calls them {@code GSM} and {@code UNICODE}. */
    public enum Encoding {
        GSM7(160, 153, "GSM"), UCS2(70, 67, "UNICODE");

        private final int singlePart;
        private final int perPart;
        private final String eventName;

        Encoding(int singlePart, int perPart, String eventName) {
            this.singlePart = singlePart;
            this.perPart = perPart;
            this.eventName = eventName;
        }

        /** Units that fit in a message of one part. */
        public int singlePart() {
            return singlePart;
        }

        /** Units per part of a multi-part message. */
        public int perPart() {
            return perPart;
        }

        /** The name used in delivery events' {@code messageEncoding}. */
        public String eventName() {
            return eventName;
        }
    }

    /**
     * A character that forced UCS-2.
     *
     * @param index its position in the body (UTF-16 index)
     * @param character the character itself
     * @param replacement a GSM-7 replacement to suggest, when there is an obvious one
     */
    public record NonGsmCharacter(int index, String character, @Nullable String replacement) {
    }

    /**
     * The analysis of one message body.
     *
     * @param characters characters as AWS counts them (code points), against the 1600 limit
     * @param units septets (GSM-7) or UTF-16 code units (UCS-2)
     * @param parts billed message parts (0 for an empty body)
     * @param unitsLeftInPart how many more units fit before another part starts
     */
    public record Analysis(Encoding encoding, int characters, int units, int parts, int unitsLeftInPart,
            int extensionCharacters, List<NonGsmCharacter> nonGsmCharacters) {

        public boolean tooLong() {
            return characters > MAX_CHARACTERS;
        }
    }

    public static Analysis analyze(String body) {
        List<NonGsmCharacter> nonGsm = new ArrayList<>();
        int septets = 0;
        int extension = 0;
        for (int i = 0; i < body.length(); ) {
            int cp = body.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            if (cp < 0x10000 && GSM_BASIC.indexOf(cp) >= 0) {
                septets++;
            } else if (cp < 0x10000 && GSM_EXTENSION.indexOf(cp) >= 0) {
                septets += 2;
                extension++;
            } else {
                nonGsm.add(new NonGsmCharacter(i, ch, REPLACEMENTS.get(ch)));
            }
            i += Character.charCount(cp);
        }
        int characters = body.codePointCount(0, body.length());
        if (nonGsm.isEmpty()) {
            int parts = parts(body, Encoding.GSM7);
            return new Analysis(Encoding.GSM7, characters, septets, parts, left(septets, parts, Encoding.GSM7, body), extension, List.of());
        }
        int units = body.length();
        int parts = parts(body, Encoding.UCS2);
        return new Analysis(Encoding.UCS2, characters, units, parts, left(units, parts, Encoding.UCS2, body), extension, List.copyOf(nonGsm));
    }

    /** The body with every suggested replacement applied (characters without one are kept). */
    public static String withReplacements(String body) {
        var out = new StringBuilder(body.length());
        body.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            out.append(REPLACEMENTS.getOrDefault(ch, ch));
        });
        return out.toString();
    }

    private static int parts(String body, Encoding encoding) {
        int total = 0;
        for (int i = 0; i < body.length(); ) {
            int cp = body.codePointAt(i);
            total += cost(cp, encoding);
            i += Character.charCount(cp);
        }
        if (total == 0) {
            return 0;
        }
        if (total <= encoding.singlePart()) {
            return 1;
        }
        int parts = 1;
        int used = 0;
        for (int i = 0; i < body.length(); ) {
            int cp = body.codePointAt(i);
            int cost = cost(cp, encoding);
            if (used + cost > encoding.perPart()) {
                parts++;
                used = 0;
            }
            used += cost;
            i += Character.charCount(cp);
        }
        return parts;
    }

    private static int left(int units, int parts, Encoding encoding, String body) {
        if (parts <= 1) {
            return encoding.singlePart() - units;
        }
        int used = 0;
        for (int i = 0; i < body.length(); ) {
            int cp = body.codePointAt(i);
            int cost = cost(cp, encoding);
            if (used + cost > encoding.perPart()) {
                used = 0;
            }
            used += cost;
            i += Character.charCount(cp);
        }
        return encoding.perPart() - used;
    }

    private static int cost(int cp, Encoding encoding) {
        if (encoding == Encoding.UCS2) {
            return Character.charCount(cp);
        }
        return cp < 0x10000 && GSM_EXTENSION.indexOf(cp) >= 0 ? 2 : 1;
    }
}
