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

    /** A JSON string of UTF-8 text: quotes, backslashes and control characters escaped. */
    JsonBytes string(byte[] text, int offset, int length) {
        ensure(length + 2);
        buf[size++] = '"';
        int end = offset + length;
        int run = offset;
        for (int i = offset; i < end; i++) {
            int c = text[i] & 0xFF;
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            int n = i - run;
            ensure(n + 6);
            System.arraycopy(text, run, buf, size, n);
            size += n;
            buf[size++] = '\\';
            switch (c) {
                case '"' -> buf[size++] = '"';
                case '\\' -> buf[size++] = '\\';
                case '\n' -> buf[size++] = 'n';
                case '\r' -> buf[size++] = 'r';
                case '\t' -> buf[size++] = 't';
                case '\b' -> buf[size++] = 'b';
                case '\f' -> buf[size++] = 'f';
                default -> {
                    buf[size++] = 'u';
                    buf[size++] = '0';
                    buf[size++] = '0';
                    buf[size++] = HEX[c >> 4];
                    buf[size++] = HEX[c & 0xF];
                }
            }
            run = i + 1;
        }
        int n = end - run;
        ensure(n + 1);
        System.arraycopy(text, run, buf, size, n);
        size += n;
        buf[size++] = '"';
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
