package com.example.smsconsole.emulator.sms;

import com.example.smsconsole.emulator.EmulatorProperties;
import java.util.List;
import java.util.Map;

/**
 * What the account holds on first start, as the infrastructure module creates it: the Default
 * opt-out list, a pool with one simulator origination number, and a configuration set whose event
 * destination sends every text event to the delivery-receipt log group.
 */
final class Seeder {

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
            var number = new SmsState.PhoneNumber();
            number.id = seed.phoneNumberId();
            number.arn = sms.arn("phone-number", number.id);
            number.number = seed.phoneNumber();
            number.status = "ACTIVE";
            number.isoCountryCode = "US";
            number.numberType = "SIMULATOR";
            number.capabilities = new java.util.ArrayList<>(List.of("SMS"));
            number.monthlyLeasingPrice = "0.00";
            number.poolId = seed.poolId();
            number.createdAt = now;
            defaultKeywords(number.keywords);
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
        }
        if (state.configurationSets.isEmpty()) {
            var set = new SmsState.ConfigurationSet();
            set.name = seed.configurationSetName();
            set.arn = sms.arn("configuration-set", set.name);
            set.createdAt = now;
            var destination = new SmsState.EventDestination();
            destination.name = seed.eventDestinationName();
            destination.enabled = true;
            destination.matchingEventTypes = new java.util.ArrayList<>(List.of("TEXT_ALL"));
            destination.iamRoleArn = "arn:aws:iam::" + properties.accountId() + ":role/" + seed.eventDestinationRoleName();
            destination.logGroupArn = "arn:aws:logs:" + properties.region() + ":" + properties.accountId() + ":log-group:" + seed.logGroupName();
            set.eventDestinations.add(destination);
            state.configurationSets.put(set.name, set);
        }
        sms.markDirty();
    }

    static void defaultKeywords(Map<String, SmsState.Keyword> keywords) {
        keywords.putIfAbsent("STOP", new SmsState.Keyword("STOP",
                "You have been unsubscribed and will receive no further messages. Reply START to resubscribe.", "OPT_OUT"));
        keywords.putIfAbsent("HELP", new SmsState.Keyword("HELP",
                "Reply STOP to unsubscribe. Msg&Data Rates May Apply.", "AUTOMATIC_RESPONSE"));
    }
}
