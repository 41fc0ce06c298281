package com.example.smsconsole.common.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.Command;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Changes a page from work that may run on a background thread or on the thread holding the session. */
public final class UiAccess {

    /** One timer thread for every page that refreshes itself; a tick only queues work on its page. */
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ui-timer");
        t.setDaemon(true);
        return t;
    });

    private UiAccess() {
    }

    /** Runs {@code tick} on the page every {@code period}, first after one period; cancel the result on detach. */
    public static ScheduledFuture<?> every(UI ui, Duration period, Command tick) {
        long millis = period.toMillis();
        return TIMER.scheduleWithFixedDelay(() -> ui.access(tick), millis, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * Runs the change at once when this thread holds the session lock, else queues it with {@link
     * UI#access}. A page that was closed meanwhile (its UI detached) is left alone.
     */
    public static void apply(UI ui, Command change) {
        VaadinSession session = ui.getSession();
        if (session == null) {
            return;
        }
        if (session.hasLock()) {
            change.execute();
        } else {
            try {
                ui.access(change);
            } catch (UIDetachedException e) {
                // the user left the page before the work finished: nothing to show
            }
        }
    }
}
