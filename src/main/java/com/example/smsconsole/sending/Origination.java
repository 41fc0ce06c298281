package com.example.smsconsole.sending;

import com.example.smsconsole.common.PhoneNumber;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A pool, phone number or sender ID that can be the origination identity of a text, with the
 * senders behind it (a pool's numbers and sender IDs; a number or sender ID is its own sender).
 *
 * @param id what {@code SendTextMessage} takes as {@code OriginationIdentity}
 */
public record Origination(String id, String label, Kind kind, @Nullable String optOutListName, List<Sender> senders) {

    /** What kind of origination identity it is. */
    public enum Kind {
        POOL, PHONE_NUMBER, SENDER_ID
    }

    /**
     * One number or sender ID that sends.
     *
     * @param numberType {@code SIMULATOR}, {@code TOLL_FREE}, {@code TEN_DLC}, ... for numbers; null for sender IDs
     */
    public record Sender(String display, Kind kind, @Nullable String country, @Nullable String numberType, boolean active, boolean sms,
            boolean internationalSending) {

        public boolean simulator() {
            return "SIMULATOR".equals(numberType);
        }

        /**
         * Whether this sender can text a destination in {@code country}. Sources: the user guide's
         * "Simulator phone numbers" (a simulator origination number sends only to destination
         * simulator numbers of its own country), "Add a destination phone number while in the
         * sandbox" ("the origination identity can only send messages within its country or
         * region"), and the API's {@code InternationalSendingEnabled} of a phone number.
         */
        public Reach reaches(String destinationCountry, boolean destinationIsSimulator) {
            String name = describe();
            if (!active) {
                return new Reach(Reach.Answer.NO, name + " is not active yet");
            }
            if (!sms) {
                return new Reach(Reach.Answer.NO, name + " cannot send texts");
            }
            boolean sameCountry = destinationCountry.equals(country);
            if (simulator()) {
                if (!destinationIsSimulator) {
                    return new Reach(Reach.Answer.NO, name + " is a simulator number: it reaches only simulator numbers");
                }
                return sameCountry ? new Reach(Reach.Answer.YES, name + " (a " + country + " simulator number)")
                        : new Reach(Reach.Answer.NO, name + " is a " + country + " simulator number: it reaches only " + country
                                + " simulator numbers");
            }
            if (sameCountry) {
                return new Reach(Reach.Answer.YES, name);
            }
            if (kind == Kind.PHONE_NUMBER && internationalSending) {
                return new Reach(Reach.Answer.MAYBE, name + " is a " + country + " number with international sending on");
            }
            String where = PhoneNumber.countryName(country == null ? "ZZ" : country);
            return new Reach(Reach.Answer.NO, name + (kind == Kind.SENDER_ID ? " is a sender ID for " + where : " is a " + where + " number")
                    + ": it sends only within " + where);
        }

        private String describe() {
            if (kind == Kind.SENDER_ID) {
                return "sender ID " + display;
            }
            return (numberType == null ? "" : numberType.toLowerCase(java.util.Locale.ROOT).replace('_', '-') + " number ") + display;
        }
    }

    /** Whether an origination can text a destination, and why. */
    public record Reach(Answer answer, String why) {

        /** Yes, no, or AWS decides (international sending). */
        public enum Answer {
            YES, MAYBE, NO
        }
    }

    /** The first sender that reaches the destination; otherwise every reason it does not. */
    public Reach reaches(String destinationCountry, boolean destinationIsSimulator) {
        if (senders.isEmpty()) {
            return new Reach(Reach.Answer.NO, kind == Kind.POOL ? "the pool holds no number or sender ID" : "it holds no sender");
        }
        Reach maybe = null;
        List<String> reasons = new java.util.ArrayList<>();
        for (Sender sender : senders) {
            Reach reach = sender.reaches(destinationCountry, destinationIsSimulator);
            if (reach.answer() == Reach.Answer.YES) {
                return kind == Kind.POOL ? new Reach(Reach.Answer.YES, "through " + reach.why()) : reach;
            }
            if (reach.answer() == Reach.Answer.MAYBE && maybe == null) {
                maybe = reach;
            }
            reasons.add(reach.why());
        }
        if (maybe != null) {
            return maybe;
        }
        return new Reach(Reach.Answer.NO, String.join("; ", reasons));
    }
}
