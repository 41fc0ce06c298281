package com.example.smsconsole.emulator.logs;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import tools.jackson.core.JsonGenerator;

/**
 * A growable buffer for writing a large JSON answer (a FilterLogEvents page) directly as UTF-8,
 * copying stored message bytes with JSON string escaping instead of decoding and re-encoding each.
 */
final class JsonBytes {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private byte[] buf;
    private int size;

    JsonBytes(int capacity) {
        buf = new byte[capacity];
    }

    int size() {
        return size;
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }

    JsonBytes raw(String ascii) {
        int n = ascii.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[size++] = (byte) ascii.charAt(i);
        }
        return this;
    }

    JsonBytes raw(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, size, bytes.length);
        size += bytes.length;
        return this;
    }

    JsonBytes number(long value) {
        return raw(Long.toString(value));
    }

    /** Digits of {@code value}, left-padded with zeros to {@code width}. */
    JsonBytes padded(long value, int width) {
        ensure(Math.max(width, 20));
        String digits = Long.toString(value);
        for (int i = digits.length(); i < width; i++) {
            buf[size++] = '0';
        }
        for (int i = 0; i < digits.length(); i++) {
            buf[size++] = (byte) digits.charAt(i);
        }
        return this;
    }

    JsonBytes string(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        return string(bytes, 0, bytes.length);
    }

    /** Bytes that need an escape in a JSON string: quote, backslash, control characters. */
    private static final boolean[] ESCAPE = new boolean[256];

    static {
        for (int c = 0; c < 0x20; c++) {
            ESCAPE[c] = true;
        }
        ESCAPE['"'] = true;
        ESCAPE['\\'] = true;
    }

    /** A JSON string of UTF-8 text: quotes, backslashes and control characters escaped. */
    JsonBytes string(byte[] text, int offset, int length) {
        ensure(length * 2 + 2);
        byte[] out = buf;
        int at = size;
        out[at++] = '"';
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            byte b = text[i];
            if (!ESCAPE[b & 0xFF]) {
                out[at++] = b;
                continue;
            }
            if (at + 6 + (end - i) * 2 > out.length) {
                size = at;
                ensure(6 + (end - i) * 2);
                out = buf;
            }
            out[at++] = '\\';
            switch (b) {
                case '"' -> out[at++] = '"';
                case '\\' -> out[at++] = '\\';
                case '\n' -> out[at++] = 'n';
                case '\r' -> out[at++] = 'r';
                case '\t' -> out[at++] = 't';
                case '\b' -> out[at++] = 'b';
                case '\f' -> out[at++] = 'f';
                default -> {
                    out[at++] = 'u';
                    out[at++] = '0';
                    out[at++] = '0';
                    out[at++] = HEX[(b & 0xFF) >> 4];
                    out[at++] = HEX[b & 0xF];
                }
            }
        }
        out[at++] = '"';
        size = at;
        return this;
    }

    /** Writes the buffer as the whole response through the server's generator. */
    void writeTo(JsonGenerator generator) {
        generator.flush();
        if (generator.streamWriteOutputTarget() instanceof OutputStream out) {
            try {
                out.write(buf, 0, size);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        } else {
            generator.writeRaw(new String(buf, 0, size, StandardCharsets.UTF_8));
        }
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }
}
