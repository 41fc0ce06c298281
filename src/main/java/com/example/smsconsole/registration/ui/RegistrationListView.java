package com.example.smsconsole.registration.ui;

import com.example.smsconsole.aws.AwsCallException;
import com.example.smsconsole.common.ui.InlineMessage;
import com.example.smsconsole.common.ui.Times;
import com.example.smsconsole.common.ui.UiAccess;
import com.example.smsconsole.common.ui.ViewHeader;
import com.example.smsconsole.registration.Registration;
import com.example.smsconsole.registration.RegistrationService;
import com.example.smsconsole.registration.RegistrationType;
import com.example.smsconsole.security.AppRoles;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;

/**
 * Every registration of the account with its status and versions, filtered by status and type;
 * refreshes by itself while any is in review.
 */
@Route("registrations")
@PageTitle("Registrations")
@Menu(order = 1, icon = "vaadin:clipboard-check", title = "Registrations")
@RolesAllowed({AppRoles.ADMIN})
class RegistrationListView extends VerticalLayout {

    static final int REFRESH_SECONDS = 5;

    final ComboBox<String> status = new ComboBox<>("Status");
    final ComboBox<String> type = new ComboBox<>("Type");
    final Grid<Registration> grid = new Grid<>();
    final Span refreshNote = new Span();
    /** Failures of reading from AWS, once, under the header (decision 012). */
    final InlineMessage pageMessage = new InlineMessage();
    private boolean listFailed;
    private final RegistrationService service;
    private Map<String, String> typeTitles = new LinkedHashMap<>();
    /** Name tag or company per registration id, read once per page (a rename shows after navigating back). */
    private final Map<String, String> names = new HashMap<>();
    private @Nullable ScheduledFuture<?> timer;
    private int ticks;

    RegistrationListView(RegistrationService service) {
        this.service = service;
        addClassName("registrations-view");
        setWidthFull();
        var create = new Button("New registration", e -> UI.getCurrent().navigate(RegistrationEditView.class));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new ViewHeader("Registrations", "Sender registrations: build them, submit them and follow them until AWS approves.", create), pageMessage);

        List<String> statuses = new ArrayList<>(new TreeSet<>(Registration.KNOWN_STATUSES));
        status.setItems(statuses);
        status.setClearButtonVisible(true);
        status.setPlaceholder("Any status");
        status.addValueChangeListener(e -> reload());
        type.setClearButtonVisible(true);
        type.setPlaceholder("Any type");
        type.setWidth("22em");
        type.setItemLabelGenerator(t -> typeTitles.getOrDefault(t, t));
        type.addValueChangeListener(e -> reload());
        refreshNote.addClassName("refresh-note");
        var filters = new HorizontalLayout(status, type, refreshNote);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(filters);

        grid.addColumn(r -> names.getOrDefault(r.id(), "")).setHeader("Name or company").setWidth("8em").setFlexGrow(2);
        grid.addColumn(Registration::id).setHeader("Registration").setWidth("10em").setFlexGrow(1);
        grid.addColumn(r -> typeTitles.getOrDefault(r.type(), r.type())).setHeader("Type").setWidth("8em").setFlexGrow(1);
        grid.addComponentColumn(r -> RegistrationBadges.status(r.status())).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> "v" + r.currentVersion() + (r.approvedVersion() == null ? "" : " (approved v" + r.approvedVersion() + ")"))
                .setHeader("Version").setWidth("6em").setFlexGrow(1);
        grid.addColumn(r -> Times.format(r.createdAt())).setHeader("Created").setWidth("7em").setFlexGrow(1);
        grid.addItemClickListener(e -> UI.getCurrent().navigate(RegistrationDetailView.class, RegistrationDetailView.parameters(e.getItem().id())));
        grid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        add(grid);

        try {
            for (RegistrationType t : service.types()) {
                typeTitles.put(t.type(), t.title());
            }
            type.setItems(typeTitles.keySet());
        } catch (AwsCallException e) {
            pageMessage.error(e);
        }
        reload();
    }

    /** Reads the registrations again; returns whether any is in review. */
    boolean reload() {
        List<Registration> registrations;
        try {
            registrations = new ArrayList<>(service.registrations(status.getValue(), type.getValue()));
        } catch (AwsCallException e) {
            // the grid says the list is unknown, not that it is empty; the message above it says why
            grid.setItems(List.of());
            grid.setEmptyStateText("The registrations could not be read from AWS.");
            pageMessage.error(e);
            listFailed = true;
            return false;
        }
        if (listFailed) {
            pageMessage.clear();
            listFailed = false;
        }
        registrations.sort((a, b) -> b.createdAt().compareTo(a.createdAt()));
        for (Registration r : registrations) {
            if (!names.containsKey(r.id())) {
                try {
                    names.put(r.id(), service.name(r));
                } catch (AwsCallException e) {
                    names.put(r.id(), "");
                }
            }
        }
        grid.setEmptyStateText(status.getValue() == null && type.getValue() == null ? "No registrations yet."
                : "No registration matches the filters.");
        grid.setItems(registrations);
        long inReview = registrations.stream().filter(Registration::inReview).count();
        refreshNote.setText(inReview == 0 ? "" : inReview + " in review · refreshing every " + REFRESH_SECONDS + " s");
        return inReview > 0;
    }

    /** Every few seconds: reads again while any registration is in review. */
    void tick() {
        if (!refreshNote.getText().isEmpty()) {
            reload();
        } else if (++ticks % 6 == 0) {
            reload();
        }
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        Times.learnZone(attachEvent.getUI());
        UI ui = attachEvent.getUI();
        timer = UiAccess.every(ui, java.time.Duration.ofSeconds(REFRESH_SECONDS), this::tick);
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (timer != null) {
            timer.cancel(false);
        }
    }
}
