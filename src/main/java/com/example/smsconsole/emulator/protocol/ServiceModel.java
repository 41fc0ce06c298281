package com.example.smsconsole.emulator.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A botocore service model ({@code service-2.json}, documentation removed): the operations with
 * their input and output shapes, and every shape's constraints. The emulator validates requests
 * (and, in strict mode, its own responses) against it.
 */
public final class ServiceModel {

    private final String targetPrefix;
    private final String signingName;
    private final String jsonVersion;
    private final JsonNode operations;
    private final JsonNode shapes;

    private ServiceModel(JsonNode model) {
        JsonNode metadata = model.path("metadata");
        this.targetPrefix = metadata.path("targetPrefix").asString();
        this.signingName = metadata.path("signingName").asString(metadata.path("endpointPrefix").asString());
        this.jsonVersion = metadata.path("jsonVersion").asString();
        this.operations = model.path("operations");
        this.shapes = model.path("shapes");
    }

    public static ServiceModel load(String resource, JsonMapper mapper) {
        try (InputStream in = ServiceModel.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Service model not found: " + resource);
            }
            return new ServiceModel(mapper.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code PinpointSMSVoiceV2} or {@code Logs_20140328}. */
    public String targetPrefix() {
        return targetPrefix;
    }

    /** SigV4 signing name: {@code sms-voice} or {@code logs}. */
    public String signingName() {
        return signingName;
    }

    /** {@code application/x-amz-json-1.0} or {@code -1.1}. */
    public String contentType() {
        return "application/x-amz-json-" + jsonVersion;
    }

    public boolean hasOperation(String name) {
        return operations.has(name);
    }

    public Set<String> operationNames() {
        return Set.copyOf(operations.propertyNames());
    }

    public @Nullable String inputShape(String operation) {
        JsonNode input = operations.path(operation).path("input").path("shape");
        return input.isMissingNode() ? null : input.asString();
    }

    public @Nullable String outputShape(String operation) {
        JsonNode output = operations.path(operation).path("output").path("shape");
        return output.isMissingNode() ? null : output.asString();
    }

    public JsonNode shape(String name) {
        JsonNode shape = shapes.path(name);
        if (shape.isMissingNode()) {
            throw new IllegalArgumentException("Unknown shape " + name);
        }
        return shape;
    }
}
