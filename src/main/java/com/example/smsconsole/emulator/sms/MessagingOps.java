package com.example.smsconsole.emulator.sms;

import static com.example.smsconsole.emulator.protocol.Json.object;
import static com.example.smsconsole.emulator.protocol.Json.text;

import com.example.smsconsole.common.SmsText;
import com.example.smsconsole.emulator.protocol.AwsFault;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * SendTextMessage and what follows it: the checks AWS makes before accepting a message (valid
 * number, origination identity that can reach it, opt-out list, sandbox verification, spend limit),
 * then the delivery events written through the configuration set's CloudWatch Logs event
 * destinations, and the message arriving on the simulated handset. Handset replies STOP and HELP
 * are handled as the number's keywords say.
 */
final class MessagingOps {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final DateTimeFormatter STREAM_DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("TEXT_QUEUED", "Message has been queued for delivery"),
            Map.entry("TEXT_PENDING", "Message is being processed"),
            Map.entry("TEXT_SUCCESSFUL", "Message has been accepted by phone carrier"),
            Map.entry("TEXT_DELIVERED", "Message has been accepted by phone"),
            Map.entry("TEXT_BLOCKED", "The message was blocked by the recipient's carrier or device"),
            Map.entry("TEXT_INVALID", "The destination phone number is invalid"),
            Map.entry("TEXT_INVALID_MESSAGE", "The message body is invalid"),
            Map.entry("TEXT_CARRIER_UNREACHABLE", "The carrier network is temporarily unreachable"),
            Map.entry("TEXT_UNREACHABLE", "The recipient's phone is switched off or out of coverage"),
            Map.entry("TEXT_CARRIER_BLOCKED", "The carrier blocked the message"),
            Map.entry("TEXT_SPAM", "The carrier flagged the message as unsolicited"),
            Map.entry("TEXT_TTL_EXPIRED", "The message could not be delivered within its time to live"),
            Map.entry("TEXT_UNKNOWN", "The message failed for an unknown reason"));
    private static final Set<String> OPT_OUT_WORDS = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT", "REVOKE");
    private static final Set<String> OPT_IN_WORDS = Set.of("START", "UNSTOP", "YES");

    private record Carrier(String mcc, String mnc, String name) {
    }

    private static final List<Carrier> US_CARRIERS = List.of(
            new Carrier("310", "410", "AT&T"), new Carrier("311", "480", "Verizon Wireless"), new Carrier("310", "260", "T-Mobile"));

    private final SmsVoiceEmulator sms;

    MessagingOps(SmsVoiceEmulator sms) {
        this.sms = sms;
    }

    void register() {
        sms.operation("SendTextMessage", (in, ctx) -> send(in, ctx.receivedAt().toEpochMilli()));
    }

    private JsonNode send(JsonNode in, long requestedAt) {
        String destination = text(in, "DestinationPhoneNumber", "");
        Numbers.requireValid(destination, "DestinationPhoneNumber");
        String destinationCountry = Numbers.country(destination);
        String body = text(in, "MessageBody");
        if (body == null) {
            throw AwsFault.validationField("MISSING_PARAMETER", "MessageBody", "MessageBody is required.");
        }
        SmsState.ConfigurationSet configurationSet = null;
        String configurationSetName = text(in, "ConfigurationSetName");
        if (configurationSetName != null) {
            configurationSet = sms.state.configurationSets.get(SmsVoiceEmulator.idOf(configurationSetName));
            if (configurationSet == null) {
                throw AwsFault.notFound("configuration-set", SmsVoiceEmulator.idOf(configurationSetName));
            }
        }
        String identity = text(in, "OriginationIdentity");
        Candidates candidates = candidates(identity);
        SmsState.OptOutList optOutList = sms.state.optOutLists.get(candidates.optOutListName());
        if (optOutList != null && optOutList.numbers.containsKey(destination)) {
            throw AwsFault.conflict("DESTINATION_PHONE_NUMBER_OPTED_OUT", "opted-out-number", destination,
                    "The destination phone number " + destination + " is opted out of opt-out list " + optOutList.name + ".");
        }
        if ("SANDBOX".equals(sms.state.account.tier) && !Numbers.isSimulator(destination)
                && sms.state.verifiedNumbers.values().stream().noneMatch(v -> v.phoneNumber.equals(destination) && "VERIFIED".equals(v.status))) {
            throw AwsFault.conflict("DESTINATION_PHONE_NUMBER_NOT_VERIFIED", "verified-destination-number", destination,
                    "The account is in the sandbox and " + destination + " is not a verified destination phone number.");
        }
        Origination origination = choose(identity, candidates, destination, destinationCountry);
        SmsText.Analysis analysis = SmsText.analyze(body);
        Prices.Price price = Prices.of(destinationCountry);
        double messagePrice = round(analysis.parts() * price.basePerPart());
        double carrierFee = round(analysis.parts() * price.carrierFeePerPart());
        String maxPrice = text(in, "MaxPrice");
        if (maxPrice != null && price.basePerPart() + price.carrierFeePerPart() > Double.parseDouble(maxPrice)) {
            throw AwsFault.validationField("PRICE_OVER_THRESHOLD", "MaxPrice",
                    "The price per message part (" + (price.basePerPart() + price.carrierFeePerPart()) + " USD) is over MaxPrice " + maxPrice + ".");
        }
        long now = sms.now();
        rollSpendMonth(now);
        SmsState.Account account = sms.state.account;
        if (account.textSpendThisMonth + messagePrice + carrierFee > account.textSpendLimitUsd) {
            throw AwsFault.quota("MONTHLY_SPEND_LIMIT_REACHED_FOR_TEXT",
                    "The monthly spend limit of " + account.textSpendLimitUsd + " USD for text messages has been reached.");
        }
        String messageId = UUID.randomUUID().toString();
        ObjectNode out = object();
        out.put("MessageId", messageId);
        if (Boolean.TRUE.equals(in.path("DryRun").asBoolean(false))) {
            return out;
        }
        account.textSpendThisMonth += messagePrice + carrierFee;
        sms.state.messagesSent++;
        String messageType = text(in, "MessageType", origination.messageType());
        var receipt = new Receipt(messageId, origination.number().number, destination, destinationCountry,
                !destinationCountry.equals(origination.number().isoCountryCode), analysis, messageType, requestedAt, in.get("Context"),
                messagePrice, carrierFee, body);
        schedule(receipt, configurationSet, now);
        sms.markDirty();
        return out;
    }

    private record Origination(SmsState.PhoneNumber number, String optOutListName, String messageType) {
    }

    private record Candidates(List<SmsState.PhoneNumber> numbers, SmsState.@Nullable Pool pool, String optOutListName) {
    }

    /** The numbers an origination identity stands for (all of the account's when none is given). */
    private Candidates candidates(@Nullable String identity) {
        List<SmsState.PhoneNumber> candidates = new ArrayList<>();
        SmsState.Pool pool = null;
        if (identity == null) {
            candidates.addAll(sms.state.phoneNumbers.values());
        } else if (identity.startsWith("pool-") || identity.contains(":pool/")) {
            pool = sms.state.pools.get(SmsVoiceEmulator.idOf(identity));
            if (pool == null) {
                throw AwsFault.notFound("pool", SmsVoiceEmulator.idOf(identity));
            }
            pool.originationIdentities.stream().map(sms.state.phoneNumbers::get).filter(n -> n != null).forEach(candidates::add);
        } else if (identity.startsWith("+")) {
            SmsState.PhoneNumber number = sms.state.phoneNumbers.values().stream().filter(n -> n.number.equals(identity)).findFirst()
                    .orElseThrow(() -> AwsFault.notFound("phone-number", identity));
            candidates.add(number);
        } else if (identity.startsWith("phone-") || identity.contains(":phone-number/")) {
            SmsState.PhoneNumber number = sms.state.phoneNumbers.get(SmsVoiceEmulator.idOf(identity));
            if (number == null) {
                throw AwsFault.notFound("phone-number", SmsVoiceEmulator.idOf(identity));
            }
            candidates.add(number);
        } else {
            throw AwsFault.notFound("sender-id", identity);
        }
        String optOutList = pool != null ? pool.optOutListName : identity != null ? candidates.getFirst().optOutListName : "Default";
        return new Candidates(candidates, pool, optOutList);
    }

    private Origination choose(@Nullable String identity, Candidates found, String destination, String destinationCountry) {
        List<SmsState.PhoneNumber> candidates = found.numbers();
        SmsState.Pool pool = found.pool();
        boolean single = identity != null && pool == null;
        if (single && !"ACTIVE".equals(candidates.getFirst().status)) {
            throw AwsFault.conflict("RESOURCE_NOT_ACTIVE", "phone-number", candidates.getFirst().id,
                    "Phone number " + candidates.getFirst().number + " is " + candidates.getFirst().status + " and cannot send yet.");
        }
        boolean toSimulator = Numbers.isSimulator(destination);
        List<SmsState.PhoneNumber> usable = candidates.stream()
                .filter(n -> "ACTIVE".equals(n.status) && n.capabilities.contains("SMS"))
                .filter(n -> "SIMULATOR".equals(n.numberType)
                        ? toSimulator && n.isoCountryCode.equals(destinationCountry)
                        : n.isoCountryCode.equals(destinationCountry))
                .toList();
        if (usable.isEmpty()) {
            boolean onlySimulators = !candidates.isEmpty() && candidates.stream().allMatch(n -> "SIMULATOR".equals(n.numberType));
            String why = onlySimulators && !toSimulator
                    ? " Simulator origination numbers can only send to simulator destination numbers."
                    : " No active number with SMS capability for country " + destinationCountry + ".";
            if (single) {
                throw AwsFault.validationField("INVALID_IDENTITY_FOR_DESTINATION_COUNTRY", "OriginationIdentity",
                        "Origination identity " + identity + " cannot send to " + destination + "." + why);
            }
            throw AwsFault.conflict("NO_ORIGINATION_IDENTITIES_FOUND", pool == null ? "account" : "pool", pool == null ? null : pool.id,
                    "No origination identity can send to " + destination + "." + why);
        }
        SmsState.PhoneNumber chosen = usable.get(Math.floorMod(destination.hashCode(), usable.size()));
        String messageType = pool != null ? pool.messageType : chosen.messageType;
        return new Origination(chosen, found.optOutListName(), messageType);
    }

    private record Receipt(String messageId, String origination, String destination, String country, boolean international,
            SmsText.Analysis analysis, String messageType, long requestedAt, @Nullable JsonNode context, double price, double carrierFee,
            String body) {
    }

    private void schedule(Receipt receipt, SmsState.@Nullable ConfigurationSet configurationSet, long now) {
        var delivery = sms.properties.delivery();
        record Step(String type, boolean isFinal, long at) {
        }
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("TEXT_QUEUED", false, now + delivery.queued().toMillis()));
        if (Numbers.isFailureSimulator(receipt.destination())) {
            steps.add(new Step(delivery.failureEventType().toUpperCase(Locale.ROOT), true, now + delivery.failure().toMillis()));
        } else {
            steps.add(new Step("TEXT_SUCCESSFUL", false, now + delivery.successful().toMillis()));
            steps.add(new Step("TEXT_DELIVERED", true, now + delivery.delivered().toMillis()));
            if (!Numbers.isSimulator(receipt.destination())) {
                var handset = new SmsState.PendingEvent();
                handset.kind = "HANDSET";
                handset.dueAt = now + delivery.delivered().toMillis();
                handset.handsetNumber = receipt.destination();
                handset.from = receipt.origination();
                handset.message = receipt.body();
                handset.messageId = receipt.messageId();
                sms.state.pendingEvents.add(handset);
            }
        }
        if (configurationSet == null) {
            return;
        }
        for (SmsState.EventDestination destination : configurationSet.eventDestinations) {
            if (!destination.enabled || destination.logGroupArn == null) {
                continue;
            }
            String logGroup = logGroupName(destination.logGroupArn);
            for (Step step : steps) {
                if (!matches(destination.matchingEventTypes, step.type())) {
                    continue;
                }
                var event = new SmsState.PendingEvent();
                event.kind = "LOG";
                event.dueAt = step.at();
                event.logGroupName = logGroup;
                event.logStreamName = "sms-delivery-receipts/" + STREAM_DAY.format(Instant.ofEpochMilli(step.at()));
                event.message = eventJson(receipt, step.type(), step.isFinal(), step.at());
                sms.state.pendingEvents.add(event);
            }
        }
        sms.state.pendingEvents.sort(Comparator.comparingLong(e -> e.dueAt));
    }

    private static boolean matches(List<String> matching, String type) {
        return matching.contains("ALL") || matching.contains("TEXT_ALL") || matching.contains(type);
    }

    static String logGroupName(String logGroupArn) {
        String name = logGroupArn;
        int index = name.indexOf(":log-group:");
        if (index >= 0) {
            name = name.substring(index + ":log-group:".length());
        }
        return name.endsWith(":*") ? name.substring(0, name.length() - 2) : name;
    }

    private String eventJson(Receipt r, String type, boolean isFinal, long at) {
        ObjectNode event = MAPPER.createObjectNode();
        event.put("eventType", type);
        event.put("eventVersion", "1.0");
        event.put("eventTimestamp", at);
        event.put("isFinal", isFinal);
        event.put("originationPhoneNumber", r.origination());
        event.put("destinationPhoneNumber", r.destination());
        event.put("isoCountryCode", r.country());
        event.put("isInternationalSend", r.international());
        Carrier carrier = carrier(r.destination(), r.country());
        event.put("mcc", carrier.mcc());
        event.put("mnc", carrier.mnc());
        event.put("carrierName", carrier.name());
        event.put("messageId", r.messageId());
        event.put("messageRequestTimestamp", r.requestedAt());
        event.put("messageEncoding", r.analysis().encoding().eventName());
        event.put("messageType", r.messageType());
        event.put("messageStatus", type.substring("TEXT_".length()));
        event.put("messageStatusDescription", DESCRIPTIONS.getOrDefault(type, "Message status " + type));
        if (r.context() != null && r.context().isObject() && !r.context().isEmpty()) {
            event.set("context", r.context());
        }
        event.put("totalMessageParts", r.analysis().parts());
        event.put("totalMessagePrice", r.price());
        event.put("totalCarrierFee", r.carrierFee());
        return event.toString();
    }

    private static Carrier carrier(String destination, String country) {
        if (Numbers.isSimulator(destination)) {
            return new Carrier("310", "800", "AWS Simulator");
        }
        if ("US".equals(country) || "CA".equals(country)) {
            return US_CARRIERS.get(Math.floorMod(destination.hashCode(), US_CARRIERS.size()));
        }
        return new Carrier("999", "01", "Carrier " + country);
    }

    /** Writes the receipts and handset deliveries that are due. */
    void deliverDue(long now) {
        if (sms.state.pendingEvents.isEmpty() || sms.state.pendingEvents.getFirst().dueAt > now) {
            return;
        }
        Iterator<SmsState.PendingEvent> it = sms.state.pendingEvents.iterator();
        while (it.hasNext()) {
            SmsState.PendingEvent event = it.next();
            if (event.dueAt > now) {
                break;
            }
            if ("HANDSET".equals(event.kind)) {
                Handsets.receive(sms.state, event.handsetNumber, event.from, event.message, "TEXT", event.messageId, event.dueAt);
            } else if (!sms.receipts.append(event.logGroupName, event.logStreamName, event.dueAt, event.message)) {
                sms.state.receiptsDropped++;
            }
            it.remove();
            sms.markDirty();
        }
    }

    /** A reply typed on a simulated handset to one of the account's numbers. */
    SmsState.HandsetMessage reply(String handsetNumber, String toNumber, String text) {
        SmsState.PhoneNumber number = sms.state.phoneNumbers.values().stream().filter(n -> n.number.equals(toNumber)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(toNumber + " is not a number of this account."));
        long now = sms.now();
        SmsState.HandsetMessage sent = Handsets.sent(sms.state, handsetNumber, toNumber, text, now);
        String word = text.strip().toUpperCase(Locale.ROOT);
        SmsState.Keyword keyword = number.keywords.get(word);
        String action = keyword != null ? keyword.action : OPT_OUT_WORDS.contains(word) ? "OPT_OUT" : OPT_IN_WORDS.contains(word) ? "OPT_IN" : null;
        String optOutListName = number.poolId != null && sms.state.pools.containsKey(number.poolId)
                ? sms.state.pools.get(number.poolId).optOutListName : number.optOutListName;
        SmsState.OptOutList list = sms.state.optOutLists.get(optOutListName);
        if ("OPT_OUT".equals(action) && list != null) {
            var optedOut = new SmsState.OptedOut();
            optedOut.number = handsetNumber;
            optedOut.at = now;
            optedOut.endUser = true;
            list.numbers.put(handsetNumber, optedOut);
        } else if ("OPT_IN".equals(action) && list != null) {
            list.numbers.remove(handsetNumber);
        }
        if (keyword != null) {
            Handsets.receive(sms.state, handsetNumber, toNumber, keyword.message, "TEXT", UUID.randomUUID().toString(), now + 1);
        }
        sms.markDirty();
        return sent;
    }

    private void rollSpendMonth(long now) {
        String month = Instant.ofEpochMilli(now).atZone(ZoneOffset.UTC).toLocalDate().toString().substring(0, 7);
        if (!month.equals(sms.state.account.spendMonth)) {
            sms.state.account.spendMonth = month;
            sms.state.account.textSpendThisMonth = 0;
        }
    }

    private static double round(double value) {
        return BigDecimal.valueOf(value).setScale(5, RoundingMode.HALF_UP).doubleValue();
    }
}
