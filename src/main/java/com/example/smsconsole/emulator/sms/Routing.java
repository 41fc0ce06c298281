package com.example.smsconsole.emulator.sms;

import com.example.smsconsole.emulator.protocol.AwsFault;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Which origination identity sends a message to a destination, for SendTextMessage,
 * SendVoiceMessage and SendDestinationNumberVerificationCode.
 *
 * <p>The rules and their sources:
 * <ul>
 *   <li>An {@code OriginationIdentity} is a phone number, a phone number id or ARN, a sender id or
 *       its ARN, or a pool id or ARN (API reference of SendTextMessage). Without one, the account's
 *       identities are candidates.</li>
 *   <li>A dedicated number sends within its own country ("Dedicated phone numbers are
 *       country-specific. You can't request a dedicated phone number for one country but then use it
 *       as an identity for another country", user guide {@code phone-numbers}); a US toll-free number
 *       with international sending enabled also reaches other countries (AWS blog "A Guide to Sending
 *       International SMS with US Toll-Free Numbers").</li>
 *   <li>A sender id is requested for one country ({@code IsoCountryCode} of RequestSenderId) and
 *       sends there; it sends text only (SendVoiceMessage takes phone numbers and pools).</li>
 *   <li>A simulator number "can only send messages to the destination simulator phone number from
 *       the same country" (user guide {@code test-phone-numbers}); destination simulator numbers
 *       work "with SMS and MMS", not voice.</li>
 *   <li>A pool "maps each message to an appropriate identity for the destination country"
 *       ({@code nx-sms-get-set-up-pool}). The emulator takes the first identity, in the order they
 *       were added to the pool, that is ACTIVE, has the capability and reaches the destination; for a
 *       destination simulator number a simulator number of its country goes first, so simulator
 *       traffic never leaves the simulator when the pool holds one.</li>
 *   <li>When nothing in the account can send to a country that allows sender ids, the configuration
 *       set's default sender id is used (API reference of SetDefaultSenderId).</li>
 * </ul>
 */
final class Routing {

    /** A candidate identity as the router sees it. */
    record Identity(String value, String iso, String type, List<String> capabilities, String status, String messageType,
            String optOutListName, SmsState.@Nullable PhoneNumber number, SmsState.@Nullable SenderId sender) {

        boolean simulator() {
            return "SIMULATOR".equals(type);
        }

        static Identity of(SmsState.PhoneNumber n) {
            return new Identity(n.number, n.isoCountryCode, n.numberType, n.capabilities, n.status, n.messageType, n.optOutListName, n, null);
        }

        static Identity of(SmsState.SenderId s) {
            return new Identity(s.senderId, s.isoCountryCode, "SENDER_ID", List.of("SMS"), "ACTIVE",
                    s.messageTypes.contains("TRANSACTIONAL") ? "TRANSACTIONAL" : s.messageTypes.getFirst(), "Default", null, s);
        }
    }

    /** What an OriginationIdentity stands for. */
    record Candidates(List<Identity> identities, SmsState.@Nullable Pool pool, boolean single, String optOutListName) {
    }

    /** The identity chosen, and the opt-out list and message type that go with it. */
    record Chosen(Identity identity, String optOutListName, String messageType) {
    }

    private final SmsVoiceEmulator sms;
    private final Lookup lookup;

    Routing(SmsVoiceEmulator sms) {
        this.sms = sms;
        this.lookup = new Lookup(sms);
    }

    Candidates candidates(@Nullable String identity) {
        List<Identity> out = new ArrayList<>();
        if (identity == null) {
            sms.state.phoneNumbers.values().forEach(n -> out.add(Identity.of(n)));
            sms.state.senderIds.values().forEach(s -> out.add(Identity.of(s)));
            return new Candidates(out, null, false, "Default");
        }
        if (identity.startsWith("pool-") || identity.contains(":pool/")) {
            SmsState.Pool pool = lookup.pool(identity);
            for (String key : pool.originationIdentities) {
                SmsState.PhoneNumber number = sms.state.phoneNumbers.get(key);
                SmsState.SenderId sender = number == null ? lookup.findSenderId(key, null) : null;
                if (number != null) {
                    out.add(Identity.of(number));
                } else if (sender != null) {
                    out.add(Identity.of(sender));
                }
            }
            return new Candidates(out, pool, false, pool.optOutListName);
        }
        if (identity.startsWith("+") || identity.startsWith("phone-") || identity.contains(":phone-number/")) {
            Identity number = Identity.of(lookup.phoneNumber(identity));
            return new Candidates(List.of(number), null, true, number.optOutListName());
        }
        if (identity.contains(":sender-id/")) {
            return new Candidates(List.of(Identity.of(lookup.senderId(identity, null))), null, true, "Default");
        }
        sms.state.senderIds.values().stream().filter(s -> s.senderId.equals(identity)).forEach(s -> out.add(Identity.of(s)));
        if (out.isEmpty()) {
            throw AwsFault.notFound("sender-id", identity);
        }
        return new Candidates(out, null, out.size() == 1, "Default");
    }

    static boolean reaches(Identity identity, String destination, String destinationCountry, boolean voice) {
        if (voice && (Numbers.isSimulator(destination) || identity.sender() != null || identity.simulator())) {
            return false;
        }
        if (identity.simulator()) {
            return Numbers.isSimulator(destination) && identity.iso().equals(destinationCountry);
        }
        if (identity.iso().equals(destinationCountry)) {
            return true;
        }
        SmsState.PhoneNumber number = identity.number();
        return number != null && number.internationalSendingEnabled && "TOLL_FREE".equals(number.numberType) && !voice;
    }

    /**
     * The identity that sends to {@code destination}.
     *
     * @param realOnly only identities that reach real handsets (no simulator numbers), as a
     *     verification code needs
     * @throws AwsFault INVALID_IDENTITY_FOR_DESTINATION_COUNTRY for a single identity that cannot
     *     send there, NO_ORIGINATION_IDENTITIES_FOUND when no identity of a pool or the account can
     */
    Chosen choose(@Nullable String identity, Candidates found, String destination, String destinationCountry, boolean voice, boolean realOnly,
            SmsState.@Nullable ConfigurationSet configurationSet) {
        String capability = voice ? "VOICE" : "SMS";
        if (found.single()) {
            Identity only = found.identities().getFirst();
            if (!"ACTIVE".equals(only.status())) {
                throw AwsFault.conflict("RESOURCE_NOT_ACTIVE", only.sender() != null ? "sender-id" : "phone-number", only.value(),
                        "Origination identity " + only.value() + " is " + only.status() + " and cannot send yet.");
            }
            if (!only.capabilities().contains(capability)) {
                throw AwsFault.validationField(voice ? "VOICE_CAPABILITY_NOT_AVAILABLE" : "INVALID_PARAMETER", "OriginationIdentity",
                        "Origination identity " + only.value() + " has no " + capability + " capability.");
            }
            if (!reaches(only, destination, destinationCountry, voice) || (realOnly && only.simulator())) {
                throw AwsFault.validationField("INVALID_IDENTITY_FOR_DESTINATION_COUNTRY", "OriginationIdentity",
                        "Origination identity " + identity + " cannot send to " + destination + "." + why(found, destination, destinationCountry, voice, realOnly));
            }
            return new Chosen(only, found.optOutListName(), only.messageType());
        }
        boolean toSimulator = Numbers.isSimulator(destination);
        List<Identity> usable = found.identities().stream()
                .filter(i -> "ACTIVE".equals(i.status()) && i.capabilities().contains(capability))
                .filter(i -> !(realOnly && i.simulator()))
                .filter(i -> reaches(i, destination, destinationCountry, voice))
                .sorted(Comparator.comparingInt(i -> toSimulator && i.simulator() ? 0 : 1))
                .toList();
        SmsState.Pool pool = found.pool();
        if (usable.isEmpty()) {
            Numbers.Country country = Numbers.countryByIso(destinationCountry);
            if (!voice && !realOnly && configurationSet != null && configurationSet.defaultSenderId != null && !toSimulator
                    && country != null && country.senderIdsAllowed()) {
                var fallback = new Identity(configurationSet.defaultSenderId, destinationCountry, "SENDER_ID", List.of("SMS"), "ACTIVE",
                        pool != null ? pool.messageType : "TRANSACTIONAL", found.optOutListName(), null, null);
                return new Chosen(fallback, found.optOutListName(), fallback.messageType());
            }
            throw AwsFault.conflict("NO_ORIGINATION_IDENTITIES_FOUND", pool == null ? "account" : "pool", pool == null ? null : pool.id,
                    "No origination identity " + (pool == null ? "of the account" : "of pool " + pool.id) + " can send "
                            + (voice ? "a voice message" : realOnly ? "a verification code" : "a text") + " to " + destination + "."
                            + why(found, destination, destinationCountry, voice, realOnly));
        }
        Identity chosen = usable.getFirst();
        return new Chosen(chosen, found.optOutListName(), pool != null ? pool.messageType : chosen.messageType());
    }

    private static String why(Candidates found, String destination, String country, boolean voice, boolean realOnly) {
        boolean onlySimulators = !found.identities().isEmpty() && found.identities().stream().allMatch(Identity::simulator);
        if (onlySimulators && realOnly) {
            return " Simulator numbers cannot send verification codes: the account needs an active phone number or sender id of " + country + ".";
        }
        if (onlySimulators && !Numbers.isSimulator(destination)) {
            return " Simulator origination numbers send only to destination simulator numbers.";
        }
        if (voice && Numbers.isSimulator(destination)) {
            return " Destination simulator numbers receive SMS and MMS only.";
        }
        if (found.identities().stream().anyMatch(Identity::simulator) && Numbers.isSimulator(destination)) {
            return " A simulator origination number sends only to destination simulator numbers of its own country (" + country
                    + " needs an identity of " + country + ", such as a sender id).";
        }
        return " No active identity with " + (voice ? "VOICE" : "SMS") + " capability for country " + country + ".";
    }
}
