package com.example.smsconsole.sending;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A test text as composed.
 *
 * @param messageType {@code TRANSACTIONAL} or {@code PROMOTIONAL}
 * @param context up to 5 key/values that AWS copies into each delivery event
 */
public record TestSendRequest(String destination, String originationIdentity, @Nullable String configurationSet, String messageType,
        String body, Map<String, String> context, boolean dryRun) {
}
