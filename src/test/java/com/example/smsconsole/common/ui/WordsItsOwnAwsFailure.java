package com.example.smsconsole.common.ui;

import com.example.smsconsole.aws.AwsCallException;

/** A fixture for ArchitectureTest: a ui class that words an AWS failure itself, as the rule forbids. */
public final class WordsItsOwnAwsFailure {

    private WordsItsOwnAwsFailure() {
    }

    public static String text(AwsCallException e) {
        return e.userMessage() + " (" + e.supportLine() + ")";
    }
}
