package com.example.smsconsole.emulator.protocol;

import tools.jackson.databind.JsonNode;

/**
 * One emulated AWS operation. Returns the response document, or a {@link StreamingResponse} for
 * large pages; throws {@link AwsFault} for AWS errors.
 */
@FunctionalInterface
public interface Operation {

    Object handle(JsonNode input, CallContext context);
}
