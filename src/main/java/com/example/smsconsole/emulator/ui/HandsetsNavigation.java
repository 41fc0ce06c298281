package com.example.smsconsole.emulator.ui;

import com.example.smsconsole.MainLayout;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.List;

/** The route of the simulated handsets view, registered while the emulator runs (and only then). */
public final class HandsetsNavigation implements VaadinServiceInitListener {

    public static final String PATH = "simulated-handsets";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        RouteConfiguration routes = RouteConfiguration.forApplicationScope();
        if (!routes.isPathAvailable(PATH)) {
            routes.setRoute(PATH, SimulatedHandsetsView.class, List.of(MainLayout.class));
        }
    }
}
