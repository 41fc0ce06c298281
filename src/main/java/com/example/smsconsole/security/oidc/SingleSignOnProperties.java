package com.example.smsconsole.security.oidc;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a signed-in identity from the OpenID Connect provider becomes a console user, under
 * {@code app.sso}. The provider itself (issuer, client id and secret, display name) is Spring
 * Security's client registration under {@code spring.security.oauth2.client.*}.
 *
 * @param groupsClaim the claim of the ID token or user info that lists the person's groups
 *     ({@code groups} for Okta and Entra ID, {@code cognito:groups} for Cognito); a dotted path
 *     such as {@code realm_access.roles} reaches into a nested object
 * @param usernameClaim the claim shown as the user's name and recorded in the audit log; when the
 *     provider does not send it, {@code email} and then {@code sub} are used
 * @param roleMapping console role ({@code ADMIN}, {@code QA}, {@code SUPPORT}) to the group names
 *     (or, for Entra ID, group object ids) that grant it
 */
@ConfigurationProperties("app.sso")
public record SingleSignOnProperties(@Nullable String groupsClaim, @Nullable String usernameClaim,
        @Nullable Map<String, List<String>> roleMapping) {

    public SingleSignOnProperties {
        groupsClaim = groupsClaim == null || groupsClaim.isBlank() ? "groups" : groupsClaim.strip();
        usernameClaim = usernameClaim == null || usernameClaim.isBlank() ? "preferred_username" : usernameClaim.strip();
        roleMapping = roleMapping == null ? Map.of() : Map.copyOf(roleMapping);
    }
}
