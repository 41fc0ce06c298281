package com.example.smsconsole.registration;

import com.example.smsconsole.common.PhoneNumber;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The form of one registration type, generated from its section and field definitions: checks a
 * value against its field before anything is sent, writes the registration document as JSON and
 * reads one back (our own export, or the runbook's {@code registration-details.json} with one object
 * per section), reporting every key it cannot use with its line.
 *
 * <p>Values are a {@code String} for text and attachment fields (the attachment id) and a
 * {@code List<String>} for select fields.
 */
public record RegistrationForm(RegistrationType type, List<SectionDefinition> sections, List<FieldDefinition> fields) {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    /** A key of an imported document that was not applied, with its line. */
    public record Problem(int line, String key, String message) {
        @Override
        public String toString() {
            return "line " + line + ": " + key + ": " + message;
        }
    }

    /**
     * What an import read: the values it can apply, the problems it found, and how keys of the
     * runbook's flat document were mapped to field paths.
     */
    public record Imported(@Nullable String registrationType, Map<String, Object> values, List<Problem> problems, List<Problem> mapped) {
    }

    public Optional<FieldDefinition> field(String fieldPath) {
        return fields.stream().filter(f -> f.fieldPath().equals(fieldPath)).findFirst();
    }

    public List<FieldDefinition> fields(SectionDefinition section) {
        return fields.stream().filter(f -> f.sectionPath().equals(section.path())).toList();
    }

    /** What is wrong with the value of a field, in words; empty when it may be sent. */
    public static Optional<String> check(FieldDefinition field, @Nullable Object value) {
        boolean empty = value == null || (value instanceof String s && s.isBlank()) || (value instanceof List<?> l && l.isEmpty());
        if (empty) {
            return field.required() ? Optional.of("Required.") : Optional.empty();
        }
        if (field.select()) {
            if (!(value instanceof List<?> list)) {
                return Optional.of("Choose from the list.");
            }
            for (Object choice : list) {
                if (!field.options().contains(String.valueOf(choice))) {
                    return Optional.of("\"" + choice + "\" is not one of the choices (" + String.join(", ", field.options()) + ").");
                }
            }
            if (list.size() < Math.max(1, field.minChoices())) {
                return Optional.of("Choose at least " + Math.max(1, field.minChoices()) + ".");
            }
            if (list.size() > field.maxChoices()) {
                return Optional.of(field.maxChoices() == 1 ? "Choose one." : "Choose at most " + field.maxChoices() + ".");
            }
            return Optional.empty();
        }
        if (!(value instanceof String text)) {
            return Optional.of(field.attachment() ? "Upload a file." : "Expects text.");
        }
        if (field.attachment()) {
            return Optional.empty();
        }
        int length = text.length();
        if (field.minLength() != null && length < field.minLength()) {
            return Optional.of("At least " + field.minLength() + " characters (now " + length + ").");
        }
        if (field.maxLength() != null && length > field.maxLength()) {
            return Optional.of("At most " + field.maxLength() + " characters (now " + length + ").");
        }
        String path = field.fieldPath().toLowerCase(Locale.ROOT);
        if (path.contains("phone")) {
            try {
                String e164 = PhoneNumber.parse(text).e164();
                if (!e164.equals(text.strip())) {
                    return Optional.of("Write it in E.164 form: " + e164 + ".");
                }
            } catch (PhoneNumber.InvalidPhoneNumberException e) {
                return Optional.of(e.getMessage());
            }
        } else if (path.contains("email")) {
            if (!EMAIL.matcher(text.strip()).matches()) {
                return Optional.of("Not an e-mail address.");
            }
        } else if (path.endsWith("url") || path.endsWith("link") || path.endsWith("website")) {
            if (!isWebAddress(text.strip())) {
                return Optional.of("Not a web address: start with https:// (or http://) and a host name.");
            }
        }
        if (field.pattern() != null) {
            try {
                if (!Pattern.compile(field.pattern()).matcher(text).find()) {
                    return Optional.of(field.validationDescription() == null ? "Not in the expected format." : "Expected: "
                            + field.validationDescription() + ".");
                }
            } catch (PatternSyntaxException e) {
                // a pattern Java cannot read: AWS checks it when the value is written
            }
        }
        return Optional.empty();
    }

    private static boolean isWebAddress(String text) {
        try {
            URI uri = new URI(text);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null
                    && uri.getHost().contains(".");
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Every field's problem, by field path; empty when the whole form may be submitted. */
    public Map<String, String> problems(Map<String, Object> values) {
        Map<String, String> problems = new LinkedHashMap<>();
        for (FieldDefinition field : fields) {
            check(field, values.get(field.fieldPath())).ifPresent(p -> problems.put(field.fieldPath(), p));
        }
        return problems;
    }

    /** The registration document: the type and each field path with its value, in form order. */
    public String document(Map<String, Object> values) {
        ObjectNode root = JSON.createObjectNode();
        root.put("registrationType", type.type());
        ObjectNode out = root.putObject("fields");
        for (FieldDefinition field : fields) {
            Object value = values.get(field.fieldPath());
            if (value instanceof String s && !s.isEmpty()) {
                out.put(field.fieldPath(), s);
            } else if (value instanceof List<?> list && !list.isEmpty()) {
                var array = out.putArray(field.fieldPath());
                list.forEach(v -> array.add(String.valueOf(v)));
            }
        }
        return JSON.writeValueAsString(root);
    }

    /**
     * Reads a document: {@code {"registrationType": ..., "fields": {"section.field": value}}}, or one
     * object per section ({@code {"companyInfo": {"companyName": ...}}}), or dotted keys at the top.
     * Unknown keys, values of the wrong kind and values that fail their field's check are reported
     * with their line and not applied.
     */
    public Imported read(String json) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        List<Problem> mapped = new ArrayList<>();
        String[] registrationType = {null};
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                problems.add(new Problem(p.currentTokenLocation().getLineNr(), "(document)", "Expected a JSON object."));
                return new Imported(null, values, problems, mapped);
            }
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String key = p.currentName();
                int line = p.currentTokenLocation().getLineNr();
                JsonToken token = p.nextToken();
                if (key.equalsIgnoreCase("registrationType")) {
                    registrationType[0] = token == JsonToken.VALUE_STRING ? p.getString() : null;
                    if (registrationType[0] != null && !registrationType[0].equals(type.type())) {
                        problems.add(new Problem(line, key, "The document is for " + registrationType[0] + ", this form is " + type.type() + "."));
                    }
                    p.skipChildren();
                } else if (key.equals("fields") && token == JsonToken.START_OBJECT) {
                    readFields(p, "", values, problems);
                } else if (token == JsonToken.START_OBJECT && sections.stream().anyMatch(s -> s.path().equals(key))) {
                    readFields(p, key + ".", values, problems);
                } else if (field(key).isEmpty() && RunbookKeys.of(key).isPresent()) {
                    readRunbookKey(p, key, line, RunbookKeys.of(key).get(), values, problems, mapped);
                } else {
                    readValue(p, key, line, values, problems);
                }
            }
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            problems.add(new Problem(line, "(document)", "Not valid JSON: " + e.getOriginalMessage()));
        }
        return new Imported(registrationType[0], values, problems, mapped);
    }

    /** A key of the runbook's flat document: applied to the field with the same meaning, or reported as having none. */
    private void readRunbookKey(JsonParser p, String key, int line, RunbookKeys.Mapping mapping, Map<String, Object> values,
            List<Problem> problems, List<Problem> mapped) {
        Optional<FieldDefinition> target = mapping.fieldPaths().stream().map(this::field).flatMap(Optional::stream).findFirst();
        if (target.isEmpty()) {
            p.skipChildren();
            problems.add(new Problem(line, key, "No field of " + type.type() + " has the same meaning"
                    + (mapping.noEquivalent() == null ? "." : ": " + mapping.noEquivalent() + ".")));
            return;
        }
        FieldDefinition field = target.get();
        JsonToken token = p.currentToken();
        if (field.select() && token != null && (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_STRING)) {
            String raw = p.getString();
            Optional<String> choice = field.options().contains(raw) ? Optional.of(raw) : RunbookKeys.numericChoice(field, raw);
            if (choice.isEmpty()) {
                problems.add(new Problem(line, key, "Means " + field.fieldPath() + " (" + field.title() + "), but " + raw
                        + " is not one of its choices (" + String.join(", ", field.options()) + ")."));
                return;
            }
            values.put(field.fieldPath(), List.of(choice.get()));
            mapped.add(new Problem(line, key, "→ " + field.fieldPath() + " (" + field.title() + ")"));
            return;
        }
        int before = problems.size();
        readValue(p, field.fieldPath(), line, values, problems);
        if (problems.size() == before) {
            mapped.add(new Problem(line, key, "→ " + field.fieldPath() + " (" + field.title() + ")"));
        } else {
            Problem last = problems.removeLast();
            problems.add(new Problem(line, key, "Means " + field.fieldPath() + " (" + field.title() + "): " + last.message()));
        }
    }

    private void readFields(JsonParser p, String prefix, Map<String, Object> values, List<Problem> problems) {
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = prefix + p.currentName();
            int line = p.currentTokenLocation().getLineNr();
            p.nextToken();
            readValue(p, key, line, values, problems);
        }
    }

    private void readValue(JsonParser p, String key, int line, Map<String, Object> values, List<Problem> problems) {
        Optional<FieldDefinition> field = field(key);
        if (field.isEmpty()) {
            problems.add(new Problem(line, key, "Not a field of " + type.type() + "."));
            p.skipChildren();
            return;
        }
        Object value;
        JsonToken token = p.currentToken();
        if (token == JsonToken.START_ARRAY) {
            List<String> list = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (p.currentToken().isScalarValue()) {
                    list.add(p.getString());
                } else {
                    p.skipChildren();
                    problems.add(new Problem(line, key, "A list may hold only text values."));
                    return;
                }
            }
            if (!field.get().select()) {
                problems.add(new Problem(line, key, "Expects text, not a list."));
                return;
            }
            value = list;
        } else if (token != null && token.isScalarValue() && token != JsonToken.VALUE_NULL) {
            String text = p.getString();
            value = field.get().select() ? List.of(text) : text;
        } else if (token == JsonToken.VALUE_NULL) {
            return;
        } else {
            p.skipChildren();
            problems.add(new Problem(line, key, "Expects " + (field.get().select() ? "a choice or a list of choices." : "text.")));
            return;
        }
        Optional<String> problem = check(field.get(), value);
        if (problem.isPresent()) {
            problems.add(new Problem(line, key, problem.get()));
            return;
        }
        values.put(key, value);
    }
}
