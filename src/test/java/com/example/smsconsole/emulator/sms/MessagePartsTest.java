package com.example.smsconsole.emulator.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The emulator's own segmenter against the standards: 3GPP TS 23.038 (the GSM 7-bit default
 * alphabet and its extension table), TS 23.040 (a concatenated part carries a 6-octet header: 153
 * septets or 67 UCS-2 characters, and an escape pair is never split), and AWS's user guide
 * {@code sms-limitations-character} (160 GSM or 70 UCS-2 characters in one message).
 */
class MessagePartsTest {

    @Test
    void gsm_bodies_fit_160_septets_in_one_part_and_153_per_part_after() {
        assertThat(MessageParts.of("")).isEqualTo(new MessageParts.Count(MessageParts.Encoding.GSM, 0, 0));
        assertThat(MessageParts.of("a".repeat(160)).parts()).isEqualTo(1);
        assertThat(MessageParts.of("a".repeat(161)).parts()).isEqualTo(2);
        assertThat(MessageParts.of("a".repeat(306)).parts()).isEqualTo(2);
        assertThat(MessageParts.of("a".repeat(307)).parts()).isEqualTo(3);
        assertThat(MessageParts.of("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./:;<=>?¡ÄÖÑÜ§¿äöñüà").encoding())
                .as("every character of the default alphabet").isEqualTo(MessageParts.Encoding.GSM);
    }

    @Test
    void extension_characters_take_two_septets_and_are_never_split_across_parts() {
        assertThat(MessageParts.of("\f^{}\\[~]|€").units()).isEqualTo(20);
        assertThat(MessageParts.of("a".repeat(159) + "€").parts()).as("161 septets").isEqualTo(2);
        assertThat(MessageParts.of("a".repeat(152) + "€" + "a".repeat(152)).parts())
                .as("306 septets, but the escape pair does not fit at the end of part 1 and pushes one septet into part 3").isEqualTo(3);
    }

    @Test
    void one_character_outside_the_alphabet_makes_the_body_ucs2_with_70_and_67_per_part() {
        assertThat(MessageParts.of("tab\there").encoding()).isEqualTo(MessageParts.Encoding.UNICODE);
        assertThat(MessageParts.of("`").encoding()).isEqualTo(MessageParts.Encoding.UNICODE);
        assertThat(MessageParts.of("\u001B").encoding()).as("0x1B is the escape, not a character").isEqualTo(MessageParts.Encoding.UNICODE);
        assertThat(MessageParts.of("ж".repeat(70)).parts()).isEqualTo(1);
        assertThat(MessageParts.of("ж".repeat(71)).parts()).isEqualTo(2);
        assertThat(MessageParts.of("😀".repeat(35))).isEqualTo(new MessageParts.Count(MessageParts.Encoding.UNICODE, 70, 1));
        assertThat(MessageParts.of("😀".repeat(36)).parts()).isEqualTo(2);
        assertThat(MessageParts.of("ж".repeat(66) + "😀" + "ж".repeat(66)).parts())
                .as("a surrogate pair does not fit at the end of part 1").isEqualTo(3);
    }
}
