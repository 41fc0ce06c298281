package com.example.smsconsole.deliverylog;

import com.example.smsconsole.common.PhoneNumber;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses the event JSON AWS writes for SMS events (one JSON object per log event, no envelope)
 * into a {@link DeliveryEvent}. An event that is not such an object, or lacks the type, message id,
 * destination or time, is malformed.
 */
final class ReceiptParser {

    /** Why a log event is not a receipt. */
    static final class MalformedReceiptException extends Exception {
        MalformedReceiptException(String message) {
            super(message, null, false, false);
        }
    }

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private ReceiptParser() {
    }

    static DeliveryEvent parse(String eventId, long logTimestamp, long ingestionTime, @Nullable String logStream, String message)
            throws MalformedReceiptException {
        JsonNode json;
        try {
            json = MAPPER.readTree(message);
        } catch (JacksonException e) {
            throw new MalformedReceiptException("Not JSON: " + firstLine(e.getOriginalMessage()));
        }
        if (json == null || !json.isObject()) {
            throw new MalformedReceiptException("Not a JSON object");
        }
        String type = required(json, "eventType");
        String messageId = required(json, "messageId");
        String destination = required(json, "destinationPhoneNumber");
        JsonNode timestamp = json.get("eventTimestamp");
        long eventAt;
        if (timestamp == null || timestamp.isNull()) {
            eventAt = logTimestamp;
        } else if (timestamp.isNumber()) {
            eventAt = timestamp.asLong();
        } else {
            throw new MalformedReceiptException("eventTimestamp is not a number");
        }
        if (eventAt <= 0 || eventAt >= 1L << 42) {
            throw new MalformedReceiptException("eventTimestamp " + eventAt + " is not a time in epoch milliseconds");
        }
        if (type.length() > 40 || messageId.length() > 64 || destination.length() > 24) {
            throw new MalformedReceiptException("eventType, messageId or destinationPhoneNumber is too long");
        }
        String country = text(json, "isoCountryCode");
        if (country == null || country.length() != 2) {
            country = PhoneNumber.tryParse(destination).map(PhoneNumber::regionCode).orElse(null);
        }
        JsonNode context = json.get("context");
        JsonNode requested = json.get("messageRequestTimestamp");
        return new DeliveryEvent(eventId, Instant.ofEpochMilli(eventAt), Instant.ofEpochMilli(ingestionTime), type, messageId, destination,
                truncate(text(json, "originationPhoneNumber"), 64), truncate(text(json, "configurationSetName"), 64), country, truncate(text(json, "messageStatus"), 40), truncate(text(json, "messageStatusDescription"), 1000),
                // cut to the store's columns: one over-long value from any writer of the log group must not stop ingestion
                truncate(text(json, "messageType"), 20), truncate(text(json, "messageEncoding"), 10), integer(json, "totalMessageParts"),
                decimal(json, "totalMessagePrice"), decimal(json, "totalCarrierFee"), json.path("isFinal").asBoolean(false),
                truncate(text(json, "carrierName"), 100),
                requested != null && requested.isNumber() ? Instant.ofEpochMilli(requested.asLong()) : null,
                context != null && context.isObject() && !context.isEmpty() ? truncate(context.toString(), 4000) : null, logStream);
    }

    private static String required(JsonNode json, String field) throws MalformedReceiptException {
        JsonNode node = json.get(field);
        if (node == null || !node.isString() || node.asString().isBlank()) {
            throw new MalformedReceiptException("Missing " + field);
        }
        return node.asString();
    }

    private static @Nullable String text(JsonNode json, String field) {
        JsonNode node = json.get(field);
        return node == null || node.isNull() || node.isContainer() ? null : node.asString();
    }

    private static @Nullable Integer integer(JsonNode json, String field) {
        JsonNode node = json.get(field);
        return node != null && node.isNumber() ? node.asInt() : null;
    }

    private static @Nullable BigDecimal decimal(JsonNode json, String field) {
        JsonNode node = json.get(field);
        return node != null && node.isNumber() ? node.decimalValue() : null;
    }

    private static @Nullable String truncate(@Nullable String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static String firstLine(@Nullable String value) {
        if (value == null) {
            return "unreadable";
        }
        int nl = value.indexOf('\n');
        return nl < 0 ? value : value.substring(0, nl);
    }
}
