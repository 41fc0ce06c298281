package com.example.smsconsole.deliverylog.repository;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Rows in PostgreSQL's COPY text format, encoded straight into UTF-8 bytes and handed to the
 * output in large chunks: tab between values, newline after each row, {@code \N} for null, and
 * backslash, tab, newline and carriage return escaped (NUL, which PostgreSQL text cannot hold,
 * becomes a space).
 */
final class CopyText {

    private static final int FLUSH_AT = 1 << 16;

    private final OutputStream out;
    private byte[] buffer = new byte[FLUSH_AT + 8192];
    private int length;
    private boolean rowStarted;

    CopyText(OutputStream out) {
        this.out = out;
    }

    void row(Iterable<?> values) throws IOException {
        for (Object value : values) {
            value(value);
        }
        endRow();
    }

    private void value(@Nullable Object value) throws IOException {
        if (rowStarted) {
            put((byte) '\t');
        }
        rowStarted = true;
        switch (value) {
            case null -> {
                put((byte) '\\');
                put((byte) 'N');
            }
            case BigDecimal d -> text(d.toPlainString());
            case String s -> text(s);
            case byte[] b -> bytea(b);
            default -> text(value.toString());
        }
    }

    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** A bytea value in hex form ({@code \x} then two digits a byte), its backslash escaped. */
    private void bytea(byte[] value) {
        ensure(value.length * 2 + 3);
        byte[] b = buffer;
        int n = length;
        b[n++] = '\\';
        b[n++] = '\\';
        b[n++] = 'x';
        for (byte v : value) {
            b[n++] = HEX[(v >> 4) & 0xF];
            b[n++] = HEX[v & 0xF];
        }
        length = n;
    }

    private void endRow() throws IOException {
        put((byte) '\n');
        rowStarted = false;
        if (length >= FLUSH_AT) {
            flush();
        }
    }

    private void text(String s) {
        ensure(s.length() * 3 + 2);
        byte[] b = buffer;
        int n = length;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                switch (c) {
                    case '\\' -> {
                        b[n++] = '\\';
                        b[n++] = '\\';
                    }
                    case '\t' -> {
                        b[n++] = '\\';
                        b[n++] = 't';
                    }
                    case '\n' -> {
                        b[n++] = '\\';
                        b[n++] = 'n';
                    }
                    case '\r' -> {
                        b[n++] = '\\';
                        b[n++] = 'r';
                    }
                    case '\0' -> b[n++] = ' ';
                    default -> b[n++] = (byte) c;
                }
            } else if (c < 0x800) {
                b[n++] = (byte) (0xC0 | (c >> 6));
                b[n++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                b[n++] = (byte) (0xF0 | (cp >> 18));
                b[n++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                b[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                b[n++] = (byte) (0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                b[n++] = '?';
            } else {
                b[n++] = (byte) (0xE0 | (c >> 12));
                b[n++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[n++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        length = n;
    }

    private void put(byte b) {
        ensure(1);
        buffer[length++] = b;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }

    void flush() throws IOException {
        if (length > 0) {
            out.write(buffer, 0, length);
            length = 0;
        }
    }
}
