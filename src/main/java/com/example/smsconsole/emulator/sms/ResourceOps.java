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
import org.jspecify.annotations.Nullable;
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
    private final Lookup lookup;

    ResourceOps(SmsVoiceEmulator sms) {
        this.sms = sms;
        this.lookup = new Lookup(sms);
    }

    void register() {
        sms.operation("DescribeConfigurationSets", (in, ctx) -> describeConfigurationSets(in));
        sms.operation("CreateConfigurationSet", (in, ctx) -> createConfigurationSet(in));
        sms.operation("DeleteConfigurationSet", (in, ctx) -> deleteConfigurationSet(in));
        sms.operation("SetDefaultMessageType", (in, ctx) -> setDefaultMessageType(in, text(in, "MessageType")));
        sms.operation("DeleteDefaultMessageType", (in, ctx) -> setDefaultMessageType(in, null));
        sms.operation("SetDefaultSenderId", (in, ctx) -> setDefaultSenderId(in, text(in, "SenderId")));
        sms.operation("DeleteDefaultSenderId", (in, ctx) -> setDefaultSenderId(in, null));
        sms.operation("SetDefaultMessageFeedbackEnabled", (in, ctx) -> setDefaultMessageFeedback(in));
        sms.operation("CreateOptOutList", (in, ctx) -> createOptOutList(in));
        sms.operation("DeleteOptOutList", (in, ctx) -> deleteOptOutList(in));
        sms.operation("SetTextMessageSpendLimitOverride", (in, ctx) -> setSpendOverride("TEXT", in));
        sms.operation("DeleteTextMessageSpendLimitOverride", (in, ctx) -> deleteSpendOverride("TEXT"));
        sms.operation("SetVoiceMessageSpendLimitOverride", (in, ctx) -> setSpendOverride("VOICE", in));
        sms.operation("DeleteVoiceMessageSpendLimitOverride", (in, ctx) -> deleteSpendOverride("VOICE"));
        sms.operation("SetMediaMessageSpendLimitOverride", (in, ctx) -> setSpendOverride("MEDIA", in));
        sms.operation("DeleteMediaMessageSpendLimitOverride", (in, ctx) -> deleteSpendOverride("MEDIA"));
        sms.operation("CreateEventDestination", (in, ctx) -> createEventDestination(in));
        sms.operation("UpdateEventDestination", (in, ctx) -> updateEventDestination(in));
        sms.operation("DeleteEventDestination", (in, ctx) -> deleteEventDestination(in));
        sms.operation("DescribeOptOutLists", (in, ctx) -> describeOptOutLists(in));
        sms.operation("DescribeOptedOutNumbers", (in, ctx) -> describeOptedOutNumbers(in));
        sms.operation("PutOptedOutNumber", (in, ctx) -> putOptedOutNumber(in));
        sms.operation("DeleteOptedOutNumber", (in, ctx) -> deleteOptedOutNumber(in));
        sms.operation("DescribeAccountAttributes", (in, ctx) -> describeAccountAttributes(in));
        sms.operation("DescribeAccountLimits", (in, ctx) -> describeAccountLimits(in));
        sms.operation("DescribeSpendLimits", (in, ctx) -> describeSpendLimits(in));
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
                case "default-sender-id" -> set.defaultSenderId != null && values.contains(set.defaultSenderId);
                case "protect-configuration-id" -> false;
                case "default-message-feedback-enabled" -> Lookup.bool(values, set.defaultMessageFeedbackEnabled);
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
        if (set.defaultSenderId != null) {
            out.put("DefaultSenderId", set.defaultSenderId);
        }
        out.put("DefaultMessageFeedbackEnabled", set.defaultMessageFeedbackEnabled);
        putTime(out, "CreatedTimestamp", set.createdAt);
        return out;
    }

    /**
     * CreateConfigurationSet: "If the configuration set name already exists, an error is returned"
     * is the behaviour of every Create of the API (ConflictException RESOURCE_ALREADY_EXISTS); the
     * account holds at most 25 (DescribeAccountLimits CONFIGURATION_SETS).
     */
    private JsonNode createConfigurationSet(JsonNode in) {
        String name = text(in, "ConfigurationSetName", "");
        String token = text(in, "ClientToken");
        String fingerprint = Lookup.fingerprint(in);
        String replayed = lookup.replay("CreateConfigurationSet", token, fingerprint);
        SmsState.ConfigurationSet set = replayed == null ? null : sms.state.configurationSets.get(replayed);
        if (set == null) {
            if (sms.state.configurationSets.containsKey(name)) {
                throw AwsFault.conflict("RESOURCE_ALREADY_EXISTS", "configuration-set", name, "Configuration set " + name + " already exists.");
            }
            if (sms.state.configurationSets.size() >= 25) {
                throw AwsFault.quota("CONFIGURATION_SETS_PER_ACCOUNT", "The account has 25 configuration sets, the most allowed.");
            }
            set = new SmsState.ConfigurationSet();
            set.name = name;
            set.arn = sms.arn("configuration-set", name);
            set.createdAt = sms.now();
            set.tags = Lookup.readTags(in);
            sms.state.configurationSets.put(name, set);
            lookup.remember("CreateConfigurationSet", token, name, fingerprint);
            sms.markDirty();
        }
        ObjectNode out = object();
        out.put("ConfigurationSetArn", set.arn);
        out.put("ConfigurationSetName", set.name);
        out.set("Tags", Lookup.tags(set.tags));
        putTime(out, "CreatedTimestamp", set.createdAt);
        return out;
    }

    private JsonNode deleteConfigurationSet(JsonNode in) {
        SmsState.ConfigurationSet set = configurationSet(SmsVoiceEmulator.idOf(text(in, "ConfigurationSetName", "")));
        sms.state.configurationSets.remove(set.name);
        sms.markDirty();
        ObjectNode out = configurationSetInformation(set);
        out.remove("ProtectConfigurationId");
        return out;
    }

    private JsonNode setDefaultMessageType(JsonNode in, @Nullable String messageType) {
        SmsState.ConfigurationSet set = configurationSet(SmsVoiceEmulator.idOf(text(in, "ConfigurationSetName", "")));
        String previous = set.defaultMessageType;
        set.defaultMessageType = messageType;
        sms.markDirty();
        ObjectNode out = object();
        out.put("ConfigurationSetArn", set.arn);
        out.put("ConfigurationSetName", set.name);
        String shown = messageType != null ? messageType : previous;
        if (shown != null) {
            out.put("MessageType", shown);
        }
        return out;
    }

    private JsonNode setDefaultSenderId(JsonNode in, @Nullable String senderId) {
        SmsState.ConfigurationSet set = configurationSet(SmsVoiceEmulator.idOf(text(in, "ConfigurationSetName", "")));
        String previous = set.defaultSenderId;
        set.defaultSenderId = senderId;
        sms.markDirty();
        ObjectNode out = object();
        out.put("ConfigurationSetArn", set.arn);
        out.put("ConfigurationSetName", set.name);
        String shown = senderId != null ? senderId : previous;
        if (shown != null) {
            out.put("SenderId", shown);
        }
        return out;
    }

    private JsonNode setDefaultMessageFeedback(JsonNode in) {
        SmsState.ConfigurationSet set = configurationSet(SmsVoiceEmulator.idOf(text(in, "ConfigurationSetName", "")));
        set.defaultMessageFeedbackEnabled = in.path("MessageFeedbackEnabled").asBoolean();
        sms.markDirty();
        ObjectNode out = object();
        out.put("ConfigurationSetArn", set.arn);
        out.put("ConfigurationSetName", set.name);
        out.put("MessageFeedbackEnabled", set.defaultMessageFeedbackEnabled);
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

    /**
     * CreateOptOutList: "If the opt-out list name already exists, an error is returned";
     * DeleteOptOutList: "If the specified opt-out list name doesn't exist or is in-use by an
     * origination phone number or pool, an error is returned" (API reference). The Default list is
     * the service's own and is not deleted.
     */
    private JsonNode createOptOutList(JsonNode in) {
        String name = text(in, "OptOutListName", "");
        if (sms.state.optOutLists.containsKey(name)) {
            throw AwsFault.conflict("RESOURCE_ALREADY_EXISTS", "opt-out-list", name, "Opt-out list " + name + " already exists.");
        }
        if (sms.state.optOutLists.size() >= 25) {
            throw AwsFault.quota("OPT_OUT_LISTS_PER_ACCOUNT", "The account has 25 opt-out lists, the most allowed.");
        }
        var list = new SmsState.OptOutList();
        list.name = name;
        list.arn = sms.arn("opt-out-list", name);
        list.createdAt = sms.now();
        list.tags = Lookup.readTags(in);
        sms.state.optOutLists.put(name, list);
        sms.markDirty();
        ObjectNode out = object();
        out.put("OptOutListArn", list.arn);
        out.put("OptOutListName", list.name);
        out.set("Tags", Lookup.tags(list.tags));
        putTime(out, "CreatedTimestamp", list.createdAt);
        return out;
    }

    private JsonNode deleteOptOutList(JsonNode in) {
        SmsState.OptOutList list = optOutList(SmsVoiceEmulator.idOf(text(in, "OptOutListName", "")));
        boolean inUse = sms.state.phoneNumbers.values().stream().anyMatch(n -> n.optOutListName.equals(list.name))
                || sms.state.pools.values().stream().anyMatch(p -> p.optOutListName.equals(list.name));
        if (inUse || "Default".equals(list.name)) {
            throw AwsFault.conflict("RESOURCE_DELETION_NOT_ALLOWED", "opt-out-list", list.name,
                    "Default".equals(list.name) ? "The Default opt-out list cannot be deleted."
                            : "Opt-out list " + list.name + " is used by a phone number or pool.");
        }
        sms.state.optOutLists.remove(list.name);
        sms.markDirty();
        ObjectNode out = object();
        out.put("OptOutListArn", list.arn);
        out.put("OptOutListName", list.name);
        putTime(out, "CreatedTimestamp", list.createdAt);
        return out;
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
                new Limit("PHONE_NUMBERS", state.phoneNumbers.size(), sms.properties.account().maxPhoneNumbers()),
                new Limit("POOLS", state.pools.size(), 10),
                new Limit("CONFIGURATION_SETS", state.configurationSets.size(), 25),
                new Limit("OPT_OUT_LISTS", state.optOutLists.size(), 25),
                new Limit("SENDER_IDS", state.senderIds.size(), 25),
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

    /**
     * Spend limits: "The requested spend limit must be less than or equal to the MaxLimit, which is
     * set by Amazon Web Services"; deleting an override "will set the EnforcedLimit to equal the
     * MaxLimit" (API reference). A sandbox account's limit is USD 1 (user guide {@code sandbox}).
     */
    private JsonNode describeSpendLimits(JsonNode in) {
        record Spend(String name, long enforced, long max, boolean overridden) {
        }
        SmsState.Account account = sms.state.account;
        List<Spend> limits = new ArrayList<>();
        for (String kind : List.of("TEXT", "VOICE", "MEDIA")) {
            Long override = override(kind);
            long max = maxLimit(kind);
            limits.add(new Spend(kind + "_MESSAGE_MONTHLY_SPEND_LIMIT", override != null ? override : max, max, override != null));
        }
        return page(in, "SpendLimits", limits, l -> {
            ObjectNode node = object();
            node.put("Name", l.name());
            node.put("EnforcedLimit", l.enforced());
            node.put("MaxLimit", l.max());
            node.put("Overridden", l.overridden());
            return node;
        });
    }

    private @Nullable Long override(String kind) {
        SmsState.Account account = sms.state.account;
        return switch (kind) {
            case "TEXT" -> account.textSpendOverride;
            case "VOICE" -> account.voiceSpendOverride;
            default -> account.mediaSpendOverride;
        };
    }

    private long maxLimit(String kind) {
        SmsState.Account account = sms.state.account;
        return switch (kind) {
            case "TEXT" -> Math.max(account.textSpendLimitUsd, account.textSpendMaxLimitUsd);
            case "VOICE" -> account.voiceSpendMaxLimitUsd;
            default -> account.mediaSpendMaxLimitUsd;
        };
    }

    private JsonNode setSpendOverride(String kind, JsonNode in) {
        long limit = in.path("MonthlyLimit").asLong();
        long max = maxLimit(kind);
        if (limit > max) {
            throw AwsFault.validationField("REQUESTED_SPEND_LIMIT_HIGHER_THAN_SERVICE_LIMIT", "MonthlyLimit",
                    "The requested limit of " + limit + " USD is higher than the account's maximum of " + max + " USD.");
        }
        SmsState.Account account = sms.state.account;
        switch (kind) {
            case "TEXT" -> account.textSpendOverride = limit;
            case "VOICE" -> account.voiceSpendOverride = limit;
            default -> account.mediaSpendOverride = limit;
        }
        sms.markDirty();
        ObjectNode out = object();
        out.put("MonthlyLimit", limit);
        return out;
    }

    private JsonNode deleteSpendOverride(String kind) {
        SmsState.Account account = sms.state.account;
        switch (kind) {
            case "TEXT" -> account.textSpendOverride = null;
            case "VOICE" -> account.voiceSpendOverride = null;
            default -> account.mediaSpendOverride = null;
        }
        sms.markDirty();
        ObjectNode out = object();
        out.put("MonthlyLimit", maxLimit(kind));
        return out;
    }

    /** The text spend limit sends are checked against: the override, else the account's maximum. */
    static long enforcedTextLimit(SmsState.Account account) {
        return account.textSpendOverride != null ? account.textSpendOverride : Math.max(account.textSpendLimitUsd, account.textSpendMaxLimitUsd);
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
