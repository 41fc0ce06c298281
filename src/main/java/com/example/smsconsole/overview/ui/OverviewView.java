package com.example.smsconsole.overview.ui;

import com.example.smsconsole.common.ui.ViewHeader;
import com.example.smsconsole.security.AppRoles;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** Setup check, numbers and pools, delivery at a glance. */
@Route("")
@PageTitle("Overview")
@Menu(order = 0, icon = "vaadin:dashboard", title = "Overview")
@RolesAllowed({AppRoles.SUPPORT, AppRoles.QA, AppRoles.ADMIN})
class OverviewView extends VerticalLayout {

    OverviewView() {
        addClassName("overview-view");
        add(new ViewHeader("Overview", "Setup check, numbers and pools, delivery at a glance."));
    }
}
