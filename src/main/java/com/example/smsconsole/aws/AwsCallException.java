package com.example.smsconsole.aws;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A failed AWS call, in terms a user and a support engineer can both use: what was called, the AWS
 * error code and reason, the HTTP status, the request id to quote to AWS support, and a message in
 * plain words.
 */
public class AwsCallException extends RuntimeException {

    /** A field AWS named in a {@code ValidationException}. */
    public record FieldError(String name, String message) {
    }

    /** Broad kinds of failure, for decisions such as "retry later". */
    public enum Kind {
        /** The request was refused (validation, conflict, not found, quota, access). */
        CLIENT,
        /** AWS throttled the call and the SDK's retries did not get through. */
        THROTTLED,
        /** AWS failed (5xx). */
        SERVER,
        /** No answer from AWS: network error or time-out. */
        UNREACHABLE,
        /** The console found no AWS credentials (environment, profile, role); nothing was sent. */
        CREDENTIALS
    }

    private final String service;
    private final String operation;
    private final String errorCode;
    private final @Nullable String reason;
    private final int httpStatus;
    private final @Nullable String requestId;
    private final String userMessage;
    private final @Nullable String awsMessage;
    private final @Nullable String resourceType;
    private final @Nullable String resourceId;
    private final List<FieldError> fields;
    private final Kind kind;

    public AwsCallException(String service, String operation, String errorCode, @Nullable String reason, int httpStatus,
            @Nullable String requestId, String userMessage, @Nullable String awsMessage, @Nullable String resourceType,
            @Nullable String resourceId, List<FieldError> fields, Kind kind, @Nullable Throwable cause) {
        super(operation + " failed: " + errorCode + (reason == null ? "" : " (" + reason + ")")
                + (awsMessage == null ? "" : ": " + awsMessage) + (requestId == null ? "" : " [request id " + requestId + "]"), cause);
        this.service = service;
        this.operation = operation;
        this.errorCode = errorCode;
        this.reason = reason;
        this.httpStatus = httpStatus;
        this.requestId = requestId;
        this.userMessage = userMessage;
        this.awsMessage = awsMessage;
        this.resourceType = resourceType;
        this.resourceId = resourceId;
        this.fields = List.copyOf(fields);
        this.kind = kind;
    }

    /** The same failure, told with a message that fits the feature's context better. */
    public AwsCallException withUserMessage(String message) {
        return new AwsCallException(service, operation, errorCode, reason, httpStatus, requestId, message, awsMessage,
                resourceType, resourceId, fields, kind, getCause());
    }

    /** IAM service prefix: {@code sms-voice} or {@code logs}. */
    public String service() {
        return service;
    }

    /** The AWS operation, for example {@code SendTextMessage}. */
    public String operation() {
        return operation;
    }

    /** The AWS error code, for example {@code ConflictException}. */
    public String errorCode() {
        return errorCode;
    }

    /** The modelled reason, for example {@code DESTINATION_PHONE_NUMBER_OPTED_OUT}, when AWS sent one. */
    public @Nullable String reason() {
        return reason;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public @Nullable String requestId() {
        return requestId;
    }

    /** What to show the user. */
    public String userMessage() {
        return userMessage;
    }

    /** The message AWS sent, unchanged. */
    public @Nullable String awsMessage() {
        return awsMessage;
    }

    public @Nullable String resourceType() {
        return resourceType;
    }

    public @Nullable String resourceId() {
        return resourceId;
    }

    public List<FieldError> fields() {
        return fields;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * Whether AWS may have carried the request out although the console got no success: a
     * time-out or an I/O error after the request may have left (AWS got it, the answer was lost),
     * or a 5xx. False when AWS refused it (4xx, throttling), when the connection was never made,
     * and when there were no credentials.
     *
     * @see "Design decision: docs/decisions/015-20261202-no-blind-retries.md"
     */
    public boolean mayHaveBeenCarriedOut() {
        return switch (kind) {
            case SERVER -> true;
            case UNREACHABLE -> !neverConnected(getCause());
            case CLIENT, THROTTLED, CREDENTIALS -> false;
        };
    }

    private static boolean neverConnected(@Nullable Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
                    || t instanceof java.net.NoRouteToHostException || t.getClass().getSimpleName().equals("ConnectTimeoutException")
                    || t.getClass().getSimpleName().equals("HttpHostConnectException")) {
                return true;
            }
        }
        return false;
    }

    public boolean isReason(String value) {
        return value.equals(reason);
    }

    /** "ConflictException (DESTINATION_PHONE_NUMBER_OPTED_OUT), request id ..." for support. */
    public String supportLine() {
        var line = new StringBuilder(errorCode);
        if (reason != null) {
            line.append(" (").append(reason).append(')');
        }
        if (httpStatus > 0) {
            line.append(", HTTP ").append(httpStatus);
        }
        if (requestId != null) {
            line.append(", request id ").append(requestId);
        }
        return line.toString();
    }
}
