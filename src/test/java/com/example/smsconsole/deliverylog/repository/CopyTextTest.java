package com.example.smsconsole.deliverylog.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The COPY text format as PostgreSQL reads it. */
class CopyTextTest {

    static String encode(List<?>... rows) throws IOException {
        var out = new ByteArrayOutputStream();
        var text = new CopyText(out);
        for (List<?> row : rows) {
            text.row(row);
        }
        text.flush();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void values_are_tab_separated_rows_end_in_newline_and_null_is_backslash_n() throws IOException {
        assertThat(encode(Arrays.asList(1L, "a", null, new BigDecimal("0.005810"), true), List.of("b")))
                .isEqualTo("1\ta\t\\N\t0.005810\ttrue\nb\n");
    }

    @Test
    void backslash_tab_newline_and_carriage_return_are_escaped_and_nul_becomes_a_space() throws IOException {
        assertThat(encode(List.of("{\"a\":\"x\\\"y\"}\tz\r\n\0end"))).isEqualTo("{\"a\":\"x\\\\\"y\"}\\tz\\r\\n end\n");
    }

    @Test
    void text_is_utf8_including_characters_beyond_the_basic_plane() throws IOException {
        String text = "Olá 你好 😀";
        assertThat(encode(List.of(text))).isEqualTo(text + "\n");
        assertThat(encode(List.of("broken \uD83D pair"))).isEqualTo("broken ? pair\n");
    }

    @Test
    void values_larger_than_the_buffer_are_written_whole() throws IOException {
        String large = "x".repeat(200_000);
        assertThat(encode(List.of(large, "y"), List.of("z"))).isEqualTo(large + "\ty\nz\n");
    }
}
