package com.example.smsconsole.emulator.sms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Registration types with their sections and field definitions, from
 * {@code emulator/registration-types.json} (the shapes of DescribeRegistrationTypeDefinitions,
 * -SectionDefinitions and -FieldDefinitions, so the file can be refreshed from a real
 * {@code describe-registration-field-definitions} dump).
 */
public final class RegistrationCatalog {

    private final Map<String, JsonNode> types = new LinkedHashMap<>();

    public RegistrationCatalog(JsonMapper mapper) {
        try (InputStream in = RegistrationCatalog.class.getResourceAsStream("/emulator/registration-types.json")) {
            JsonNode root = mapper.readTree(in);
            for (JsonNode type : root.path("registrationTypes")) {
                types.put(type.path("RegistrationType").asString(), type);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<String> typeNames() {
        return List.copyOf(types.keySet());
    }

    public boolean has(String type) {
        return types.containsKey(type);
    }

    /** The type definition as DescribeRegistrationTypeDefinitions returns it. */
    public ObjectNode definition(String type) {
        ObjectNode definition = ((ObjectNode) types.get(type)).deepCopy();
        definition.remove("Sections");
        definition.remove("Fields");
        return definition;
    }

    public List<JsonNode> sections(String type) {
        List<JsonNode> out = new ArrayList<>();
        types.get(type).path("Sections").forEach(out::add);
        return out;
    }

    /** The field definitions as DescribeRegistrationFieldDefinitions returns them. */
    public List<JsonNode> fields(String type) {
        List<JsonNode> out = new ArrayList<>();
        types.get(type).path("Fields").forEach(f -> out.add(published(f)));
        return out;
    }

    public @Nullable JsonNode field(String type, String fieldPath) {
        for (JsonNode field : types.get(type).path("Fields")) {
            if (field.path("FieldPath").asString().equals(fieldPath)) {
                return published(field);
            }
        }
        return null;
    }

    /**
     * The fields a submitted version lacks: every REQUIRED field, and every CONDITIONAL field whose
     * condition holds. Conditions are the emulator's own keys in the data file
     * ({@code emulatorRequiredWhen}, {@code emulatorRequiredUnless}: another field's choices), taken
     * from public material (the 10DLC guide of aws-samples: stock fields for PUBLIC_PROFIT brands,
     * sub use cases for MIXED and LOW_VOLUME campaigns; users' registration scripts: the tax id
     * fields of non-sole-proprietor toll-free registrations). AWS does not publish its rules.
     */
    public List<JsonNode> missing(String type, Map<String, List<String>> choicesByField, java.util.Set<String> present) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode field : types.get(type).path("Fields")) {
            String path = field.path("FieldPath").asString();
            if (present.contains(path)) {
                continue;
            }
            String requirement = field.path("FieldRequirement").asString();
            boolean required = "REQUIRED".equals(requirement);
            if ("CONDITIONAL".equals(requirement)) {
                JsonNode when = field.path("emulatorRequiredWhen");
                JsonNode unless = field.path("emulatorRequiredUnless");
                if (when.isObject()) {
                    required = chosen(when, choicesByField);
                } else if (unless.isObject()) {
                    required = present.contains(unless.path("FieldPath").asString()) && !chosen(unless, choicesByField);
                }
            }
            if (required) {
                out.add(published(field));
            }
        }
        return out;
    }

    private static boolean chosen(JsonNode condition, Map<String, List<String>> choicesByField) {
        List<String> choices = choicesByField.getOrDefault(condition.path("FieldPath").asString(), List.of());
        for (JsonNode option : condition.path("Choices")) {
            if (choices.contains(option.asString())) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode published(JsonNode field) {
        ObjectNode copy = ((ObjectNode) field).deepCopy();
        copy.remove("emulatorRequiredWhen");
        copy.remove("emulatorRequiredUnless");
        return copy;
    }

    public boolean hasSection(String type, String sectionPath) {
        for (JsonNode section : types.get(type).path("Sections")) {
            if (section.path("SectionPath").asString().equals(sectionPath)) {
                return true;
            }
        }
        return false;
    }
}
