package com.example.smsconsole.deliverylog.repository;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The key of a receipt in the store: its event time in milliseconds in the high 42 bits (enough
 * until the year 2109) and 21 bits of the SHA-256 of its CloudWatch event id below. Keys therefore
 * sort by time, so the primary key is also the time index; on the rare collision the store takes
 * the next free key, and the stored event id says which receipt a key belongs to.
 */
final class EventKeys {

    static final int HASH_BITS = 21;
    static final long MAX_TIME = (1L << 42) - 1;

    /** One digest per thread: getInstance looks the provider up on every call, a measurable share of ingestion. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private EventKeys() {
    }

    static long of(long eventAtMillis, String eventId) {
        if (eventAtMillis < 0 || eventAtMillis > MAX_TIME) {
            throw new IllegalArgumentException("Event time out of range: " + eventAtMillis);
        }
        // digest() resets the digest, so the next call starts afresh
        byte[] digest = SHA_256.get().digest(eventId.getBytes(StandardCharsets.UTF_8));
        long hash = ((digest[0] & 0xFFL) << 16 | (digest[1] & 0xFFL) << 8 | (digest[2] & 0xFFL)) & ((1L << HASH_BITS) - 1);
        return eventAtMillis << HASH_BITS | hash;
    }

    /**
     * The smallest key of receipts at or after this time; on PostgreSQL the bounds of a week's
     * partition are the same formula in SQL, delivery_week_key_range (migration V68).
     */
    static long lowest(long eventAtMillis) {
        return Math.max(0, Math.min(eventAtMillis, MAX_TIME + 1)) << HASH_BITS;
    }
}
