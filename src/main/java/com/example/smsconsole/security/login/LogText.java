package com.example.smsconsole.security.login;

/** A user-typed value made safe for one log line or audit field: no control characters, bounded length. */
final class LogText {

    private static final int MAX = 64;

    private LogText() {
    }

    static String of(String value) {
        StringBuilder out = new StringBuilder(Math.min(value.length(), MAX + 1));
        value.codePoints().limit(MAX).forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        if (value.codePointCount(0, value.length()) > MAX) {
            out.append('…');
        }
        return out.toString();
    }
}
