package com.example.smsconsole.emulator.sms;

/**
 * How the service encodes a text body and how many billed parts it becomes, written for the
 * emulator from the standards rather than shared with the console:
 * <ul>
 *   <li>3GPP TS 23.038 §6.2.1: the GSM 7-bit default alphabet (128 positions, 0x1B is the escape to
 *       the extension table) and §6.2.1.1, the extension table, whose characters take the escape
 *       septet plus one;</li>
 *   <li>3GPP TS 23.040 §9.2.3.24.1: a concatenated message carries a 6-octet user data header,
 *       leaving 134 of the 140 octets: 153 septets or 67 UCS-2 characters per part;</li>
 *   <li>AWS user guide {@code sms-limitations-character}: 160 GSM characters or 70 UCS-2 characters
 *       fit in one message; one character outside the GSM alphabet makes the whole body UCS-2.</li>
 * </ul>
 * An escape pair and a UTF-16 surrogate pair are never split across two parts.
 */
final class MessageParts {

    /** {@code messageEncoding} of the delivery events. */
    enum Encoding {
        GSM, UNICODE
    }

    /** An encoded body: its encoding, septets or UTF-16 units, and billed parts. */
    record Count(Encoding encoding, int units, int parts) {
    }

    private static final int SINGLE_GSM = 160;
    private static final int PART_GSM = 153;
    private static final int SINGLE_UCS2 = 70;
    private static final int PART_UCS2 = 67;

    /** TS 23.038 figure 6.2.1, positions 0x00 to 0x7F; position 0x1B (escape) holds no character. */
    private static final char[] DEFAULT_ALPHABET = {
        '@', '£', '$', '¥', 'è', 'é', 'ù', 'ì', 'ò', 'Ç', '\n', 'Ø', 'ø', '\r', 'Å', 'å',
        'Δ', '_', 'Φ', 'Γ', 'Λ', 'Ω', 'Π', 'Ψ', 'Σ', 'Θ', 'Ξ', '\uFFFF', 'Æ', 'æ', 'ß', 'É',
        ' ', '!', '"', '#', '¤', '%', '&', '\'', '(', ')', '*', '+', ',', '-', '.', '/',
        '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', ':', ';', '<', '=', '>', '?',
        '¡', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O',
        'P', 'Q', 'R', 'S', 'T', 'U', 'V', 'W', 'X', 'Y', 'Z', 'Ä', 'Ö', 'Ñ', 'Ü', '§',
        '¿', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
        'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', 'ä', 'ö', 'ñ', 'ü', 'à',
    };

    /** TS 23.038 §6.2.1.1, the characters of the extension table (form feed, ^ { } \ [ ~ ] | €). */
    private static final char[] EXTENSION = {'\f', '^', '{', '}', '\\', '[', '~', ']', '|', '€'};

    private MessageParts() {
    }

    /** Septets a character takes in the default alphabet: 1, 2 (extension table) or 0 (not encodable). */
    static int septets(int codePoint) {
        if (codePoint > 0xFFFF) {
            return 0;
        }
        for (char c : DEFAULT_ALPHABET) {
            if (c == codePoint) {
                return 1;
            }
        }
        for (char c : EXTENSION) {
            if (c == codePoint) {
                return 2;
            }
        }
        return 0;
    }

    static Count of(String body) {
        int septets = 0;
        boolean gsm = true;
        for (int i = 0; i < body.length() && gsm; ) {
            int cp = body.codePointAt(i);
            int size = septets(cp);
            gsm = size > 0;
            septets += size;
            i += Character.charCount(cp);
        }
        if (gsm) {
            return new Count(Encoding.GSM, septets, parts(body, true, septets));
        }
        return new Count(Encoding.UNICODE, body.length(), parts(body, false, body.length()));
    }

    private static int parts(String body, boolean gsm, int total) {
        if (total == 0) {
            return 0;
        }
        if (total <= (gsm ? SINGLE_GSM : SINGLE_UCS2)) {
            return 1;
        }
        int perPart = gsm ? PART_GSM : PART_UCS2;
        int parts = 1;
        int used = 0;
        for (int i = 0; i < body.length(); ) {
            int cp = body.codePointAt(i);
            int size = gsm ? septets(cp) : Character.charCount(cp);
            if (used + size > perPart) {
                parts++;
                used = 0;
            }
            used += size;
            i += Character.charCount(cp);
        }
        return parts;
    }
}
