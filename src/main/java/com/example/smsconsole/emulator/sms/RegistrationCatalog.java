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

    public List<JsonNode> fields(String type) {
        List<JsonNode> out = new ArrayList<>();
        types.get(type).path("Fields").forEach(out::add);
        return out;
    }

    public @Nullable JsonNode field(String type, String fieldPath) {
        for (JsonNode field : types.get(type).path("Fields")) {
            if (field.path("FieldPath").asString().equals(fieldPath)) {
                return field;
            }
        }
        return null;
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
