package com.example.smsconsole.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.smsconsole.common.PhoneNumber;
import org.junit.jupiter.api.Test;

/**
 * The console's table of AWS's simulator numbers against AWS's user guide page "Simulator phone
 * numbers" (test-phone-numbers): the expected values below are copied from that page, not from the
 * table file.
 */
class SimulatorNumbersTest {

    final SimulatorNumbers table = SimulatorNumbers.aws();

    @Test
    void every_country_of_the_page_has_a_success_and_a_failure_number() {
        assertThat(table.destinationCountries()).containsExactlyInAnyOrder("AU", "AT", "BE", "CL", "CZ", "DK", "EE", "FI", "FR", "HK", "HU",
                "IT", "JE", "LU", "NL", "NO", "PL", "PT", "RO", "ES", "SE", "CH", "TW", "GB", "US");
        assertThat(table.destinations()).hasSize(50);
        for (String country : table.destinationCountries()) {
            assertThat(table.destinations()).filteredOn(d -> d.country().equals(country)).extracting(SimulatorNumbers.Destination::success)
                    .containsExactlyInAnyOrder(true, false);
        }
    }

    @Test
    void numbers_and_outcomes_match_the_page() {
        assertThat(table.destination("+14254147755")).hasValueSatisfying(d -> {
            assertThat(d.country()).isEqualTo("US");
            assertThat(d.success()).isTrue();
        });
        assertThat(table.destination("+14254147167")).hasValueSatisfying(d -> assertThat(d.outcome()).isEqualTo("failure"));
        assertThat(table.destination("+447860019066")).hasValueSatisfying(d -> {
            assertThat(d.countryName()).isEqualTo("United Kingdom");
            assertThat(d.success()).isTrue();
        });
        assertThat(table.destination("+447937404992")).hasValueSatisfying(d -> {
            assertThat(d.country()).isEqualTo("JE");
            assertThat(d.success()).isFalse();
        });
        assertThat(table.destination("+4525919215")).hasValueSatisfying(d -> assertThat(d.outcome()).isEqualTo("failure"));
        assertThat(table.destination("+43676800442031")).hasValueSatisfying(d -> assertThat(d.country()).isEqualTo("AT"));
        assertThat(table.destination("+14255550123")).isEmpty();
    }

    @Test
    void origination_simulator_numbers_exist_in_the_united_states_only() {
        assertThat(table.originationCountries()).containsExactly("US");
        assertThat(table.source()).contains("test-phone-numbers");
    }

    @Test
    void every_simulator_number_is_accepted_as_a_number_of_its_country() {
        for (SimulatorNumbers.Destination d : table.destinations()) {
            assertThat(PhoneNumber.tryParse(d.number())).as(d.number() + " (" + d.countryName() + ")")
                    .hasValueSatisfying(n -> assertThat(n.e164()).isEqualTo(d.number()));
        }
    }
}
