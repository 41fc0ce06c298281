package com.example.smsconsole.emulator.sms;

import static com.example.smsconsole.emulator.protocol.Json.object;
import static com.example.smsconsole.emulator.protocol.Json.putTime;
import static com.example.smsconsole.emulator.protocol.Json.text;
import static com.example.smsconsole.emulator.protocol.Json.texts;

import com.example.smsconsole.emulator.protocol.AwsFault;
import com.example.smsconsole.emulator.protocol.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pools (phone pools) and keywords.
 *
 * <p>Sources: the API reference of CreatePool ("The new pool inherits its configuration from the
 * specified origination identity ... keywords, message type, opt-out list, two-way configuration,
 * and self-managed opt-out configuration. Deletion protection isn't inherited"; "If the origination
 * identity is a phone number and is already associated with another pool, an error is returned. A
 * sender ID can be associated with multiple pools"), AssociateOriginationIdentity ("If the
 * origination identity configuration doesn't match the pool's configuration, an error is
 * returned"), DisassociateOriginationIdentity, DeletePool ("Deleting a pool disassociates all
 * origination identities from that pool. If the pool status isn't active or if deletion protection
 * is enabled, an error is returned"), PutKeyword and DeleteKeyword ("Keywords HELP and STOP can't be
 * deleted or modified"), and the user guide's {@code phone-pool} ("The configuration of every phone
 * number that you add to a pool has to match the configuration of the first phone number").
 */
final class PoolOps {

    private static final Map<String, String> MANDATORY_KEYWORDS = Map.of("STOP", "OPT_OUT", "HELP", "AUTOMATIC_RESPONSE");

    private final SmsVoiceEmulator sms;
    private final Lookup lookup;

    PoolOps(SmsVoiceEmulator sms) {
        this.sms = sms;
        this.lookup = new Lookup(sms);
    }

    void register() {
        sms.operation("CreatePool", (in, ctx) -> createPool(in));
        sms.operation("UpdatePool", (in, ctx) -> updatePool(in));
        sms.operation("DeletePool", (in, ctx) -> deletePool(in));
        sms.operation("DescribePools", (in, ctx) -> describePools(in));
        sms.operation("AssociateOriginationIdentity", (in, ctx) -> associate(in));
        sms.operation("DisassociateOriginationIdentity", (in, ctx) -> disassociate(in));
        sms.operation("ListPoolOriginationIdentities", (in, ctx) -> listOriginationIdentities(in));
        sms.operation("PutKeyword", (in, ctx) -> putKeyword(in));
        sms.operation("DeleteKeyword", (in, ctx) -> deleteKeyword(in));
        sms.operation("DescribeKeywords", (in, ctx) -> describeKeywords(in));
    }

    /** A phone number may join a pool only with the pool's configuration. */
    static void requireMatches(SmsState.Pool pool, SmsState.PhoneNumber number) {
        if (!pool.messageType.equals(number.messageType)) {
            throw mismatch("MESSAGE_TYPE_MISMATCH", pool, "message type " + number.messageType + " (the pool's is " + pool.messageType + ")");
        }
        if (pool.twoWayEnabled != number.twoWayEnabled) {
            throw mismatch("TWO_WAY_CONFIG_MISMATCH", pool, "two-way messaging " + (number.twoWayEnabled ? "on" : "off"));
        }
        if (pool.selfManagedOptOutsEnabled != number.selfManagedOptOutsEnabled) {
            throw mismatch("SELF_MANAGED_OPT_OUTS_MISMATCH", pool, "self-managed opt-outs " + (number.selfManagedOptOutsEnabled ? "on" : "off"));
        }
        if (!pool.optOutListName.equals(number.optOutListName)) {
            throw mismatch("OPT_OUT_LIST_MISMATCH", pool, "opt-out list " + number.optOutListName + " (the pool's is " + pool.optOutListName + ")");
        }
    }

    private static AwsFault mismatch(String reason, SmsState.Pool pool, String what) {
        return AwsFault.conflict(reason, "pool", pool.id, "The origination identity has " + what + "; it must match pool " + pool.id + ".");
    }

    // --- pools ---

    private JsonNode createPool(JsonNode in) {
        String token = text(in, "ClientToken");
        String fingerprint = Lookup.fingerprint(in);
        String replayed = lookup.replay("CreatePool", token, fingerprint);
        if (replayed != null && sms.state.pools.containsKey(replayed)) {
            return poolResult(sms.state.pools.get(replayed), true);
        }
        String identity = text(in, "OriginationIdentity", "");
        String messageType = text(in, "MessageType", "");
        var pool = new SmsState.Pool();
        pool.id = "pool-" + SmsVoiceEmulator.hex32();
        pool.arn = sms.arn("pool", pool.id);
        pool.status = "ACTIVE";
        pool.messageType = messageType;
        pool.deletionProtectionEnabled = Json.bool(in, "DeletionProtectionEnabled");
        pool.createdAt = sms.now();
        pool.tags = Lookup.readTags(in);
        SmsState.PhoneNumber number = identity.startsWith("phone-") || identity.contains(":phone-number/") ? lookup.phoneNumber(identity) : null;
        if (number != null) {
            if (number.poolId != null) {
                throw AwsFault.conflict("PHONE_NUMBER_ASSOCIATED_TO_POOL", "phone-number", number.id,
                        "Phone number " + number.number + " is already associated with pool " + number.poolId + ".");
            }
            if (!number.messageType.equals(messageType)) {
                throw AwsFault.conflict("MESSAGE_TYPE_MISMATCH", "phone-number", number.id,
                        "Phone number " + number.number + " sends " + number.messageType + " messages, not " + messageType + ".");
            }
            pool.twoWayEnabled = number.twoWayEnabled;
            pool.twoWayChannelArn = number.twoWayChannelArn;
            pool.twoWayChannelRole = number.twoWayChannelRole;
            pool.selfManagedOptOutsEnabled = number.selfManagedOptOutsEnabled;
            pool.optOutListName = number.optOutListName;
            number.keywords.values().forEach(k -> pool.keywords.put(k.keyword.toUpperCase(Locale.ROOT), new SmsState.Keyword(k.keyword, k.message, k.action)));
            pool.originationIdentities.add(number.id);
            number.poolId = pool.id;
        } else {
            SmsState.SenderId sender = lookup.senderId(identity, text(in, "IsoCountryCode"));
            if (!sender.messageTypes.contains(messageType)) {
                throw AwsFault.conflict("MESSAGE_TYPE_MISMATCH", "sender-id", sender.senderId,
                        "Sender id " + sender.senderId + " is not requested for " + messageType + " messages.");
            }
            Seeder.defaultKeywords(pool.keywords);
            pool.originationIdentities.add(sender.arn);
        }
        sms.state.pools.put(pool.id, pool);
        lookup.remember("CreatePool", token, pool.id, fingerprint);
        sms.markDirty();
        return poolResult(pool, true);
    }

    private JsonNode updatePool(JsonNode in) {
        SmsState.Pool pool = lookup.pool(text(in, "PoolId", ""));
        if (in.hasNonNull("OptOutListName")) {
            pool.optOutListName = lookup.optOutList(text(in, "OptOutListName", "")).name;
        }
        if (in.hasNonNull("TwoWayChannelArn")) {
            pool.twoWayChannelArn = text(in, "TwoWayChannelArn");
        }
        if (in.hasNonNull("TwoWayChannelRole")) {
            pool.twoWayChannelRole = text(in, "TwoWayChannelRole");
        }
        if (in.hasNonNull("TwoWayEnabled")) {
            boolean enabled = in.path("TwoWayEnabled").asBoolean();
            if (enabled && pool.twoWayChannelArn == null) {
                throw AwsFault.validationField("TWO_WAY_CHANNEL_NOT_PRESENT", "TwoWayChannelArn", "Two-way messaging needs a TwoWayChannelArn.");
            }
            pool.twoWayEnabled = enabled;
        }
        if (in.hasNonNull("SelfManagedOptOutsEnabled")) {
            pool.selfManagedOptOutsEnabled = in.path("SelfManagedOptOutsEnabled").asBoolean();
        }
        if (in.hasNonNull("SharedRoutesEnabled")) {
            pool.sharedRoutesEnabled = in.path("SharedRoutesEnabled").asBoolean();
        }
        if (in.hasNonNull("DeletionProtectionEnabled")) {
            pool.deletionProtectionEnabled = in.path("DeletionProtectionEnabled").asBoolean();
        }
        sms.markDirty();
        return poolResult(pool, false);
    }

    private JsonNode deletePool(JsonNode in) {
        SmsState.Pool pool = lookup.pool(text(in, "PoolId", ""));
        if (pool.deletionProtectionEnabled) {
            throw AwsFault.conflict("DELETION_PROTECTION_ENABLED", "pool", pool.id, "Pool " + pool.id + " has deletion protection enabled.");
        }
        if (!"ACTIVE".equals(pool.status)) {
            throw AwsFault.conflict("RESOURCE_NOT_ACTIVE", "pool", pool.id, "Pool " + pool.id + " is " + pool.status + ".");
        }
        for (String identity : pool.originationIdentities) {
            SmsState.PhoneNumber number = sms.state.phoneNumbers.get(identity);
            if (number != null) {
                number.poolId = null;
            }
        }
        sms.state.pools.remove(pool.id);
        pool.status = "DELETING";
        sms.markDirty();
        ObjectNode out = poolResult(pool, false);
        out.remove("DeletionProtectionEnabled");
        return out;
    }

    private JsonNode describePools(JsonNode in) {
        boolean shared = Lookup.sharedOnly(in, "PoolIds");
        List<SmsState.Pool> wanted = new ArrayList<>();
        for (String id : texts(in, "PoolIds")) {
            wanted.add(lookup.pool(id));
        }
        List<SmsState.Pool> pools = Lookup.filter(wanted.isEmpty() ? sms.state.pools.values() : wanted, in.path("Filters"), (pool, filter) -> {
            List<String> values = texts(filter, "Values");
            return switch (filter.path("Name").asString()) {
                case "status" -> values.contains(pool.status);
                case "message-type" -> values.contains(pool.messageType);
                case "two-way-enabled" -> Lookup.bool(values, pool.twoWayEnabled);
                case "self-managed-opt-outs-enabled" -> Lookup.bool(values, pool.selfManagedOptOutsEnabled);
                case "opt-out-list-name" -> values.contains(pool.optOutListName);
                case "shared-routes-enabled" -> Lookup.bool(values, pool.sharedRoutesEnabled);
                case "deletion-protection-enabled" -> Lookup.bool(values, pool.deletionProtectionEnabled);
                case "two-way-channel-arn" -> pool.twoWayChannelArn != null && values.contains(pool.twoWayChannelArn);
                default -> throw Lookup.unknownFilter(filter);
            };
        });
        return Lookup.page(in, "Pools", shared ? List.of() : pools, p -> poolResult(p, false));
    }

    private static ObjectNode poolResult(SmsState.Pool pool, boolean withTags) {
        ObjectNode out = object();
        out.put("PoolArn", pool.arn);
        out.put("PoolId", pool.id);
        out.put("Status", pool.status);
        out.put("MessageType", pool.messageType);
        out.put("TwoWayEnabled", pool.twoWayEnabled);
        if (pool.twoWayChannelArn != null) {
            out.put("TwoWayChannelArn", pool.twoWayChannelArn);
        }
        if (pool.twoWayChannelRole != null) {
            out.put("TwoWayChannelRole", pool.twoWayChannelRole);
        }
        out.put("SelfManagedOptOutsEnabled", pool.selfManagedOptOutsEnabled);
        out.put("OptOutListName", pool.optOutListName);
        out.put("SharedRoutesEnabled", pool.sharedRoutesEnabled);
        out.put("DeletionProtectionEnabled", pool.deletionProtectionEnabled);
        if (withTags) {
            out.set("Tags", Lookup.tags(pool.tags));
        }
        putTime(out, "CreatedTimestamp", pool.createdAt);
        return out;
    }

    // --- pool membership ---

    /** A pool member: a phone number or a sender id. */
    private record Member(String key, String id, String arn, String iso, SmsState.@Nullable PhoneNumber number, SmsState.@Nullable SenderId sender) {
    }

    private Member member(String identity, @Nullable String iso) {
        if (identity.startsWith("phone-") || identity.contains(":phone-number/") || identity.startsWith("+")) {
            SmsState.PhoneNumber number = lookup.phoneNumber(identity);
            if (iso != null && !iso.equals(number.isoCountryCode)) {
                throw AwsFault.validationField("COUNTRY_CODE_MISMATCH", "IsoCountryCode",
                        "Phone number " + number.number + " is a " + number.isoCountryCode + " number, not " + iso + ".");
            }
            return new Member(number.id, number.id, number.arn, number.isoCountryCode, number, null);
        }
        SmsState.SenderId sender = lookup.senderId(identity, iso);
        return new Member(sender.arn, sender.senderId, sender.arn, sender.isoCountryCode, null, sender);
    }

    private JsonNode associate(JsonNode in) {
        SmsState.Pool pool = lookup.pool(text(in, "PoolId", ""));
        Member member = member(text(in, "OriginationIdentity", ""), text(in, "IsoCountryCode"));
        if (member.number() != null) {
            SmsState.PhoneNumber number = member.number();
            if (pool.id.equals(number.poolId)) {
                return membership(pool, member);
            }
            if (number.poolId != null) {
                throw AwsFault.conflict("PHONE_NUMBER_ASSOCIATED_TO_POOL", "phone-number", number.id,
                        "Phone number " + number.number + " is already associated with pool " + number.poolId + ".");
            }
            requireMatches(pool, number);
            number.poolId = pool.id;
        } else if (!Objects.requireNonNull(member.sender()).messageTypes.contains(pool.messageType)) {
            throw mismatch("MESSAGE_TYPE_MISMATCH", pool, "message types " + member.sender().messageTypes);
        }
        if (!pool.originationIdentities.contains(member.key())) {
            pool.originationIdentities.add(member.key());
        }
        sms.markDirty();
        return membership(pool, member);
    }

    private JsonNode disassociate(JsonNode in) {
        SmsState.Pool pool = lookup.pool(text(in, "PoolId", ""));
        Member member = member(text(in, "OriginationIdentity", ""), text(in, "IsoCountryCode"));
        if (!pool.originationIdentities.contains(member.key())) {
            if (member.number() == null) {
                throw AwsFault.notFound("sender-id", member.id());
            }
            throw AwsFault.conflict("PHONE_NUMBER_NOT_ASSOCIATED_TO_POOL", "phone-number", member.id(),
                    member.number().number + " is not associated with pool " + pool.id + ".");
        }
        if (pool.originationIdentities.size() == 1) {
            throw AwsFault.conflict("LAST_PHONE_NUMBER", "pool", pool.id,
                    member.id() + " is the last origination identity of pool " + pool.id + "; a pool keeps at least one (delete the pool instead).");
        }
        pool.originationIdentities.remove(member.key());
        if (member.number() != null) {
            member.number().poolId = null;
        }
        sms.markDirty();
        return membership(pool, member);
    }

    private static ObjectNode membership(SmsState.Pool pool, Member member) {
        ObjectNode out = object();
        out.put("PoolArn", pool.arn);
        out.put("PoolId", pool.id);
        out.put("OriginationIdentityArn", member.arn());
        out.put("OriginationIdentity", member.id());
        out.put("IsoCountryCode", member.iso());
        return out;
    }

    private JsonNode listOriginationIdentities(JsonNode in) {
        SmsState.Pool pool = lookup.pool(text(in, "PoolId", ""));
        List<ObjectNode> identities = new ArrayList<>();
        for (String key : pool.originationIdentities) {
            SmsState.PhoneNumber number = sms.state.phoneNumbers.get(key);
            ObjectNode node = object();
            if (number != null) {
                node.put("OriginationIdentityArn", number.arn);
                node.put("OriginationIdentity", number.id);
                node.put("IsoCountryCode", number.isoCountryCode);
                node.set("NumberCapabilities", Json.strings(number.capabilities));
                node.put("PhoneNumber", number.number);
            } else {
                SmsState.SenderId sender = lookup.findSenderId(key, null);
                if (sender == null) {
                    continue;
                }
                node.put("OriginationIdentityArn", sender.arn);
                node.put("OriginationIdentity", sender.senderId);
                node.put("IsoCountryCode", sender.isoCountryCode);
                node.set("NumberCapabilities", Json.strings(List.of("SMS")));
            }
            identities.add(node);
        }
        List<ObjectNode> matching = Lookup.filter(identities, in.path("Filters"), (node, filter) -> {
            List<String> values = texts(filter, "Values");
            return switch (filter.path("Name").asString()) {
                case "iso-country-code" -> values.contains(node.path("IsoCountryCode").asString());
                case "number-capability" -> texts(node, "NumberCapabilities").stream().anyMatch(values::contains);
                default -> throw Lookup.unknownFilter(filter);
            };
        });
        ObjectNode out = Lookup.page(in, "OriginationIdentities", matching, n -> n);
        out.put("PoolArn", pool.arn);
        out.put("PoolId", pool.id);
        return out;
    }

    // --- keywords ---

    private record KeywordOwner(String id, String arn, Map<String, SmsState.Keyword> keywords) {
    }

    private KeywordOwner keywordOwner(String identity) {
        if (identity.startsWith("pool-") || identity.contains(":pool/")) {
            SmsState.Pool pool = lookup.pool(identity);
            return new KeywordOwner(pool.id, pool.arn, pool.keywords);
        }
        SmsState.PhoneNumber number = lookup.phoneNumber(identity);
        return new KeywordOwner(number.id, number.arn, number.keywords);
    }

    private JsonNode putKeyword(JsonNode in) {
        KeywordOwner owner = keywordOwner(text(in, "OriginationIdentity", ""));
        String keyword = text(in, "Keyword", "").strip();
        String key = keyword.toUpperCase(Locale.ROOT);
        String action = text(in, "KeywordAction", "AUTOMATIC_RESPONSE");
        String mandatory = MANDATORY_KEYWORDS.get(key);
        if (mandatory != null && !mandatory.equals(action)) {
            throw AwsFault.conflict("RESOURCE_MODIFICATION_NOT_ALLOWED", "keyword", keyword,
                    "The action of keyword " + key + " is always " + mandatory + "; only its message can change.");
        }
        if (mandatory == null && owner.keywords().size() >= 30 && !owner.keywords().containsKey(key)) {
            throw AwsFault.quota(owner.id().startsWith("pool-") ? "KEYWORDS_PER_POOL" : "KEYWORDS_PER_PHONE_NUMBER",
                    owner.id() + " already has the most keywords allowed.");
        }
        var value = new SmsState.Keyword(keyword, text(in, "KeywordMessage", ""), action);
        owner.keywords().put(key, value);
        sms.markDirty();
        return keywordResult(owner, value);
    }

    private JsonNode deleteKeyword(JsonNode in) {
        KeywordOwner owner = keywordOwner(text(in, "OriginationIdentity", ""));
        String key = text(in, "Keyword", "").strip().toUpperCase(Locale.ROOT);
        if (MANDATORY_KEYWORDS.containsKey(key)) {
            throw AwsFault.conflict("RESOURCE_DELETION_NOT_ALLOWED", "keyword", key, "Keywords HELP and STOP cannot be deleted.");
        }
        SmsState.Keyword removed = owner.keywords().remove(key);
        if (removed == null) {
            throw AwsFault.notFound("keyword", text(in, "Keyword", ""));
        }
        sms.markDirty();
        return keywordResult(owner, removed);
    }

    private static ObjectNode keywordResult(KeywordOwner owner, SmsState.Keyword keyword) {
        ObjectNode out = object();
        out.put("OriginationIdentityArn", owner.arn());
        out.put("OriginationIdentity", owner.id());
        out.put("Keyword", keyword.keyword);
        out.put("KeywordMessage", keyword.message);
        out.put("KeywordAction", keyword.action);
        return out;
    }

    private JsonNode describeKeywords(JsonNode in) {
        KeywordOwner owner = keywordOwner(text(in, "OriginationIdentity", ""));
        List<String> wanted = texts(in, "Keywords").stream().map(k -> k.toUpperCase(Locale.ROOT)).toList();
        List<SmsState.Keyword> matching = Lookup.filter(owner.keywords().values(), in.path("Filters"), (keyword, filter) -> {
            if (!"keyword-action".equals(filter.path("Name").asString())) {
                throw Lookup.unknownFilter(filter);
            }
            return texts(filter, "Values").contains(keyword.action);
        }).stream().filter(k -> wanted.isEmpty() || wanted.contains(k.keyword.toUpperCase(Locale.ROOT))).toList();
        ObjectNode out = Lookup.page(in, "Keywords", matching, keyword -> {
            ObjectNode node = object();
            node.put("Keyword", keyword.keyword);
            node.put("KeywordMessage", keyword.message);
            node.put("KeywordAction", keyword.action);
            return node;
        });
        out.put("OriginationIdentityArn", owner.arn());
        out.put("OriginationIdentity", owner.id());
        return out;
    }
}
