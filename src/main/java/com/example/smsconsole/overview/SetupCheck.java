package com.example.smsconsole.overview;

import org.jspecify.annotations.Nullable;

/**
 * One check of the setup.
 *
 * @param evidence what was found, in words
 * @param fix what to do when not green, in one sentence
 * @param link the console view that fixes it (a route), or null
 * @param variable the infrastructure variable or environment variable that fixes it, or null
 */
public record SetupCheck(String id, String title, Level level, String evidence, @Nullable String fix, @Nullable String link,
        @Nullable String variable) {

    /** Green: fine; amber: works with a caveat; red: broken. */
    public enum Level {
        GREEN, AMBER, RED
    }

    static SetupCheck green(String id, String title, String evidence) {
        return new SetupCheck(id, title, Level.GREEN, evidence, null, null, null);
    }

    static SetupCheck amber(String id, String title, String evidence, String fix, @Nullable String link, @Nullable String variable) {
        return new SetupCheck(id, title, Level.AMBER, evidence, fix, link, variable);
    }

    static SetupCheck red(String id, String title, String evidence, String fix, @Nullable String link, @Nullable String variable) {
        return new SetupCheck(id, title, Level.RED, evidence, fix, link, variable);
    }
}
