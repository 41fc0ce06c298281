package com.example.smsconsole.sending.ui;

import com.example.smsconsole.common.ui.ViewHeader;
import com.example.smsconsole.security.AppRoles;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** Compose a test text, see its encoding, parts and cost, send it and watch its delivery events. */
@Route("test-send")
@PageTitle("Test send")
@Menu(order = 3, icon = "vaadin:paperplane", title = "Test send")
@RolesAllowed({AppRoles.QA, AppRoles.ADMIN})
class TestSendView extends VerticalLayout {

    TestSendView() {
        addClassName("test-send-view");
        add(new ViewHeader("Test send", "Compose a test text, see its encoding, parts and cost, send it and watch its delivery events."));
    }
}
