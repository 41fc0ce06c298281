package com.example.smsconsole.verification;

import com.example.smsconsole.aws.AwsCalls;
import com.example.smsconsole.common.SmsResources;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.pinpointsmsvoicev2.PinpointSmsVoiceV2Client;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.AccountLimit;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.DescribeVerifiedDestinationNumbersResponse;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.VerifiedDestinationNumberInformation;

/** The SMS Voice v2 calls of sandbox verification; every failure is an {@code AwsCallException}. */
@Component
class VerificationGateway {

    /** A result and the request id of the call that produced it. */
    record Called<T>(T value, @Nullable String requestId) {
    }

    /** An account limit: how many are used of the most allowed. */
    record Limit(long used, long max) {
    }

    private final PinpointSmsVoiceV2Client sms;
    private final SmsResources resources;

    VerificationGateway(PinpointSmsVoiceV2Client sms, SmsResources resources) {
        this.sms = sms;
        this.resources = resources;
    }

    /** Every verified destination number, all pages of DescribeVerifiedDestinationNumbers. */
    List<VerifiedNumber> list() {
        List<VerifiedNumber> numbers = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            DescribeVerifiedDestinationNumbersResponse page = AwsCalls.smsVoice("DescribeVerifiedDestinationNumbers",
                    () -> sms.describeVerifiedDestinationNumbers(b -> b.nextToken(next).maxResults(20)));
            page.verifiedDestinationNumbers().forEach(v -> numbers.add(number(v)));
            token = page.nextToken();
        } while (token != null);
        return numbers;
    }

    Optional<VerifiedNumber> byNumber(String phoneNumber) {
        var page = AwsCalls.smsVoice("DescribeVerifiedDestinationNumbers",
                () -> sms.describeVerifiedDestinationNumbers(b -> b.destinationPhoneNumbers(phoneNumber)));
        return page.verifiedDestinationNumbers().stream().findFirst().map(VerificationGateway::number);
    }

    /** The account tier from DescribeAccountAttributes ({@code ACCOUNT_TIER}). */
    @Nullable String accountTier() {
        var response = AwsCalls.smsVoice("DescribeAccountAttributes", () -> sms.describeAccountAttributes(b -> b.maxResults(20)));
        return response.accountAttributes().stream().filter(a -> "ACCOUNT_TIER".equals(a.nameAsString()))
                .map(a -> a.value()).findFirst().orElse(null);
    }

    /** The verified destination numbers limit from DescribeAccountLimits, if AWS lists it. */
    Optional<Limit> verifiedNumbersLimit() {
        String token = null;
        do {
            String next = token;
            var page = AwsCalls.smsVoice("DescribeAccountLimits", () -> sms.describeAccountLimits(b -> b.nextToken(next)));
            Optional<AccountLimit> limit = page.accountLimits().stream()
                    .filter(l -> "VERIFIED_DESTINATION_NUMBERS".equals(l.nameAsString())).findFirst();
            if (limit.isPresent()) {
                return limit.map(l -> new Limit(l.used(), l.max()));
            }
            token = page.nextToken();
        } while (token != null);
        return Optional.empty();
    }

    /**
     * CreateVerifiedDestinationNumber with a client token (an idempotency token in the API model),
     * so the SDK's retries, which resend the same token, cannot add the number twice.
     */
    Called<VerifiedNumber> create(String phoneNumber, String clientToken) {
        var response = AwsCalls.smsVoice("CreateVerifiedDestinationNumber",
                () -> sms.createVerifiedDestinationNumber(b -> b.destinationPhoneNumber(phoneNumber).clientToken(clientToken)));
        return new Called<>(new VerifiedNumber(response.verifiedDestinationNumberId(), response.verifiedDestinationNumberArn(),
                response.destinationPhoneNumber(), response.statusAsString(), response.createdTimestamp()), AwsCalls.requestId(response));
    }

    /**
     * Sends a code; the value is the message id of the text or call. The request has no client
     * token (SendDestinationNumberVerificationCodeRequest in the API model), so it is retried only
     * after throttling, never after it may have reached AWS.
     * <p>
     * The code goes out from the configured pool with the configured configuration set: IAM
     * authorises SendDestinationNumberVerificationCode only against a configuration set, phone
     * number, pool or sender id named in the request (Service Authorization Reference), so a request
     * naming neither would be refused by the console's scoped policy. A resource that is not
     * configured is left out, and AWS then picks an identity of the account.
     *
     * @see "Design decision: docs/decisions/015-20261202-no-blind-retries.md"
     */
    Called<String> sendCode(String id, String channel) {
        String pool = blankToNull(resources.phonePoolId());
        String configurationSet = blankToNull(resources.configurationSetName());
        var response = AwsCalls.smsVoice("SendDestinationNumberVerificationCode",
                () -> sms.sendDestinationNumberVerificationCode(b -> b.verifiedDestinationNumberId(id).verificationChannel(channel)
                        .originationIdentity(pool).configurationSetName(configurationSet)
                        .overrideConfiguration(AwsCalls::atMostOnce)));
        return new Called<>(response.messageId(), AwsCalls.requestId(response));
    }

    Called<VerifiedNumber> verify(String id, String code) {
        var response = AwsCalls.smsVoice("VerifyDestinationNumber",
                () -> sms.verifyDestinationNumber(b -> b.verifiedDestinationNumberId(id).verificationCode(code)));
        return new Called<>(new VerifiedNumber(response.verifiedDestinationNumberId(), response.verifiedDestinationNumberArn(),
                response.destinationPhoneNumber(), response.statusAsString(), response.createdTimestamp()), AwsCalls.requestId(response));
    }

    Called<String> delete(String id) {
        var response = AwsCalls.smsVoice("DeleteVerifiedDestinationNumber",
                () -> sms.deleteVerifiedDestinationNumber(b -> b.verifiedDestinationNumberId(id)));
        return new Called<>(response.destinationPhoneNumber(), AwsCalls.requestId(response));
    }

    private static @Nullable String blankToNull(String value) {
        return value.isEmpty() ? null : value;
    }

    private static VerifiedNumber number(VerifiedDestinationNumberInformation v) {
        return new VerifiedNumber(v.verifiedDestinationNumberId(), v.verifiedDestinationNumberArn(), v.destinationPhoneNumber(),
                v.statusAsString(), v.createdTimestamp());
    }
}
