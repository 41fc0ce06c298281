/**
 * Sign-in protection: throttling per user name and per client address, the one-line log of failed
 * sign-ins and the audit of sign-in, sign-out and lock-outs. See
 * docs/decisions/006-20261202-web-front-hardening.md.
 */
@NullMarked
package com.example.smsconsole.security.login;

import org.jspecify.annotations.NullMarked;
