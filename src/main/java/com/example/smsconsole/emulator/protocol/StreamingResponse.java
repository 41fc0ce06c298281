package com.example.smsconsole.emulator.protocol;

import tools.jackson.core.JsonGenerator;

/** A response body written straight to the wire (used for large FilterLogEvents pages). */
@FunctionalInterface
public interface StreamingResponse {

    void write(JsonGenerator generator);
}
