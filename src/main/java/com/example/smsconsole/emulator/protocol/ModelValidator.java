package com.example.smsconsole.emulator.protocol;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.databind.JsonNode;

/**
 * Checks a JSON document against a shape of the service model: required members, JSON types,
 * string and list lengths, numeric ranges, patterns and enum values. Members the model does not
 * know are ignored, as AWS does. Each violation names the member path, as in AWS's
 * "1 validation error detected: Value at 'x' failed to satisfy constraint: ..." messages.
 */
public final class ModelValidator {

    /** One failed constraint. */
    public record Violation(String path, String message, boolean missing) {
    }

    private final ServiceModel model;
    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

    public ModelValidator(ServiceModel model) {
        this.model = model;
    }

    public List<Violation> validate(String shapeName, JsonNode value) {
        List<Violation> violations = new ArrayList<>();
        check(shapeName, value, "", violations);
        return violations;
    }

    private void check(String shapeName, JsonNode value, String path, List<Violation> out) {
        JsonNode shape = model.shape(shapeName);
        String type = shape.path("type").asString();
        switch (type) {
            case "structure" -> checkStructure(shape, value, path, out);
            case "list" -> checkList(shape, value, path, out);
            case "map" -> checkMap(shape, value, path, out);
            case "string" -> checkString(shape, value, path, out);
            case "integer", "long" -> checkIntegral(shape, value, path, out);
            case "float", "double" -> checkNumber(shape, value, path, out);
            case "boolean" -> {
                if (!value.isBoolean()) {
                    out.add(new Violation(path, "Member must be a boolean", false));
                }
            }
            case "timestamp" -> {
                if (!value.isNumber()) {
                    out.add(new Violation(path, "Member must be a timestamp in epoch seconds", false));
                }
            }
            case "blob" -> checkBlob(shape, value, path, out);
            default -> {
                // other shapes are not used by the emulated operations
            }
        }
    }

    private void checkStructure(JsonNode shape, JsonNode value, String path, List<Violation> out) {
        if (!value.isObject()) {
            out.add(new Violation(path, "Member must be an object", false));
            return;
        }
        for (JsonNode required : shape.path("required")) {
            String name = required.asString();
            JsonNode member = value.get(name);
            if (member == null || member.isNull()) {
                out.add(new Violation(join(path, name), "Member must not be null", true));
            }
        }
        JsonNode members = shape.path("members");
        for (var entry : value.properties()) {
            JsonNode member = members.get(entry.getKey());
            if (member != null && !entry.getValue().isNull()) {
                check(member.path("shape").asString(), entry.getValue(), join(path, entry.getKey()), out);
            }
        }
    }

    private void checkList(JsonNode shape, JsonNode value, String path, List<Violation> out) {
        if (!value.isArray()) {
            out.add(new Violation(path, "Member must be a list", false));
            return;
        }
        checkLength(shape, value.size(), path, out);
        String member = shape.path("member").path("shape").asString();
        int i = 0;
        for (JsonNode item : value) {
            check(member, item, path + "." + (++i), out);
        }
    }

    private void checkMap(JsonNode shape, JsonNode value, String path, List<Violation> out) {
        if (!value.isObject()) {
            out.add(new Violation(path, "Member must be a map", false));
            return;
        }
        checkLength(shape, value.size(), path, out);
        String keyShape = shape.path("key").path("shape").asString();
        String valueShape = shape.path("value").path("shape").asString();
        for (var entry : value.properties()) {
            check(keyShape, tools.jackson.databind.node.JsonNodeFactory.instance.stringNode(entry.getKey()), path + ".key", out);
            check(valueShape, entry.getValue(), path + "." + entry.getKey(), out);
        }
    }

    private void checkString(JsonNode shape, JsonNode value, String path, List<Violation> out) {
        if (!value.isString()) {
            out.add(new Violation(path, "Member must be a string", false));
            return;
        }
        String text = value.asString();
        checkLength(shape, text.codePointCount(0, text.length()), path, out);
        JsonNode allowed = shape.path("enum");
        if (allowed.isArray() && !allowed.isEmpty()) {
            boolean found = false;
            for (JsonNode option : allowed) {
                found |= option.asString().equals(text);
            }
            if (!found) {
                out.add(new Violation(path, "Member must satisfy enum value set: " + allowed, false));
            }
        }
        if (shape.has("pattern") && !text.isEmpty()) {
            Pattern pattern = pattern(shape.path("pattern").asString());
            if (pattern != null && !pattern.matcher(text).matches()) {
                out.add(new Violation(path, "Member must satisfy regular expression pattern: " + shape.path("pattern").asString(), false));
            }
        }
    }

    private void checkIntegral(JsonNode shape, JsonNode value, String path, List<Violation> out) {
        if (!value.isIntegralNumber()) {
            out.add(new Violation(path, "Member must be an integer", false));
            return;
        }
        checkRange(shape, value.asLong(), path, out);
    }

    private void checkNumber(JsonNode shape, JsonNode value, String path, List<Violation> out) {
        if (!value.isNumber()) {
            out.add(new Violation(path, "Member must be a number", false));
        }
    }

    private void checkBlob(JsonNode shape, JsonNode value, String path, List<Violation> out) {
        if (!value.isString()) {
            out.add(new Violation(path, "Member must be base64-encoded binary data", false));
            return;
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(value.asString());
            checkLength(shape, bytes.length, path, out);
        } catch (IllegalArgumentException e) {
            out.add(new Violation(path, "Member must be base64-encoded binary data", false));
        }
    }

    private static void checkLength(JsonNode shape, long length, String path, List<Violation> out) {
        if (shape.has("min") && length < shape.path("min").asLong()) {
            out.add(new Violation(path, "Member must have length greater than or equal to " + shape.path("min").asLong(), false));
        }
        if (shape.has("max") && length > shape.path("max").asLong()) {
            out.add(new Violation(path, "Member must have length less than or equal to " + shape.path("max").asLong(), false));
        }
    }

    private static void checkRange(JsonNode shape, long number, String path, List<Violation> out) {
        if (shape.has("min") && number < shape.path("min").asLong()) {
            out.add(new Violation(path, "Member must have value greater than or equal to " + shape.path("min").asLong(), false));
        }
        if (shape.has("max") && number > shape.path("max").asLong()) {
            out.add(new Violation(path, "Member must have value less than or equal to " + shape.path("max").asLong(), false));
        }
    }

    private Pattern pattern(String regex) {
        return patterns.computeIfAbsent(regex, r -> {
            try {
                return Pattern.compile(r);
            } catch (PatternSyntaxException e) {
                return Pattern.compile("(?s).*");
            }
        });
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
