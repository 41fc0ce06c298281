package com.example.smsconsole.deliverylog;

import com.example.smsconsole.deliverylog.SearchDimension.ContextMatch;
import com.example.smsconsole.deliverylog.SearchDimension.Kind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * What to search for in the delivery history: a time range and a value for any of the declared
 * {@link #DIMENSIONS} (every part optional). Immutable, with {@code with} copies. Its address form
 * ({@link #toParameters()}, {@link #fromParameters(Map)}) and its audit description
 * ({@link #describe()}) come from the declarations, as do the store's queries, plans and counts.
 * Adding a filter is one declaration here, its columns in a migration, and the oracle test covers it.
 * See docs/decisions/007-20261202-delivery-search-model.md.
 */
public final class DeliverySearch {

    public static final SearchDimension<Set<String>> EVENT_TYPES = new SearchDimension<>("eventTypes", "types", "types", Kind.ANY_OF,
            "event_type", "latest_type", "delivery_event_type_time", true, "event_type", SearchDimension.upperCaseSet());
    public static final SearchDimension<String> DESTINATION = new SearchDimension<>("destination", "dest", "destination", Kind.NUMBER,
            "destination", "destination", "delivery_event_destination", false, "destination", SearchDimension.text());
    public static final SearchDimension<String> MESSAGE_ID = new SearchDimension<>("messageId", "msg", "message", Kind.MESSAGE,
            "message_id", "message_id", null, false, "message_id", SearchDimension.text());
    public static final SearchDimension<String> COUNTRY = new SearchDimension<>("country", "country", "country", Kind.EQUALS,
            "country", "country", "delivery_event_country_time", true, "country", SearchDimension.upperCase());
    public static final SearchDimension<Boolean> FINAL_ONLY = new SearchDimension<>("finalOnly", "final", "final only", Kind.FLAG,
            "is_final", "is_final", null, true, "is_final", SearchDimension.flag());
    /** The origination identity as the receipt names it: the phone number (also when sent through a pool) or the sender ID. */
    public static final SearchDimension<String> ORIGINATION = new SearchDimension<>("origination", "orig", "origination", Kind.EQUALS,
            "origination", "origination", "delivery_event_origination", true, "origination", SearchDimension.text());
    public static final SearchDimension<String> CONFIGURATION_SET = new SearchDimension<>("configurationSet", "cs", "configuration set",
            Kind.EQUALS, "configuration_set", "configuration_set", "delivery_event_configuration_set", false, "configuration_set",
            SearchDimension.text());
    public static final SearchDimension<ContextMatch> CONTEXT = new SearchDimension<>("context", "ctx", "context", Kind.CONTEXT,
            null, null, "delivery_context", false, "context", SearchDimension.context());

    /** Every filter dimension, in the order the address, the audit description and the plans consider them. */
    public static final List<SearchDimension<?>> DIMENSIONS = List.of(EVENT_TYPES, DESTINATION, MESSAGE_ID, COUNTRY, FINAL_ONLY, ORIGINATION,
            CONFIGURATION_SET, CONTEXT);

    private static final DeliverySearch EMPTY = new DeliverySearch(null, null, Map.of());

    private final @Nullable Instant from;
    private final @Nullable Instant to;
    private final Map<SearchDimension<?>, Object> values;

    private DeliverySearch(@Nullable Instant from, @Nullable Instant to, Map<SearchDimension<?>, Object> values) {
        this.from = from;
        this.to = to;
        Map<SearchDimension<?>, Object> ordered = new LinkedHashMap<>();
        for (SearchDimension<?> d : DIMENSIONS) {
            Object v = values.get(d);
            if (!d.isEmpty(v)) {
                ordered.put(d, v);
            }
        }
        this.values = Collections.unmodifiableMap(ordered);
    }

    public static DeliverySearch empty() {
        return EMPTY;
    }

    /** A copy with the dimension set to the value (null or an empty value removes it), normalized as its address form reads it. */
    public <V> DeliverySearch with(SearchDimension<V> dimension, @Nullable V value) {
        Map<SearchDimension<?>, Object> next = new LinkedHashMap<>(values);
        V normalized = dimension.isEmpty(value) ? null : dimension.parse(dimension.format(value));
        if (normalized == null) {
            next.remove(dimension);
        } else {
            next.put(dimension, normalized);
        }
        return new DeliverySearch(from, to, next);
    }

    public DeliverySearch withRange(@Nullable Instant fromInclusive, @Nullable Instant toExclusive) {
        return new DeliverySearch(fromInclusive, toExclusive, values);
    }

    /** The dimension's value, null when it does not filter. */
    @SuppressWarnings("unchecked")
    public <V> @Nullable V value(SearchDimension<V> dimension) {
        return (V) values.get(dimension);
    }

    public boolean has(SearchDimension<?> dimension) {
        return values.containsKey(dimension);
    }

    /** The dimensions that filter, in declaration order. */
    public Set<SearchDimension<?>> active() {
        return values.keySet();
    }

    /** Whether the hourly counts can answer this search's whole hours: every dimension that filters is carried by them. */
    public boolean countableByHour() {
        return values.keySet().stream().allMatch(SearchDimension::hourly);
    }

    /** First instant included, if bounded. */
    public @Nullable Instant from() {
        return from;
    }

    /** First instant excluded, if bounded. */
    public @Nullable Instant to() {
        return to;
    }

    // ------------------------------------------------------------------ the dimensions by name, for callers

    public Set<String> eventTypes() {
        Set<String> types = value(EVENT_TYPES);
        return types == null ? Set.of() : types;
    }

    public @Nullable String destination() {
        return value(DESTINATION);
    }

    public @Nullable String messageId() {
        return value(MESSAGE_ID);
    }

    public @Nullable String country() {
        return value(COUNTRY);
    }

    public boolean finalOnly() {
        return Boolean.TRUE.equals(value(FINAL_ONLY));
    }

    public @Nullable String origination() {
        return value(ORIGINATION);
    }

    public @Nullable String configurationSet() {
        return value(CONFIGURATION_SET);
    }

    public @Nullable ContextMatch context() {
        return value(CONTEXT);
    }

    public DeliverySearch withEventTypes(Set<String> value) {
        return with(EVENT_TYPES, value);
    }

    public DeliverySearch withDestination(@Nullable String value) {
        return with(DESTINATION, value);
    }

    public DeliverySearch withMessageId(@Nullable String value) {
        return with(MESSAGE_ID, value);
    }

    public DeliverySearch withCountry(@Nullable String value) {
        return with(COUNTRY, value);
    }

    public DeliverySearch withFinalOnly(boolean value) {
        return with(FINAL_ONLY, value);
    }

    public DeliverySearch withOrigination(@Nullable String value) {
        return with(ORIGINATION, value);
    }

    public DeliverySearch withConfigurationSet(@Nullable String value) {
        return with(CONFIGURATION_SET, value);
    }

    public DeliverySearch withContext(@Nullable ContextMatch value) {
        return with(CONTEXT, value);
    }

    // ------------------------------------------------------------------ address and audit forms

    /** The filters as query parameters of the page's address, in declaration order (the time range is the page's own). */
    public Map<String, List<String>> toParameters() {
        Map<String, List<String>> params = new LinkedHashMap<>();
        values.forEach((d, v) -> params.put(d.param(), List.of(d.format(v))));
        return params;
    }

    /** The filters read from query parameters; unknown parameters are left to the page, unreadable values are no filter. */
    public static DeliverySearch fromParameters(Map<String, List<String>> params) {
        Map<SearchDimension<?>, Object> values = new LinkedHashMap<>();
        for (SearchDimension<?> d : DIMENSIONS) {
            List<String> given = params.get(d.param());
            Object value = given == null || given.isEmpty() ? null : d.parse(given.getFirst());
            if (value != null) {
                values.put(d, value);
            }
        }
        return new DeliverySearch(null, null, values);
    }

    /** The search in words for the audit log: {@code types TEXT_BLOCKED|TEXT_SPAM, time … to …, country GB}. */
    public String describe() {
        var parts = new ArrayList<String>();
        values.forEach((d, v) -> {
            String text = switch (v) {
                case Set<?> set -> String.join("|", new TreeSet<>(set.stream().map(String::valueOf).toList()));
                case Boolean b -> null;
                default -> String.valueOf(v);
            };
            parts.add(text == null ? d.label() : d.label() + " " + text);
        });
        if (from != null || to != null) {
            parts.add(has(EVENT_TYPES) ? 1 : 0, "time " + (from == null ? "…" : from) + " to " + (to == null ? "…" : to));
        }
        return parts.isEmpty() ? "all receipts" : String.join(", ", parts);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DeliverySearch s && Objects.equals(from, s.from) && Objects.equals(to, s.to) && values.equals(s.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(from, to, values);
    }

    @Override
    public String toString() {
        return "DeliverySearch[" + describe() + "]";
    }
}
