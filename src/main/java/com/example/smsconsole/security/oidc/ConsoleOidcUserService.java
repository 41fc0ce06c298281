package com.example.smsconsole.security.oidc;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Loads the person from the provider (ID token, and user info where the provider offers it) and
 * gives them the console roles their groups map to. Someone whose groups map to no role is refused
 * here, so no session without a role ever exists; the refusal says why
 * ({@link SignInRefusedView}).
 */
final class ConsoleOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    /** The error code of a refusal because no group maps to a role. */
    static final String NO_CONSOLE_ROLE = "no_console_role";

    private static final Logger log = LoggerFactory.getLogger(ConsoleOidcUserService.class);

    private final OAuth2UserService<OidcUserRequest, OidcUser> provider;
    private final GroupRoleMapping mapping;
    private final String usernameClaim;

    ConsoleOidcUserService(OAuth2UserService<OidcUserRequest, OidcUser> provider, GroupRoleMapping mapping, String usernameClaim) {
        this.provider = provider;
        this.mapping = mapping;
        this.usernameClaim = usernameClaim;
    }

    ConsoleOidcUserService(GroupRoleMapping mapping, String usernameClaim) {
        this(new OidcUserService(), mapping, usernameClaim);
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser person = provider.loadUser(request);
        String providerName = request.getClientRegistration().getClientName();
        return toConsoleUser(person, providerName);
    }

    ConsoleOidcUser toConsoleUser(OidcUser person, String providerName) {
        Map<String, Object> claims = person.getClaims();
        String nameClaim = nameClaim(claims);
        String name = String.valueOf(claims.get(nameClaim));
        List<String> groups = mapping.groups(claims);
        Set<String> roles = mapping.roles(groups);
        if (roles.isEmpty()) {
            String description = groups.isEmpty()
                    ? "%s signed you in as %s, but sent no '%s' claim, so the console cannot tell your role. Ask the console's administrator to have the provider send your groups in that claim."
                            .formatted(providerName, name, mapping.groupsClaim())
                    : "%s signed you in as %s, but none of your groups (%s) has a role in this console. Ask the console's administrator to add you to a group for ADMIN, QA or SUPPORT."
                            .formatted(providerName, name, String.join(", ", groups));
            log.warn("Single sign-on refused for {} from {}: groups {} in claim '{}' map to no console role",
                    name, providerName, groups, mapping.groupsClaim());
            throw new OAuth2AuthenticationException(new OAuth2Error(NO_CONSOLE_ROLE, description, null), description);
        }
        var authorities = roles.stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
        return new ConsoleOidcUser(authorities, person.getIdToken(), person.getUserInfo(), nameClaim, providerName);
    }

    private String nameClaim(Map<String, Object> claims) {
        for (String claim : List.of(usernameClaim, "email", "sub")) {
            if (claims.get(claim) instanceof String value && !value.isBlank()) {
                return claim;
            }
        }
        return "sub";
    }
}
