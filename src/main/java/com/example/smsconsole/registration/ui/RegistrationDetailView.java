package com.example.smsconsole.registration.ui;

import com.example.smsconsole.aws.AwsCallException;
import com.example.smsconsole.common.ui.Notifications;
import com.example.smsconsole.common.ui.Times;
import com.example.smsconsole.common.ui.UiAccess;
import com.example.smsconsole.common.ui.ViewHeader;
import com.example.smsconsole.registration.FieldDefinition;
import com.example.smsconsole.registration.FieldValue;
import com.example.smsconsole.registration.Registration;
import com.example.smsconsole.registration.RegistrationForm;
import com.example.smsconsole.registration.RegistrationService;
import com.example.smsconsole.registration.RegistrationVersion;
import com.example.smsconsole.security.AppRoles;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One registration: status, the version timeline with status history, the newest version's field
 * values with the denial reasons that point at them, the actions its state allows, and the
 * configuration snippet once complete. Refreshes by itself while in review.
 */
@Route("registrations/:id")
@PageTitle("Registration")
@RolesAllowed({AppRoles.ADMIN})
class RegistrationDetailView extends VerticalLayout implements BeforeEnterObserver {

    final Span status = new Span();
    final Grid<RegistrationVersion> versions = new Grid<>();
    final Grid<FieldValue> values = new Grid<>();
    final Div denial = new Div();
    final Div complete = new Div();
    final Pre snippet = new Pre();
    final Button edit = new Button("Edit draft");
    final Button submit = new Button("Submit for review");
    final Button newVersion = new Button("Create new version");
    final Button discard = new Button("Discard draft");
    final Button delete = new Button("Delete");
    final Span refreshNote = new Span();

    private final RegistrationService service;
    private final ViewHeader header = new ViewHeader("Registration", "Status, versions and field values as AWS holds them.");
    private @Nullable String id;
    private @Nullable Registration registration;
    private Map<String, String> titles = Map.of();
    private @Nullable ScheduledFuture<?> timer;

    RegistrationDetailView(RegistrationService service) {
        this.service = service;
        addClassName("registration-detail-view");
        setWidthFull();
        add(header);
        status.addClassName("registration-status");
        refreshNote.addClassName("refresh-note");
        var statusBar = new HorizontalLayout(status, refreshNote);
        statusBar.setAlignItems(FlexComponent.Alignment.BASELINE);

        edit.addClickListener(e -> UI.getCurrent().navigate("registrations/edit", com.vaadin.flow.router.QueryParameters.of("id", requireId())));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(e -> act("Submitted for review.", () -> service.submit(requireId(), service.form(requireRegistration().type()))));
        newVersion.addClickListener(e -> act("New draft version created: edit it and submit it again.", () -> service.createVersion(requireId())));
        discard.addClickListener(e -> act("Draft version discarded.", () -> service.discardDraft(requireId())));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.addClickListener(e -> confirmDelete());
        var actions = new HorizontalLayout(edit, submit, newVersion, discard, delete);

        complete.addClassName("registration-complete");
        snippet.addClassName("infra-snippet");
        denial.addClassName("denial-reasons");

        versions.addColumn(RegistrationVersion::number).setHeader("Version").setAutoWidth(true).setFlexGrow(0);
        versions.addComponentColumn(v -> RegistrationBadges.status(v.status())).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        versions.addColumn(v -> v.history().entrySet().stream().map(h -> h.getKey() + " " + Times.format(h.getValue()))
                .collect(Collectors.joining(" → "))).setHeader("History").setFlexGrow(1);
        versions.setAllRowsVisible(true);

        values.addColumn(v -> titles.getOrDefault(v.fieldPath(), v.fieldPath())).setHeader("Field").setAutoWidth(true);
        values.addColumn(FieldValue::display).setHeader("Value").setFlexGrow(1)
                .setTooltipGenerator(FieldValue::display);
        values.addColumn(v -> v.deniedReason() == null ? "" : v.deniedReason()).setHeader("Denial reason").setFlexGrow(1);
        values.setPartNameGenerator(v -> v.deniedReason() == null ? null : "denied");
        values.setAllRowsVisible(true);

        add(statusBar, actions, complete, denial, new H3("Versions"), versions, new H3("Field values of the newest version"), values);
    }

    private String requireId() {
        return java.util.Objects.requireNonNull(id);
    }

    private Registration requireRegistration() {
        return java.util.Objects.requireNonNull(registration);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        id = event.getRouteParameters().get("id").orElse(null);
        reload();
    }

    void reload() {
        if (id == null) {
            return;
        }
        try {
            Optional<Registration> found = service.registration(id);
            if (found.isEmpty()) {
                registration = null;
                header.setTitle(id);
                status.setText("AWS does not know this registration (deleted?).");
                setActions(false, false, false, false, false);
                return;
            }
            Registration r = found.get();
            registration = r;
            if (titles.isEmpty()) {
                RegistrationForm form = service.form(r.type());
                titles = form.fields().stream().collect(Collectors.toMap(FieldDefinition::fieldPath, f -> f.title(), (a, b) -> a));
                header.setTitle(form.type().title() + " · " + r.id());
            }
            List<RegistrationVersion> all = service.versions(r.id());
            versions.setItems(all);
            values.setItems(service.fieldValues(r.id(), null));
            status.removeAll();
            status.add(new Span("Status "), RegistrationBadges.status(r.status()), new Span(" · version " + r.currentVersion()
                    + (r.approvedVersion() == null ? "" : " · approved version " + r.approvedVersion()) + " · created "
                    + Times.format(r.createdAt())));
            refreshNote.setText(r.inReview() ? "In review · refreshing every " + RegistrationListView.REFRESH_SECONDS + " s" : "");

            RegistrationVersion newest = all.isEmpty() ? null : all.getFirst();
            boolean draft = newest != null && newest.draft();
            boolean decided = newest != null && List.of("DENIED", "APPROVED", "DISCARDED", "REVOKED").contains(newest.status());
            setActions(draft, draft, decided, draft && newest.number() > 1, true);

            denial.removeAll();
            all.stream().filter(v -> "DENIED".equals(v.status())).findFirst().ifPresent(v -> {
                denial.add(new H3("Why version " + v.number() + " was denied"));
                var list = new UnorderedList();
                for (RegistrationVersion.DeniedReason reason : v.deniedReasons()) {
                    var item = new ListItem();
                    item.add(new Span(reason.reason() + ": " + reason.shortDescription()
                            + (reason.longDescription() == null ? "" : " " + reason.longDescription())));
                    if (reason.documentationLink() != null) {
                        var link = new Anchor(reason.documentationLink(), " " + Optional.ofNullable(reason.documentationTitle()).orElse("Documentation"));
                        link.setTarget("_blank");
                        item.add(link);
                    }
                    list.add(item);
                }
                denial.add(list);
                if (!decided || newest.number() == v.number()) {
                    denial.add(new Paragraph("The fields the reasons point at are marked below. Create a new version, correct them and submit again."));
                }
            });
            complete.removeAll();
            RegistrationService.infrastructureSnippet(r).ifPresent(text -> {
                snippet.setText(text);
                complete.add(new H3("Registration complete"),
                        new Paragraph("Registration id " + r.id() + ". Paste these lines into the environment's configuration (infra/<APP_NAME>/app-config/<environment>.tf), then run make infra-update-app-service:"),
                        snippet);
            });
        } catch (AwsCallException e) {
            Notifications.awsError(e);
        }
    }

    private void setActions(boolean canEdit, boolean canSubmit, boolean canVersion, boolean canDiscard, boolean canDelete) {
        edit.setVisible(canEdit);
        submit.setVisible(canSubmit);
        newVersion.setVisible(canVersion);
        discard.setVisible(canDiscard);
        delete.setVisible(canDelete);
    }

    private void act(String done, Runnable action) {
        try {
            action.run();
            Notifications.success(done);
        } catch (RegistrationService.InvalidFormException e) {
            Notifications.error(e.getMessage() + " Edit the draft to complete them.");
        } catch (AwsCallException e) {
            Notifications.awsError(e);
        }
        reload();
    }

    void confirmDelete() {
        var confirm = new ConfirmDialog("Delete " + id + "?",
                "AWS deletes the registration and every version; a number tied to it may stop sending.", "Delete",
                e -> {
                    try {
                        service.delete(requireId());
                        Notifications.success("Deleted " + id + ".");
                        UI.getCurrent().navigate(RegistrationListView.class);
                    } catch (AwsCallException ex) {
                        Notifications.awsError(ex);
                    }
                }, "Cancel", e -> { });
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    /** Every few seconds while in review. */
    void tick() {
        if (registration != null && registration.inReview()) {
            reload();
        }
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        Times.learnZone(attachEvent.getUI());
        UI ui = attachEvent.getUI();
        timer = UiAccess.every(ui, java.time.Duration.ofSeconds(RegistrationListView.REFRESH_SECONDS), this::tick);
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (timer != null) {
            timer.cancel(false);
        }
    }

    static RouteParameters parameters(String id) {
        return new RouteParameters("id", id);
    }
}
