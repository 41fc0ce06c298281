package com.example.smsconsole.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What a user typed, and what is wrong with it in words that say what to fix. */
class PhoneNumberTest {

    static String why(String input) {
        try {
            PhoneNumber.parse(input);
            return "valid";
        } catch (PhoneNumber.InvalidPhoneNumberException e) {
            return e.getMessage();
        }
    }

    @Test
    void a_valid_number_is_read_with_its_country() {
        PhoneNumber n = PhoneNumber.parse(" +44 7860-019066 ");
        assertThat(n.e164()).isEqualTo("+447860019066");
        assertThat(n.regionCode()).isEqualTo("GB");
        assertThat(n.countryName()).isEqualTo("United Kingdom");
        assertThat(n.callingCode()).isEqualTo(44);
        assertThat(PhoneNumber.parse("0014254147755").e164()).isEqualTo("+14254147755");
    }

    @Test
    void an_unknown_country_code_is_called_that_not_a_wrong_number_of_some_country() {
        assertThat(why("+99912345")).startsWith("Unknown country code: no country's code begins +999.").doesNotContain("United States");
    }

    @Test
    void a_number_of_a_known_country_says_what_is_wrong_with_it() {
        assertThat(why("+1000000000")).isEqualTo("Too short for a +1 (North American) number.");
        assertThat(why("+4412")).isEqualTo("Too short for a United Kingdom number.");
        assertThat(why("4254147755")).startsWith("Start with + and the country code");
        assertThat(why("")).startsWith("Enter a phone number");
        assertThat(why("+1425abc")).isEqualTo("A phone number has only digits after the +.");
        assertThatThrownBy(() -> new PhoneNumber("14254147755", "US")).isInstanceOf(PhoneNumber.InvalidPhoneNumberException.class);
    }
}
