/**
 * Single sign-on through OpenID Connect, next to the configured users: the "Sign in with ..." links
 * on the login page, the mapping of a groups claim to the console's roles, the page for people whose
 * groups carry no role, and sign-out at the provider. Active only when a client registration is
 * configured under {@code spring.security.oauth2.client.registration.*}. See
 * docs/decisions/014-20261202-single-sign-on.md.
 */
@NullMarked
package com.example.smsconsole.security.oidc;

import org.jspecify.annotations.NullMarked;
