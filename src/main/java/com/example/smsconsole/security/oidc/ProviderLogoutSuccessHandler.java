package com.example.smsconsole.security.oidc;

import com.vaadin.flow.spring.security.UidlRedirectStrategy;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/**
 * After the local session has ended: someone who signed in through a provider that offers
 * RP-initiated logout ({@code end_session_endpoint}) is sent there to end the provider's session too,
 * and comes back to the login page; everyone else goes to the console's start (and so to the login
 * page). Redirects from a Vaadin request go through the page, like Vaadin's own logout handler.
 */
final class ProviderLogoutSuccessHandler extends OidcClientInitiatedLogoutSuccessHandler {

    ProviderLogoutSuccessHandler(ClientRegistrationRepository registrations) {
        super(registrations);
        setRedirectStrategy(new UidlRedirectStrategy());
        setPostLogoutRedirectUri("{baseUrl}/login");
        setDefaultTargetUrl("/");
    }

    @Override
    protected void handle(HttpServletRequest request, @Nullable HttpServletResponse response,
            @Nullable Authentication authentication) throws IOException, ServletException {
        if (response == null) {
            // a logout during a push request has no response; the redirect goes through the UI
            getRedirectStrategy().sendRedirect(request, null, determineTargetUrl(request, null, authentication));
        } else {
            super.handle(request, response, authentication);
        }
    }
}
