package com.example.smsconsole.emulator.sms;

import java.util.Map;

/**
 * What the emulator charges per message part, by destination country (USD): a base price and a
 * carrier fee, in the range AWS publishes. Only used to fill the price fields of delivery events
 * and to count spend against the account's monthly limit.
 */
final class Prices {

    record Price(double basePerPart, double carrierFeePerPart) {

        /** A voice minute, in the range AWS publishes (US 0.013 USD; elsewhere the emulator's stand-in). */
        double voicePerMinute() {
            return basePerPart < 0.01 ? 0.013 : 0.05;
        }
    }

    private static final Map<String, Price> BY_COUNTRY = Map.ofEntries(
            Map.entry("US", new Price(0.00581, 0.00302)),
            Map.entry("CA", new Price(0.00750, 0.0)),
            Map.entry("GB", new Price(0.03880, 0.0)),
            Map.entry("AU", new Price(0.04140, 0.0)),
            Map.entry("FR", new Price(0.07460, 0.0)),
            Map.entry("ES", new Price(0.07260, 0.0)),
            Map.entry("DE", new Price(0.10880, 0.0)),
            Map.entry("IN", new Price(0.00230, 0.0)),
            Map.entry("MX", new Price(0.04200, 0.0)),
            Map.entry("BR", new Price(0.02350, 0.0)));
    private static final Price OTHER = new Price(0.05000, 0.0);

    private Prices() {
    }

    static Price of(String isoCountryCode) {
        return BY_COUNTRY.getOrDefault(isoCountryCode, OTHER);
    }
}
