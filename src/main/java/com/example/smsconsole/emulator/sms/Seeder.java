package com.example.smsconsole.emulator.sms;

import com.example.smsconsole.emulator.EmulatorProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What the account holds on first start, as the infrastructure module creates it: the Default
 * opt-out list, a pool with a simulator origination number, and a configuration set whose event
 * destination sends every text event to the delivery-receipt log group.
 *
 * <p>Seed state {@code with-registered-number} (the default) adds what a team has once its US
 * toll-free registration is done: an ACTIVE toll-free number (SMS and voice) in the same pool, tied
 * to a COMPLETE {@code US_TOLL_FREE_REGISTRATION}. The pool sends to a destination simulator number
 * from the simulator number and to real handsets (verification codes, verified numbers) from the
 * toll-free number (see {@link Routing}). Seed state {@code simulator-only} leaves it out, as a new
 * account: then AWS has no identity that can send a verification code.
 */
final class Seeder {

    static final String SIMULATOR_ONLY = "simulator-only";

    private final SmsVoiceEmulator sms;

    Seeder(SmsVoiceEmulator sms) {
        this.sms = sms;
    }

    void seedIfEmpty() {
        SmsState state = sms.state;
        EmulatorProperties properties = sms.properties;
        EmulatorProperties.Seed seed = properties.seed();
        long now = sms.now();
        if (state.account.spendMonth.isEmpty()) {
            state.account.tier = properties.account().tier();
            state.account.textSpendLimitUsd = properties.account().textSpendLimitUsd();
            state.account.textSpendMaxLimitUsd = properties.account().textSpendLimitUsd();
        }
        if (!state.optOutLists.containsKey("Default")) {
            var list = new SmsState.OptOutList();
            list.name = "Default";
            list.arn = sms.arn("opt-out-list", "Default");
            list.createdAt = now;
            state.optOutLists.put(list.name, list);
        }
        if (state.pools.isEmpty() && state.phoneNumbers.isEmpty()) {
            var number = number(seed.phoneNumberId(), seed.phoneNumber(), "SIMULATOR", List.of("SMS"), "0.00", now);
            number.poolId = seed.poolId();
            state.phoneNumbers.put(number.id, number);

            var pool = new SmsState.Pool();
            pool.id = seed.poolId();
            pool.arn = sms.arn("pool", pool.id);
            pool.status = "ACTIVE";
            pool.messageType = "TRANSACTIONAL";
            pool.optOutListName = "Default";
            pool.createdAt = now;
            pool.originationIdentities.add(number.id);
            defaultKeywords(pool.keywords);
            state.pools.put(pool.id, pool);

            if (!SIMULATOR_ONLY.equals(seed.state().toLowerCase(Locale.ROOT))) {
                var tollFree = number(seed.registeredNumberId(), seed.registeredNumber(), "TOLL_FREE", List.of("SMS", "VOICE"), "2.00", now);
                tollFree.poolId = pool.id;
                tollFree.registrationId = seed.registrationId();
                tollFree.deletionProtectionEnabled = true;
                state.phoneNumbers.put(tollFree.id, tollFree);
                pool.originationIdentities.add(tollFree.id);
                state.registrations.put(seed.registrationId(), completedRegistration(seed.registrationId(), tollFree, now));
            }
        }
        if (state.configurationSets.isEmpty()) {
            var set = new SmsState.ConfigurationSet();
            set.name = seed.configurationSetName();
            set.arn = sms.arn("configuration-set", set.name);
            set.createdAt = now;
            var destination = new SmsState.EventDestination();
            destination.name = seed.eventDestinationName();
            destination.enabled = true;
            destination.matchingEventTypes = new ArrayList<>(List.of("TEXT_ALL"));
            destination.iamRoleArn = "arn:aws:iam::" + properties.accountId() + ":role/" + seed.eventDestinationRoleName();
            destination.logGroupArn = "arn:aws:logs:" + properties.region() + ":" + properties.accountId() + ":log-group:" + seed.logGroupName();
            set.eventDestinations.add(destination);
            state.configurationSets.put(set.name, set);
        }
        sms.markDirty();
    }

    private SmsState.PhoneNumber number(String id, String e164, String type, List<String> capabilities, String price, long now) {
        var number = new SmsState.PhoneNumber();
        number.id = id;
        number.arn = sms.arn("phone-number", id);
        number.number = e164;
        number.status = "ACTIVE";
        number.isoCountryCode = "US";
        number.numberType = type;
        number.capabilities = new ArrayList<>(capabilities);
        number.monthlyLeasingPrice = price;
        number.createdAt = now;
        defaultKeywords(number.keywords);
        return number;
    }

    /** A toll-free registration as it is once approved: version 1 APPROVED, every field given, the number associated. */
    private SmsState.Registration completedRegistration(String id, SmsState.PhoneNumber number, long now) {
        var reg = new SmsState.Registration();
        reg.id = id;
        reg.arn = sms.arn("registration", id);
        reg.type = "US_TOLL_FREE_REGISTRATION";
        reg.createdAt = now;
        reg.provisioned = true;
        reg.tags.add(new SmsState.Tag("Name", "Seeded toll-free number"));
        var version = new SmsState.Version();
        version.number = 1;
        version.status = "APPROVED";
        for (String stage : List.of("DRAFT", "SUBMITTED", "REVIEWING", "APPROVED")) {
            version.history.put(stage, now);
        }
        var attachment = new SmsState.Attachment();
        attachment.id = "attachment-" + id.substring("registration-".length());
        attachment.arn = sms.arn("registration-attachment", attachment.id);
        attachment.createdAt = now;
        attachment.contentType = "image/png";
        attachment.size = 1024;
        sms.state.attachments.put(attachment.id, attachment);
        for (JsonNode field : sms.catalog.fields(reg.type)) {
            String path = field.path("FieldPath").asString();
            if ("OPTIONAL".equals(field.path("FieldRequirement").asString())) {
                continue;
            }
            var value = new SmsState.FieldValue();
            value.fieldPath = path;
            switch (field.path("FieldType").asString()) {
                case "SELECT" -> value.selectChoices = new ArrayList<>(List.of(field.path("SelectValidation").path("Options").get(0).asString()));
                case "ATTACHMENT" -> value.attachmentId = attachment.id;
                default -> value.textValue = field.path("DisplayHints").path("ExampleTextValue").asString("Example Corp");
            }
            version.fields.put(path, value);
        }
        reg.versions.add(version);
        var association = new SmsState.Association();
        association.resourceType = number.numberType;
        association.resourceId = number.id;
        association.resourceArn = number.arn;
        association.isoCountryCode = number.isoCountryCode;
        association.phoneNumber = number.number;
        association.at = now;
        reg.associations.add(association);
        return reg;
    }

    static void defaultKeywords(Map<String, SmsState.Keyword> keywords) {
        keywords.putIfAbsent("STOP", new SmsState.Keyword("STOP",
                "You have been unsubscribed and will receive no further messages. Reply START to resubscribe.", "OPT_OUT"));
        keywords.putIfAbsent("HELP", new SmsState.Keyword("HELP",
                "Reply STOP to unsubscribe. Msg&Data Rates May Apply.", "AUTOMATIC_RESPONSE"));
    }
}
