package com.example.smsconsole.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.smsconsole.common.SmsText.Analysis;
import com.example.smsconsole.common.SmsText.Encoding;
import org.junit.jupiter.api.Test;

/** Encoding and parts as carriers bill them, at the edges where peers get it wrong. */
class SmsTextTest {

    @Test
    void plain_ascii_is_gsm7_and_fits_160_in_one_part() {
        Analysis a = SmsText.analyze("a".repeat(160));
        assertThat(a.encoding()).isEqualTo(Encoding.GSM7);
        assertThat(a.characters()).isEqualTo(160);
        assertThat(a.parts()).isEqualTo(1);
        assertThat(a.unitsLeftInPart()).isZero();
    }

    @Test
    void one_character_more_than_160_makes_two_parts_of_153() {
        assertThat(SmsText.analyze("a".repeat(161)).parts()).isEqualTo(2);
        assertThat(SmsText.analyze("a".repeat(306)).parts()).isEqualTo(2);
        assertThat(SmsText.analyze("a".repeat(307)).parts()).isEqualTo(3);
    }

    @Test
    void the_empty_body_has_no_parts() {
        Analysis a = SmsText.analyze("");
        assertThat(a.parts()).isZero();
        assertThat(a.encoding()).isEqualTo(Encoding.GSM7);
    }

    @Test
    void gsm_extension_characters_count_double() {
        Analysis a = SmsText.analyze("€".repeat(80));
        assertThat(a.encoding()).isEqualTo(Encoding.GSM7);
        assertThat(a.characters()).isEqualTo(80);
        assertThat(a.units()).isEqualTo(160);
        assertThat(a.extensionCharacters()).isEqualTo(80);
        assertThat(a.parts()).isEqualTo(1);
        assertThat(SmsText.analyze("€".repeat(81)).parts()).isEqualTo(2);
        // 159 plain + one extension character = 161 septets
        assertThat(SmsText.analyze("a".repeat(159) + "{").parts()).isEqualTo(2);
    }

    @Test
    void an_extension_character_is_never_split_across_parts() {
        // 152 septets then "^" (2 septets) would straddle the 153 boundary: it moves to part two
        Analysis a = SmsText.analyze("a".repeat(152) + "^" + "a".repeat(150));
        assertThat(a.units()).isEqualTo(304);
        assertThat(a.parts()).isEqualTo(2);
        Analysis b = SmsText.analyze("a".repeat(152) + "^" + "a".repeat(152));
        assertThat(b.units()).isEqualTo(306);
        assertThat(b.parts()).isEqualTo(3);
    }

    @Test
    void one_non_gsm_character_switches_everything_to_ucs2_at_70_and_67() {
        Analysis a = SmsText.analyze("a".repeat(69) + "ł");
        assertThat(a.encoding()).isEqualTo(Encoding.UCS2);
        assertThat(a.parts()).isEqualTo(1);
        assertThat(a.nonGsmCharacters()).singleElement().satisfies(c -> {
            assertThat(c.character()).isEqualTo("ł");
            assertThat(c.index()).isEqualTo(69);
        });
        assertThat(SmsText.analyze("a".repeat(70) + "ł").parts()).isEqualTo(2);
        assertThat(SmsText.analyze("ł".repeat(134)).parts()).isEqualTo(2);
        assertThat(SmsText.analyze("ł".repeat(135)).parts()).isEqualTo(3);
    }

    @Test
    void emoji_take_two_ucs2_units_and_are_not_split() {
        Analysis a = SmsText.analyze("😀".repeat(35));
        assertThat(a.encoding()).isEqualTo(Encoding.UCS2);
        assertThat(a.characters()).isEqualTo(35);
        assertThat(a.units()).isEqualTo(70);
        assertThat(a.parts()).isEqualTo(1);
        assertThat(SmsText.analyze("😀".repeat(36)).parts()).isEqualTo(2);
        // 66 units then an emoji would straddle 67: it moves to the next part
        Analysis b = SmsText.analyze("ł".repeat(66) + "😀" + "ł".repeat(65));
        assertThat(b.units()).isEqualTo(133);
        assertThat(b.parts()).isEqualTo(2);
        assertThat(SmsText.analyze("ł".repeat(66) + "😀" + "ł".repeat(66)).parts()).isEqualTo(3);
    }

    @Test
    void mixed_scripts_are_ucs2_and_smart_quotes_get_a_suggestion() {
        Analysis a = SmsText.analyze("Hello Привет “quoted” — ok");
        assertThat(a.encoding()).isEqualTo(Encoding.UCS2);
        assertThat(a.nonGsmCharacters()).extracting(SmsText.NonGsmCharacter::character).contains("П", "“", "”", "—");
        assertThat(a.nonGsmCharacters()).filteredOn(c -> c.character().equals("“")).first()
                .satisfies(c -> assertThat(c.replacement()).isEqualTo("\""));
        assertThat(a.nonGsmCharacters()).filteredOn(c -> c.character().equals("П")).first()
                .satisfies(c -> assertThat(c.replacement()).isNull());
        String replaced = SmsText.withReplacements("“Café” — it’s done…");
        assertThat(replaced).isEqualTo("\"Café\" - it's done...");
        assertThat(SmsText.analyze(replaced).encoding()).isEqualTo(Encoding.GSM7);
    }

    @Test
    void gsm_characters_outside_ascii_stay_gsm7() {
        Analysis a = SmsText.analyze("Ça coûte 5€ à Zürich, ñ ¿ ¡ Δ");
        // û is not in GSM 03.38
        assertThat(a.encoding()).isEqualTo(Encoding.UCS2);
        assertThat(a.nonGsmCharacters()).extracting(SmsText.NonGsmCharacter::character).containsExactly("û");
        assertThat(SmsText.analyze("Ça coute 5€ à Zürich, ñ ¿ ¡ Δ").encoding()).isEqualTo(Encoding.GSM7);
    }

    @Test
    void the_1600_character_limit_counts_characters_not_units() {
        assertThat(SmsText.analyze("a".repeat(1600)).tooLong()).isFalse();
        assertThat(SmsText.analyze("a".repeat(1601)).tooLong()).isTrue();
        assertThat(SmsText.analyze("a".repeat(1600)).parts()).isEqualTo(11);
        assertThat(SmsText.analyze("😀".repeat(1600)).tooLong()).isFalse();
        assertThat(SmsText.analyze("😀".repeat(1601)).tooLong()).isTrue();
    }
}
