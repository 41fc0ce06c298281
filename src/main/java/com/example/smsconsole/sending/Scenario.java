package com.example.smsconsole.sending;

import org.jspecify.annotations.Nullable;

/** The runbook's test scenarios, each with the destination it uses and what should happen. */
public enum Scenario {
    SUCCESS("Successful delivery", "+14254147755",
            "The US success simulator number: AWS accepts the text and TEXT_QUEUED, then TEXT_SUCCESSFUL and, where it is not final,"
                    + " TEXT_DELIVERED arrive (each receipt says whether it is final). "
                    + "No handset receives it; it is charged as a normal text."),
    FAILURE("Delivery failure", "+14254147167",
            "The US failure simulator number: AWS accepts the text, then a failure receipt arrives instead of a success, "
                    + "with its description."),
    INVALID("Invalid number", "+1000000000",
            "Not a phone number: the console refuses it at the field and sends nothing (AWS would answer ValidationException)."),
    OPTED_OUT("Opted-out number", null,
            "A number on the opt-out list (it replied STOP): AWS refuses the send with ConflictException "
                    + "DESTINATION_PHONE_NUMBER_OPTED_OUT, and nothing is charged.");

    private final String label;
    private final @Nullable String destination;
    private final String expectation;

    Scenario(String label, @Nullable String destination, String expectation) {
        this.label = label;
        this.destination = destination;
        this.expectation = expectation;
    }

    public String label() {
        return label;
    }

    /** The fixed destination, or null when it comes from the account (the opt-out list). */
    public @Nullable String destination() {
        return destination;
    }

    public String expectation() {
        return expectation;
    }
}
