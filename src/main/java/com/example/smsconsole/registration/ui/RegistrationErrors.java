package com.example.smsconsole.registration.ui;

import com.example.smsconsole.aws.AwsCallException;

/** An AWS error as one line next to the control that caused it: in words, then what support needs. */
final class RegistrationErrors {

    private RegistrationErrors() {
    }

    static String text(AwsCallException e) {
        return e.userMessage() + " (AWS " + e.operation() + ": " + e.supportLine() + ")";
    }
}
