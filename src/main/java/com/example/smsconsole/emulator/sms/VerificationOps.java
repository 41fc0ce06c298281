package com.example.smsconsole.emulator.sms;

import static com.example.smsconsole.emulator.protocol.Json.object;
import static com.example.smsconsole.emulator.protocol.Json.putTime;
import static com.example.smsconsole.emulator.protocol.Json.text;
import static com.example.smsconsole.emulator.protocol.Json.texts;

import com.example.smsconsole.emulator.protocol.AwsFault;
import com.example.smsconsole.emulator.protocol.Json;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Verified destination numbers of a sandbox account: at most {@code account.max-verified-numbers};
 * codes of six digits "texted" (or "called") to the simulated handset, valid for
 * {@code verification.code-lifetime}, at most {@code verification.codes-per-number-per-day} a day;
 * a number can be deleted {@code verification.min-age-before-delete} after it was added.
 */
final class VerificationOps {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SmsVoiceEmulator sms;
    private final Routing routing;

    VerificationOps(SmsVoiceEmulator sms) {
        this.sms = sms;
        this.routing = new Routing(sms);
    }

    void register() {
        sms.operation("CreateVerifiedDestinationNumber", (in, ctx) -> create(in));
        sms.operation("SendDestinationNumberVerificationCode", (in, ctx) -> sendCode(in));
        sms.operation("VerifyDestinationNumber", (in, ctx) -> verify(in));
        sms.operation("DescribeVerifiedDestinationNumbers", (in, ctx) -> describe(in));
        sms.operation("DeleteVerifiedDestinationNumber", (in, ctx) -> delete(in));
    }

    private JsonNode create(JsonNode in) {
        String number = text(in, "DestinationPhoneNumber", "");
        String token = text(in, "ClientToken");
        if (token != null) {
            String existing = sms.state.clientTokens.get("CreateVerifiedDestinationNumber:" + token);
            SmsState.VerifiedNumber previous = existing == null ? null : sms.state.verifiedNumbers.get(existing);
            if (previous != null && previous.phoneNumber.equals(number)) {
                return createResult(previous);
            }
        }
        Numbers.requireValid(number, "DestinationPhoneNumber");
        for (SmsState.VerifiedNumber existing : sms.state.verifiedNumbers.values()) {
            if (existing.phoneNumber.equals(number)) {
                throw AwsFault.conflict("RESOURCE_ALREADY_EXISTS", "verified-destination-number", existing.id,
                        "Destination phone number " + number + " already exists as " + existing.id + ".");
            }
        }
        int max = sms.properties.account().maxVerifiedNumbers();
        if (sms.state.verifiedNumbers.size() >= max) {
            throw AwsFault.quota("VERIFIED_DESTINATION_NUMBERS_PER_ACCOUNT",
                    "You have reached the maximum of " + max + " verified destination numbers for this account.");
        }
        var verified = new SmsState.VerifiedNumber();
        verified.id = "vdn-" + SmsVoiceEmulator.hex32();
        verified.arn = sms.arn("verified-destination-number", verified.id);
        verified.phoneNumber = number;
        verified.status = "PENDING";
        verified.createdAt = sms.now();
        for (JsonNode tag : in.path("Tags")) {
            verified.tags.add(new SmsState.Tag(tag.path("Key").asString(), tag.path("Value").asString()));
        }
        sms.state.verifiedNumbers.put(verified.id, verified);
        if (token != null) {
            sms.state.clientTokens.put("CreateVerifiedDestinationNumber:" + token, verified.id);
        }
        sms.markDirty();
        return createResult(verified);
    }

    private ObjectNode createResult(SmsState.VerifiedNumber verified) {
        ObjectNode out = information(verified);
        out.set("Tags", RegistrationOps.tags(verified.tags));
        return out;
    }

    private JsonNode sendCode(JsonNode in) {
        SmsState.VerifiedNumber verified = verifiedNumber(text(in, "VerifiedDestinationNumberId", ""));
        if ("VERIFIED".equals(verified.status)) {
            throw AwsFault.conflict("VERIFICATION_ALREADY_COMPLETE", "verified-destination-number", verified.id,
                    "Destination phone number " + verified.phoneNumber + " is already verified.");
        }
        String configurationSet = text(in, "ConfigurationSetName");
        if (configurationSet != null && !sms.state.configurationSets.containsKey(SmsVoiceEmulator.idOf(configurationSet))) {
            throw AwsFault.notFound("configuration-set", SmsVoiceEmulator.idOf(configurationSet));
        }
        String channel = text(in, "VerificationChannel", "TEXT");
        // The code goes out from an active identity of the destination's country that reaches real
        // handsets (user guide verify-destination-phone-number: you need an active origination identity
        // in the destination's country; a simulator number only reaches destination simulators).
        String identity = text(in, "OriginationIdentity");
        String country = Numbers.country(verified.phoneNumber);
        Routing.Chosen from = routing.choose(identity, routing.candidates(identity), verified.phoneNumber, country == null ? "" : country,
                "VOICE".equals(channel), true, null);
        long now = sms.now();
        String today = Instant.ofEpochMilli(now).atZone(ZoneOffset.UTC).toLocalDate().toString();
        if (!today.equals(verified.codesDay)) {
            verified.codesDay = today;
            verified.codesSentToday = 0;
        }
        int perDay = sms.properties.verification().codesPerNumberPerDay();
        if (verified.codesSentToday >= perDay) {
            throw AwsFault.quota("VERIFICATION_ATTEMPTS_PER_DAY",
                    "You have reached the maximum of " + perDay + " verification codes per day for " + verified.phoneNumber + ".");
        }
        verified.codesSentToday++;
        verified.code = String.format("%06d", RANDOM.nextInt(1_000_000));
        verified.codeExpiresAt = now + sms.properties.verification().codeLifetime().toMillis();
        String messageId = UUID.randomUUID().toString();
        String body = "VOICE".equals(channel)
                ? "(voice call) Your AWS End User Messaging verification code is " + String.join(" ", verified.code.split("")) + "."
                : "Your AWS End User Messaging verification code is " + verified.code + ".";
        Handsets.receive(sms.state, verified.phoneNumber, from.identity().value(), body, channel, messageId, now);
        sms.markDirty();
        ObjectNode out = object();
        out.put("MessageId", messageId);
        return out;
    }

    private JsonNode verify(JsonNode in) {
        SmsState.VerifiedNumber verified = verifiedNumber(text(in, "VerifiedDestinationNumberId", ""));
        if ("VERIFIED".equals(verified.status)) {
            throw AwsFault.conflict("VERIFICATION_ALREADY_COMPLETE", "verified-destination-number", verified.id,
                    "Destination phone number " + verified.phoneNumber + " is already verified.");
        }
        String code = text(in, "VerificationCode", "");
        if (verified.code == null || !verified.code.equals(code)) {
            throw AwsFault.validationField("VERIFICATION_CODE_MISMATCH", "VerificationCode", "The verification code does not match.");
        }
        if (sms.now() > verified.codeExpiresAt) {
            throw AwsFault.conflict("VERIFICATION_CODE_EXPIRED", "verified-destination-number", verified.id,
                    "The verification code has expired; send a new one.");
        }
        verified.status = "VERIFIED";
        verified.code = null;
        sms.markDirty();
        return information(verified);
    }

    private JsonNode describe(JsonNode in) {
        List<String> ids = texts(in, "VerifiedDestinationNumberIds").stream().map(SmsVoiceEmulator::idOf).toList();
        for (String id : ids) {
            verifiedNumber(id);
        }
        List<String> numbers = texts(in, "DestinationPhoneNumbers");
        List<SmsState.VerifiedNumber> matching = new ArrayList<>();
        for (SmsState.VerifiedNumber verified : sms.state.verifiedNumbers.values()) {
            if ((!ids.isEmpty() && !ids.contains(verified.id)) || (!numbers.isEmpty() && !numbers.contains(verified.phoneNumber))) {
                continue;
            }
            boolean keep = true;
            for (JsonNode filter : in.path("Filters")) {
                keep &= switch (filter.path("Name").asString()) {
                    case "status" -> texts(filter, "Values").contains(verified.status);
                    case "rcs-agent-id" -> false;
                    default -> throw AwsFault.validation("INVALID_FILTER_VALUES", "Unknown filter " + filter.path("Name").asString());
                };
            }
            if (keep) {
                matching.add(verified);
            }
        }
        var page = Json.page(matching, text(in, "NextToken"), Json.number(in, "MaxResults"), 20,
                () -> AwsFault.validation("INVALID_NEXT_TOKEN", "The NextToken is not valid."));
        ObjectNode out = object();
        out.set("VerifiedDestinationNumbers", Json.array(page.items(), this::information));
        page.writeTokenTo(out, "NextToken");
        return out;
    }

    private JsonNode delete(JsonNode in) {
        SmsState.VerifiedNumber verified = verifiedNumber(text(in, "VerifiedDestinationNumberId", ""));
        long minAge = sms.properties.verification().minAgeBeforeDelete().toMillis();
        long age = sms.now() - verified.createdAt;
        if (age < minAge) {
            throw AwsFault.conflict("RESOURCE_DELETION_NOT_ALLOWED", "verified-destination-number", verified.id,
                    "Destination phone number " + verified.phoneNumber + " was added " + (age / 1000) + " s ago; it can be deleted "
                            + (minAge / 1000) + " s after it was added.");
        }
        sms.state.verifiedNumbers.remove(verified.id);
        sms.markDirty();
        ObjectNode out = object();
        out.put("VerifiedDestinationNumberArn", verified.arn);
        out.put("VerifiedDestinationNumberId", verified.id);
        out.put("DestinationPhoneNumber", verified.phoneNumber);
        putTime(out, "CreatedTimestamp", verified.createdAt);
        return out;
    }

    private ObjectNode information(SmsState.VerifiedNumber verified) {
        ObjectNode out = object();
        out.put("VerifiedDestinationNumberArn", verified.arn);
        out.put("VerifiedDestinationNumberId", verified.id);
        out.put("DestinationPhoneNumber", verified.phoneNumber);
        out.put("Status", verified.status);
        putTime(out, "CreatedTimestamp", verified.createdAt);
        return out;
    }

    private SmsState.VerifiedNumber verifiedNumber(String idOrArn) {
        String id = SmsVoiceEmulator.idOf(idOrArn);
        SmsState.VerifiedNumber verified = sms.state.verifiedNumbers.get(id);
        if (verified == null) {
            throw AwsFault.notFound("verified-destination-number", id);
        }
        return verified;
    }
}
