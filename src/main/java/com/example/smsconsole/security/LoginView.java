package com.example.smsconsole.security;

import com.example.smsconsole.security.login.LoginAttemptFilter;
import com.example.smsconsole.security.oidc.SingleSignOn;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** The login page; Spring Security handles the form post to {@code /login}. */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · SMS console")
@AnonymousAllowed
class LoginView extends VerticalLayout implements BeforeEnterObserver {

    final LoginForm login = new LoginForm();

    LoginView(DemoUserHint demoUserHint, SingleSignOn singleSignOn) {
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        var title = new H1("SMS console");
        var subtitle = new Paragraph("AWS End User Messaging SMS: registrations, sandbox numbers, test sends, delivery history");
        subtitle.addClassName("login-subtitle");
        add(title, subtitle, login);
        singleSignOn.loginOptions().ifPresent(this::add); // "Sign in with <provider>": docs/decisions/014-20261202-single-sign-on.md
        demoUserHint.text().ifPresent(text -> {
            var hint = new Paragraph(text);
            hint.addClassName("login-demo-hint");
            add(hint);
        });
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters();
        parameters.getSingleParameter(LoginAttemptFilter.THROTTLED_PARAMETER).ifPresent(seconds -> {
            LoginI18n i18n = LoginI18n.createDefault();
            i18n.getErrorMessage().setTitle("Too many failed sign-ins");
            i18n.getErrorMessage().setMessage("Signing in with this user name or from this address is paused. Try again in "
                    + waitText(seconds) + ".");
            login.setI18n(i18n);
            login.setError(true);
        });
        if (parameters.getParameters().containsKey("error")) {
            login.setError(true);
        }
    }

    /** "12 seconds" or "15 minutes", from the seconds the throttle sent (digits only). */
    static String waitText(String seconds) {
        long value;
        try {
            value = Math.max(1, Long.parseLong(seconds));
        } catch (NumberFormatException e) {
            return "a while";
        }
        if (value < 120) {
            return value + (value == 1 ? " second" : " seconds");
        }
        return (value + 59) / 60 + " minutes";
    }
}
