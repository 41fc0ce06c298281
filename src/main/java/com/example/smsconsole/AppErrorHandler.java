package com.example.smsconsole;

import com.example.smsconsole.aws.AwsCallException;
import com.example.smsconsole.common.ui.Notifications;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Shows any uncaught failure as a notification instead of a stack trace, and logs the detail with
 * a reference the user can quote. AWS failures show their plain-words message plus the error code
 * and request id.
 */
@Component
class AppErrorHandler implements ErrorHandler, VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(AppErrorHandler.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(e -> e.getSession().setErrorHandler(this));
    }

    @Override
    public void error(ErrorEvent event) {
        switch (rootOfInterest(event.getThrowable())) {
            case AwsCallException aws -> {
                log.warn("AWS call failed: {}", aws.getMessage());
                show(() -> Notifications.awsError(aws));
            }
            case AccessDeniedException denied -> {
                log.warn("Access denied: {}", denied.getMessage());
                show(() -> Notifications.error("You are not allowed to do that with your role."));
            }
            case Throwable other -> {
                String reference = UUID.randomUUID().toString().substring(0, 8);
                log.error("Unexpected error (reference {})", reference, other);
                show(() -> Notifications.error(
                        "Something went wrong. The details are in the server log under reference " + reference + "."));
            }
        }
    }

    private static void show(Runnable notification) {
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.access(notification::run);
        }
    }

    private static Throwable rootOfInterest(Throwable error) {
        Throwable current = error;
        while (current != null) {
            if (current instanceof AwsCallException || current instanceof AccessDeniedException) {
                return current;
            }
            current = current.getCause();
        }
        return error;
    }
}
