package com.example.smsconsole.deliverylog.repository;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventIdsTest {

    /** A log event id of AWS's CloudWatch Logs subscription-filter example (the same ids FilterLogEvents returns): 56 digits. */
    static final String CLOUDWATCH = "31953106606966983378809025079804211143289615424298221568";

    @Test
    void a_cloudwatch_event_id_takes_two_digits_a_byte() {
        byte[] stored = EventIds.encode(CLOUDWATCH);
        assertThat(stored).hasSize(28).startsWith((byte) 0x31, (byte) 0x95, (byte) 0x31);
        assertThat(EventIds.decode(stored)).isEqualTo(CLOUDWATCH);
    }

    @Test
    void any_other_id_is_kept_as_text_behind_a_mark() {
        for (String id : new String[] {"12345", "emulator-7", "", "0x1f", "Ünïcode-é"}) {
            byte[] stored = EventIds.encode(id);
            assertThat(stored[0]).as(id).isEqualTo((byte) 0xFF);
            assertThat(EventIds.decode(stored)).isEqualTo(id);
        }
        assertThat(EventIds.decode(EventIds.text(CLOUDWATCH))).as("an id stored as text before").isEqualTo(CLOUDWATCH);
        assertThat(EventIds.decode(EventIds.encode("0042"))).as("leading zeros").isEqualTo("0042");
    }
}
