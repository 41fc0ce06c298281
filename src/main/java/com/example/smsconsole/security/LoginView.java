package com.example.smsconsole.security;

import com.example.smsconsole.security.oidc.SingleSignOn;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
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
        if (event.getLocation().getQueryParameters().getParameters().containsKey("error")) {
            login.setError(true);
        }
    }
}
