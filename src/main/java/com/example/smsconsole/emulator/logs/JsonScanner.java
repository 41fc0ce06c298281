package com.example.smsconsole.emulator.logs;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A strict JSON (RFC 8259) scanner over an event's UTF-8 bytes that finds the values of a set of
 * selectors in one pass, without building a tree. A value is reported as a packed {@code long}:
 * its kind, flags and the span of its text inside the message, so that a search compares bytes and
 * an index stores 8 bytes per event and field.
 *
 * <p>Semantics the filter-pattern language needs (see {@link FilterPattern}): the root must be an
 * object (anything else, or broken JSON, is {@link #NOT_OBJECT}); of duplicate keys the last one
 * counts; a name step reaches into objects only, an index step into arrays only, a wildcard step
 * into any member or element; an array value records whether one of its elements is null.
 */
final class JsonScanner {

    static final int MISSING = 0;
    static final int NULL = 1;
    static final int TRUE = 2;
    static final int FALSE = 3;
    static final int NUMBER = 4;
    static final int STRING = 5;
    static final int ARRAY = 6;
    static final int OBJECT = 7;
    static final int NOT_JSON = 15;

    /** A string value whose text contains escapes (decode before comparing). */
    static final int FLAG_ESCAPED = 1;
    /** An array with a null element. */
    static final int FLAG_NULL_ELEMENT = 2;

    /** The whole message is not a JSON object: no JSON pattern matches it. */
    static final long NOT_OBJECT = pack(NOT_JSON, 0, 0, 0);
    static final long ABSENT = pack(MISSING, 0, 0, 0);

    private static final int MAX_DEPTH = 512;

    /** One step of a selector. */
    record Step(int kind, String name, byte[] nameBytes, int index) {

        static final int NAME = 0;
        static final int INDEX = 1;
        static final int ANY = 2;
        /** Logs Insights' flattened names: {@code items.0} is element 0 of an array or member "0". */
        static final int NAME_OR_INDEX = 3;

        static Step name(String name) {
            return new Step(NAME, name, name.getBytes(StandardCharsets.UTF_8), -1);
        }

        static Step index(int index) {
            return new Step(INDEX, "", new byte[0], index);
        }

        static Step any() {
            return new Step(ANY, "*", new byte[0], -1);
        }

        static Step nameOrIndex(String name) {
            int index = -1;
            if (!name.isEmpty() && name.length() < 10 && name.chars().allMatch(Character::isDigit)) {
                index = Integer.parseInt(name);
            }
            return new Step(index >= 0 ? NAME_OR_INDEX : NAME, name, name.getBytes(StandardCharsets.UTF_8), index);
        }

        boolean wildcard() {
            return kind == ANY;
        }
    }

    /** A selector: the steps from the root object to a value. */
    record Selector(Step[] steps, String key) {

        Selector(Step[] steps) {
            this(steps, key(steps));
        }

        boolean hasWildcard() {
            return Arrays.stream(steps).anyMatch(Step::wildcard);
        }

        int wildcards() {
            return (int) Arrays.stream(steps).filter(Step::wildcard).count();
        }

        @Override
        public boolean equals(@Nullable Object other) {
            return other instanceof Selector s && s.key.equals(key);
        }

        @Override
        public int hashCode() {
            return key.hashCode();
        }

        @Override
        public String toString() {
            return key;
        }

        private static String key(Step[] steps) {
            StringBuilder key = new StringBuilder();
            for (Step step : steps) {
                switch (step.kind()) {
                    case Step.NAME -> key.append(".n").append(step.name().length()).append(':').append(step.name());
                    case Step.INDEX -> key.append(".i").append(step.index());
                    case Step.ANY -> key.append(".*");
                    default -> key.append(".f").append(step.name().length()).append(':').append(step.name());
                }
            }
            return key.toString();
        }
    }

    /** Receives the values found: for a selector without wildcards at most one (the last). */
    interface Sink {
        void value(int selector, long packed);

        /** A key matched a selector's step again: what an earlier duplicate produced no longer counts. */
        void reset(int selector);
    }

    static long pack(int kind, int flags, int start, int length) {
        return ((long) kind << 60) | ((long) flags << 56) | ((long) start << 28) | length;
    }

    static int kind(long packed) {
        return (int) (packed >>> 60);
    }

    static int flags(long packed) {
        return (int) (packed >>> 56) & 0xF;
    }

    static int start(long packed) {
        return (int) (packed >>> 28) & 0x0FFF_FFFF;
    }

    static int length(long packed) {
        return (int) packed & 0x0FFF_FFFF;
    }

    private final byte[] b;
    private final int base;
    private final int end;
    private final Selector[] selectors;
    private final Sink sink;
    private int pos;

    private JsonScanner(byte[] bytes, int offset, int length, Selector[] selectors, Sink sink) {
        this.b = bytes;
        this.base = offset;
        this.end = offset + length;
        this.selectors = selectors;
        this.sink = sink;
        this.pos = offset;
    }

    /**
     * Scans one message; returns false (and reports nothing reliable) when it is not exactly one
     * JSON object.
     */
    static boolean scan(byte[] bytes, int offset, int length, Selector[] selectors, Sink sink) {
        var scanner = new JsonScanner(bytes, offset, length, selectors, sink);
        try {
            scanner.whitespace();
            if (scanner.pos >= scanner.end || bytes[scanner.pos] != '{') {
                return false;
            }
            long[] all = new long[(selectors.length + 63) >>> 6];
            for (int i = 0; i < selectors.length; i++) {
                all[i >>> 6] |= 1L << i;
            }
            scanner.value(0, all);
            scanner.whitespace();
            return scanner.pos == scanner.end;
        } catch (Malformed e) {
            return false;
        }
    }

    /** Whether a message is exactly one JSON object. */
    static boolean isObject(byte[] bytes, int offset, int length) {
        return scan(bytes, offset, length, new Selector[0], NO_SINK);
    }

    private static final Sink NO_SINK = new Sink() {
        @Override
        public void value(int selector, long packed) {
        }

        @Override
        public void reset(int selector) {
        }
    };

    private static final class Malformed extends RuntimeException {
        Malformed() {
            super(null, null, false, false);
        }
    }

    private static final Malformed MALFORMED = new Malformed();

    /**
     * Parses one value at {@code depth}; {@code active} are the selectors whose first {@code depth}
     * steps lead here. Returns the packed value (kind, flags, span).
     */
    private long value(int depth, long @Nullable [] active) {
        if (depth > MAX_DEPTH || pos >= end) {
            throw MALFORMED;
        }
        byte c = b[pos];
        long result;
        switch (c) {
            case '{' -> result = object(depth, active);
            case '[' -> result = array(depth, active);
            case '"' -> {
                int start = pos + 1;
                boolean escaped = string();
                result = pack(STRING, escaped ? FLAG_ESCAPED : 0, start - base, pos - 1 - start);
            }
            case 't' -> result = literal("true", TRUE);
            case 'f' -> result = literal("false", FALSE);
            case 'n' -> result = literal("null", NULL);
            default -> {
                int start = pos;
                number();
                result = pack(NUMBER, 0, start - base, pos - start);
            }
        }
        if (active != null) {
            for (int w = 0; w < active.length; w++) {
                long bits = active[w];
                while (bits != 0) {
                    int i = (w << 6) + Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                    if (selectors[i].steps().length == depth) {
                        sink.value(i, result);
                    }
                }
            }
        }
        return result;
    }

    private long object(int depth, long @Nullable [] active) {
        int start = pos;
        pos++;
        whitespace();
        if (pos < end && b[pos] == '}') {
            pos++;
            return pack(OBJECT, 0, start - base, pos - start);
        }
        while (true) {
            whitespace();
            if (pos >= end || b[pos] != '"') {
                throw MALFORMED;
            }
            int keyStart = pos + 1;
            boolean escaped = string();
            int keyEnd = pos - 1;
            whitespace();
            if (pos >= end || b[pos] != ':') {
                throw MALFORMED;
            }
            pos++;
            whitespace();
            long[] child = active == null ? null : children(depth, active, keyStart, keyEnd, escaped, -1);
            value(depth + 1, child);
            whitespace();
            if (pos >= end) {
                throw MALFORMED;
            }
            if (b[pos] == ',') {
                pos++;
                continue;
            }
            if (b[pos] == '}') {
                pos++;
                return pack(OBJECT, 0, start - base, pos - start);
            }
            throw MALFORMED;
        }
    }

    private long array(int depth, long @Nullable [] active) {
        int start = pos;
        pos++;
        whitespace();
        int flags = 0;
        if (pos < end && b[pos] == ']') {
            pos++;
            return pack(ARRAY, 0, start - base, pos - start);
        }
        for (int index = 0; ; index++) {
            whitespace();
            long[] child = active == null ? null : children(depth, active, 0, 0, false, index);
            long element = value(depth + 1, child);
            if (kind(element) == NULL) {
                flags |= FLAG_NULL_ELEMENT;
            }
            whitespace();
            if (pos >= end) {
                throw MALFORMED;
            }
            if (b[pos] == ',') {
                pos++;
                continue;
            }
            if (b[pos] == ']') {
                pos++;
                return pack(ARRAY, flags, start - base, pos - start);
            }
            throw MALFORMED;
        }
    }

    /** The selectors among {@code active} whose step at {@code depth} matches this member or element. */
    private long @Nullable [] children(int depth, long[] active, int keyStart, int keyEnd, boolean escapedKey, int index) {
        long[] child = null;
        @Nullable String decodedKey = null;
        for (int w = 0; w < active.length; w++) {
            long bits = active[w];
            while (bits != 0) {
                int i = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                Step[] steps = selectors[i].steps();
                if (steps.length <= depth) {
                    continue;
                }
                Step step = steps[depth];
                boolean matches;
                if (index >= 0) {
                    matches = step.kind() == Step.ANY || ((step.kind() == Step.INDEX || step.kind() == Step.NAME_OR_INDEX) && step.index() == index);
                } else if (step.kind() == Step.ANY) {
                    matches = true;
                } else if (step.kind() == Step.INDEX) {
                    matches = false;
                } else if (escapedKey) {
                    if (decodedKey == null) {
                        decodedKey = decode(b, keyStart, keyEnd - keyStart);
                    }
                    matches = decodedKey.equals(step.name());
                } else {
                    matches = Arrays.equals(b, keyStart, keyEnd, step.nameBytes(), 0, step.nameBytes().length);
                }
                if (matches) {
                    if (child == null) {
                        child = new long[active.length];
                    }
                    child[w] |= 1L << (i & 63);
                    if (!selectors[i].hasWildcard()) {
                        sink.reset(i);
                    }
                }
            }
        }
        return child;
    }

    /** Consumes a string starting at the quote; returns whether it has escapes. */
    private boolean string() {
        pos++;
        boolean escaped = false;
        while (pos < end) {
            byte c = b[pos];
            if (c == '"') {
                pos++;
                return escaped;
            }
            if (c == '\\') {
                escaped = true;
                pos++;
                if (pos >= end) {
                    throw MALFORMED;
                }
                byte e = b[pos];
                if (e == 'u') {
                    if (pos + 4 >= end) {
                        throw MALFORMED;
                    }
                    for (int k = 1; k <= 4; k++) {
                        if (Character.digit(b[pos + k], 16) < 0) {
                            throw MALFORMED;
                        }
                    }
                    pos += 5;
                    continue;
                }
                if ("\"\\/bfnrt".indexOf(e) < 0) {
                    throw MALFORMED;
                }
                pos++;
                continue;
            }
            if ((c & 0xFF) < 0x20) {
                throw MALFORMED;
            }
            pos++;
        }
        throw MALFORMED;
    }

    private void number() {
        int start = pos;
        if (pos < end && b[pos] == '-') {
            pos++;
        }
        if (pos >= end) {
            throw MALFORMED;
        }
        if (b[pos] == '0') {
            pos++;
        } else if (b[pos] >= '1' && b[pos] <= '9') {
            while (pos < end && b[pos] >= '0' && b[pos] <= '9') {
                pos++;
            }
        } else {
            throw MALFORMED;
        }
        if (pos < end && b[pos] == '.') {
            pos++;
            int digits = pos;
            while (pos < end && b[pos] >= '0' && b[pos] <= '9') {
                pos++;
            }
            if (pos == digits) {
                throw MALFORMED;
            }
        }
        if (pos < end && (b[pos] == 'e' || b[pos] == 'E')) {
            pos++;
            if (pos < end && (b[pos] == '+' || b[pos] == '-')) {
                pos++;
            }
            int digits = pos;
            while (pos < end && b[pos] >= '0' && b[pos] <= '9') {
                pos++;
            }
            if (pos == digits) {
                throw MALFORMED;
            }
        }
        if (pos == start) {
            throw MALFORMED;
        }
    }

    private long literal(String word, int kind) {
        int n = word.length();
        if (pos + n > end) {
            throw MALFORMED;
        }
        for (int k = 0; k < n; k++) {
            if (b[pos + k] != word.charAt(k)) {
                throw MALFORMED;
            }
        }
        pos += n;
        return pack(kind, 0, pos - n - base, n);
    }

    private void whitespace() {
        while (pos < end) {
            byte c = b[pos];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                pos++;
            } else {
                return;
            }
        }
    }

    /** The text of a string value (the span between its quotes), escapes resolved. */
    static String decode(byte[] bytes, int offset, int length) {
        boolean plain = true;
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] == '\\') {
                plain = false;
                break;
            }
        }
        if (plain) {
            return new String(bytes, offset, length, StandardCharsets.UTF_8);
        }
        String raw = new String(bytes, offset, length, StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = raw.charAt(++i);
            switch (e) {
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    out.append((char) Integer.parseInt(raw, i + 1, i + 5, 16));
                    i += 4;
                }
                default -> out.append(e);
            }
        }
        return out.toString();
    }
}
