package com.example.smsconsole.emulator.sms;

import static com.example.smsconsole.emulator.protocol.Json.object;
import static com.example.smsconsole.emulator.protocol.Json.putTime;
import static com.example.smsconsole.emulator.protocol.Json.text;
import static com.example.smsconsole.emulator.protocol.Json.texts;

import com.example.smsconsole.emulator.protocol.AwsFault;
import com.example.smsconsole.emulator.protocol.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The account's resources and settings: pools, phone numbers, sender ids, configuration sets and
 * their event destinations, keywords, opt-out lists and opted-out numbers, the account tier,
 * limits and spend limits.
 */
final class ResourceOps {

    private final SmsVoiceEmulator sms;

    ResourceOps(SmsVoiceEmulator sms) {
        this.sms = sms;
    }

    void register() {
        sms.operation("DescribePools", (in, ctx) -> describePools(in));
        sms.operation("DescribePhoneNumbers", (in, ctx) -> describePhoneNumbers(in));
        sms.operation("DescribeSenderIds", (in, ctx) -> page(in, "SenderIds", List.of(), x -> object()));
        sms.operation("ListPoolOriginationIdentities", (in, ctx) -> listPoolOriginationIdentities(in));
        sms.operation("DescribeConfigurationSets", (in, ctx) -> describeConfigurationSets(in));
        sms.operation("CreateEventDestination", (in, ctx) -> createEventDestination(in));
        sms.operation("UpdateEventDestination", (in, ctx) -> updateEventDestination(in));
        sms.operation("DeleteEventDestination", (in, ctx) -> deleteEventDestination(in));
        sms.operation("DescribeKeywords", (in, ctx) -> describeKeywords(in));
        sms.operation("DescribeOptOutLists", (in, ctx) -> describeOptOutLists(in));
        sms.operation("DescribeOptedOutNumbers", (in, ctx) -> describeOptedOutNumbers(in));
        sms.operation("PutOptedOutNumber", (in, ctx) -> putOptedOutNumber(in));
        sms.operation("DeleteOptedOutNumber", (in, ctx) -> deleteOptedOutNumber(in));
        sms.operation("DescribeAccountAttributes", (in, ctx) -> describeAccountAttributes(in));
        sms.operation("DescribeAccountLimits", (in, ctx) -> describeAccountLimits(in));
        sms.operation("DescribeSpendLimits", (in, ctx) -> describeSpendLimits(in));
    }

    // --- pools and numbers ---

    private JsonNode describePools(JsonNode in) {
        List<String> ids = texts(in, "PoolIds").stream().map(SmsVoiceEmulator::idOf).toList();
        for (String id : ids) {
            pool(id);
        }
        List<SmsState.Pool> pools = filter(sms.state.pools.values(), in.path("Filters"), (pool, filter) -> {
            List<String> values = texts(filter, "Values");
            return switch (filter.path("Name").asString()) {
                case "status" -> values.contains(pool.status);
                case "message-type" -> values.contains(pool.messageType);
                case "two-way-enabled" -> values.contains(String.valueOf(pool.twoWayEnabled));
                case "self-managed-opt-outs-enabled" -> values.contains(String.valueOf(pool.selfManagedOptOutsEnabled));
                case "opt-out-list-name" -> values.contains(pool.optOutListName);
                case "shared-routes-enabled" -> values.contains(String.valueOf(pool.sharedRoutesEnabled));
                case "deletion-protection-enabled" -> values.contains(String.valueOf(pool.deletionProtectionEnabled));
                case "two-way-channel-arn" -> false;
                default -> throw unknownFilter(filter);
            };
        }).stream().filter(p -> ids.isEmpty() || ids.contains(p.id)).toList();
        return page(in, "Pools", pools, this::poolInformation);
    }

    private ObjectNode poolInformation(SmsState.Pool pool) {
        ObjectNode out = object();
        out.put("PoolArn", pool.arn);
        out.put("PoolId", pool.id);
        out.put("Status", pool.status);
        out.put("MessageType", pool.messageType);
        out.put("TwoWayEnabled", pool.twoWayEnabled);
        out.put("SelfManagedOptOutsEnabled", pool.selfManagedOptOutsEnabled);
        out.put("OptOutListName", pool.optOutListName);
        out.put("SharedRoutesEnabled", pool.sharedRoutesEnabled);
        out.put("DeletionProtectionEnabled", pool.deletionProtectionEnabled);
        putTime(out, "CreatedTimestamp", pool.createdAt);
        return out;
    }

    private JsonNode describePhoneNumbers(JsonNode in) {
        List<String> ids = texts(in, "PhoneNumberIds").stream().map(SmsVoiceEmulator::idOf).toList();
        for (String id : ids) {
            if (!sms.state.phoneNumbers.containsKey(id) && sms.state.phoneNumbers.values().stream().noneMatch(n -> n.number.equals(id))) {
                throw AwsFault.notFound("phone-number", id);
            }
        }
        List<SmsState.PhoneNumber> numbers = filter(sms.state.phoneNumbers.values(), in.path("Filters"), (number, filter) -> {
            List<String> values = texts(filter, "Values");
            return switch (filter.path("Name").asString()) {
                case "status" -> values.contains(number.status);
                case "iso-country-code" -> values.contains(number.isoCountryCode);
                case "message-type" -> values.contains(number.messageType);
                case "number-capability" -> number.capabilities.stream().anyMatch(values::contains);
                case "number-type" -> values.contains(number.numberType);
                case "two-way-enabled" -> values.contains(String.valueOf(number.twoWayEnabled));
                case "self-managed-opt-outs-enabled" -> values.contains(String.valueOf(number.selfManagedOptOutsEnabled));
                case "opt-out-list-name" -> values.contains(number.optOutListName);
                case "deletion-protection-enabled" -> values.contains(String.valueOf(number.deletionProtectionEnabled));
                case "two-way-channel-arn" -> false;
                default -> throw unknownFilter(filter);
            };
        }).stream().filter(n -> ids.isEmpty() || ids.contains(n.id) || ids.contains(n.number)).toList();
        return page(in, "PhoneNumbers", numbers, this::phoneNumberInformation);
    }

    private ObjectNode phoneNumberInformation(SmsState.PhoneNumber number) {
        ObjectNode out = object();
        out.put("PhoneNumberArn", number.arn);
        out.put("PhoneNumberId", number.id);
        out.put("PhoneNumber", number.number);
        out.put("Status", number.status);
        out.put("IsoCountryCode", number.isoCountryCode);
        out.put("MessageType", number.messageType);
        out.set("NumberCapabilities", Json.strings(number.capabilities));
        out.put("NumberType", number.numberType);
        out.put("MonthlyLeasingPrice", number.monthlyLeasingPrice);
        out.put("TwoWayEnabled", number.twoWayEnabled);
        out.put("SelfManagedOptOutsEnabled", number.selfManagedOptOutsEnabled);
        out.put("OptOutListName", number.optOutListName);
        out.put("InternationalSendingEnabled", false);
        out.put("DeletionProtectionEnabled", number.deletionProtectionEnabled);
        if (number.poolId != null) {
            out.put("PoolId", number.poolId);
        }
        if (number.registrationId != null) {
            out.put("RegistrationId", number.registrationId);
        }
        putTime(out, "CreatedTimestamp", number.createdAt);
        return out;
    }

    private JsonNode listPoolOriginationIdentities(JsonNode in) {
        SmsState.Pool pool = pool(SmsVoiceEmulator.idOf(text(in, "PoolId", "")));
        List<SmsState.PhoneNumber> numbers = pool.originationIdentities.stream().map(sms.state.phoneNumbers::get)
                .filter(n -> n != null).toList();
        numbers = filter(numbers, in.path("Filters"), (number, filter) -> {
            List<String> values = texts(filter, "Values");
            return switch (filter.path("Name").asString()) {
                case "iso-country-code" -> values.contains(number.isoCountryCode);
                case "number-capability" -> number.capabilities.stream().anyMatch(values::contains);
                default -> throw unknownFilter(filter);
            };
        });
        ObjectNode out = (ObjectNode) page(in, "OriginationIdentities", numbers, number -> {
            ObjectNode node = object();
            node.put("OriginationIdentityArn", number.arn);
            node.put("OriginationIdentity", number.id);
            node.put("IsoCountryCode", number.isoCountryCode);
            node.set("NumberCapabilities", Json.strings(number.capabilities));
            node.put("PhoneNumber", number.number);
            return node;
        });
        out.put("PoolArn", pool.arn);
        out.put("PoolId", pool.id);
        return out;
    }

    // --- configuration sets and event destinations ---

    private JsonNode describeConfigurationSets(JsonNode in) {
        List<String> names = texts(in, "ConfigurationSetNames").stream().map(SmsVoiceEmulator::idOf).toList();
        for (String name : names) {
            configurationSet(name);
        }
        List<SmsState.ConfigurationSet> sets = filter(sms.state.configurationSets.values(), in.path("Filters"), (set, filter) -> {
            List<String> values = texts(filter, "Values");
            return switch (filter.path("Name").asString()) {
                case "event-destination-name" -> set.eventDestinations.stream().anyMatch(d -> values.contains(d.name));
                case "matching-event-types" -> set.eventDestinations.stream().anyMatch(d -> d.matchingEventTypes.stream().anyMatch(values::contains));
                case "default-message-type" -> set.defaultMessageType != null && values.contains(set.defaultMessageType);
                case "default-sender-id", "protect-configuration-id" -> false;
                case "default-message-feedback-enabled" -> values.contains("false");
                default -> throw unknownFilter(filter);
            };
        }).stream().filter(s -> names.isEmpty() || names.contains(s.name)).toList();
        return page(in, "ConfigurationSets", sets, this::configurationSetInformation);
    }

    private ObjectNode configurationSetInformation(SmsState.ConfigurationSet set) {
        ObjectNode out = object();
        out.put("ConfigurationSetArn", set.arn);
        out.put("ConfigurationSetName", set.name);
        ArrayNode destinations = out.putArray("EventDestinations");
        set.eventDestinations.forEach(d -> destinations.add(eventDestination(d)));
        if (set.defaultMessageType != null) {
            out.put("DefaultMessageType", set.defaultMessageType);
        }
        out.put("DefaultMessageFeedbackEnabled", false);
        putTime(out, "CreatedTimestamp", set.createdAt);
        return out;
    }

    private static ObjectNode eventDestination(SmsState.EventDestination d) {
        ObjectNode node = object();
        node.put("EventDestinationName", d.name);
        node.put("Enabled", d.enabled);
        node.set("MatchingEventTypes", Json.strings(d.matchingEventTypes));
        if (d.logGroupArn != null) {
            ObjectNode logs = node.putObject("CloudWatchLogsDestination");
            logs.put("IamRoleArn", d.iamRoleArn == null ? "" : d.iamRoleArn);
            logs.put("LogGroupArn", d.logGroupArn);
        }
        return node;
    }

    private JsonNode createEventDestination(JsonNode in) {
        SmsState.ConfigurationSet set = configurationSet(SmsVoiceEmulator.idOf(text(in, "ConfigurationSetName", "")));
        String name = text(in, "EventDestinationName", "");
        if (set.eventDestinations.stream().anyMatch(d -> d.name.equals(name))) {
            throw AwsFault.conflict("RESOURCE_ALREADY_EXISTS", "event-destination", name, "Event destination " + name + " already exists.");
        }
        if (set.eventDestinations.size() >= 5) {
            throw AwsFault.quota("EVENT_DESTINATIONS_PER_CONFIGURATION_SET", "A configuration set has at most 5 event destinations.");
        }
        var destination = new SmsState.EventDestination();
        destination.name = name;
        destination.enabled = true;
        destination.matchingEventTypes = matchingTypes(in);
        JsonNode logs = in.path("CloudWatchLogsDestination");
        if (!logs.isObject()) {
            throw AwsFault.validation("MISSING_PARAMETER", "The local emulator supports CloudWatch Logs event destinations only.");
        }
        destination.iamRoleArn = text(logs, "IamRoleArn");
        destination.logGroupArn = text(logs, "LogGroupArn");
        set.eventDestinations.add(destination);
        sms.markDirty();
        return destinationResult(set, destination);
    }

    private JsonNode updateEventDestination(JsonNode in) {
        SmsState.ConfigurationSet set = configurationSet(SmsVoiceEmulator.idOf(text(in, "ConfigurationSetName", "")));
        SmsState.EventDestination destination = destination(set, text(in, "EventDestinationName", ""));
        if (in.hasNonNull("Enabled")) {
            destination.enabled = in.path("Enabled").asBoolean();
        }
        if (in.hasNonNull("MatchingEventTypes")) {
            destination.matchingEventTypes = matchingTypes(in);
        }
        JsonNode logs = in.path("CloudWatchLogsDestination");
        if (logs.isObject()) {
            destination.iamRoleArn = text(logs, "IamRoleArn");
            destination.logGroupArn = text(logs, "LogGroupArn");
        }
        sms.markDirty();
        return destinationResult(set, destination);
    }

    private JsonNode deleteEventDestination(JsonNode in) {
        SmsState.ConfigurationSet set = configurationSet(SmsVoiceEmulator.idOf(text(in, "ConfigurationSetName", "")));
        SmsState.EventDestination destination = destination(set, text(in, "EventDestinationName", ""));
        set.eventDestinations.remove(destination);
        sms.markDirty();
        return destinationResult(set, destination);
    }

    private static List<String> matchingTypes(JsonNode in) {
        List<String> types = texts(in, "MatchingEventTypes");
        if (types.contains("TEXT_SENT")) {
            throw AwsFault.validationField("INVALID_PARAMETER", "MatchingEventTypes", "TEXT_SENT is not supported as a matching event type.");
        }
        return new ArrayList<>(types);
    }

    private ObjectNode destinationResult(SmsState.ConfigurationSet set, SmsState.EventDestination destination) {
        ObjectNode out = object();
        out.put("ConfigurationSetArn", set.arn);
        out.put("ConfigurationSetName", set.name);
        out.set("EventDestination", eventDestination(destination));
        return out;
    }

    private static SmsState.EventDestination destination(SmsState.ConfigurationSet set, String name) {
        return set.eventDestinations.stream().filter(d -> d.name.equals(name)).findFirst()
                .orElseThrow(() -> AwsFault.notFound("event-destination", name));
    }

    // --- keywords ---

    private JsonNode describeKeywords(JsonNode in) {
        String identity = SmsVoiceEmulator.idOf(text(in, "OriginationIdentity", ""));
        String arn;
        java.util.Map<String, SmsState.Keyword> keywords;
        if (sms.state.pools.containsKey(identity)) {
            SmsState.Pool pool = sms.state.pools.get(identity);
            arn = pool.arn;
            keywords = pool.keywords;
        } else {
            SmsState.PhoneNumber number = sms.state.phoneNumbers.containsKey(identity) ? sms.state.phoneNumbers.get(identity)
                    : sms.state.phoneNumbers.values().stream().filter(n -> n.number.equals(identity)).findFirst()
                            .orElseThrow(() -> AwsFault.notFound("phone-number", identity));
            arn = number.arn;
            keywords = number.keywords;
        }
        List<String> wanted = texts(in, "Keywords");
        List<SmsState.Keyword> matching = filter(keywords.values(), in.path("Filters"), (keyword, filter) -> {
            if (!"keyword-action".equals(filter.path("Name").asString())) {
                throw unknownFilter(filter);
            }
            return texts(filter, "Values").contains(keyword.action);
        }).stream().filter(k -> wanted.isEmpty() || wanted.contains(k.keyword)).toList();
        ObjectNode out = (ObjectNode) page(in, "Keywords", matching, keyword -> {
            ObjectNode node = object();
            node.put("Keyword", keyword.keyword);
            node.put("KeywordMessage", keyword.message);
            node.put("KeywordAction", keyword.action);
            return node;
        });
        out.put("OriginationIdentityArn", arn);
        out.put("OriginationIdentity", identity);
        return out;
    }

    // --- opt-outs ---

    private JsonNode describeOptOutLists(JsonNode in) {
        List<String> names = texts(in, "OptOutListNames").stream().map(SmsVoiceEmulator::idOf).toList();
        for (String name : names) {
            optOutList(name);
        }
        List<SmsState.OptOutList> lists = sms.state.optOutLists.values().stream().filter(l -> names.isEmpty() || names.contains(l.name)).toList();
        return page(in, "OptOutLists", lists, list -> {
            ObjectNode node = object();
            node.put("OptOutListArn", list.arn);
            node.put("OptOutListName", list.name);
            putTime(node, "CreatedTimestamp", list.createdAt);
            return node;
        });
    }

    private JsonNode describeOptedOutNumbers(JsonNode in) {
        SmsState.OptOutList list = optOutList(SmsVoiceEmulator.idOf(text(in, "OptOutListName", "")));
        List<String> wanted = texts(in, "OptedOutNumbers");
        List<SmsState.OptedOut> numbers = filter(list.numbers.values(), in.path("Filters"), (number, filter) -> {
            if (!"end-user-opted-out".equals(filter.path("Name").asString())) {
                throw unknownFilter(filter);
            }
            return texts(filter, "Values").contains(String.valueOf(number.endUser));
        }).stream().filter(n -> wanted.isEmpty() || wanted.contains(n.number)).toList();
        ObjectNode out = (ObjectNode) page(in, "OptedOutNumbers", numbers, number -> {
            ObjectNode node = object();
            node.put("OptedOutNumber", number.number);
            putTime(node, "OptedOutTimestamp", number.at);
            node.put("EndUserOptedOut", number.endUser);
            return node;
        });
        out.put("OptOutListArn", list.arn);
        out.put("OptOutListName", list.name);
        return out;
    }

    private JsonNode putOptedOutNumber(JsonNode in) {
        SmsState.OptOutList list = optOutList(SmsVoiceEmulator.idOf(text(in, "OptOutListName", "")));
        String number = text(in, "OptedOutNumber", "");
        Numbers.requireValid(number, "OptedOutNumber");
        SmsState.OptedOut optedOut = list.numbers.get(number);
        if (optedOut == null) {
            optedOut = new SmsState.OptedOut();
            optedOut.number = number;
            optedOut.at = sms.now();
            optedOut.endUser = false;
            list.numbers.put(number, optedOut);
            sms.markDirty();
        }
        return optedOutResult(list, optedOut);
    }

    private JsonNode deleteOptedOutNumber(JsonNode in) {
        SmsState.OptOutList list = optOutList(SmsVoiceEmulator.idOf(text(in, "OptOutListName", "")));
        String number = text(in, "OptedOutNumber", "");
        SmsState.OptedOut optedOut = list.numbers.get(number);
        if (optedOut == null) {
            throw AwsFault.notFound("opted-out-number", number);
        }
        long now = sms.now();
        long interval = sms.properties.optOut().removalInterval().toMillis();
        Long last = list.lastRemovedAt.get(number);
        if (last != null && now - last < interval) {
            throw AwsFault.conflict("RESOURCE_DELETION_NOT_ALLOWED", "opted-out-number", number,
                    "Each destination phone number can only be deleted once every " + (interval / 86_400_000L) + " days.");
        }
        list.numbers.remove(number);
        list.lastRemovedAt.put(number, now);
        sms.markDirty();
        return optedOutResult(list, optedOut);
    }

    private static ObjectNode optedOutResult(SmsState.OptOutList list, SmsState.OptedOut optedOut) {
        ObjectNode out = object();
        out.put("OptOutListArn", list.arn);
        out.put("OptOutListName", list.name);
        out.put("OptedOutNumber", optedOut.number);
        putTime(out, "OptedOutTimestamp", optedOut.at);
        out.put("EndUserOptedOut", optedOut.endUser);
        return out;
    }

    // --- account ---

    private JsonNode describeAccountAttributes(JsonNode in) {
        record Attribute(String name, String value) {
        }
        return page(in, "AccountAttributes", List.of(new Attribute("ACCOUNT_TIER", sms.state.account.tier)), a -> {
            ObjectNode node = object();
            node.put("Name", a.name());
            node.put("Value", a.value());
            return node;
        });
    }

    private JsonNode describeAccountLimits(JsonNode in) {
        record Limit(String name, long used, long max) {
        }
        SmsState state = sms.state;
        List<Limit> limits = List.of(
                new Limit("PHONE_NUMBERS", state.phoneNumbers.size(), 10),
                new Limit("POOLS", state.pools.size(), 10),
                new Limit("CONFIGURATION_SETS", state.configurationSets.size(), 25),
                new Limit("OPT_OUT_LISTS", state.optOutLists.size(), 25),
                new Limit("SENDER_IDS", 0, 25),
                new Limit("REGISTRATIONS", state.registrations.values().stream().filter(r -> !r.deleted).count(), 100),
                new Limit("REGISTRATION_ATTACHMENTS", state.attachments.values().stream().filter(a -> !"DELETED".equals(a.status)).count(), 1000),
                new Limit("VERIFIED_DESTINATION_NUMBERS", state.verifiedNumbers.size(), sms.properties.account().maxVerifiedNumbers()));
        return page(in, "AccountLimits", limits, l -> {
            ObjectNode node = object();
            node.put("Name", l.name());
            node.put("Used", l.used());
            node.put("Max", l.max());
            return node;
        });
    }

    private JsonNode describeSpendLimits(JsonNode in) {
        record Spend(String name, long enforced, long max) {
        }
        SmsState.Account account = sms.state.account;
        List<Spend> limits = List.of(
                new Spend("TEXT_MESSAGE_MONTHLY_SPEND_LIMIT", account.textSpendLimitUsd, Math.max(account.textSpendLimitUsd, account.textSpendMaxLimitUsd)),
                new Spend("VOICE_MESSAGE_MONTHLY_SPEND_LIMIT", 1, 1),
                new Spend("MEDIA_MESSAGE_MONTHLY_SPEND_LIMIT", 1, 1));
        return page(in, "SpendLimits", limits, l -> {
            ObjectNode node = object();
            node.put("Name", l.name());
            node.put("EnforcedLimit", l.enforced());
            node.put("MaxLimit", l.max());
            node.put("Overridden", false);
            return node;
        });
    }

    // --- helpers ---

    private <T> JsonNode page(JsonNode in, String listField, List<T> items, java.util.function.Function<T, JsonNode> mapper) {
        var page = Json.page(items, text(in, "NextToken"), Json.number(in, "MaxResults"), 20,
                () -> AwsFault.validation("INVALID_NEXT_TOKEN", "The NextToken is not valid."));
        ObjectNode out = object();
        out.set(listField, Json.array(page.items(), mapper));
        page.writeTokenTo(out, "NextToken");
        return out;
    }

    private static <T> List<T> filter(java.util.Collection<T> items, JsonNode filters, BiPredicate<T, JsonNode> matches) {
        List<T> out = new ArrayList<>();
        for (T item : items) {
            boolean keep = true;
            for (JsonNode filter : filters) {
                keep &= matches.test(item, filter);
            }
            if (keep) {
                out.add(item);
            }
        }
        return out;
    }

    private static AwsFault unknownFilter(JsonNode filter) {
        return AwsFault.validation("INVALID_FILTER_VALUES", "Unknown filter " + filter.path("Name").asString());
    }

    private SmsState.Pool pool(String id) {
        SmsState.Pool pool = sms.state.pools.get(id);
        if (pool == null) {
            throw AwsFault.notFound("pool", id);
        }
        return pool;
    }

    private SmsState.ConfigurationSet configurationSet(String name) {
        SmsState.ConfigurationSet set = sms.state.configurationSets.get(name);
        if (set == null) {
            throw AwsFault.notFound("configuration-set", name);
        }
        return set;
    }

    private SmsState.OptOutList optOutList(String name) {
        SmsState.OptOutList list = sms.state.optOutLists.get(name);
        if (list == null) {
            throw AwsFault.notFound("opt-out-list", name);
        }
        return list;
    }
}
