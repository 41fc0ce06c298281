package com.example.smsconsole.deliverylog.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The packed form of a receipt's raw JSON: the same text back, damage said rather than garbled text. */
class PackedJsonTest {

    @Test
    void gives_back_the_text_it_was_given() {
        for (String text : new String[] {"", "{}", DeliveryStoreContract.AWS_EXAMPLE, "ünïcødé \ud83d\udcf1 \u2013", "x".repeat(300_000)}) {
            assertThat(PackedJson.unpack(PackedJson.pack(text))).isEqualTo(text);
        }
    }

    @Test
    void a_damaged_or_unknown_value_is_refused() {
        byte[] packed = PackedJson.pack(DeliveryStoreContract.AWS_EXAMPLE);
        assertThatThrownBy(() -> PackedJson.unpack(Arrays.copyOf(packed, packed.length / 2))).isInstanceOf(IllegalArgumentException.class);
        byte[] otherFormat = packed.clone();
        otherFormat[0] = 7;
        assertThatThrownBy(() -> PackedJson.unpack(otherFormat)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("format 7");
        assertThatThrownBy(() -> PackedJson.unpack(new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
