package com.example.smsconsole.emulator.sms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Everything the emulated SMS service holds, as plain fields so it can be written to and read
 * from the emulator's state file. Times are epoch milliseconds.
 */
public class SmsState {

    public Account account = new Account();
    public Map<String, Registration> registrations = new LinkedHashMap<>();
    public Map<String, Attachment> attachments = new LinkedHashMap<>();
    public Map<String, VerifiedNumber> verifiedNumbers = new LinkedHashMap<>();
    public Map<String, OptOutList> optOutLists = new LinkedHashMap<>();
    public Map<String, Pool> pools = new LinkedHashMap<>();
    public Map<String, PhoneNumber> phoneNumbers = new LinkedHashMap<>();
    public Map<String, ConfigurationSet> configurationSets = new LinkedHashMap<>();
    /** Sender ids by {@code SENDERID/ISO} (a sender id is requested per country). */
    public Map<String, SenderId> senderIds = new LinkedHashMap<>();
    public Map<String, Handset> handsets = new LinkedHashMap<>();
    public List<PendingEvent> pendingEvents = new ArrayList<>();
    public Map<String, String> clientTokens = new LinkedHashMap<>();
    public long messagesSent;
    public long receiptsDropped;

    public static class Account {
        public String tier = "SANDBOX";
        public String spendMonth = "";
        public double textSpendThisMonth;
        public long textSpendLimitUsd = 1;
        public long textSpendMaxLimitUsd = 1;
        public @Nullable Long textSpendOverride;
        public double voiceSpendThisMonth;
        public long voiceSpendMaxLimitUsd = 1;
        public @Nullable Long voiceSpendOverride;
        public long mediaSpendMaxLimitUsd = 1;
        public @Nullable Long mediaSpendOverride;
        public @Nullable String defaultMessageType;
    }

    public static class Tag {
        public String key = "";
        public String value = "";

        public Tag() {
        }

        public Tag(String key, String value) {
            this.key = key;
            this.value = value;
        }
    }

    public static class Registration {
        public String id = "";
        public String arn = "";
        public String type = "";
        public long createdAt;
        public List<Tag> tags = new ArrayList<>();
        public List<Version> versions = new ArrayList<>();
        public List<String> reviewOutcomes = new ArrayList<>();
        public int outcomesUsed;
        public long provisionedAt;
        public boolean provisioned;
        public boolean closed;
        public boolean deleted;
        public List<Association> associations = new ArrayList<>();

        public Version latest() {
            return versions.getLast();
        }

        public @Nullable Version version(long number) {
            return versions.stream().filter(v -> v.number == number).findFirst().orElse(null);
        }
    }

    /** A resource associated with a registration (CreateRegistrationAssociation). */
    public static class Association {
        public String resourceType = "";
        public String resourceId = "";
        public String resourceArn = "";
        public @Nullable String isoCountryCode;
        public @Nullable String phoneNumber;
        public long at;
    }

    public static class Version {
        public long number;
        public String status = "DRAFT";
        public Map<String, Long> history = new LinkedHashMap<>();
        public Map<String, FieldValue> fields = new LinkedHashMap<>();
        public List<DeniedReason> deniedReasons = new ArrayList<>();
        public long reviewingAt;
        public long decisionAt;
        public String plannedOutcome = "";
    }

    public static class FieldValue {
        public String fieldPath = "";
        public @Nullable List<String> selectChoices;
        public @Nullable String textValue;
        public @Nullable String attachmentId;
        public @Nullable String deniedReason;
    }

    public static class DeniedReason {
        public String reason = "";
        public String shortDescription = "";
        public @Nullable String longDescription;
        public @Nullable String documentationTitle;
        public @Nullable String documentationLink;
        public @Nullable String fieldPath;
    }

    public static class Attachment {
        public String id = "";
        public String arn = "";
        public String status = "UPLOAD_COMPLETE";
        public long createdAt;
        public @Nullable String url;
        public @Nullable String contentType;
        public long size;
        public List<Tag> tags = new ArrayList<>();
    }

    public static class VerifiedNumber {
        public String id = "";
        public String arn = "";
        public String phoneNumber = "";
        public String status = "PENDING";
        public long createdAt;
        public @Nullable String code;
        public long codeExpiresAt;
        public String codesDay = "";
        public int codesSentToday;
        public List<Tag> tags = new ArrayList<>();
    }

    public static class OptOutList {
        public String name = "";
        public String arn = "";
        public long createdAt;
        public Map<String, OptedOut> numbers = new LinkedHashMap<>();
        public Map<String, Long> lastRemovedAt = new LinkedHashMap<>();
        public List<Tag> tags = new ArrayList<>();
    }

    public static class OptedOut {
        public String number = "";
        public long at;
        public boolean endUser;
    }

    public static class Keyword {
        public String keyword = "";
        public String message = "";
        public String action = "AUTOMATIC_RESPONSE";

        public Keyword() {
        }

        public Keyword(String keyword, String message, String action) {
            this.keyword = keyword;
            this.message = message;
            this.action = action;
        }
    }

    public static class Pool {
        public String id = "";
        public String arn = "";
        public String status = "ACTIVE";
        public String messageType = "TRANSACTIONAL";
        public boolean twoWayEnabled;
        public boolean selfManagedOptOutsEnabled;
        public String optOutListName = "Default";
        public boolean sharedRoutesEnabled;
        public boolean deletionProtectionEnabled;
        public long createdAt;
        public List<String> originationIdentities = new ArrayList<>();
        public Map<String, Keyword> keywords = new LinkedHashMap<>();
        public @Nullable String twoWayChannelArn;
        public @Nullable String twoWayChannelRole;
        public List<Tag> tags = new ArrayList<>();
    }

    public static class PhoneNumber {
        public String id = "";
        public String arn = "";
        public String number = "";
        public String status = "ACTIVE";
        public String isoCountryCode = "US";
        public String messageType = "TRANSACTIONAL";
        public List<String> capabilities = new ArrayList<>(List.of("SMS"));
        public String numberType = "SIMULATOR";
        public String monthlyLeasingPrice = "0.00";
        public boolean twoWayEnabled;
        public boolean selfManagedOptOutsEnabled;
        public String optOutListName = "Default";
        public boolean deletionProtectionEnabled;
        public @Nullable String poolId;
        public @Nullable String registrationId;
        public long createdAt;
        public Map<String, Keyword> keywords = new LinkedHashMap<>();
        public boolean internationalSendingEnabled;
        public @Nullable String twoWayChannelArn;
        public @Nullable String twoWayChannelRole;
        /** When a requested number that needs no registration becomes ACTIVE (0 once it is). */
        public long activatesAt;
        public List<Tag> tags = new ArrayList<>();
    }

    /** A sender id of one country. */
    public static class SenderId {
        public String senderId = "";
        public String isoCountryCode = "";
        public String arn = "";
        public List<String> messageTypes = new ArrayList<>();
        public String monthlyLeasingPrice = "0.00";
        public boolean deletionProtectionEnabled;
        public boolean registered;
        public @Nullable String registrationId;
        public long createdAt;
        public List<Tag> tags = new ArrayList<>();
    }

    public static class ConfigurationSet {
        public String name = "";
        public String arn = "";
        public long createdAt;
        public @Nullable String defaultMessageType;
        public @Nullable String defaultSenderId;
        public boolean defaultMessageFeedbackEnabled;
        public List<EventDestination> eventDestinations = new ArrayList<>();
        public List<Tag> tags = new ArrayList<>();
    }

    public static class EventDestination {
        public String name = "";
        public boolean enabled = true;
        public List<String> matchingEventTypes = new ArrayList<>();
        public @Nullable String iamRoleArn;
        public @Nullable String logGroupArn;
    }

    public static class Handset {
        public String number = "";
        public List<HandsetMessage> messages = new ArrayList<>();
    }

    public static class HandsetMessage {
        public long at;
        public String direction = "IN";
        public String peer = "";
        public String body = "";
        public String channel = "TEXT";
        public @Nullable String messageId;
    }

    /** A delivery receipt or handset delivery that falls due later. */
    public static class PendingEvent {
        public long dueAt;
        public String kind = "LOG";
        public String logGroupName = "";
        public String logStreamName = "";
        public String message = "";
        public String handsetNumber = "";
        public String from = "";
        public String channel = "TEXT";
        public @Nullable String messageId;
    }
}
