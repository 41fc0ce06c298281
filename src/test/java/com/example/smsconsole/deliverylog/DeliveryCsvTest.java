package com.example.smsconsole.deliverylog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * CSV cells a spreadsheet would run as a formula are neutralised. The characters come from OWASP's
 * "CSV Injection" page: cells beginning with {@code =}, {@code +}, {@code -}, {@code @}, TAB (0x09) or
 * carriage return (0x0D) are prefixed with a single quote.
 */
class DeliveryCsvTest {

    @Test
    void cells_starting_with_a_formula_character_tab_or_carriage_return_get_a_quote() {
        assertThat(DeliveryLogService.csv("=1+1", "+cmd", "-2+3", "@SUM(A1)")).isEqualTo("'=1+1,'+cmd,'-2+3,'@SUM(A1)\r\n");
        assertThat(DeliveryLogService.csv("\t=1+1", "x")).isEqualTo("'\t=1+1,x\r\n");
        // a carriage return also makes the cell quoted, as any line break does (RFC 4180)
        assertThat(DeliveryLogService.csv("\r=1+1", "x")).isEqualTo("\"'\r=1+1\",x\r\n");
    }

    @Test
    void numbers_and_plain_text_stay_as_they_are() {
        assertThat(DeliveryLogService.csv("+14255550123", "-0.5", "TEXT_DELIVERED", "a\tb", null)).isEqualTo("+14255550123,-0.5,TEXT_DELIVERED,a\tb,\r\n");
    }
}
