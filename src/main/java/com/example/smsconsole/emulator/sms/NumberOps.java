package com.example.smsconsole.emulator.sms;

import static com.example.smsconsole.emulator.protocol.Json.object;
import static com.example.smsconsole.emulator.protocol.Json.putTime;
import static com.example.smsconsole.emulator.protocol.Json.text;
import static com.example.smsconsole.emulator.protocol.Json.texts;

import com.example.smsconsole.emulator.protocol.AwsFault;
import com.example.smsconsole.emulator.protocol.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Origination phone numbers and sender ids: request, update, release, describe.
 *
 * <p>Sources: the API reference (botocore model documentation) of RequestPhoneNumber,
 * ReleasePhoneNumber ("If the origination phone number has deletion protection enabled or is
 * associated with a pool, an error is returned"), UpdatePhoneNumber ("If the origination phone
 * number is associated with a pool, an error is returned") and RequestSenderId ("a new sender ID
 * that doesn't require registration"); the user guide's {@code phone-numbers-request} ("When you
 * first purchase a phone number, the value of the Status attribute is PENDING. When the phone
 * number is ready to use, the value of Status changes to ACTIVE"; its example: a Canadian long
 * code at MonthlyLeasingPrice "1.00"), {@code phone-numbers-status} ("If the phone number requires
 * registration then that must be completed before the phone number's Number status" becomes
 * ACTIVE), {@code test-phone-numbers} (simulator numbers in the United States only, TRANSACTIONAL
 * only per the model), {@code nx-sms-get-set-up-identities} (toll-free numbers in the United States
 * and Canada; 10DLC is a United States number type), and the country table for long codes and
 * sender ids ({@code emulator/countries.json}).
 */
final class NumberOps {

    /**
     * Monthly prices in USD. LONG_CODE is the user guide's example; AWS publishes the others on its
     * pricing page, which no public text source available here carries, so these are the emulator's
     * stand-ins in the same range.
     */
    private static final Map<String, String> MONTHLY_PRICE = Map.of(
            "LONG_CODE", "1.00", "TOLL_FREE", "2.00", "TEN_DLC", "2.00", "SIMULATOR", "0.00");
    private static final Set<String> TOLL_FREE_AREA_CODES = Set.of("833", "844", "855", "866", "877", "888");

    private final SmsVoiceEmulator sms;
    private final Lookup lookup;

    NumberOps(SmsVoiceEmulator sms) {
        this.sms = sms;
        this.lookup = new Lookup(sms);
    }

    void register() {
        sms.operation("RequestPhoneNumber", (in, ctx) -> requestPhoneNumber(in));
        sms.operation("ReleasePhoneNumber", (in, ctx) -> releasePhoneNumber(in));
        sms.operation("UpdatePhoneNumber", (in, ctx) -> updatePhoneNumber(in));
        sms.operation("DescribePhoneNumbers", (in, ctx) -> describePhoneNumbers(in));
        sms.operation("RequestSenderId", (in, ctx) -> requestSenderId(in));
        sms.operation("ReleaseSenderId", (in, ctx) -> releaseSenderId(in));
        sms.operation("UpdateSenderId", (in, ctx) -> updateSenderId(in));
        sms.operation("DescribeSenderIds", (in, ctx) -> describeSenderIds(in));
    }

    /** Whether numbers of this type and country need a completed registration before they are ACTIVE. */
    static boolean needsRegistration(String numberType, String iso) {
        return ("TOLL_FREE".equals(numberType) || "TEN_DLC".equals(numberType)) && ("US".equals(iso) || "CA".equals(iso));
    }

    // --- phone numbers ---

    private JsonNode requestPhoneNumber(JsonNode in) {
        String token = text(in, "ClientToken");
        String fingerprint = Lookup.fingerprint(in);
        String replayed = lookup.replay("RequestPhoneNumber", token, fingerprint);
        if (replayed != null && sms.state.phoneNumbers.containsKey(replayed)) {
            return requestResult(sms.state.phoneNumbers.get(replayed));
        }
        String iso = text(in, "IsoCountryCode", "");
        String type = text(in, "NumberType", "");
        String messageType = text(in, "MessageType", "");
        List<String> capabilities = texts(in, "NumberCapabilities");
        Numbers.Country country = Numbers.countryByIso(iso);
        if (country == null) {
            throw AwsFault.validationField("INVALID_PARAMETER", "IsoCountryCode", "Country " + iso + " is not supported.");
        }
        switch (type) {
            case "SIMULATOR" -> {
                if (!"US".equals(iso)) {
                    throw AwsFault.validationField("INVALID_PARAMETER", "IsoCountryCode",
                            "Simulator phone numbers are available in the United States only.");
                }
                if (!"TRANSACTIONAL".equals(messageType)) {
                    throw AwsFault.validationField("INVALID_PARAMETER", "MessageType", "A SIMULATOR phone number must use MessageType TRANSACTIONAL.");
                }
            }
            case "TOLL_FREE" -> {
                if (!"US".equals(iso) && !"CA".equals(iso)) {
                    throw AwsFault.validationField("INVALID_PARAMETER", "NumberType", "Toll-free numbers are available in the United States and Canada only.");
                }
            }
            case "TEN_DLC" -> {
                if (!"US".equals(iso)) {
                    throw AwsFault.validationField("INVALID_PARAMETER", "NumberType", "10DLC numbers are available in the United States only.");
                }
            }
            case "LONG_CODE" -> {
                if (!country.longCodes()) {
                    throw AwsFault.validationField("INVALID_PARAMETER", "NumberType", "Long codes are not available in " + country.name() + ".");
                }
            }
            default -> throw AwsFault.validationField("INVALID_PARAMETER", "NumberType", "Number type " + type + " cannot be requested.");
        }
        if (capabilities.contains("MMS") && !"US".equals(iso) && !"CA".equals(iso)) {
            throw AwsFault.validationField("INVALID_PARAMETER", "NumberCapabilities", "MMS is available for United States and Canada numbers only.");
        }
        if (capabilities.contains("RCS")) {
            throw AwsFault.validationField("INVALID_PARAMETER", "NumberCapabilities", "RCS is a capability of RCS agents, not of phone numbers.");
        }
        if ("SIMULATOR".equals(type) && (capabilities.contains("VOICE"))) {
            throw AwsFault.validationField("INVALID_PARAMETER", "NumberCapabilities", "Simulator phone numbers send SMS and MMS only.");
        }
        SmsState.Pool pool = text(in, "PoolId") == null || text(in, "PoolId").isEmpty() ? null : lookup.pool(text(in, "PoolId"));
        String optOutListName = text(in, "OptOutListName") != null ? lookup.optOutList(text(in, "OptOutListName")).name
                : pool != null ? pool.optOutListName : "Default";
        SmsState.Registration registration = text(in, "RegistrationId") == null ? null : lookup.registration(text(in, "RegistrationId"));
        int active = (int) sms.state.phoneNumbers.values().stream().filter(n -> !"DELETED".equals(n.status)).count();
        int max = sms.properties.account().maxPhoneNumbers();
        if (active >= max) {
            throw AwsFault.quota("PHONE_NUMBERS_PER_ACCOUNT", "The account has reached its quota of " + max + " phone numbers.");
        }
        long now = sms.now();
        var number = new SmsState.PhoneNumber();
        number.id = "phone-" + SmsVoiceEmulator.hex32();
        number.arn = sms.arn("phone-number", number.id);
        number.number = newNumber(type, iso);
        number.isoCountryCode = iso;
        number.messageType = messageType;
        number.capabilities = new ArrayList<>(capabilities);
        number.numberType = type;
        number.monthlyLeasingPrice = MONTHLY_PRICE.getOrDefault(type, "1.00");
        number.optOutListName = optOutListName;
        number.deletionProtectionEnabled = Json.bool(in, "DeletionProtectionEnabled");
        number.internationalSendingEnabled = Json.bool(in, "InternationalSendingEnabled");
        number.createdAt = now;
        number.tags = Lookup.readTags(in);
        number.status = "PENDING";
        number.activatesAt = needsRegistration(type, iso) ? 0 : now + sms.properties.numbers().activation().toMillis();
        Seeder.defaultKeywords(number.keywords);
        if (pool != null) {
            PoolOps.requireMatches(pool, number);
        }
        if (registration != null) {
            sms.registrations().requireAssociable(registration, "phone-number", number.numberType, iso);
        }
        sms.state.phoneNumbers.put(number.id, number);
        if (pool != null) {
            pool.originationIdentities.add(number.id);
            number.poolId = pool.id;
        }
        if (registration != null) {
            sms.registrations().associate(registration, number);
        }
        lookup.remember("RequestPhoneNumber", token, number.id, fingerprint);
        sms.markDirty();
        return requestResult(number);
    }

    private ObjectNode requestResult(SmsState.PhoneNumber number) {
        ObjectNode out = information(sms, number);
        out.set("Tags", Lookup.tags(number.tags));
        return out;
    }

    /** A number of the type's shape in the country that the account does not hold yet (555-01XX style in the NANP). */
    private String newNumber(String type, String iso) {
        for (int attempt = 0; attempt < 10_000; attempt++) {
            String candidate;
            String line = String.format("%04d", Math.floorMod(SmsVoiceEmulator.hex32().hashCode(), 10_000));
            if ("TOLL_FREE".equals(type) && "US".equals(iso) || "TOLL_FREE".equals(type) && "CA".equals(iso)) {
                String area = TOLL_FREE_AREA_CODES.stream().sorted().toList().get(Math.floorMod(line.hashCode(), TOLL_FREE_AREA_CODES.size()));
                candidate = "+1" + area + "555" + line;
            } else if ("US".equals(iso)) {
                candidate = "+1206555" + line;
            } else if ("CA".equals(iso)) {
                candidate = "+1204555" + line;
            } else {
                candidate = "+" + Numbers.dialingCode(iso) + "7555" + line;
            }
            String finalCandidate = candidate;
            if (sms.state.phoneNumbers.values().stream().noneMatch(n -> n.number.equals(finalCandidate)) && !Numbers.isSimulator(candidate)) {
                return candidate;
            }
        }
        throw AwsFault.quota("PHONE_NUMBERS_PER_ACCOUNT", "No more numbers of this kind are available.");
    }

    private JsonNode releasePhoneNumber(JsonNode in) {
        SmsState.PhoneNumber number = lookup.phoneNumber(text(in, "PhoneNumberId", ""));
        if (number.deletionProtectionEnabled) {
            throw AwsFault.conflict("DELETION_PROTECTION_ENABLED", "phone-number", number.id,
                    "Phone number " + number.number + " has deletion protection enabled; turn it off with UpdatePhoneNumber first.");
        }
        if (number.poolId != null) {
            throw AwsFault.conflict("PHONE_NUMBER_ASSOCIATED_TO_POOL", "phone-number", number.id,
                    "Phone number " + number.number + " is associated with pool " + number.poolId + "; disassociate it first.");
        }
        if (number.registrationId != null) {
            sms.registrations().releaseAssociated(number);
        }
        sms.state.phoneNumbers.remove(number.id);
        number.status = "DELETED";
        sms.markDirty();
        ObjectNode out = information(sms, number);
        out.remove("PoolId");
        out.remove("InternationalSendingEnabled");
        out.remove("DeletionProtectionEnabled");
        return out;
    }

    private JsonNode updatePhoneNumber(JsonNode in) {
        SmsState.PhoneNumber number = lookup.phoneNumber(text(in, "PhoneNumberId", ""));
        if (number.poolId != null) {
            throw AwsFault.conflict("PHONE_NUMBER_ASSOCIATED_TO_POOL", "phone-number", number.id,
                    "Phone number " + number.number + " is associated with pool " + number.poolId + "; update the pool instead.");
        }
        if (in.hasNonNull("OptOutListName")) {
            number.optOutListName = lookup.optOutList(text(in, "OptOutListName", "")).name;
        }
        if (in.hasNonNull("TwoWayChannelArn")) {
            number.twoWayChannelArn = text(in, "TwoWayChannelArn");
        }
        if (in.hasNonNull("TwoWayChannelRole")) {
            number.twoWayChannelRole = text(in, "TwoWayChannelRole");
        }
        if (in.hasNonNull("TwoWayEnabled")) {
            boolean enabled = in.path("TwoWayEnabled").asBoolean();
            if (enabled && number.twoWayChannelArn == null) {
                throw AwsFault.validationField("TWO_WAY_CHANNEL_NOT_PRESENT", "TwoWayChannelArn", "Two-way messaging needs a TwoWayChannelArn.");
            }
            number.twoWayEnabled = enabled;
        }
        if (in.hasNonNull("SelfManagedOptOutsEnabled")) {
            number.selfManagedOptOutsEnabled = in.path("SelfManagedOptOutsEnabled").asBoolean();
        }
        if (in.hasNonNull("InternationalSendingEnabled")) {
            boolean enabled = in.path("InternationalSendingEnabled").asBoolean();
            // International sending is a feature of US toll-free numbers (AWS blog "A Guide to Sending
            // International SMS with US Toll-Free Numbers").
            if (enabled && !("TOLL_FREE".equals(number.numberType) && "US".equals(number.isoCountryCode))) {
                throw AwsFault.validationField("INTERNATIONAL_SENDING_NOT_SUPPORTED", "InternationalSendingEnabled",
                        "International sending is available for US toll-free numbers only.");
            }
            number.internationalSendingEnabled = enabled;
        }
        if (in.hasNonNull("DeletionProtectionEnabled")) {
            number.deletionProtectionEnabled = in.path("DeletionProtectionEnabled").asBoolean();
        }
        sms.markDirty();
        ObjectNode out = information(sms, number);
        out.remove("PoolId");
        return out;
    }

    private JsonNode describePhoneNumbers(JsonNode in) {
        List<String> ids = texts(in, "PhoneNumberIds");
        boolean shared = Lookup.sharedOnly(in, "PhoneNumberIds");
        List<SmsState.PhoneNumber> wanted = new ArrayList<>();
        for (String id : ids) {
            wanted.add(lookup.phoneNumber(id));
        }
        List<SmsState.PhoneNumber> numbers = Lookup.filter(ids.isEmpty() ? sms.state.phoneNumbers.values() : wanted, in.path("Filters"),
                (number, filter) -> {
                    List<String> values = texts(filter, "Values");
                    return switch (filter.path("Name").asString()) {
                        case "status" -> values.contains(number.status);
                        case "iso-country-code" -> values.contains(number.isoCountryCode);
                        case "message-type" -> values.contains(number.messageType);
                        case "number-capability" -> number.capabilities.stream().anyMatch(values::contains);
                        case "number-type" -> values.contains(number.numberType);
                        case "two-way-enabled" -> Lookup.bool(values, number.twoWayEnabled);
                        case "self-managed-opt-outs-enabled" -> Lookup.bool(values, number.selfManagedOptOutsEnabled);
                        case "opt-out-list-name" -> values.contains(number.optOutListName);
                        case "deletion-protection-enabled" -> Lookup.bool(values, number.deletionProtectionEnabled);
                        case "two-way-channel-arn" -> number.twoWayChannelArn != null && values.contains(number.twoWayChannelArn);
                        default -> throw Lookup.unknownFilter(filter);
                    };
                });
        return Lookup.page(in, "PhoneNumbers", shared ? List.of() : numbers, n -> information(sms, n));
    }

    /** PhoneNumberInformation as DescribePhoneNumbers returns it. */
    static ObjectNode information(SmsVoiceEmulator sms, SmsState.PhoneNumber number) {
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
        if (number.twoWayChannelArn != null) {
            out.put("TwoWayChannelArn", number.twoWayChannelArn);
        }
        if (number.twoWayChannelRole != null) {
            out.put("TwoWayChannelRole", number.twoWayChannelRole);
        }
        out.put("SelfManagedOptOutsEnabled", number.selfManagedOptOutsEnabled);
        out.put("OptOutListName", number.optOutListName);
        out.put("InternationalSendingEnabled", number.internationalSendingEnabled);
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

    /** Numbers that need no registration turn ACTIVE once their provisioning time has passed. */
    void advance(long now) {
        for (SmsState.PhoneNumber number : sms.state.phoneNumbers.values()) {
            if ("PENDING".equals(number.status) && number.activatesAt > 0 && now >= number.activatesAt) {
                number.status = "ACTIVE";
                number.activatesAt = 0;
                sms.markDirty();
            }
        }
    }

    // --- sender ids ---

    private JsonNode requestSenderId(JsonNode in) {
        String token = text(in, "ClientToken");
        String fingerprint = Lookup.fingerprint(in);
        String replayed = lookup.replay("RequestSenderId", token, fingerprint);
        if (replayed != null && sms.state.senderIds.containsKey(replayed)) {
            return senderResult(sms.state.senderIds.get(replayed), true);
        }
        String senderId = text(in, "SenderId", "");
        String iso = text(in, "IsoCountryCode", "");
        Numbers.Country country = Numbers.countryByIso(iso);
        if (country == null) {
            throw AwsFault.validationField("INVALID_PARAMETER", "IsoCountryCode", "Country " + iso + " is not supported.");
        }
        if (country.senderIdsNeedRegistration()) {
            throw AwsFault.validationField("SENDER_ID_REQUIRES_REGISTRATION", "IsoCountryCode",
                    "Sender ids for " + country.name() + " must be registered; RequestSenderId is for sender ids that need no registration.");
        }
        if (!country.senderIdsAllowed()) {
            throw AwsFault.validationField("SENDER_ID_NOT_SUPPORTED", "IsoCountryCode", country.name() + " does not support sender ids.");
        }
        if (!senderId.matches(".*[A-Za-z].*")) {
            throw AwsFault.validationField("INVALID_PARAMETER", "SenderId", "A sender id needs at least one letter.");
        }
        String key = Lookup.senderKey(senderId, iso);
        if (sms.state.senderIds.containsKey(key)) {
            throw AwsFault.conflict("RESOURCE_ALREADY_EXISTS", "sender-id", senderId, "Sender id " + senderId + " already exists for " + iso + ".");
        }
        var sender = new SmsState.SenderId();
        sender.senderId = senderId;
        sender.isoCountryCode = iso;
        sender.arn = sms.arn("sender-id", key);
        List<String> types = texts(in, "MessageTypes");
        sender.messageTypes = new ArrayList<>(types.isEmpty() ? List.of("TRANSACTIONAL", "PROMOTIONAL") : types);
        sender.deletionProtectionEnabled = Json.bool(in, "DeletionProtectionEnabled");
        sender.createdAt = sms.now();
        sender.tags = Lookup.readTags(in);
        sms.state.senderIds.put(key, sender);
        lookup.remember("RequestSenderId", token, key, fingerprint);
        sms.markDirty();
        return senderResult(sender, true);
    }

    private JsonNode releaseSenderId(JsonNode in) {
        SmsState.SenderId sender = lookup.senderId(text(in, "SenderId", ""), text(in, "IsoCountryCode"));
        if (sender.deletionProtectionEnabled) {
            throw AwsFault.conflict("DELETION_PROTECTION_ENABLED", "sender-id", sender.senderId,
                    "Sender id " + sender.senderId + " has deletion protection enabled.");
        }
        boolean inPool = sms.state.pools.values().stream().anyMatch(p -> p.originationIdentities.contains(sender.arn));
        if (inPool) {
            throw AwsFault.conflict("SENDER_ID_ASSOCIATED_TO_POOL", "sender-id", sender.senderId,
                    "Sender id " + sender.senderId + " is associated with a pool; disassociate it first.");
        }
        sms.state.senderIds.remove(Lookup.senderKey(sender.senderId, sender.isoCountryCode));
        sms.markDirty();
        ObjectNode out = senderResult(sender, false);
        out.remove("DeletionProtectionEnabled");
        return out;
    }

    private JsonNode updateSenderId(JsonNode in) {
        SmsState.SenderId sender = lookup.senderId(text(in, "SenderId", ""), text(in, "IsoCountryCode"));
        if (in.hasNonNull("DeletionProtectionEnabled")) {
            sender.deletionProtectionEnabled = in.path("DeletionProtectionEnabled").asBoolean();
        }
        sms.markDirty();
        return senderResult(sender, false);
    }

    private JsonNode describeSenderIds(JsonNode in) {
        boolean shared = Lookup.sharedOnly(in, "SenderIds");
        List<SmsState.SenderId> wanted = new ArrayList<>();
        for (JsonNode item : in.path("SenderIds")) {
            wanted.add(lookup.senderId(item.path("SenderId").asString(), item.path("IsoCountryCode").asString()));
        }
        List<SmsState.SenderId> senders = Lookup.filter(wanted.isEmpty() ? sms.state.senderIds.values() : wanted, in.path("Filters"),
                (sender, filter) -> {
                    List<String> values = texts(filter, "Values");
                    return switch (filter.path("Name").asString()) {
                        case "sender-id" -> values.contains(sender.senderId);
                        case "iso-country-code" -> values.contains(sender.isoCountryCode);
                        case "message-type" -> sender.messageTypes.stream().anyMatch(values::contains);
                        case "deletion-protection-enabled" -> Lookup.bool(values, sender.deletionProtectionEnabled);
                        case "registered" -> Lookup.bool(values, sender.registered);
                        default -> throw Lookup.unknownFilter(filter);
                    };
                });
        return Lookup.page(in, "SenderIds", shared ? List.of() : senders, s -> senderResult(s, false));
    }

    private static ObjectNode senderResult(SmsState.SenderId sender, boolean withTags) {
        ObjectNode out = object();
        out.put("SenderIdArn", sender.arn);
        out.put("SenderId", sender.senderId);
        out.put("IsoCountryCode", sender.isoCountryCode);
        out.set("MessageTypes", Json.strings(sender.messageTypes));
        out.put("MonthlyLeasingPrice", sender.monthlyLeasingPrice);
        out.put("DeletionProtectionEnabled", sender.deletionProtectionEnabled);
        out.put("Registered", sender.registered);
        if (sender.registrationId != null) {
            out.put("RegistrationId", sender.registrationId);
        }
        if (withTags) {
            out.set("Tags", Lookup.tags(sender.tags));
        }
        return out;
    }
}
