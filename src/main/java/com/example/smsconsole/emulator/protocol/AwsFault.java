package com.example.smsconsole.emulator.protocol;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An AWS error to send back: the {@code __type}, the HTTP status, the message and the modelled
 * members ({@code Reason}, {@code ResourceType}, {@code ResourceId}, {@code Fields}).
 */
public class AwsFault extends RuntimeException {

    private final String type;
    private final int status;
    private final Map<String, Object> members;

    public AwsFault(String type, int status, String message, Map<String, Object> members) {
        super(message, null, false, false);
        this.type = type;
        this.status = status;
        this.members = new LinkedHashMap<>(members);
    }

    public String type() {
        return type;
    }

    public int status() {
        return status;
    }

    public Map<String, Object> members() {
        return members;
    }

    // --- End User Messaging SMS exceptions (see the service model) ---

    public static AwsFault validation(String reason, String message, List<Map<String, String>> fields) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("Reason", reason);
        if (!fields.isEmpty()) {
            members.put("Fields", fields);
        }
        return new AwsFault("ValidationException", 400, message, members);
    }

    public static AwsFault validation(String reason, String message) {
        return validation(reason, message, List.of());
    }

    public static AwsFault validationField(String reason, String field, String message) {
        return validation(reason, message, List.of(Map.of("Name", field, "Message", message)));
    }

    public static AwsFault conflict(String reason, String resourceType, @Nullable String resourceId, String message) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("Reason", reason);
        members.put("ResourceType", resourceType);
        if (resourceId != null) {
            members.put("ResourceId", resourceId);
        }
        return new AwsFault("ConflictException", 400, message, members);
    }

    public static AwsFault notFound(String resourceType, String resourceId) {
        return new AwsFault("ResourceNotFoundException", 400,
                "Resource of type '" + resourceType + "' with id '" + resourceId + "' does not exist.",
                Map.of("ResourceType", resourceType, "ResourceId", resourceId));
    }

    public static AwsFault quota(String reason, String message) {
        return new AwsFault("ServiceQuotaExceededException", 400, message, Map.of("Reason", reason));
    }

    public static AwsFault throttling(String message) {
        return new AwsFault("ThrottlingException", 400, message, Map.of());
    }

    public static AwsFault accessDenied(String message) {
        return new AwsFault("AccessDeniedException", 400, message, Map.of());
    }

    public static AwsFault internal(String message, String requestId) {
        return new AwsFault("InternalServerException", 500, message, Map.of("RequestId", requestId));
    }

    /**
     * An operation of the model that the local emulator does not implement: HTTP 501 Not
     * Implemented (RFC 9110 §15.6.2, "the server does not support the functionality required to
     * fulfill the request"), so no client mistakes it for bad input. The type is the emulator's
     * own, not an AWS one; the SDKs see an unmodelled service error with status 501 and do not retry
     * it (they retry 500, 502, 503, 504).
     */
    public static AwsFault notImplemented(String target) {
        return new AwsFault("NotImplementedException", 501, "The local AWS emulator does not implement " + target
                + ". GET /_emulator/coverage lists the operations it implements.", Map.of("Operation", target));
    }

    // --- CloudWatch Logs exceptions (no modelled members) ---

    public static AwsFault logsInvalidParameter(String message) {
        return new AwsFault("InvalidParameterException", 400, message, Map.of());
    }

    public static AwsFault logsNotFound(String message) {
        return new AwsFault("ResourceNotFoundException", 400, message, Map.of());
    }

    public static AwsFault logsAlreadyExists(String message) {
        return new AwsFault("ResourceAlreadyExistsException", 400, message, Map.of());
    }

    public static AwsFault logsUnavailable(String message) {
        return new AwsFault("ServiceUnavailableException", 503, message, Map.of());
    }
}
