package com.example.smsconsole.emulator.sms;

import static com.example.smsconsole.emulator.protocol.Json.object;
import static com.example.smsconsole.emulator.protocol.Json.text;
import static com.example.smsconsole.emulator.protocol.Json.texts;

import com.example.smsconsole.emulator.protocol.AwsFault;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tags on every taggable resource, addressed by ARN (TagResource, UntagResource,
 * ListTagsForResource). Sources: the API reference ("Adds or overwrites only the specified tags ...
 * When you specify an existing tag key, the value is overwritten"; Tags 0..200 in the model), the
 * ARN formats of the user guide's IAM pages ({@code phone-number/ID}, {@code pool/ID},
 * {@code sender-id/SENDERID/ISO}, {@code configuration-set/NAME}, {@code opt-out-list/NAME},
 * {@code registration/ID}, {@code registration-attachment/ID},
 * {@code verified-destination-number/ID}), and the registrations CLI guide (a tag with key
 * {@code Name} is a registration's friendly name).
 */
final class TagOps {

    private static final Pattern ARN = Pattern.compile("arn:aws[a-z-]*:sms-voice:([a-z0-9-]+):(\\d{12}):([a-z-]+)/(.+)");
    private static final int MAX_TAGS = 200;

    private final SmsVoiceEmulator sms;

    TagOps(SmsVoiceEmulator sms) {
        this.sms = sms;
    }

    void register() {
        sms.operation("TagResource", (in, ctx) -> tag(in));
        sms.operation("UntagResource", (in, ctx) -> untag(in));
        sms.operation("ListTagsForResource", (in, ctx) -> list(in));
    }

    private List<SmsState.Tag> tagsOf(String arn) {
        Matcher m = ARN.matcher(arn);
        if (!m.matches()) {
            throw AwsFault.validationField("INVALID_ARN", "ResourceArn", arn + " is not an End User Messaging SMS resource ARN.");
        }
        if (!m.group(1).equals(sms.properties.region()) || !m.group(2).equals(sms.properties.accountId())) {
            throw AwsFault.notFound(m.group(3), m.group(4));
        }
        String type = m.group(3);
        String id = m.group(4);
        SmsState state = sms.state;
        List<SmsState.Tag> tags = switch (type) {
            case "phone-number" -> state.phoneNumbers.containsKey(id) ? state.phoneNumbers.get(id).tags : null;
            case "pool" -> state.pools.containsKey(id) ? state.pools.get(id).tags : null;
            case "sender-id" -> state.senderIds.containsKey(id) ? state.senderIds.get(id).tags : null;
            case "configuration-set" -> state.configurationSets.containsKey(id) ? state.configurationSets.get(id).tags : null;
            case "opt-out-list" -> state.optOutLists.containsKey(id) ? state.optOutLists.get(id).tags : null;
            case "registration" -> state.registrations.containsKey(id) && !state.registrations.get(id).deleted ? state.registrations.get(id).tags : null;
            case "registration-attachment" -> state.attachments.containsKey(id) && !"DELETED".equals(state.attachments.get(id).status)
                    ? state.attachments.get(id).tags : null;
            case "verified-destination-number" -> state.verifiedNumbers.containsKey(id) ? state.verifiedNumbers.get(id).tags : null;
            default -> throw AwsFault.validationField("INVALID_ARN", "ResourceArn", "Resources of type " + type + " cannot be tagged here.");
        };
        if (tags == null) {
            throw AwsFault.notFound(type, id);
        }
        return tags;
    }

    private JsonNode tag(JsonNode in) {
        String arn = text(in, "ResourceArn", "");
        List<SmsState.Tag> tags = tagsOf(arn);
        List<SmsState.Tag> added = Lookup.readTags(in);
        long newKeys = added.stream().map(t -> t.key).distinct().filter(k -> tags.stream().noneMatch(t -> t.key.equals(k))).count();
        if (tags.size() + newKeys > MAX_TAGS) {
            throw AwsFault.quota("TAGS_PER_RESOURCE", "A resource has at most " + MAX_TAGS + " tags.");
        }
        for (SmsState.Tag tag : added) {
            tags.removeIf(t -> t.key.equals(tag.key));
            tags.add(new SmsState.Tag(tag.key, tag.value));
            if (RegistrationOps.OUTCOMES_TAG.equals(tag.key) && arn.contains(":registration/")) {
                sms.state.registrations.get(arn.substring(arn.lastIndexOf('/') + 1)).reviewOutcomes = RegistrationOps.parseOutcomes(tag.value);
            }
        }
        sms.markDirty();
        return object();
    }

    private JsonNode untag(JsonNode in) {
        List<SmsState.Tag> tags = tagsOf(text(in, "ResourceArn", ""));
        List<String> keys = texts(in, "TagKeys");
        tags.removeIf(t -> keys.contains(t.key));
        sms.markDirty();
        return object();
    }

    private JsonNode list(JsonNode in) {
        String arn = text(in, "ResourceArn", "");
        ObjectNode out = object();
        out.put("ResourceArn", arn);
        out.set("Tags", Lookup.tags(tagsOf(arn)));
        return out;
    }
}
