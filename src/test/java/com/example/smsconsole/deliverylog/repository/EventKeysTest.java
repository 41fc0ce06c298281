package com.example.smsconsole.deliverylog.repository;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Keys: the time above 21 bits of SHA-256 of the event id (FIPS 180-2's test vector: SHA-256("abc") begins ba 78 16). */
class EventKeysTest {

    @Test
    void the_key_is_the_time_above_the_low_21_bits_of_the_ids_sha_256() {
        long expected = 1_000L << 21 | (0xba7816L & 0x1FFFFF);
        assertThat(EventKeys.of(1_000, "abc")).isEqualTo(expected);
        // the same again, and another id between: each key starts from a fresh digest
        assertThat(EventKeys.of(1_000, "something else")).isNotEqualTo(expected);
        assertThat(EventKeys.of(1_000, "abc")).isEqualTo(expected);
        assertThat(EventKeys.lowest(1_000)).isEqualTo(1_000L << 21);
    }
}
