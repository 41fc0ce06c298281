/**
 * Demo users for the local profile only. Nothing outside this package refers to it; it refuses to
 * start with the {@code aws} or {@code prod} profile or with the emulator off.
 */
@NullMarked
package com.example.smsconsole.security.dev;

import org.jspecify.annotations.NullMarked;
