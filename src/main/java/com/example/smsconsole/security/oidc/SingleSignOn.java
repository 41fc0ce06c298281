package com.example.smsconsole.security.oidc;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * OpenID Connect sign-in next to the configured users, on when Spring Security's client
 * registrations ({@code spring.security.oauth2.client.registration.<id>.*}) exist and off
 * otherwise. {@code SecurityConfig} plugs it in with {@link #configure}; the login page adds
 * {@link #loginOptions()}. See docs/decisions/014-20261202-single-sign-on.md.
 */
@org.springframework.stereotype.Component
public final class SingleSignOn {

    /** The console's login view; the provider's refusals and sign-outs come back here. */
    static final String LOGIN_PATH = "/login";

    private static final Logger log = LoggerFactory.getLogger(SingleSignOn.class);

    private final @Nullable ClientRegistrationRepository repository;
    private final List<ClientRegistration> registrations;
    private final @Nullable ConsoleOidcUserService userService;

    SingleSignOn(ObjectProvider<ClientRegistrationRepository> repository, SingleSignOnProperties properties) {
        this.repository = repository.getIfAvailable();
        this.registrations = this.repository instanceof Iterable<?> all
                ? StreamSupport.stream(all.spliterator(), false)
                        .filter(ClientRegistration.class::isInstance).map(ClientRegistration.class::cast)
                        .filter(r -> AuthorizationGrantType.AUTHORIZATION_CODE.equals(r.getAuthorizationGrantType()))
                        .toList()
                : List.of();
        this.userService = registrations.isEmpty() ? null
                : new ConsoleOidcUserService(new GroupRoleMapping(properties.groupsClaim(), properties.roleMapping()),
                        properties.usernameClaim());
    }

    /** Whether any provider is configured. */
    public boolean enabled() {
        return userService != null;
    }

    /**
     * Adds OpenID Connect login (on the console's own login page, roles from the groups claim,
     * refusals to {@link SignInRefusedView}) and sign-out at the provider; does nothing when no
     * provider is configured.
     */
    public void configure(HttpSecurity http, VaadinSecurityConfigurer vaadin) {
        if (userService == null || repository == null) {
            return;
        }
        ConsoleOidcUserService users = userService;
        http.oauth2Login(login -> login
                .loginPage(LOGIN_PATH)
                .userInfoEndpoint(userInfo -> userInfo.oidcUserService(users))
                .failureHandler(new SimpleUrlAuthenticationFailureHandler("/" + SignInRefusedView.ROUTE) {
                    @Override
                    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                            AuthenticationException exception) throws IOException, ServletException {
                        log.warn("Single sign-on did not complete: {}", exception.getMessage());
                        super.onAuthenticationFailure(request, response, exception);
                    }
                }));
        vaadin.logoutSuccessHandler(new ProviderLogoutSuccessHandler(repository));
    }

    /** "Sign in with <provider>" for each configured provider, empty when there is none. */
    public Optional<Component> loginOptions() {
        if (!enabled()) {
            return Optional.empty();
        }
        var options = new VerticalLayout();
        options.addClassName("login-sso");
        options.setPadding(false);
        options.setAlignItems(FlexComponent.Alignment.CENTER);
        options.setWidth("19rem"); // the login form's width
        options.setMaxWidth("100%");
        var or = new Span("or");
        or.addClassName("login-sso-or");
        options.add(or);
        for (ClientRegistration registration : registrations) {
            String target = "oauth2/authorization/" + registration.getRegistrationId();
            var button = new Button("Sign in with " + registration.getClientName(),
                    click -> click.getSource().getUI().ifPresent(ui -> ui.getPage().setLocation(target)));
            button.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
            button.setWidthFull();
            options.add(button);
        }
        return Optional.of(options);
    }
}
