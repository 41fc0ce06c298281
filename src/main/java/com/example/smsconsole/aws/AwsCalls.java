package com.example.smsconsole.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.AccessDeniedException;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.ConflictException;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.ResourceNotFoundException;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.ValidationException;

/**
 * Runs one SDK call and turns any failure into an {@link AwsCallException} with the operation,
 * error code, reason, request id and a message in plain words. Gateways wrap every call in
 * {@link #smsVoice} or {@link #logs}.
 */
public final class AwsCalls {

    public static final String SMS_VOICE = "sms-voice";
    public static final String LOGS = "logs";

    /** Plain-words messages for the modelled reasons the console meets. */
    private static final Map<String, String> REASON_MESSAGES = Map.ofEntries(
            Map.entry("VERIFICATION_CODE_MISMATCH", "The verification code is wrong. Check the code from the text or call and try again."),
            Map.entry("VERIFICATION_CODE_EXPIRED", "The verification code has expired. Send a new code and enter that one."),
            Map.entry("VERIFICATION_ALREADY_COMPLETE", "This number is already verified."),
            Map.entry("VERIFIED_DESTINATION_NUMBERS_PER_ACCOUNT",
                    "The account already has the most verified destination numbers it may have (10 in the sandbox). Delete one first."),
            Map.entry("VERIFICATION_ATTEMPTS_PER_DAY", "Too many verification codes were sent to this number today. Try again tomorrow."),
            Map.entry("DESTINATION_PHONE_NUMBER_OPTED_OUT",
                    "The destination number has opted out (it replied STOP). AWS refuses messages to it until it is removed from the opt-out list."),
            Map.entry("DESTINATION_PHONE_NUMBER_NOT_VERIFIED",
                    "The account is in the SMS sandbox and this destination number is not verified. Verify it under Sandbox verification, or send to a simulator number."),
            Map.entry("EDIT_REGISTRATION_FIELD_VALUES_NOT_ALLOWED", "This version is submitted; create a new version to change it."),
            Map.entry("SUBMIT_REGISTRATION_VERSION_NOT_ALLOWED", "This version cannot be submitted: only a draft version can be submitted."),
            Map.entry("REGISTRATION_ALREADY_SUBMITTED", "This version is already submitted; wait for the review or create a new version."),
            Map.entry("CREATE_REGISTRATION_VERSION_NOT_ALLOWED",
                    "A new version can only be created once the latest version is denied, approved or discarded."),
            Map.entry("DISCARD_REGISTRATION_VERSION_NOT_ALLOWED", "Only a draft version can be discarded."),
            Map.entry("REGISTRATION_NOT_COMPLETE", "The registration is not complete yet."),
            Map.entry("RESOURCE_ALREADY_EXISTS", "It already exists."),
            Map.entry("RESOURCE_DELETION_NOT_ALLOWED", "AWS does not allow deleting it now."),
            Map.entry("DELETION_PROTECTION_ENABLED", "Deletion protection is on for this resource."),
            Map.entry("RESOURCE_NOT_ACTIVE", "The resource is not active yet."),
            Map.entry("NO_ORIGINATION_IDENTITIES_FOUND",
                    "The pool or origination identity has no number that can send to this destination."),
            Map.entry("MONTHLY_SPEND_LIMIT_REACHED_FOR_TEXT",
                    "The account's monthly SMS spend limit is reached; no more texts can be sent this month until the limit is raised."),
            Map.entry("REGISTRATIONS_PER_ACCOUNT", "The account has the most registrations it may have."),
            Map.entry("REGISTRATION_VERSIONS_CREATED_PER_DAY", "Too many registration versions were created today; try again tomorrow."),
            Map.entry("REGISTRATION_ATTACHMENTS_CREATED_PER_DAY", "Too many attachments were uploaded today; try again tomorrow."),
            Map.entry("UNKNOWN_REGISTRATION_FIELD", "AWS does not know this registration field."),
            Map.entry("UNKNOWN_REGISTRATION_TYPE", "AWS does not know this registration type."),
            Map.entry("UNKNOWN_REGISTRATION_VERSION", "AWS does not know this registration version."),
            Map.entry("INVALID_NEXT_TOKEN", "The page token has expired; reload the list."),
            Map.entry("CANNOT_ADD_OPTED_OUT_NUMBER", "An opted-out number cannot be added."),
            Map.entry("DESTINATION_COUNTRY_BLOCKED", "Sending to this destination country is blocked for the account."),
            Map.entry("INVALID_IDENTITY_FOR_DESTINATION_COUNTRY",
                    "The origination identity cannot send to this destination country (for example a simulator number to a real handset)."),
            Map.entry("PRICE_OVER_THRESHOLD", "The message would cost more than the maximum price allowed."),
            Map.entry("ATTACHMENT_TYPE_NOT_SUPPORTED", "AWS accepts only PDF, JPEG and PNG attachments."),
            Map.entry("MAXIMUM_SIZE_EXCEEDED", "It is larger than AWS allows."),
            Map.entry("INSUFFICIENT_ACCOUNT_REPUTATION", "AWS has restricted the account because of its sending reputation."),
            Map.entry("ACCOUNT_DISABLED", "The AWS account is disabled for SMS."));

    private AwsCalls() {
    }

    /** One call to End User Messaging SMS ({@code sms-voice}). */
    public static <T extends AwsResponse> T smsVoice(String operation, Supplier<T> call) {
        return call(SMS_VOICE, operation, call);
    }

    /** One call to CloudWatch Logs. */
    public static <T extends AwsResponse> T logs(String operation, Supplier<T> call) {
        return call(LOGS, operation, call);
    }

    public static <T extends AwsResponse> T call(String service, String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw translate(service, operation, e);
        }
    }

    /** The request id of a successful response. */
    public static @Nullable String requestId(AwsResponse response) {
        return response.responseMetadata() == null ? null : response.responseMetadata().requestId();
    }

    /**
     * For the request builder of a call AWS cannot de-duplicate (no client token):
     * {@code b.overrideConfiguration(AwsCalls::atMostOnce)} lets the SDK retry it only after
     * throttling, never after a time-out, an I/O error or a 5xx.
     *
     * @see "Design decision: docs/decisions/015-20261202-no-blind-retries.md"
     */
    public static void atMostOnce(AwsRequestOverrideConfiguration.Builder override) {
        override.addPlugin(AwsClients.AT_MOST_ONCE);
    }

    static AwsCallException translate(String service, String operation, SdkException e) {
        if (e instanceof AwsServiceException ase) {
            return translateService(service, operation, ase);
        }
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : firstLine(e.getMessage());
        if (missingCredentials(e)) {
            // the credentials provider chain failed before anything was sent: say so, not "could not reach AWS"
            String message = "No AWS credentials found for " + operation + ": set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (with"
                    + " AWS_SESSION_TOKEN for temporary keys), or AWS_PROFILE naming a profile in ~/.aws/config or ~/.aws/credentials,"
                    + " or run the console with a role (ECS task role, EC2 instance profile, web identity). Nothing was sent to AWS.";
            return new AwsCallException(service, operation, "NoCredentials", null, 0, null, message, detail, null, null, List.of(),
                    AwsCallException.Kind.CREDENTIALS, e);
        }
        boolean timeout = e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException;
        String code = timeout ? "Timeout" : "NetworkError";
        String message = timeout
                ? "AWS did not answer " + operation + " in time (" + detail + "). Check the network and the endpoint, then try again."
                : "Could not reach AWS for " + operation + " (" + detail + "). Check the network and the endpoint, then try again.";
        if (!(e instanceof SdkClientException) && code.equals("NetworkError")) {
            code = e.getClass().getSimpleName();
        }
        return new AwsCallException(service, operation, code, null, 0, null, message, e.getMessage(), null, null, List.of(),
                AwsCallException.Kind.UNREACHABLE, e);
    }

    /**
     * The SDK's credentials providers fail with an {@code SdkClientException} whose message says
     * they could not load credentials: the chain ("Unable to load credentials from any of the
     * providers in the chain"), a single provider ("Unable to load credentials from ..."), a
     * profile without keys ("Profile file contained no credentials for profile ...").
     */
    static boolean missingCredentials(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (t instanceof SdkClientException && message != null && (message.contains("Unable to load credentials")
                    || message.contains("contained no credentials"))) {
                return true;
            }
        }
        return false;
    }

    private static AwsCallException translateService(String service, String operation, AwsServiceException e) {
        String code = e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null ? e.getClass().getSimpleName()
                : e.awsErrorDetails().errorCode();
        String awsMessage = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
        String reason = null;
        String resourceType = null;
        String resourceId = null;
        List<AwsCallException.FieldError> fields = new ArrayList<>();
        switch (e) {
            case ValidationException v -> {
                reason = v.reasonAsString();
                if (v.hasFields()) {
                    v.fields().forEach(f -> fields.add(new AwsCallException.FieldError(f.name(), f.message())));
                }
            }
            case ConflictException c -> {
                reason = c.reasonAsString();
                resourceType = c.resourceTypeAsString();
                resourceId = c.resourceId();
            }
            case ResourceNotFoundException r -> {
                resourceType = r.resourceTypeAsString();
                resourceId = r.resourceId();
            }
            case ServiceQuotaExceededException q -> reason = q.reasonAsString();
            case AccessDeniedException a -> reason = a.reasonAsString();
            default -> {
            }
        }
        int status = e.statusCode();
        AwsCallException.Kind kind = e.isThrottlingException() || "ThrottlingException".equals(code)
                ? AwsCallException.Kind.THROTTLED
                : status >= 500 ? AwsCallException.Kind.SERVER : AwsCallException.Kind.CLIENT;
        String message = userMessage(service, operation, code, reason, resourceType, resourceId, fields, awsMessage, kind);
        return new AwsCallException(service, operation, code, reason, status, e.requestId(), message, awsMessage, resourceType,
                resourceId, fields, kind, e);
    }

    private static String userMessage(String service, String operation, String code, @Nullable String reason,
            @Nullable String resourceType, @Nullable String resourceId, List<AwsCallException.FieldError> fields,
            @Nullable String awsMessage, AwsCallException.Kind kind) {
        if (reason != null && REASON_MESSAGES.containsKey(reason)) {
            return REASON_MESSAGES.get(reason);
        }
        if (kind == AwsCallException.Kind.THROTTLED) {
            return "AWS is throttling " + operation + " (too many requests per second), even after retries. Wait a moment and try again.";
        }
        if (kind == AwsCallException.Kind.SERVER) {
            return "AWS had an internal error during " + operation + ". Try again; if it persists, give AWS support the request id.";
        }
        return switch (code) {
            case "AccessDeniedException", "AccessDenied", "UnauthorizedOperation", "UnrecognizedClientException" ->
                    "The console's AWS credentials may not call " + operation + ". Grant the IAM action " + service + ":" + operation + ".";
            case "ResourceNotFoundException" -> resourceId == null
                    ? "AWS did not find it: " + nonNull(awsMessage)
                    : "AWS did not find " + (resourceType == null ? "" : resourceType + " ") + resourceId + ".";
            case "ValidationException", "InvalidParameterException" -> fields.isEmpty()
                    ? "AWS rejected the request: " + nonNull(awsMessage)
                    : "AWS rejected " + String.join("; ", fields.stream().map(f -> f.name() + ": " + f.message()).toList()) + ".";
            case "ServiceQuotaExceededException", "LimitExceededException" -> "An AWS quota is reached: " + nonNull(awsMessage);
            case "ConflictException" -> "AWS refused it in the resource's current state: " + nonNull(awsMessage);
            case "ResourceAlreadyExistsException" -> "It already exists.";
            default -> "AWS refused " + operation + ": " + nonNull(awsMessage);
        };
    }

    private static String nonNull(@Nullable String value) {
        return value == null || value.isBlank() ? "no details given" : value;
    }

    private static String firstLine(String value) {
        int nl = value.indexOf('\n');
        return nl < 0 ? value : value.substring(0, nl);
    }
}
