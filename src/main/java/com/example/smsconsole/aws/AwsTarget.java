package com.example.smsconsole.aws;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * Where the console's AWS calls go, for the header and the setup check: the embedded emulator, an
 * endpoint override, or AWS itself in a region.
 */
public record AwsTarget(String region, @Nullable URI endpoint, boolean emulated) {

    public String describe() {
        if (emulated) {
            return "Local emulator · " + endpoint;
        }
        if (endpoint != null) {
            return "Endpoint " + endpoint + " · " + region;
        }
        return "AWS · " + region;
    }
}
