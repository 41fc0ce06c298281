package com.example.smsconsole.overview;

import java.time.Instant;

/**
 * A number on an opt-out list.
 *
 * @param endUserOptedOut true when the recipient opted out (replied STOP), false when someone added it
 */
public record OptedOut(String number, Instant optedOutAt, boolean endUserOptedOut) {

    public String how() {
        return endUserOptedOut ? "replied STOP" : "added by an administrator";
    }
}
