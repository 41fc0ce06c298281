/**
 * Who may use the console: roles, the login view, the Spring Security configuration and the
 * configured users. Demo users of the local profile live in {@code dev/} and are refused by the
 * {@code aws} and {@code prod} profiles.
 */
@NullMarked
package com.example.smsconsole.security;

import org.jspecify.annotations.NullMarked;
