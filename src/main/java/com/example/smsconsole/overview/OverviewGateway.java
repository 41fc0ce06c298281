package com.example.smsconsole.overview;

import com.example.smsconsole.aws.AwsCalls;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.OrderBy;
import software.amazon.awssdk.services.pinpointsmsvoicev2.PinpointSmsVoiceV2Client;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.OptedOutFilter;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.OptedOutFilterName;

/** The describe calls of the overview and the opt-out list changes; every failure is an {@code AwsCallException}. */
@Component
class OverviewGateway {

    record Pool(String id, String arn, String status, @Nullable String optOutListName, boolean twoWay, @Nullable String messageType) {
    }

    record EventDestination(String name, boolean enabled, List<String> matchingEventTypes, @Nullable String logGroupArn,
            @Nullable String iamRoleArn) {
    }

    record LogGroup(String name, String arn, @Nullable Instant lastEventAt) {
    }

    private final PinpointSmsVoiceV2Client sms;
    private final CloudWatchLogsClient logs;

    OverviewGateway(PinpointSmsVoiceV2Client sms, CloudWatchLogsClient logs) {
        this.sms = sms;
        this.logs = logs;
    }

    Optional<Pool> pool(String poolId) {
        try {
            var page = AwsCalls.smsVoice("DescribePools", () -> sms.describePools(b -> b.poolIds(poolId)));
            return page.pools().stream().findFirst().map(p -> new Pool(p.poolId(), p.poolArn(), p.statusAsString(), p.optOutListName(),
                    Boolean.TRUE.equals(p.twoWayEnabled()), p.messageTypeAsString()));
        } catch (com.example.smsconsole.aws.AwsCallException e) {
            if ("ResourceNotFoundException".equals(e.errorCode())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    List<Pool> pools() {
        List<Pool> pools = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            var page = AwsCalls.smsVoice("DescribePools", () -> sms.describePools(b -> b.nextToken(next)));
            page.pools().forEach(p -> pools.add(new Pool(p.poolId(), p.poolArn(), p.statusAsString(), p.optOutListName(),
                    Boolean.TRUE.equals(p.twoWayEnabled()), p.messageTypeAsString())));
            token = page.nextToken();
        } while (token != null);
        return pools;
    }

    /** The origination identities (phone number ids or sender ids) in a pool. */
    List<String> poolIdentities(String poolId) {
        List<String> ids = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            var page = AwsCalls.smsVoice("ListPoolOriginationIdentities", () -> sms.listPoolOriginationIdentities(b -> b.poolId(poolId).nextToken(next)));
            page.originationIdentities().forEach(o -> ids.add(o.originationIdentity()));
            token = page.nextToken();
        } while (token != null);
        return ids;
    }

    List<NumberRow> phoneNumbers() {
        List<NumberRow> rows = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            var page = AwsCalls.smsVoice("DescribePhoneNumbers", () -> sms.describePhoneNumbers(b -> b.nextToken(next)));
            page.phoneNumbers().forEach(n -> rows.add(new NumberRow("phone number", n.phoneNumberId(), n.phoneNumber(), n.numberTypeAsString(),
                    n.statusAsString(), String.join(", ", n.numberCapabilitiesAsStrings()), n.isoCountryCode(), n.monthlyLeasingPrice(),
                    n.registrationId(), Boolean.TRUE.equals(n.twoWayEnabled()), n.optOutListName(), n.poolId())));
            token = page.nextToken();
        } while (token != null);
        token = null;
        do {
            String next = token;
            var page = AwsCalls.smsVoice("DescribeSenderIds", () -> sms.describeSenderIds(b -> b.nextToken(next)));
            page.senderIds().forEach(s -> rows.add(new NumberRow("sender id", s.senderIdArn(), s.senderId(), "SENDER_ID",
                    Boolean.TRUE.equals(s.registered()) ? "REGISTERED" : "ACTIVE", String.join(", ", s.messageTypesAsStrings()),
                    s.isoCountryCode(), s.monthlyLeasingPrice(), s.registrationId(), false, null, null)));
            token = page.nextToken();
        } while (token != null);
        return rows;
    }

    Optional<String> registrationStatus(String registrationId) {
        try {
            var page = AwsCalls.smsVoice("DescribeRegistrations", () -> sms.describeRegistrations(b -> b.registrationIds(registrationId)));
            return page.registrations().stream().findFirst().map(r -> r.registrationStatusAsString());
        } catch (com.example.smsconsole.aws.AwsCallException e) {
            if ("ResourceNotFoundException".equals(e.errorCode())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The configuration set's event destinations, or empty when the set does not exist. */
    Optional<List<EventDestination>> eventDestinations(String configurationSet) {
        try {
            var page = AwsCalls.smsVoice("DescribeConfigurationSets",
                    () -> sms.describeConfigurationSets(b -> b.configurationSetNames(configurationSet)));
            return page.configurationSets().stream().findFirst().map(c -> c.eventDestinations().stream()
                    .map(d -> new EventDestination(d.eventDestinationName(), Boolean.TRUE.equals(d.enabled()), d.matchingEventTypesAsStrings(),
                            d.cloudWatchLogsDestination() == null ? null : d.cloudWatchLogsDestination().logGroupArn(),
                            d.cloudWatchLogsDestination() == null ? null : d.cloudWatchLogsDestination().iamRoleArn()))
                    .toList());
        } catch (com.example.smsconsole.aws.AwsCallException e) {
            if ("ResourceNotFoundException".equals(e.errorCode())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    Optional<LogGroup> logGroup(String name) {
        var groups = AwsCalls.logs("DescribeLogGroups", () -> logs.describeLogGroups(b -> b.logGroupNamePrefix(name)));
        var group = groups.logGroups().stream().filter(g -> g.logGroupName().equals(name)).findFirst();
        if (group.isEmpty()) {
            return Optional.empty();
        }
        var streams = AwsCalls.logs("DescribeLogStreams",
                () -> logs.describeLogStreams(b -> b.logGroupName(name).orderBy(OrderBy.LAST_EVENT_TIME).descending(true).limit(1)));
        Instant last = streams.logStreams().stream().findFirst().map(s -> s.lastEventTimestamp()).filter(t -> t != null && t > 0)
                .map(Instant::ofEpochMilli).orElse(null);
        String arn = group.get().logGroupArn() != null ? group.get().logGroupArn() : group.get().arn();
        return Optional.of(new LogGroup(name, arn, last));
    }

    @Nullable String accountTier() {
        var response = AwsCalls.smsVoice("DescribeAccountAttributes", () -> sms.describeAccountAttributes(b -> b.maxResults(20)));
        return response.accountAttributes().stream().filter(a -> "ACCOUNT_TIER".equals(a.nameAsString())).map(a -> a.value()).findFirst()
                .orElse(null);
    }

    /** Account limits by name: used and max. */
    Map<String, long[]> accountLimits() {
        Map<String, long[]> limits = new LinkedHashMap<>();
        String token = null;
        do {
            String next = token;
            var page = AwsCalls.smsVoice("DescribeAccountLimits", () -> sms.describeAccountLimits(b -> b.nextToken(next)));
            page.accountLimits().forEach(l -> limits.put(l.nameAsString(), new long[] {l.used(), l.max()}));
            token = page.nextToken();
        } while (token != null);
        return limits;
    }

    /** The enforced monthly text spend limit in USD, if AWS lists it. */
    Optional<Long> textSpendLimit() {
        var response = AwsCalls.smsVoice("DescribeSpendLimits", () -> sms.describeSpendLimits(b -> b.maxResults(10)));
        return response.spendLimits().stream().filter(l -> "TEXT_MESSAGE_MONTHLY_SPEND_LIMIT".equals(l.nameAsString()))
                .map(l -> l.enforcedLimit()).findFirst();
    }

    /** Keyword → action of an origination identity. */
    Map<String, String> keywords(String originationIdentity) {
        Map<String, String> keywords = new LinkedHashMap<>();
        String token = null;
        do {
            String next = token;
            var page = AwsCalls.smsVoice("DescribeKeywords", () -> sms.describeKeywords(b -> b.originationIdentity(originationIdentity).nextToken(next)));
            page.keywords().forEach(k -> keywords.put(k.keyword().toUpperCase(java.util.Locale.ROOT), k.keywordActionAsString()));
            token = page.nextToken();
        } while (token != null);
        return keywords;
    }

    boolean optOutListExists(String name) {
        try {
            var response = AwsCalls.smsVoice("DescribeOptOutLists", () -> sms.describeOptOutLists(b -> b.optOutListNames(name)));
            return !response.optOutLists().isEmpty();
        } catch (com.example.smsconsole.aws.AwsCallException e) {
            if ("ResourceNotFoundException".equals(e.errorCode())) {
                return false;
            }
            throw e;
        }
    }

    /** Opted-out numbers of a list, newest first, at most {@code max}; only those that opted out themselves when asked. */
    List<OptedOut> optedOutNumbers(String list, @Nullable String number, boolean endUserOnly, int max) {
        List<OptedOut> numbers = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            var page = AwsCalls.smsVoice("DescribeOptedOutNumbers", () -> sms.describeOptedOutNumbers(b -> {
                b.optOutListName(list).nextToken(next);
                if (number != null) {
                    b.optedOutNumbers(number);
                }
                if (endUserOnly) {
                    b.filters(OptedOutFilter.builder().name(OptedOutFilterName.END_USER_OPTED_OUT).values("true").build());
                }
            }));
            page.optedOutNumbers().forEach(o -> numbers.add(new OptedOut(o.optedOutNumber(), o.optedOutTimestamp(),
                    Boolean.TRUE.equals(o.endUserOptedOut()))));
            token = page.nextToken();
        } while (token != null && numbers.size() < max);
        numbers.sort((a, b) -> b.optedOutAt().compareTo(a.optedOutAt()));
        return numbers.size() > max ? numbers.subList(0, max) : numbers;
    }

    @Nullable String putOptedOut(String list, String number) {
        return AwsCalls.requestId(AwsCalls.smsVoice("PutOptedOutNumber", () -> sms.putOptedOutNumber(b -> b.optOutListName(list).optedOutNumber(number))));
    }

    @Nullable String deleteOptedOut(String list, String number) {
        return AwsCalls.requestId(AwsCalls.smsVoice("DeleteOptedOutNumber",
                () -> sms.deleteOptedOutNumber(b -> b.optOutListName(list).optedOutNumber(number))));
    }

    /**
     * The US destination simulator numbers (AWS user guide, "Simulator phone numbers"): a dry run to either
     * sends nothing, and the failure number is as good a target as the success number.
     */
    static final List<String> SIMULATOR_DESTINATIONS = List.of("+14254147755", "+14254147167");

    /**
     * A simulator destination number that is not on the pool's opt-out list, for the dry-run send: AWS
     * refuses a send to an opted-out number, which would read as a failed permission. Empty when every one is
     * opted out. When the pool or its list cannot be read, the first (the other checks report why).
     */
    Optional<String> dryRunDestination(String poolId) {
        try {
            String list = pool(poolId).map(Pool::optOutListName).orElse(null);
            if (list == null) {
                return Optional.of(SIMULATOR_DESTINATIONS.getFirst());
            }
            var optedOut = AwsCalls.smsVoice("DescribeOptedOutNumbers",
                    () -> sms.describeOptedOutNumbers(b -> b.optOutListName(list).optedOutNumbers(SIMULATOR_DESTINATIONS)));
            List<String> out = optedOut.optedOutNumbers().stream().map(o -> o.optedOutNumber()).toList();
            return SIMULATOR_DESTINATIONS.stream().filter(n -> !out.contains(n)).findFirst();
        } catch (com.example.smsconsole.aws.AwsCallException e) {
            return Optional.of(SIMULATOR_DESTINATIONS.getFirst());
        }
    }

    /**
     * The harmless calls that show whether the console may call each API: describe calls with the
     * smallest page, and, for the changes AWS offers a dry run for (the operations whose request has a
     * {@code DryRun} member in the service model: of those the console makes, SendTextMessage), a dry run.
     * {@code dryRunDestination} null leaves the dry-run send out.
     */
    Map<String, Supplier<? extends AwsResponse>> probes(String poolId, String configurationSet, String logGroup, @Nullable String dryRunDestination) {
        Map<String, Supplier<? extends AwsResponse>> probes = new LinkedHashMap<>();
        probes.put("sms-voice:DescribeRegistrations", () -> AwsCalls.smsVoice("DescribeRegistrations", () -> sms.describeRegistrations(b -> b.maxResults(1))));
        probes.put("sms-voice:DescribeRegistrationTypeDefinitions", () -> AwsCalls.smsVoice("DescribeRegistrationTypeDefinitions",
                () -> sms.describeRegistrationTypeDefinitions(b -> b.maxResults(1))));
        probes.put("sms-voice:DescribeVerifiedDestinationNumbers", () -> AwsCalls.smsVoice("DescribeVerifiedDestinationNumbers",
                () -> sms.describeVerifiedDestinationNumbers(b -> b.maxResults(1))));
        probes.put("sms-voice:DescribePools", () -> AwsCalls.smsVoice("DescribePools", () -> sms.describePools(b -> b.maxResults(1))));
        probes.put("sms-voice:DescribePhoneNumbers", () -> AwsCalls.smsVoice("DescribePhoneNumbers", () -> sms.describePhoneNumbers(b -> b.maxResults(1))));
        probes.put("sms-voice:DescribeSenderIds", () -> AwsCalls.smsVoice("DescribeSenderIds", () -> sms.describeSenderIds(b -> b.maxResults(1))));
        probes.put("sms-voice:DescribeConfigurationSets", () -> AwsCalls.smsVoice("DescribeConfigurationSets",
                () -> sms.describeConfigurationSets(b -> b.maxResults(1))));
        probes.put("sms-voice:DescribeOptOutLists", () -> AwsCalls.smsVoice("DescribeOptOutLists", () -> sms.describeOptOutLists(b -> b.maxResults(1))));
        probes.put("sms-voice:DescribeAccountAttributes", () -> AwsCalls.smsVoice("DescribeAccountAttributes",
                () -> sms.describeAccountAttributes(b -> b.maxResults(1))));
        probes.put("sms-voice:DescribeAccountLimits", () -> AwsCalls.smsVoice("DescribeAccountLimits", () -> sms.describeAccountLimits(b -> b.maxResults(1))));
        probes.put("sms-voice:DescribeSpendLimits", () -> AwsCalls.smsVoice("DescribeSpendLimits", () -> sms.describeSpendLimits(b -> b.maxResults(1))));
        probes.put("sms-voice:DescribeKeywords", () -> AwsCalls.smsVoice("DescribeKeywords",
                () -> sms.describeKeywords(b -> b.originationIdentity(poolId).maxResults(1))));
        probes.put("sms-voice:ListPoolOriginationIdentities", () -> AwsCalls.smsVoice("ListPoolOriginationIdentities",
                () -> sms.listPoolOriginationIdentities(b -> b.poolId(poolId).maxResults(1))));
        if (dryRunDestination != null) {
            probes.put("sms-voice:SendTextMessage", () -> AwsCalls.smsVoice("SendTextMessage", () -> sms.sendTextMessage(b -> b
                    .destinationPhoneNumber(dryRunDestination).originationIdentity(poolId).configurationSetName(configurationSet)
                    .messageBody("Permission check (dry run, not sent)").dryRun(true))));
        }
        probes.put("logs:DescribeLogGroups", () -> AwsCalls.logs("DescribeLogGroups", () -> logs.describeLogGroups(b -> b.logGroupNamePrefix(logGroup).limit(1))));
        probes.put("logs:FilterLogEvents", () -> AwsCalls.logs("FilterLogEvents", () -> logs.filterLogEvents(b -> b.logGroupName(logGroup)
                .startTime(System.currentTimeMillis() - 60_000).limit(1))));
        return probes;
    }
}
