package com.example.smsconsole.common.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** A view's heading with a one-line explanation and optional actions on the right. */
public class ViewHeader extends HorizontalLayout {

    private final H2 heading = new H2();

    public ViewHeader(String title, String explanation, Component... actions) {
        addClassName("view-header");
        setWidthFull();
        setAlignItems(FlexComponent.Alignment.END);
        var text = new VerticalLayout(heading, new Paragraph(explanation));
        heading.setText(title);
        text.setPadding(false);
        text.setSpacing(false);
        text.addClassName("view-header-text");
        add(text);
        expand(text);
        if (actions.length > 0) {
            var bar = new HorizontalLayout(actions);
            bar.addClassName("view-header-actions");
            add(bar);
        }
    }

    public void setTitle(String title) {
        heading.setText(title);
    }
}
