package com.example.smsconsole.emulator.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FilterPatternTest {

    static final String EVENT = """
            {"eventType":"TEXT_DELIVERED","destinationPhoneNumber":"+14254147755","isFinal":true,"totalMessageParts":2,
             "context":{"account":"bar","tags":["a","b"]},"carrierName":null,"messageStatusDescription":"Message has been accepted by phone"}""";

    static boolean matches(String pattern) {
        return FilterPattern.parse(pattern).matches(EVENT);
    }

    @Test
    void an_empty_pattern_matches_everything() {
        assertThat(FilterPattern.parse("").matchesAll()).isTrue();
        assertThat(FilterPattern.parse(null).matches("anything")).isTrue();
    }

    @Test
    void json_selectors_reach_nested_fields_and_array_elements() {
        assertThat(matches("{ $.context.account = \"bar\" }")).isTrue();
        assertThat(matches("{ $.context.tags[1] = \"b\" }")).isTrue();
        assertThat(matches("{ $.context.tags[5] = \"b\" }")).isFalse();
        assertThat(matches("{ $.context.account = bar }")).as("bare words").isTrue();
    }

    @Test
    void wildcards_match_prefixes_suffixes_and_middles_only_where_the_star_is() {
        assertThat(matches("{ $.destinationPhoneNumber = \"+1425*\" }")).isTrue();
        assertThat(matches("{ $.destinationPhoneNumber = \"*7755\" }")).isTrue();
        assertThat(matches("{ $.destinationPhoneNumber = \"+1*755\" }")).isTrue();
        assertThat(matches("{ $.destinationPhoneNumber = \"+1426*\" }")).isFalse();
        assertThat(matches("{ $.destinationPhoneNumber = \"+1425\" }")).as("no star: exact").isFalse();
        assertThat(matches("{ $.messageStatusDescription = \"*accepted by phone\" }")).isTrue();
    }

    @Test
    void numbers_booleans_nulls_and_missing_fields() {
        assertThat(matches("{ $.totalMessageParts = 2 }")).isTrue();
        assertThat(matches("{ $.totalMessageParts >= 2 && $.totalMessageParts < 3 }")).isTrue();
        assertThat(matches("{ $.totalMessageParts > 2 }")).isFalse();
        assertThat(matches("{ $.isFinal IS TRUE }")).isTrue();
        assertThat(matches("{ $.isFinal IS FALSE }")).isFalse();
        assertThat(matches("{ $.carrierName IS NULL }")).isTrue();
        assertThat(matches("{ $.mcc NOT EXISTS }")).isTrue();
        assertThat(matches("{ $.eventType NOT EXISTS }")).isFalse();
        assertThat(matches("{ $.mcc != \"310\" }")).as("!= on a missing field").isFalse();
    }

    @Test
    void boolean_logic_follows_precedence_and_parentheses() {
        assertThat(matches("{ $.eventType = \"TEXT_BLOCKED\" || $.isFinal IS TRUE && $.totalMessageParts = 2 }")).isTrue();
        assertThat(matches("{ ($.eventType = \"TEXT_BLOCKED\" || $.isFinal IS TRUE) && $.totalMessageParts = 3 }")).isFalse();
        assertThat(matches("{ $.eventType = %TEXT_(DELIVERED|SUCCESSFUL)% }")).isTrue();
    }

    @Test
    void non_json_messages_never_match_json_patterns() {
        assertThat(FilterPattern.parse("{ $.a = 1 }").matches("a = 1")).isFalse();
    }

    @Test
    void term_patterns_are_case_sensitive() {
        assertThat(matches("TEXT_DELIVERED")).isTrue();
        assertThat(matches("text_delivered")).isFalse();
        assertThat(matches("\"accepted by phone\" -BLOCKED")).isTrue();
        assertThat(matches("?BLOCKED ?QUEUED")).isFalse();
    }

    @Test
    void malformed_patterns_are_refused() {
        for (String bad : new String[] {"{ $.a = ", "{ $.a }", "{ a = 1 }", "{ $.a = \"x }", "{ ($.a = 1 }", "{ $.a < \"x\" }", "%(%", "[a, b]", "\"open"}) {
            assertThatThrownBy(() -> FilterPattern.parse(bad)).as(bad).isInstanceOf(FilterPattern.InvalidPatternException.class);
        }
    }
}
