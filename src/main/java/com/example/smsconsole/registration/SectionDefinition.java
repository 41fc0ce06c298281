package com.example.smsconsole.registration;

import org.jspecify.annotations.Nullable;

/** A section of a registration form. */
public record SectionDefinition(String path, String title, @Nullable String description) {
}
