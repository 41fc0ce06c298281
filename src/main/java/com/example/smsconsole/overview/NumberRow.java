package com.example.smsconsole.overview;

import org.jspecify.annotations.Nullable;

/**
 * A phone number or sender id of the account.
 *
 * @param kind {@code phone number} or {@code sender id}
 * @param monthlyCost the monthly leasing price AWS reports, USD
 */
public record NumberRow(String kind, String id, String value, String type, String status, String capabilities, String country,
        @Nullable String monthlyCost, @Nullable String registrationId, boolean twoWay, @Nullable String optOutList, @Nullable String poolId) {
}
