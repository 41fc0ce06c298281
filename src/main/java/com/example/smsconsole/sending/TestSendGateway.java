package com.example.smsconsole.sending;

import com.example.smsconsole.aws.AwsCalls;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.pinpointsmsvoicev2.PinpointSmsVoiceV2Client;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.ConflictException;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.ResourceNotFoundException;

/** The SMS Voice v2 calls of Test send; every failure is an {@code AwsCallException}. */
@Component
class TestSendGateway {

    /** A pool or phone number that can be the origination identity. */
    record Identity(String id, String label, String kind, @Nullable String optOutListName) {
    }

    /** What SendTextMessage answered. */
    record Sent(@Nullable String messageId, @Nullable String requestId) {
    }

    private final PinpointSmsVoiceV2Client sms;

    TestSendGateway(PinpointSmsVoiceV2Client sms) {
        this.sms = sms;
    }

    /**
     * SendTextMessage. It has no client token (SendTextMessageRequest in the API model), so a real
     * send is never retried after it may have reached AWS; only throttling is retried. A dry run
     * sends nothing and keeps the client's retries.
     *
     * @see "Design decision: docs/decisions/015-20261202-no-blind-retries.md"
     */
    Sent send(String destination, String origination, @Nullable String configurationSet, String messageType, String body,
            Map<String, String> context, boolean dryRun) {
        var response = AwsCalls.smsVoice("SendTextMessage", () -> sms.sendTextMessage(b -> {
            b.destinationPhoneNumber(destination)
                    .originationIdentity(origination)
                    .configurationSetName(configurationSet)
                    .messageType(messageType)
                    .messageBody(body)
                    .context(context.isEmpty() ? null : context)
                    .dryRun(dryRun);
            if (!dryRun) {
                b.overrideConfiguration(AwsCalls::atMostOnce);
            }
        }));
        return new Sent(response.messageId(), AwsCalls.requestId(response));
    }

    /** Pools, then phone numbers, of the account. */
    List<Identity> identities() {
        List<Identity> identities = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            var page = AwsCalls.smsVoice("DescribePools", () -> sms.describePools(b -> b.nextToken(next)));
            page.pools().forEach(p -> identities.add(new Identity(p.poolId(), p.poolId() + " (pool, " + p.statusAsString() + ")", "pool",
                    p.optOutListName())));
            token = page.nextToken();
        } while (token != null);
        token = null;
        do {
            String next = token;
            var page = AwsCalls.smsVoice("DescribePhoneNumbers", () -> sms.describePhoneNumbers(b -> b.nextToken(next)));
            page.phoneNumbers().forEach(n -> identities.add(new Identity(n.phoneNumberId(),
                    n.phoneNumber() + " (" + n.numberTypeAsString() + ", " + n.isoCountryCode() + ", " + n.statusAsString() + ")", "number",
                    n.optOutListName())));
            token = page.nextToken();
        } while (token != null);
        return identities;
    }

    List<String> configurationSets() {
        List<String> names = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            var page = AwsCalls.smsVoice("DescribeConfigurationSets", () -> sms.describeConfigurationSets(b -> b.nextToken(next)));
            page.configurationSets().forEach(c -> names.add(c.configurationSetName()));
            token = page.nextToken();
        } while (token != null);
        return names;
    }

    /** Whether the number is on the opt-out list; false when the list does not exist. */
    boolean optedOut(String optOutList, String number) {
        try {
            var response = AwsCalls.smsVoice("DescribeOptedOutNumbers",
                    () -> sms.describeOptedOutNumbers(b -> b.optOutListName(optOutList).optedOutNumbers(number)));
            return !response.optedOutNumbers().isEmpty();
        } catch (com.example.smsconsole.aws.AwsCallException e) {
            if (e.getCause() instanceof ResourceNotFoundException || e.getCause() instanceof ConflictException) {
                return false;
            }
            throw e;
        }
    }

    /** The first numbers on an opt-out list. */
    List<String> optedOutNumbers(String optOutList, int max) {
        var response = AwsCalls.smsVoice("DescribeOptedOutNumbers",
                () -> sms.describeOptedOutNumbers(b -> b.optOutListName(optOutList).maxResults(max)));
        return response.optedOutNumbers().stream().map(o -> o.optedOutNumber()).toList();
    }

    /** The verification status of a destination number, empty when it is not a verified destination number. */
    Optional<String> verificationStatus(String number) {
        var response = AwsCalls.smsVoice("DescribeVerifiedDestinationNumbers",
                () -> sms.describeVerifiedDestinationNumbers(b -> b.destinationPhoneNumbers(number)));
        return response.verifiedDestinationNumbers().stream().findFirst().map(v -> v.statusAsString());
    }

    @Nullable String accountTier() {
        var response = AwsCalls.smsVoice("DescribeAccountAttributes", () -> sms.describeAccountAttributes(b -> b.maxResults(20)));
        return response.accountAttributes().stream().filter(a -> "ACCOUNT_TIER".equals(a.nameAsString())).map(a -> a.value())
                .findFirst().orElse(null);
    }
    /**
     * Every origination identity of the account with the senders behind it: pools (with their
     * numbers and sender IDs from {@code ListPoolOriginationIdentities}), phone numbers
     * ({@code DescribePhoneNumbers}) and sender IDs ({@code DescribeSenderIds}), all pages.
     */
    List<Origination> originations() {
        List<software.amazon.awssdk.services.pinpointsmsvoicev2.model.PhoneNumberInformation> numbers = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            var page = AwsCalls.smsVoice("DescribePhoneNumbers", () -> sms.describePhoneNumbers(b -> b.nextToken(next)));
            numbers.addAll(page.phoneNumbers());
            token = page.nextToken();
        } while (token != null);
        List<software.amazon.awssdk.services.pinpointsmsvoicev2.model.SenderIdInformation> senderIds = new ArrayList<>();
        token = null;
        do {
            String next = token;
            var page = AwsCalls.smsVoice("DescribeSenderIds", () -> sms.describeSenderIds(b -> b.nextToken(next)));
            senderIds.addAll(page.senderIds());
            token = page.nextToken();
        } while (token != null);
        Map<String, Origination.Sender> senderByKey = new java.util.HashMap<>();
        List<Origination> numberOriginations = new ArrayList<>();
        for (var n : numbers) {
            var sender = new Origination.Sender(n.phoneNumber(), Origination.Kind.PHONE_NUMBER, n.isoCountryCode(), n.numberTypeAsString(),
                    "ACTIVE".equals(n.statusAsString()), n.numberCapabilitiesAsStrings().contains("SMS"),
                    Boolean.TRUE.equals(n.internationalSendingEnabled()));
            senderByKey.put(n.phoneNumberArn(), sender);
            senderByKey.put(n.phoneNumberId(), sender);
            numberOriginations.add(new Origination(n.phoneNumberId(), n.phoneNumber() + " (" + n.numberTypeAsString() + ", "
                    + n.isoCountryCode() + ", " + n.statusAsString() + ")", Origination.Kind.PHONE_NUMBER, n.optOutListName(), List.of(sender)));
        }
        // a sender ID is given to SendTextMessage by its name, or by its ARN when the name exists in several countries
        Map<String, Long> senderIdNames = senderIds.stream()
                .collect(java.util.stream.Collectors.groupingBy(i -> i.senderId(), java.util.stream.Collectors.counting()));
        List<Origination> senderIdOriginations = new ArrayList<>();
        for (var i : senderIds) {
            var sender = new Origination.Sender(i.senderId(), Origination.Kind.SENDER_ID, i.isoCountryCode(), null, true,
                    true, false);
            senderByKey.put(i.senderIdArn(), sender);
            String id = senderIdNames.get(i.senderId()) > 1 ? i.senderIdArn() : i.senderId();
            senderIdOriginations.add(new Origination(id, i.senderId() + " (sender ID, " + i.isoCountryCode()
                    + (Boolean.TRUE.equals(i.registered()) ? ", registered" : "") + ")", Origination.Kind.SENDER_ID, null, List.of(sender)));
        }
        List<Origination> originations = new ArrayList<>();
        token = null;
        do {
            String next = token;
            var page = AwsCalls.smsVoice("DescribePools", () -> sms.describePools(b -> b.nextToken(next)));
            for (var p : page.pools()) {
                List<Origination.Sender> members = new ArrayList<>();
                String memberToken = null;
                do {
                    String nextMember = memberToken;
                    var members0 = AwsCalls.smsVoice("ListPoolOriginationIdentities",
                            () -> sms.listPoolOriginationIdentities(b -> b.poolId(p.poolId()).nextToken(nextMember)));
                    for (var m : members0.originationIdentities()) {
                        Origination.Sender known = senderByKey.getOrDefault(m.originationIdentityArn(), senderByKey.get(m.originationIdentity()));
                        members.add(known != null ? known : new Origination.Sender(m.phoneNumber() != null ? m.phoneNumber() : m.originationIdentity(),
                                m.phoneNumber() != null ? Origination.Kind.PHONE_NUMBER : Origination.Kind.SENDER_ID, m.isoCountryCode(), null, true,
                                m.numberCapabilitiesAsStrings().contains("SMS"), false));
                    }
                    memberToken = members0.nextToken();
                } while (memberToken != null);
                originations.add(new Origination(p.poolId(), p.poolId() + " (pool, " + p.statusAsString() + ")", Origination.Kind.POOL,
                        p.optOutListName(), members));
            }
            token = page.nextToken();
        } while (token != null);
        originations.addAll(numberOriginations);
        originations.addAll(senderIdOriginations);
        return originations;
    }

    /** The default sender ID of each configuration set that has one ({@code DescribeConfigurationSets}, all pages). */
    Map<String, String> defaultSenderIds() {
        Map<String, String> ids = new java.util.LinkedHashMap<>();
        String token = null;
        do {
            String next = token;
            var page = AwsCalls.smsVoice("DescribeConfigurationSets", () -> sms.describeConfigurationSets(b -> b.nextToken(next)));
            page.configurationSets().stream().filter(c -> c.defaultSenderId() != null && !c.defaultSenderId().isBlank())
                    .forEach(c -> ids.put(c.configurationSetName(), c.defaultSenderId()));
            token = page.nextToken();
        } while (token != null);
        return ids;
    }
}
