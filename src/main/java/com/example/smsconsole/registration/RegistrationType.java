package com.example.smsconsole.registration;

import org.jspecify.annotations.Nullable;

/** A registration type from DescribeRegistrationTypeDefinitions, with its display hints. */
public record RegistrationType(String type, String title, @Nullable String shortDescription, @Nullable String longDescription,
        @Nullable String documentationLink) {

    public boolean us() {
        return type.startsWith("US_");
    }
}
