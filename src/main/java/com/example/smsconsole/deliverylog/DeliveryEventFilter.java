package com.example.smsconsole.deliverylog;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What to search for in the delivery history; every part is optional. Immutable, with
 * {@code withX} copies.
 *
 * @param eventTypes the event types to show; empty means all
 * @param from first instant included
 * @param to first instant excluded
 * @param destination a full E.164 number or its beginning ({@code +1425})
 * @param messageId an exact message id
 * @param country an ISO 3166 alpha-2 code
 * @param finalOnly only events that end a message's delivery
 */
public record DeliveryEventFilter(
        Set<String> eventTypes,
        @Nullable Instant from,
        @Nullable Instant to,
        @Nullable String destination,
        @Nullable String messageId,
        @Nullable String country,
        boolean finalOnly) {

    public DeliveryEventFilter {
        eventTypes = Set.copyOf(eventTypes);
        destination = blankToNull(destination);
        messageId = blankToNull(messageId);
        country = country == null || country.isBlank() ? null : country.strip().toUpperCase(Locale.ROOT);
    }

    public static DeliveryEventFilter empty() {
        return new DeliveryEventFilter(Set.of(), null, null, null, null, null, false);
    }

    public DeliveryEventFilter withEventTypes(Set<String> value) {
        return new DeliveryEventFilter(value, from, to, destination, messageId, country, finalOnly);
    }

    public DeliveryEventFilter withRange(@Nullable Instant fromInclusive, @Nullable Instant toExclusive) {
        return new DeliveryEventFilter(eventTypes, fromInclusive, toExclusive, destination, messageId, country, finalOnly);
    }

    public DeliveryEventFilter withDestination(@Nullable String value) {
        return new DeliveryEventFilter(eventTypes, from, to, value, messageId, country, finalOnly);
    }

    public DeliveryEventFilter withMessageId(@Nullable String value) {
        return new DeliveryEventFilter(eventTypes, from, to, destination, value, country, finalOnly);
    }

    public DeliveryEventFilter withCountry(@Nullable String value) {
        return new DeliveryEventFilter(eventTypes, from, to, destination, messageId, value, finalOnly);
    }

    public DeliveryEventFilter withFinalOnly(boolean value) {
        return new DeliveryEventFilter(eventTypes, from, to, destination, messageId, country, value);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
