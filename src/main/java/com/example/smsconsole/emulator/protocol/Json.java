package com.example.smsconsole.emulator.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Small helpers for reading requests and writing responses as JSON trees. */
public final class Json {

    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static @Nullable String text(JsonNode input, String field) {
        JsonNode node = input.get(field);
        return node == null || node.isNull() ? null : node.asString();
    }

    public static String text(JsonNode input, String field, String fallback) {
        String value = text(input, field);
        return value == null ? fallback : value;
    }

    public static boolean bool(JsonNode input, String field) {
        JsonNode node = input.get(field);
        return node != null && node.asBoolean(false);
    }

    public static @Nullable Long number(JsonNode input, String field) {
        JsonNode node = input.get(field);
        return node == null || node.isNull() ? null : node.asLong();
    }

    public static List<String> texts(JsonNode input, String field) {
        List<String> out = new ArrayList<>();
        JsonNode node = input.get(field);
        if (node != null && node.isArray()) {
            node.forEach(n -> out.add(n.asString()));
        }
        return out;
    }

    public static ArrayNode strings(List<String> values) {
        ArrayNode array = NODES.arrayNode();
        values.forEach(array::add);
        return array;
    }

    /** An epoch-milliseconds time as the JSON protocols' epoch-seconds number. */
    public static void putTime(ObjectNode node, String field, long epochMillis) {
        node.put(field, epochMillis / 1000.0);
    }

    /** A page of a list: {@code NextToken} continues at the next item. */
    public record Page<T>(List<T> items, @Nullable String nextToken) {

        public void writeTokenTo(ObjectNode node, String field) {
            if (nextToken != null) {
                node.put(field, nextToken);
            }
        }
    }

    /**
     * Cuts one page out of a list.
     *
     * @param invalidToken the service's error for a token it did not issue
     */
    public static <T> Page<T> page(List<T> all, @Nullable String token, @Nullable Long maxResults, int defaultMax,
            Supplier<AwsFault> invalidToken) {
        int offset = 0;
        if (token != null) {
            try {
                String decoded = new String(java.util.Base64.getUrlDecoder().decode(token));
                if (!decoded.startsWith("page:")) {
                    throw invalidToken.get();
                }
                offset = Integer.parseInt(decoded.substring(5));
            } catch (IllegalArgumentException e) {
                throw invalidToken.get();
            }
            if (offset < 0 || offset > all.size()) {
                throw invalidToken.get();
            }
        }
        int size = maxResults == null ? defaultMax : maxResults.intValue();
        int end = Math.min(all.size(), offset + size);
        String next = end < all.size()
                ? java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(("page:" + end).getBytes())
                : null;
        return new Page<>(List.copyOf(all.subList(offset, end)), next);
    }

    public static <T> ArrayNode array(List<T> items, Function<T, JsonNode> mapper) {
        ArrayNode array = NODES.arrayNode();
        items.forEach(i -> array.add(mapper.apply(i)));
        return array;
    }
}
