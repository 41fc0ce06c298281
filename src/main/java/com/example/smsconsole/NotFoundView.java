package com.example.smsconsole;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Shown, inside the console, for an address that is no page of the console (HTTP 404), whatever the
 * role: "access denied" is only for pages that exist and the role may not open.
 */
@ParentLayout(MainLayout.class)
@PageTitle("Page not found")
@AnonymousAllowed
class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    final Paragraph explanation = new Paragraph();

    NotFoundView() {
        addClassName("not-found");
        add(new H2("Page not found"), explanation, new Anchor("", "Go to the overview"));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        explanation.setText("The console has no page at '/" + event.getLocation().getPath()
                + "'. Check the address, or pick a page from the menu.");
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
