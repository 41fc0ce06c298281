package com.example.smsconsole.emulator.protocol;

import java.time.Instant;

/** What an operation may know about its call: the request id it answers with and when it arrived. */
public record CallContext(String requestId, String service, String operation, Instant receivedAt) {
}
