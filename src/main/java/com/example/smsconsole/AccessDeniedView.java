package com.example.smsconsole;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/** Shown instead of a view the signed-in user's role may not open (HTTP 403). */
@ParentLayout(MainLayout.class)
@PageTitle("Access denied")
@AnonymousAllowed
class AccessDeniedView extends VerticalLayout implements HasErrorParameter<AccessDeniedException> {

    final Paragraph explanation = new Paragraph();

    AccessDeniedView() {
        addClassName("access-denied");
        add(new H2("Access denied"), explanation, new Anchor("", "Back to the start page"));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        explanation.setText("Your role may not open '/" + event.getLocation().getPath()
                + "'. Ask an admin if you need it.");
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
