package com.example.smsconsole.deliverylog;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One filter dimension of a delivery-history search, declared once: its address parameter, how it
 * reads and writes there, the columns it filters on in receipts and messages, the index that can
 * drive a search by it, whether the hourly counts carry it (so counts need not read receipts), its
 * CSV column, and its words in the audit log. The page's address, the queries, the plan choice, the
 * counts, the export and the audit description all derive from these declarations
 * ({@link DeliverySearch#DIMENSIONS}); see docs/decisions/007-20261202-delivery-search-model.md.
 *
 * @param name the dimension's name in code and tests
 * @param param the query parameter in the page's address
 * @param label how the audit log describes it ("country GB")
 * @param kind how a value is matched
 * @param eventColumn the receipt column filtered on
 * @param messageColumn the message column filtered on
 * @param index the receipt index that leads with {@code eventColumn} and then the key, null when none drives by it
 * @param hourly whether the hourly counts (receipts and messages) have a column for it
 * @param csvColumn the CSV export's column holding it, null when the export has none
 * @param <V> the value: a string, a set of strings, a flag or a context pair
 */
public record SearchDimension<V>(String name, String param, String label, Kind kind, @Nullable String eventColumn,
        @Nullable String messageColumn, @Nullable String index, boolean hourly, @Nullable String csvColumn, Codec<V> codec) {

    /** How a dimension's value is matched. */
    public enum Kind {
        /** A set of values, any of which matches ({@code IN}). */
        ANY_OF,
        /** One exact value. */
        EQUALS,
        /** Only rows where the column is true. */
        FLAG,
        /** A full number or its beginning; the number index is led by the first five characters. */
        NUMBER,
        /** One message: its receipts are found by the keys its message row lists. */
        MESSAGE,
        /** A key and value of the send's context, from the context index of messages. */
        CONTEXT
    }

    /** Reads a value from its address form and writes it back; a value that is empty is no filter. */
    public record Codec<V>(Function<String, @Nullable V> parse, Function<V, String> format, Function<V, Boolean> isEmpty) {
    }

    /** The value as the address writes it. */
    public String format(Object value) {
        @SuppressWarnings("unchecked")
        V v = (V) value;
        return codec.format().apply(v);
    }

    public @Nullable V parse(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        V value = codec.parse().apply(text);
        return value == null || codec.isEmpty().apply(value) ? null : value;
    }

    boolean isEmpty(@Nullable Object value) {
        @SuppressWarnings("unchecked")
        V v = (V) value;
        return v == null || codec.isEmpty().apply(v);
    }

    static Codec<String> text() {
        return new Codec<>(String::strip, v -> v, String::isBlank);
    }

    static Codec<String> upperCase() {
        return new Codec<>(v -> v.strip().toUpperCase(Locale.ROOT), v -> v, String::isBlank);
    }

    static Codec<Set<String>> upperCaseSet() {
        return new Codec<>(v -> {
            Set<String> values = new TreeSet<>();
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    values.add(part.strip().toUpperCase(Locale.ROOT));
                }
            }
            return Set.copyOf(values);
        }, v -> String.join(",", new TreeSet<>(v)), Set::isEmpty);
    }

    static Codec<Boolean> flag() {
        return new Codec<>(v -> "true".equalsIgnoreCase(v.strip()) ? Boolean.TRUE : null, v -> "true", v -> !v);
    }

    static Codec<ContextMatch> context() {
        return new Codec<>(ContextMatch::parse, ContextMatch::toString, v -> v.key().isEmpty());
    }

    /** A key and its value in the send's {@code context} map ({@code orderId=A-1001}). */
    public record ContextMatch(String key, String value) {

        /** AWS allows context keys of up to 100 characters; values are kept up to this many. */
        public static final int MAX_VALUE = 200;

        public ContextMatch {
            key = key.strip();
            value = value.strip();
            // the context index holds values up to this length; a longer value is searched as its beginning
            value = value.length() > MAX_VALUE ? value.substring(0, MAX_VALUE) : value;
        }

        /** {@code key=value}; null when there is no {@code =} or no key. */
        public static @Nullable ContextMatch parse(String text) {
            int eq = text.indexOf('=');
            if (eq <= 0) {
                return null;
            }
            var match = new ContextMatch(text.substring(0, eq), text.substring(eq + 1));
            return match.key().isEmpty() ? null : match;
        }

        @Override
        public String toString() {
            return key + "=" + value;
        }
    }
}
