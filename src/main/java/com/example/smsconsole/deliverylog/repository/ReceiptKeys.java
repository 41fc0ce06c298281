package com.example.smsconsole.deliverylog.repository;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.jspecify.annotations.Nullable;

/**
 * The list of a message's receipts that its row keeps ({@code delivery_message.event_keys}): one entry per
 * receipt, separated by commas, and {@code *} at the end when the list was cut at the column's length.
 * An entry is one character naming the receipt's event type followed by its key in base 36, so a count
 * of a message's or a context pair's receipts per type, or per time and type, needs no receipt read.
 * Entries written before types were kept are the key in decimal alone (they start with a digit, which no
 * type code is) and are read as of an unknown type.
 *
 * @see "Design decision: docs/decisions/008-20261202-delivery-store-scale.md, Types in the key list"
 */
final class ReceiptKeys {

    /** The marker that ends a list cut at the column's length. */
    static final String CUT = "*";

    /** The code of a type not in {@link #TYPES}. */
    private static final char UNKNOWN = '_';

    /**
     * The event types with a code, in code order: the receipt event types of the service's
     * {@code EventType} enum (botocore pinpoint-sms-voice-v2 2022-03-31, without the {@code *_ALL}
     * selectors). The codes are stored, so this list is only ever appended to.
     */
    private static final List<String> TYPES = List.of("TEXT_SENT", "TEXT_PENDING", "TEXT_QUEUED", "TEXT_SUCCESSFUL", "TEXT_DELIVERED",
            "TEXT_INVALID", "TEXT_INVALID_MESSAGE", "TEXT_UNREACHABLE", "TEXT_CARRIER_UNREACHABLE", "TEXT_BLOCKED", "TEXT_CARRIER_BLOCKED",
            "TEXT_SPAM", "TEXT_UNKNOWN", "TEXT_TTL_EXPIRED", "TEXT_PROTECT_BLOCKED", "VOICE_INITIATED", "VOICE_RINGING", "VOICE_ANSWERED",
            "VOICE_COMPLETED", "VOICE_BUSY", "VOICE_NO_ANSWER", "VOICE_FAILED", "VOICE_TTL_EXPIRED", "MEDIA_PENDING", "MEDIA_QUEUED",
            "MEDIA_SUCCESSFUL", "MEDIA_DELIVERED", "MEDIA_INVALID", "MEDIA_INVALID_MESSAGE", "MEDIA_UNREACHABLE", "MEDIA_CARRIER_UNREACHABLE",
            "MEDIA_BLOCKED", "MEDIA_CARRIER_BLOCKED", "MEDIA_SPAM", "MEDIA_UNKNOWN", "MEDIA_TTL_EXPIRED", "MEDIA_FILE_INACCESSIBLE",
            "MEDIA_FILE_TYPE_UNSUPPORTED", "MEDIA_FILE_SIZE_EXCEEDED");

    /** One code character per entry of {@link #TYPES}: letters, never a digit, a comma or the markers. */
    private static final String CODES = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private static final Map<String, Character> CODE_OF = new java.util.HashMap<>();

    static {
        if (TYPES.size() > CODES.length()) {
            throw new IllegalStateException("More coded event types than codes");
        }
        for (int i = 0; i < TYPES.size(); i++) {
            CODE_OF.put(TYPES.get(i), CODES.charAt(i));
        }
    }

    /** A receipt as the list holds it; {@code type} is null when the entry does not say. */
    record Entry(long key, @Nullable String type) {
    }

    /** A message's list read back: its entries in list order, each key once, and whether the list is whole. */
    record Parsed(List<Entry> entries, boolean complete) {

        List<Long> keys() {
            return entries.stream().map(Entry::key).toList();
        }
    }

    private ReceiptKeys() {
    }

    /** The entry of one receipt. */
    static String entry(long key, String eventType) {
        return CODE_OF.getOrDefault(eventType, UNKNOWN) + Long.toString(key, Character.MAX_RADIX);
    }

    static Parsed parse(String text) {
        Map<Long, Entry> entries = new LinkedHashMap<>();
        boolean complete = true;
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf(',', start);
            if (end < 0) {
                end = text.length();
            }
            if (end > start) {
                String part = text.substring(start, end);
                if (part.equals(CUT)) {
                    complete = false;
                } else {
                    Entry e = parseEntry(part);
                    entries.putIfAbsent(e.key(), e);
                }
            }
            start = end + 1;
        }
        return new Parsed(new ArrayList<>(entries.values()), complete);
    }

    private static Entry parseEntry(String part) {
        char first = part.charAt(0);
        if (Character.isDigit(first)) {
            return new Entry(Long.parseLong(part), null);
        }
        int code = CODES.indexOf(first);
        return new Entry(Long.parseLong(part, 1, part.length(), Character.MAX_RADIX), code >= 0 && code < TYPES.size() ? TYPES.get(code) : null);
    }

    /** The lowest key of the list, if it names any. */
    static OptionalLong lowest(String text) {
        return parse(text).entries().stream().mapToLong(Entry::key).min();
    }

    /** Keeps the list within the column's {@code length}: a longer one keeps its first entries and the cut marker. */
    static String limit(String keys, int length) {
        if (keys.length() <= length) {
            return keys;
        }
        String cut = keys.substring(0, length - 2);
        return cut.substring(0, cut.lastIndexOf(',')) + "," + CUT;
    }
}
