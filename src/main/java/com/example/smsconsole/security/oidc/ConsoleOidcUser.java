package com.example.smsconsole.security.oidc;

import java.util.Collection;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * A person signed in through the OpenID Connect provider, with the console roles from their groups.
 * It is also a {@link UserDetails} (without a password), so the layout's user menu and everything
 * else that reads the signed-in user treats both kinds of sign-in alike; its name is the configured
 * username claim, which is what the audit log records.
 */
final class ConsoleOidcUser extends DefaultOidcUser implements UserDetails {

    private final String providerName;

    ConsoleOidcUser(Collection<? extends GrantedAuthority> authorities, OidcIdToken idToken,
            @Nullable OidcUserInfo userInfo, String nameClaim, String providerName) {
        super(authorities, idToken, userInfo, nameClaim);
        this.providerName = providerName;
    }

    /** The provider's display name, for example "Okta". */
    String providerName() {
        return providerName;
    }

    @Override
    public String getUsername() {
        return getName();
    }

    @Override
    public @Nullable String getPassword() {
        return null;
    }
}
