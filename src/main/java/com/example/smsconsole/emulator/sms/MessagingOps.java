package com.example.smsconsole.emulator.sms;

import static com.example.smsconsole.emulator.protocol.Json.object;
import static com.example.smsconsole.emulator.protocol.Json.text;

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
    private final Routing routing;

    MessagingOps(SmsVoiceEmulator sms) {
        this.sms = sms;
        this.routing = new Routing(sms);
    }

    void register() {
        sms.operation("SendTextMessage", (in, ctx) -> send(in, ctx.receivedAt().toEpochMilli()));
        sms.operation("SendVoiceMessage", (in, ctx) -> sendVoice(in, ctx.receivedAt().toEpochMilli()));
    }

    /** The checks SendTextMessage and SendVoiceMessage share, before anything is sent. */
    private record Checked(String destination, String country, SmsState.@Nullable ConfigurationSet configurationSet, Routing.Chosen chosen) {
    }

    private Checked check(JsonNode in, boolean voice) {
        String destination = text(in, "DestinationPhoneNumber", "");
        Numbers.requireValid(destination, "DestinationPhoneNumber");
        String destinationCountry = Numbers.country(destination);
        SmsState.ConfigurationSet configurationSet = null;
        String configurationSetName = text(in, "ConfigurationSetName");
        if (configurationSetName != null) {
            configurationSet = sms.state.configurationSets.get(SmsVoiceEmulator.idOf(configurationSetName));
            if (configurationSet == null) {
                throw AwsFault.notFound("configuration-set", SmsVoiceEmulator.idOf(configurationSetName));
            }
        }
        String identity = text(in, "OriginationIdentity");
        Routing.Candidates candidates = routing.candidates(identity);
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
        Routing.Chosen chosen = routing.choose(identity, candidates, destination, destinationCountry, voice, false, configurationSet);
        return new Checked(destination, destinationCountry, configurationSet, chosen);
    }

    private JsonNode send(JsonNode in, long requestedAt) {
        String body = text(in, "MessageBody");
        if (body == null) {
            throw AwsFault.validationField("MISSING_PARAMETER", "MessageBody", "MessageBody is required.");
        }
        Checked checked = check(in, false);
        MessageParts.Count parts = MessageParts.of(body);
        Prices.Price price = Prices.of(checked.country());
        double messagePrice = round(parts.parts() * price.basePerPart());
        double carrierFee = round(parts.parts() * price.carrierFeePerPart());
        String maxPrice = text(in, "MaxPrice");
        if (maxPrice != null && price.basePerPart() + price.carrierFeePerPart() > Double.parseDouble(maxPrice)) {
            throw AwsFault.validationField("PRICE_OVER_THRESHOLD", "MaxPrice",
                    "The price per message part (" + (price.basePerPart() + price.carrierFeePerPart()) + " USD) is over MaxPrice " + maxPrice + ".");
        }
        long now = sms.now();
        rollSpendMonth(now);
        SmsState.Account account = sms.state.account;
        long limit = ResourceOps.enforcedTextLimit(account);
        if (account.textSpendThisMonth + messagePrice + carrierFee > limit) {
            throw AwsFault.quota("MONTHLY_SPEND_LIMIT_REACHED_FOR_TEXT",
                    "The monthly spend limit of " + limit + " USD for text messages has been reached.");
        }
        String messageId = UUID.randomUUID().toString();
        ObjectNode out = object();
        out.put("MessageId", messageId);
        if (in.path("DryRun").asBoolean(false)) {
            return out;
        }
        account.textSpendThisMonth += messagePrice + carrierFee;
        sms.state.messagesSent++;
        var receipt = new Receipt(messageId, checked.chosen().identity().value(), checked.destination(), checked.country(),
                !checked.country().equals(checked.chosen().identity().iso()), parts, messageType(in, checked), requestedAt,
                in.get("Context"), messagePrice, carrierFee, body);
        schedule(receipt, checked.configurationSet(), now);
        sms.markDirty();
        return out;
    }

    /** MessageType: the request's, else the configuration set's default, else the identity's or pool's. */
    private static String messageType(JsonNode in, Checked checked) {
        String requested = text(in, "MessageType");
        if (requested != null) {
            return requested;
        }
        SmsState.ConfigurationSet set = checked.configurationSet();
        return set != null && set.defaultMessageType != null ? set.defaultMessageType : checked.chosen().messageType();
    }

    /**
     * SendVoiceMessage: the same checks as a text (sandbox, opt-out list, origination identity with
     * VOICE capability in the destination's country), a call "texted" to the simulated handset as
     * its transcript, and VOICE_* events (EventType enum of the model) through the configuration
     * set. Text bodies are at most 3,000 characters, SSML 6,000 (API reference of
     * MessageBodyTextType). The user guide's voice event example was not available in the sources
     * used here; the events carry the fields the SMS events share.
     */
    private JsonNode sendVoice(JsonNode in, long requestedAt) {
        String body = text(in, "MessageBody", "");
        String textType = text(in, "MessageBodyTextType", "TEXT");
        int max = "SSML".equals(textType) ? 6000 : 3000;
        if (body.length() > max) {
            throw AwsFault.validationField("MAXIMUM_SIZE_EXCEEDED", "MessageBody",
                    "A " + textType + " voice message is at most " + max + " characters; this one has " + body.length() + ".");
        }
        if (text(in, "OriginationIdentity") == null) {
            throw AwsFault.validationField("MISSING_PARAMETER", "OriginationIdentity", "OriginationIdentity is required.");
        }
        Checked checked = check(in, true);
        double price = round(Prices.of(checked.country()).voicePerMinute() * Math.max(1, Math.ceil(body.length() / 900.0)));
        long now = sms.now();
        rollSpendMonth(now);
        SmsState.Account account = sms.state.account;
        long limit = account.voiceSpendOverride != null ? account.voiceSpendOverride : account.voiceSpendMaxLimitUsd;
        if (account.voiceSpendThisMonth + price > limit) {
            throw AwsFault.quota("MONTHLY_SPEND_LIMIT_REACHED_FOR_VOICE",
                    "The monthly spend limit of " + limit + " USD for voice messages has been reached.");
        }
        String messageId = UUID.randomUUID().toString();
        ObjectNode out = object();
        out.put("MessageId", messageId);
        if (in.path("DryRun").asBoolean(false)) {
            return out;
        }
        account.voiceSpendThisMonth += price;
        var delivery = sms.properties.delivery();
        var call = new SmsState.PendingEvent();
        call.kind = "HANDSET";
        call.channel = "VOICE";
        call.dueAt = now + delivery.successful().toMillis();
        call.handsetNumber = checked.destination();
        call.from = checked.chosen().identity().value();
        call.message = "(voice call, " + text(in, "VoiceId", "MATTHEW") + ") " + body;
        call.messageId = messageId;
        sms.state.pendingEvents.add(call);
        if (checked.configurationSet() != null) {
            String[] types = {"VOICE_INITIATED", "VOICE_RINGING", "VOICE_ANSWERED", "VOICE_COMPLETED"};
            long[] at = {now + delivery.queued().toMillis(), now + delivery.queued().toMillis(), now + delivery.successful().toMillis(),
                now + delivery.delivered().toMillis()};
            for (int i = 0; i < types.length; i++) {
                ObjectNode event = MAPPER.createObjectNode();
                event.put("eventType", types[i]);
                event.put("eventVersion", "1.0");
                event.put("eventTimestamp", at[i]);
                event.put("isFinal", i == types.length - 1);
                event.put("originationPhoneNumber", checked.chosen().identity().value());
                event.put("destinationPhoneNumber", checked.destination());
                event.put("isoCountryCode", checked.country());
                event.put("messageId", messageId);
                event.put("messageRequestTimestamp", requestedAt);
                event.put("messageStatus", types[i].substring("VOICE_".length()));
                if (in.path("Context").isObject() && !in.path("Context").isEmpty()) {
                    event.set("context", in.get("Context"));
                }
                if (i == types.length - 1) {
                    event.put("totalPrice", price);
                }
                queueLog(checked.configurationSet(), types[i], at[i], event.toString());
            }
        }
        sms.state.pendingEvents.sort(Comparator.comparingLong(e -> e.dueAt));
        sms.markDirty();
        return out;
    }

    private record Receipt(String messageId, String origination, String destination, String country, boolean international,
            MessageParts.Count parts, String messageType, long requestedAt, @Nullable JsonNode context, double price, double carrierFee,
            String body) {
    }

    /**
     * The events that follow an accepted text: TEXT_QUEUED, then for a failure simulator the
     * configured failure type (final); otherwise TEXT_SUCCESSFUL, which is final where AWS documents
     * it so (the user guide's SMS example event, a US destination, has TEXT_SUCCESSFUL with isFinal
     * true; {@code emulator/countries.json} successIsFinal), else followed by a final TEXT_DELIVERED
     * ("Depending on the destination country the TEXT_DELIVERED and TEXT_SUCCESSFUL events may be
     * used interchangeably", {@code configuration-sets-event-types}; captured Canadian and Japanese
     * events end in TEXT_DELIVERED).
     */
    private void schedule(Receipt receipt, SmsState.@Nullable ConfigurationSet configurationSet, long now) {
        var delivery = sms.properties.delivery();
        record Step(String type, boolean isFinal, long at) {
        }
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("TEXT_QUEUED", false, now + delivery.queued().toMillis()));
        if (Numbers.isFailureSimulator(receipt.destination())) {
            steps.add(new Step(delivery.failureEventType().toUpperCase(Locale.ROOT), true, now + delivery.failure().toMillis()));
        } else {
            boolean successIsFinal = Numbers.successIsFinal(receipt.country());
            steps.add(new Step("TEXT_SUCCESSFUL", successIsFinal, now + delivery.successful().toMillis()));
            if (!successIsFinal) {
                steps.add(new Step("TEXT_DELIVERED", true, now + delivery.delivered().toMillis()));
            }
            // the text arrives on the destination's simulated handset, a success simulator number's too, so a
            // tester can read it there and reply (STOP, HELP) from it
            {
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
        if (configurationSet != null) {
            for (Step step : steps) {
                queueLog(configurationSet, step.type(), step.at(), eventJson(receipt, step.type(), step.isFinal(), step.at()));
            }
        }
        sms.state.pendingEvents.sort(Comparator.comparingLong(e -> e.dueAt));
    }

    /** Queues one event for every enabled CloudWatch Logs event destination that matches its type. */
    private void queueLog(SmsState.ConfigurationSet configurationSet, String type, long at, String message) {
        for (SmsState.EventDestination destination : configurationSet.eventDestinations) {
            if (!destination.enabled || destination.logGroupArn == null || !matches(destination.matchingEventTypes, type)) {
                continue;
            }
            var event = new SmsState.PendingEvent();
            event.kind = "LOG";
            event.dueAt = at;
            event.logGroupName = logGroupName(destination.logGroupArn);
            event.logStreamName = "sms-delivery-receipts/" + STREAM_DAY.format(Instant.ofEpochMilli(at));
            event.message = message;
            sms.state.pendingEvents.add(event);
        }
    }

    private static boolean matches(List<String> matching, String type) {
        String family = type.substring(0, type.indexOf('_')) + "_ALL";
        return matching.contains("ALL") || matching.contains(family) || matching.contains(type);
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
        event.put("messageEncoding", r.parts().encoding().name());
        event.put("messageType", r.messageType());
        event.put("messageStatus", type.substring("TEXT_".length()));
        event.put("messageStatusDescription", DESCRIPTIONS.getOrDefault(type, "Message status " + type));
        if (r.context() != null && r.context().isObject() && !r.context().isEmpty()) {
            event.set("context", r.context());
        }
        event.put("totalMessageParts", r.parts().parts());
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
                Handsets.receive(sms.state, event.handsetNumber, event.from, event.message, event.channel, event.messageId, event.dueAt);
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
        SmsState.Pool pool = number.poolId == null ? null : sms.state.pools.get(number.poolId);
        SmsState.Keyword keyword = (pool != null ? pool.keywords : number.keywords).get(word);
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
