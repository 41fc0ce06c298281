package com.example.smsconsole.emulator;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The local AWS emulator ({@code app.emulator.*}). Times are the emulator's simulated delays;
 * tests shorten them.
 *
 * @param enabled whether the emulator starts (refused with the {@code aws} and {@code prod} profiles)
 * @param host address to listen on
 * @param port port to listen on; 0 picks a free one
 * @param dataDir where its state survives restarts
 * @param accountId the account id in ARNs and IAM messages
 * @param checkSignatures whether requests must carry a valid SigV4 signature for the local credentials
 * @param strict whether every response is checked against the service model (tests)
 */
@ConfigurationProperties("app.emulator")
public record EmulatorProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("127.0.0.1") String host,
        @DefaultValue("4579") int port,
        @DefaultValue("./data/emulator") String dataDir,
        @DefaultValue("000000000000") String accountId,
        @DefaultValue("us-east-1") String region,
        @DefaultValue("local") String accessKeyId,
        @DefaultValue("local") String secretAccessKey,
        @DefaultValue("true") boolean checkSignatures,
        @DefaultValue("false") boolean strict,
        @DefaultValue Seed seed,
        @DefaultValue Account account,
        @DefaultValue Review review,
        @DefaultValue Delivery delivery,
        @DefaultValue Verification verification,
        @DefaultValue OptOut optOut,
        @DefaultValue Logs logs,
        @DefaultValue Numbers numbers) {

    /**
     * What exists at first start, named as the infrastructure module names it for service
     * {@code app}.
     *
     * @param state {@code with-registered-number} (default): the pool also holds an ACTIVE US
     *     toll-free number with its COMPLETE registration, so verification codes reach real (simulated)
     *     handsets; {@code simulator-only}: the pool holds only the simulator number, as an account
     *     that has not registered a number yet, where AWS sends no verification code
     */
    public record Seed(
            @DefaultValue("with-registered-number") String state,
            @DefaultValue("phone-7c3e91d04b5a4f2e8d6a1b9c0e2f4a57") String registeredNumberId,
            @DefaultValue("+18885550142") String registeredNumber,
            @DefaultValue("registration-0b6f2a9e4c7d41e3a5f8c2d9e1b7a364") String registrationId,
            @DefaultValue("pool-5f3c2b9a7d0e41c8a6b19e27d4f08c31") String poolId,
            @DefaultValue("phone-2a7d4c1e9b0f48e6a3c5d7b9e1f20467") String phoneNumberId,
            @DefaultValue("+12065550142") String phoneNumber,
            @DefaultValue("app-sms-config-set") String configurationSetName,
            @DefaultValue("app-sms-delivery-receipts") String eventDestinationName,
            @DefaultValue("/aws/sms-voice/app-sms/sms-notifications/delivery-receipts") String logGroupName,
            @DefaultValue("app-sms-event-destination") String eventDestinationRoleName) {
    }

    /** The account's tier and limits. */
    public record Account(
            @DefaultValue("SANDBOX") String tier,
            @DefaultValue("1") long textSpendLimitUsd,
            @DefaultValue("10") int maxVerifiedNumbers,
            @DefaultValue("100") int maxPhoneNumbers) {
    }

    /**
     * Requested origination numbers.
     *
     * @param activation how long a requested number that needs no registration stays PENDING
     */
    public record Numbers(@DefaultValue("2s") Duration activation) {
    }

    /**
     * Registration review: how long each stage takes and how it ends unless steered.
     *
     * @param defaultOutcome APPROVED or DENIED
     */
    public record Review(
            @DefaultValue("10s") Duration submittedToReviewing,
            @DefaultValue("20s") Duration reviewingToDecision,
            @DefaultValue("3s") Duration provisioning,
            @DefaultValue("3s") Duration missingFieldDenial,
            @DefaultValue("APPROVED") String defaultOutcome) {
    }

    /** Delivery receipts: when each event follows the send. */
    public record Delivery(
            @DefaultValue("200ms") Duration queued,
            @DefaultValue("1s") Duration successful,
            @DefaultValue("2500ms") Duration delivered,
            @DefaultValue("2s") Duration failure,
            @DefaultValue("TEXT_BLOCKED") String failureEventType) {
    }

    /** Verified destination numbers. */
    public record Verification(
            @DefaultValue("10m") Duration codeLifetime,
            @DefaultValue("30s") Duration minAgeBeforeDelete,
            @DefaultValue("5") int codesPerNumberPerDay) {
    }

    /** Opt-out lists. */
    public record OptOut(@DefaultValue("30d") Duration removalInterval) {
    }

    /**
     * CloudWatch Logs.
     *
     * @param filterScanLimit events one FilterLogEvents call examines before it returns a partial
     *     page with a {@code nextToken}, as the service does on large groups; 0 = no limit
     * @param filterCallsPerSecond FilterLogEvents calls per second before ThrottlingException
     *     (the service's quota is 5 per account and region); 0 = no limit
     */
    public record Logs(
            @DefaultValue("0") int filterScanLimit,
            @DefaultValue("0") int filterCallsPerSecond) {
    }
}
