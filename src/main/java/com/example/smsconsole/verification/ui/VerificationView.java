package com.example.smsconsole.verification.ui;

import com.example.smsconsole.common.ui.ViewHeader;
import com.example.smsconsole.security.AppRoles;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** Destination numbers a sandbox account may text: add, send a code, verify. */
@Route("verification")
@PageTitle("Sandbox verification")
@Menu(order = 2, icon = "vaadin:mobile", title = "Sandbox verification")
@RolesAllowed({AppRoles.QA, AppRoles.ADMIN})
class VerificationView extends VerticalLayout {

    VerificationView() {
        addClassName("verification-view");
        add(new ViewHeader("Sandbox verification", "Destination numbers a sandbox account may text: add, send a code, verify."));
    }
}
