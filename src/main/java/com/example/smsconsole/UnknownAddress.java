package com.example.smsconsole;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.component.html.Div;
import jakarta.annotation.security.PermitAll;

/**
 * Every address that is no page of the console, for a signed-in user of any role: it shows {@link
 * NotFoundView} inside the console. Without it, Vaadin's security configuration denies every request
 * that is not a route ({@code anyRequest().denyAll()}), so a mistyped address got a bare HTTP 403
 * from Spring Security with no page at all, even for an admin. The router prefers every real route
 * (fixed segments, then parameters) over this wildcard, so it catches only what nothing else takes;
 * someone not signed in is sent to the login first, like for any page.
 */
@Route(":path*")
@PermitAll
class UnknownAddress extends Div implements BeforeEnterObserver {

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.rerouteToError(NotFoundException.class, event.getLocation().getPath());
    }
}
