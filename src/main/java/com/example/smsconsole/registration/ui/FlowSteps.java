package com.example.smsconsole.registration.ui;

import com.example.smsconsole.registration.RegistrationFlow;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Span;
import java.util.Locale;

/** The steps of a registration in order, with where the admin is ("Step 2 of 3: associate a toll-free number"). */
class FlowSteps extends Div {

    final H3 where = new H3();
    final OrderedList list = new OrderedList();

    FlowSteps() {
        addClassName("registration-steps");
        where.addClassName("registration-steps-where");
        add(where, list);
        setVisible(false);
    }

    void show(RegistrationFlow flow) {
        where.setText(flow.where());
        list.removeAll();
        for (RegistrationFlow.Step step : flow.steps()) {
            var item = new ListItem();
            item.addClassName("step");
            item.addClassName("step-" + step.state().name().toLowerCase(Locale.ROOT));
            item.getElement().setAttribute("data-state", step.state().name());
            var title = new Span(step.title());
            title.addClassName("step-title");
            var state = new Span(switch (step.state()) {
                case DONE -> "done";
                case CURRENT -> "you are here";
                case WAITING -> "waiting for AWS";
                case TODO -> "later";
            });
            state.addClassName("step-state");
            var detail = new Span(step.detail());
            detail.addClassName("step-detail");
            item.add(title, state, detail);
            list.add(item);
        }
        setVisible(true);
    }

    String text() {
        return getElement().getTextRecursively();
    }
}
