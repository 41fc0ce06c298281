package com.example.smsconsole.deliverylog.repository;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A log event's id as the store keeps it. CloudWatch Logs gives each event an id of 56 decimal
 * digits (FilterLogEvents' {@code eventId}); the botocore model types it as a plain string, so any
 * text is kept too. An id of an even number of digits is stored as its digits two to a byte (the
 * bytes whose hex form is the id: 28 bytes instead of 56 characters); any other id as the byte
 * 0xFF followed by its UTF-8 text. A first byte of 0xFF cannot start digits, so the two never meet.
 *
 * @see "Design decision: docs/decisions/008-20261202-delivery-store-scale.md, Footprint"
 */
final class EventIds {

    private static final byte TEXT = (byte) 0xFF;
    private static final HexFormat HEX = HexFormat.of();

    private EventIds() {
    }

    /** The stored form of an id. */
    static byte[] encode(String id) {
        if (!id.isEmpty() && id.length() % 2 == 0 && id.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return HEX.parseHex(id);
        }
        return text(id);
    }

    /** The stored form of an id as text (0xFF, then UTF-8), which migrations may give any id. */
    static byte[] text(String id) {
        byte[] utf8 = id.getBytes(StandardCharsets.UTF_8);
        byte[] stored = new byte[utf8.length + 1];
        stored[0] = TEXT;
        System.arraycopy(utf8, 0, stored, 1, utf8.length);
        return stored;
    }

    /** The id a stored form holds. */
    static String decode(byte[] stored) {
        if (stored.length > 0 && stored[0] == TEXT) {
            return new String(Arrays.copyOfRange(stored, 1, stored.length), StandardCharsets.UTF_8);
        }
        return HEX.formatHex(stored);
    }
}
