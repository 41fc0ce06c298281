package com.example.smsconsole.emulator.sms;

import static com.example.smsconsole.emulator.protocol.Json.object;
import static com.example.smsconsole.emulator.protocol.Json.text;

import com.example.smsconsole.emulator.protocol.AwsFault;
import com.example.smsconsole.emulator.protocol.Json;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Finding the account's resources by id, name or ARN (as every {@code ...IdOrArn} member allows),
 * with AWS's ResourceNotFoundException when they do not exist, and the list helpers every
 * Describe and List operation shares (filters, pages, tags).
 */
final class Lookup {

    private final SmsVoiceEmulator sms;

    Lookup(SmsVoiceEmulator sms) {
        this.sms = sms;
    }

    SmsState.PhoneNumber phoneNumber(String idOrArnOrNumber) {
        SmsState.PhoneNumber number = findPhoneNumber(idOrArnOrNumber);
        if (number == null) {
            throw AwsFault.notFound("phone-number", SmsVoiceEmulator.idOf(idOrArnOrNumber));
        }
        return number;
    }

    SmsState.@Nullable PhoneNumber findPhoneNumber(String idOrArnOrNumber) {
        if (idOrArnOrNumber.startsWith("+")) {
            return sms.state.phoneNumbers.values().stream().filter(n -> n.number.equals(idOrArnOrNumber)).findFirst().orElse(null);
        }
        return sms.state.phoneNumbers.get(SmsVoiceEmulator.idOf(idOrArnOrNumber));
    }

    SmsState.Pool pool(String idOrArn) {
        SmsState.Pool pool = sms.state.pools.get(SmsVoiceEmulator.idOf(idOrArn));
        if (pool == null) {
            throw AwsFault.notFound("pool", SmsVoiceEmulator.idOf(idOrArn));
        }
        return pool;
    }

    SmsState.ConfigurationSet configurationSet(String nameOrArn) {
        SmsState.ConfigurationSet set = sms.state.configurationSets.get(SmsVoiceEmulator.idOf(nameOrArn));
        if (set == null) {
            throw AwsFault.notFound("configuration-set", SmsVoiceEmulator.idOf(nameOrArn));
        }
        return set;
    }

    SmsState.OptOutList optOutList(String nameOrArn) {
        SmsState.OptOutList list = sms.state.optOutLists.get(SmsVoiceEmulator.idOf(nameOrArn));
        if (list == null) {
            throw AwsFault.notFound("opt-out-list", SmsVoiceEmulator.idOf(nameOrArn));
        }
        return list;
    }

    SmsState.Registration registration(String idOrArn) {
        String id = SmsVoiceEmulator.idOf(idOrArn);
        SmsState.Registration reg = sms.state.registrations.get(id);
        if (reg == null || reg.deleted) {
            throw AwsFault.notFound("registration", id);
        }
        return reg;
    }

    /**
     * A sender id by its ARN ({@code ...:sender-id/SENDER/GB}) or by its text; the text alone is
     * ambiguous when the same sender id exists for several countries, so {@code iso} narrows it.
     */
    SmsState.@Nullable SenderId findSenderId(String senderIdOrArn, @Nullable String iso) {
        if (senderIdOrArn.startsWith("arn:")) {
            int at = senderIdOrArn.indexOf(":sender-id/");
            if (at < 0) {
                return null;
            }
            return sms.state.senderIds.get(senderIdOrArn.substring(at + ":sender-id/".length()));
        }
        if (iso != null) {
            return sms.state.senderIds.get(senderIdOrArn + "/" + iso);
        }
        return sms.state.senderIds.values().stream().filter(s -> s.senderId.equals(senderIdOrArn)).findFirst().orElse(null);
    }

    SmsState.SenderId senderId(String senderIdOrArn, @Nullable String iso) {
        SmsState.SenderId sender = findSenderId(senderIdOrArn, iso);
        if (sender == null) {
            throw AwsFault.notFound("sender-id", senderIdOrArn);
        }
        return sender;
    }

    static String senderKey(String senderId, String iso) {
        return senderId + "/" + iso;
    }

    // --- lists ---

    static <T> List<T> filter(Collection<T> items, JsonNode filters, BiPredicate<T, JsonNode> matches) {
        List<T> out = new ArrayList<>();
        for (T item : items) {
            boolean keep = true;
            for (JsonNode filter : filters) {
                keep &= matches.test(item, filter);
            }
            if (keep) {
                out.add(item);
            }
        }
        return out;
    }

    static AwsFault unknownFilter(JsonNode filter) {
        return AwsFault.validation("INVALID_FILTER_VALUES", "Unknown filter " + filter.path("Name").asString());
    }

    static boolean bool(List<String> values, boolean actual) {
        return values.contains(String.valueOf(actual));
    }

    static <T> ObjectNode page(JsonNode in, String listField, List<T> items, Function<T, JsonNode> mapper) {
        var page = Json.page(items, text(in, "NextToken"), Json.number(in, "MaxResults"), 20,
                () -> AwsFault.validation("INVALID_NEXT_TOKEN", "The NextToken is not valid."));
        ObjectNode out = object();
        out.set(listField, Json.array(page.items(), mapper));
        page.writeTokenTo(out, "NextToken");
        return out;
    }

    /** Owner=SHARED lists what other accounts share with this one: nothing in the emulator. */
    static boolean sharedOnly(JsonNode in, String idsField) {
        if (in.hasNonNull("Owner") && !Json.texts(in, idsField).isEmpty()) {
            throw AwsFault.validation("PARAMETERS_CANNOT_BE_USED_TOGETHER", "Owner and " + idsField + " cannot be used together.");
        }
        return "SHARED".equals(text(in, "Owner"));
    }

    static List<SmsState.Tag> readTags(JsonNode in) {
        List<SmsState.Tag> tags = new ArrayList<>();
        for (JsonNode tag : in.path("Tags")) {
            tags.add(new SmsState.Tag(tag.path("Key").asString(), tag.path("Value").asString()));
        }
        return tags;
    }

    static ArrayNode tags(List<SmsState.Tag> tags) {
        ArrayNode array = Json.NODES.arrayNode();
        for (SmsState.Tag tag : tags) {
            ObjectNode node = array.addObject();
            node.put("Key", tag.key);
            node.put("Value", tag.value);
        }
        return array;
    }

    /**
     * The resource an idempotent Create/Request call made with this client token, or null. A token
     * reused with a different request is refused, as AWS refuses it.
     */
    @Nullable String replay(String operation, @Nullable String token, String fingerprint) {
        if (token == null) {
            return null;
        }
        String recorded = sms.state.clientTokens.get(operation + ":" + token);
        if (recorded == null) {
            return null;
        }
        int bar = recorded.indexOf('|');
        String id = bar < 0 ? recorded : recorded.substring(0, bar);
        if (bar >= 0 && !recorded.substring(bar + 1).equals(fingerprint)) {
            throw AwsFault.conflict("RESOURCE_ALREADY_EXISTS", "account", null,
                    "ClientToken " + token + " was already used for a different " + operation + " request.");
        }
        return id;
    }

    void remember(String operation, @Nullable String token, String id, String fingerprint) {
        if (token != null) {
            sms.state.clientTokens.put(operation + ":" + token, id + "|" + fingerprint);
        }
    }

    /** The request without its client token, for telling a replay from a different request. */
    static String fingerprint(JsonNode in) {
        ObjectNode copy = ((ObjectNode) in).deepCopy();
        copy.remove("ClientToken");
        return Integer.toHexString(copy.toString().hashCode());
    }
}
