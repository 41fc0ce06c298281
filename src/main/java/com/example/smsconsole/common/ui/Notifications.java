package com.example.smsconsole.common.ui;

import com.example.smsconsole.aws.AwsCallException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/**
 * The console's pop-up notifications, for the application's error handler (bugs nobody caught). A
 * view shows the outcome of its own actions with {@link InlineMessage}, next to the control that
 * caused it, and never also as a pop-up.
 *
 * @see "Design decision: docs/decisions/012-20261201-on-page-messages-and-forms.md"
 */
public final class Notifications {

    private Notifications() {
    }

    public static Notification success(String text) {
        var n = Notification.show(text, 4000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        return n;
    }

    public static Notification info(String text) {
        return Notification.show(text, 4000, Notification.Position.BOTTOM_START);
    }

    public static Notification error(String text) {
        var n = new Notification();
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        n.setPosition(Notification.Position.MIDDLE);
        n.setDuration(0);
        n.add(closable(n, new Div(text)));
        n.open();
        return n;
    }

    /**
     * The plain-words message, then the AWS error code, reason and request id for support, as
     * {@link InlineMessage} words them: for a failure no view caught.
     */
    public static Notification awsError(AwsCallException e) {
        var n = new Notification();
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        n.setPosition(Notification.Position.MIDDLE);
        n.setDuration(0);
        var message = new Div(InlineMessage.words(e));
        var support = new Div(InlineMessage.supportText(e));
        support.addClassName("aws-error-support");
        n.add(closable(n, new Div(message, support)));
        n.open();
        return n;
    }

    private static HorizontalLayout closable(Notification n, Div content) {
        var close = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> n.close());
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        close.setAriaLabel("Close");
        var layout = new HorizontalLayout(content, close);
        layout.setAlignItems(FlexComponent.Alignment.START);
        return layout;
    }
}
