package com.example.smsconsole.registration;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A phone number of the account as DescribePhoneNumbers or RequestPhoneNumber return it.
 *
 * @param status raw: {@code PENDING} (requested, waiting for its registration), {@code ACTIVE}, ...
 * @param monthlyLeasingPrice USD a month, as AWS writes it ({@code "2.00"})
 */
public record AccountNumber(String id, String arn, String phoneNumber, String status, String numberType, String isoCountryCode,
        String messageType, List<String> capabilities, @Nullable String monthlyLeasingPrice, @Nullable String registrationId,
        @Nullable String poolId, boolean deletionProtection, @Nullable Instant createdAt) {

    public boolean deleted() {
        return "DELETED".equals(status);
    }
}
