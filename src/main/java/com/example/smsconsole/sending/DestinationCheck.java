package com.example.smsconsole.sending;

import com.example.smsconsole.common.PhoneNumber;
import com.example.smsconsole.common.SimulatorNumbers;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the console knows about a destination before Send: whether it is an AWS simulator number,
 * what the destination needs from the origination identity, whether the chosen From can reach it,
 * the sandbox's verification and the opt-out list.
 *
 * @param needs what origination the destination needs, in words
 * @param reach whether the chosen From reaches it, and why
 * @param alternative another origination identity of the account that reaches it, when From does not
 */
public record DestinationCheck(PhoneNumber number, Optional<SimulatorNumbers.Destination> simulator, boolean sandbox,
        @Nullable String verification, boolean optedOut, String needs, Origination.Reach reach, @Nullable Origination alternative) {

    /** How the page should colour the headline. */
    public enum Tone {
        GOOD, CAUTION, BAD
    }

    public boolean reachable() {
        return reach.answer() != Origination.Reach.Answer.NO;
    }

    /** Whether AWS is expected to accept a text to it from the chosen From. */
    public boolean sendable() {
        return !optedOut && reachable() && (simulator.isPresent() || !sandbox || "VERIFIED".equals(verification));
    }

    /** One line: what the number is and what will happen. */
    public String headline() {
        if (optedOut) {
            return "Opted out: AWS will refuse texts to it";
        }
        if (simulator.isPresent()) {
            var s = simulator.get();
            String what = s.countryName() + " " + s.outcome() + " simulator number";
            if (!reachable()) {
                return what + ": the chosen From cannot reach it";
            }
            return s.success() ? what + ": AWS accepts the text and success receipts arrive"
                    : what + ": AWS accepts the text, then a failure receipt arrives";
        }
        if (!reachable()) {
            return sandbox && !"VERIFIED".equals(verification)
                    ? "The chosen From cannot reach it, and the sandbox refuses it: " + (verification == null ? "not verified" : "verification " + verification)
                    : "The chosen From cannot reach it";
        }
        if (!sandbox) {
            return "Production account: any number can be texted";
        }
        if (verification == null) {
            return "Not verified: the sandbox refuses texts to it";
        }
        return "VERIFIED".equals(verification) ? "Verified destination number" : "Verification " + verification + ": not textable yet";
    }

    public Tone tone() {
        if (!sendable()) {
            return Tone.BAD;
        }
        if (reach.answer() == Origination.Reach.Answer.MAYBE || simulator.map(s -> !s.success()).orElse(false)) {
            return Tone.CAUTION;
        }
        return Tone.GOOD;
    }
}
