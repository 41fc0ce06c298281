package com.example.smsconsole.common.ui;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Work a page starts but must not wait for (a look-up that may be slow): it runs on a shared pool
 * of daemon threads with the signed-in user's security context, so service role rules still apply.
 */
public final class Background {

    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "ui-background");
        t.setDaemon(true);
        return t;
    });

    private Background() {
    }

    /**
     * An executor that runs each task on the shared pool as the user who handed it over. Views keep
     * it in a package-private field, so a view test can put a direct executor in its place.
     */
    public static Executor asCurrentUser() {
        return task -> {
            SecurityContext context = SecurityContextHolder.getContext();
            POOL.execute(() -> {
                SecurityContext previous = SecurityContextHolder.getContext();
                SecurityContextHolder.setContext(context);
                try {
                    task.run();
                } finally {
                    SecurityContextHolder.setContext(previous);
                }
            });
        };
    }
}
