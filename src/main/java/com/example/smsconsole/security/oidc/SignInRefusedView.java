package com.example.smsconsole.security.oidc;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.WebAttributes;

/**
 * Where a single sign-on that did not end in a console session lands: the provider signed the
 * person in but their groups carry no console role, or the exchange with the provider failed. It
 * says which, in words; nothing of the console is reachable from here but the login page.
 */
@Route(value = SignInRefusedView.ROUTE, autoLayout = false)
@PageTitle("No access · SMS console")
@AnonymousAllowed
class SignInRefusedView extends VerticalLayout implements BeforeEnterObserver {

    static final String ROUTE = "sign-in-refused";

    final Paragraph reason = new Paragraph();

    SignInRefusedView() {
        addClassName("sign-in-refused-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        reason.addClassName("sign-in-refused-reason");
        reason.setMaxWidth("36rem");
        add(new H1("No access to the SMS console"), reason, new Anchor("login", "Back to sign-in"));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        reason.setText(reasonText(VaadinSession.getCurrent() == null ? null
                : VaadinSession.getCurrent().getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION)));
    }

    static String reasonText(@Nullable Object failure) {
        if (failure instanceof OAuth2AuthenticationException oauth) {
            String description = oauth.getError().getDescription();
            if (ConsoleOidcUserService.NO_CONSOLE_ROLE.equals(oauth.getError().getErrorCode()) && description != null) {
                return description;
            }
            return "Single sign-on did not complete: " + (description != null ? description + " (" : "(")
                    + oauth.getError().getErrorCode() + "). Try again, or sign in with a console user.";
        }
        if (failure instanceof Exception other && other.getMessage() != null) {
            return "Single sign-on did not complete: " + other.getMessage() + ". Try again, or sign in with a console user.";
        }
        return "No sign-in was refused in this browser session. Sign in from the login page.";
    }
}
