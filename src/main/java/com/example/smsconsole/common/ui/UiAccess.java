package com.example.smsconsole.common.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.Command;

/** Changes a page from work that may run on a background thread or on the thread holding the session. */
public final class UiAccess {

    private UiAccess() {
    }

    /** Runs the change at once when this thread holds the session lock, else queues it with {@link UI#access}. */
    public static void apply(UI ui, Command change) {
        if (ui.getSession().hasLock()) {
            change.execute();
        } else {
            ui.access(change);
        }
    }
}
