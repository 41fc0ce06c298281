package com.example.smsconsole;

import com.example.smsconsole.aws.AwsCallException;
import com.example.smsconsole.common.ui.Notifications;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Shows any uncaught failure as a notification instead of a stack trace, and logs the detail with
 * a reference the user can quote: the last resort for failures no view caught (a view shows its
 * own with {@link com.example.smsconsole.common.ui.InlineMessage}, decision 012). AWS failures show
 * their plain-words message plus the error code and request id, worded as on the page. A browser that went away (closed tab, dropped connection: broken pipe, connection
 * reset, Tomcat's ClientAbortException, Jetty's EofException) or a page that was closed meanwhile
 * ({@link UIDetachedException}) is nobody's error: one debug line, no notification.
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
        Throwable gone = clientGone(event.getThrowable());
        if (gone != null) {
            log.debug("Client went away: {}", describe(gone));
            return;
        }
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
            try {
                ui.access(notification::run);
            } catch (UIDetachedException closed) {
                // the page was closed meanwhile: nobody to tell
            }
        }
    }

    /** Exception classes by name: the servlet container's, so the handler does not depend on Tomcat or Jetty. */
    private static final Set<String> CLIENT_ABORTS = Set.of("org.apache.catalina.connector.ClientAbortException",
            "org.eclipse.jetty.io.EofException", "org.eclipse.jetty.io.RuntimeIOException");

    /** The cause that says the browser or the page is gone, or null when the failure is a real one. */
    static @Nullable Throwable clientGone(@Nullable Throwable error) {
        Throwable current = error;
        for (int depth = 0; current != null && depth < 20; depth++) {
            if (current instanceof UIDetachedException || CLIENT_ABORTS.contains(current.getClass().getName())) {
                return current;
            }
            if (current instanceof IOException && current.getMessage() != null) {
                String message = current.getMessage().toLowerCase(Locale.ROOT);
                if (message.contains("broken pipe") || message.contains("connection reset by peer")
                        || message.contains("an established connection was aborted")) {
                    return current;
                }
            }
            current = current.getCause();
        }
        return null;
    }

    private static String describe(Throwable gone) {
        return gone.getClass().getSimpleName() + (gone.getMessage() == null ? "" : ": " + gone.getMessage());
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
