package com.example.smsconsole.deliverylog;

import java.util.Optional;

/**
 * The body of a text this console sent itself, looked up by its message id. AWS receipts do not
 * carry the body, so only a feature that sent the text can answer (Test send does); the delivery
 * history asks every implementation and shows the first answer.
 */
public interface MessageBodies {

    /** The body sent with this message id, if this console sent it and kept it. */
    Optional<String> bodyOf(String messageId);
}
