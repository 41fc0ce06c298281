package com.example.smsconsole.registration.ui;

import com.example.smsconsole.common.ui.ViewHeader;
import com.example.smsconsole.security.AppRoles;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** Sender registrations for phone numbers: build, submit and track them until AWS approves. */
@Route("registrations")
@PageTitle("Registrations")
@Menu(order = 1, icon = "vaadin:clipboard-check", title = "Registrations")
@RolesAllowed({AppRoles.ADMIN})
class RegistrationListView extends VerticalLayout {

    RegistrationListView() {
        addClassName("registrations-view");
        add(new ViewHeader("Registrations", "Sender registrations for phone numbers: build, submit and track them until AWS approves."));
    }
}
