package com.example.smsconsole.deliverylog.ui;

import com.example.smsconsole.common.ui.ViewHeader;
import com.example.smsconsole.security.AppRoles;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** Delivery receipts ingested from CloudWatch Logs, searchable by number, type, message id and time. */
@Route("delivery-history")
@PageTitle("Delivery history")
@Menu(order = 4, icon = "vaadin:search", title = "Delivery history")
@RolesAllowed({AppRoles.SUPPORT, AppRoles.QA, AppRoles.ADMIN})
class DeliveryHistoryView extends VerticalLayout {

    DeliveryHistoryView() {
        addClassName("delivery-history-view");
        add(new ViewHeader("Delivery history", "Delivery receipts ingested from CloudWatch Logs, searchable by number, type, message id and time."));
    }
}
