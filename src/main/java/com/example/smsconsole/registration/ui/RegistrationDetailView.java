package com.example.smsconsole.registration.ui;

import com.example.smsconsole.aws.AwsCallException;
import com.example.smsconsole.common.ui.Forms;
import com.example.smsconsole.common.ui.InlineMessage;
import com.example.smsconsole.common.ui.Notifications;
import com.example.smsconsole.common.ui.Times;
import com.example.smsconsole.common.ui.UiAccess;
import com.example.smsconsole.common.ui.ViewHeader;
import com.example.smsconsole.registration.Association;
import com.example.smsconsole.registration.DeletionCheck;
import com.example.smsconsole.registration.FieldDefinition;
import com.example.smsconsole.registration.FieldValue;
import com.example.smsconsole.registration.Registration;
import com.example.smsconsole.registration.RegistrationFlow;
import com.example.smsconsole.registration.RegistrationForm;
import com.example.smsconsole.registration.RegistrationService;
import com.example.smsconsole.registration.RegistrationType;
import com.example.smsconsole.registration.RegistrationVersion;
import com.example.smsconsole.registration.SupportedAssociation;
import com.example.smsconsole.security.AppRoles;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
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
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * One registration: status and the steps of its type with where it is; the actions its state
 * allows; the resources associated with it (each number or registration with its status and a
 * link to it) and the association its current step needs; the denial being fixed, with its
 * reasons at the fields they point at; the version timeline; and the infrastructure lines that
 * fit its type once complete. Refreshes by itself while in review.
 */
@Route("registrations/:id")
@PageTitle("Registration")
@RolesAllowed({AppRoles.ADMIN})
class RegistrationDetailView extends VerticalLayout implements BeforeEnterObserver {

    /** The Overview's query parameter that selects a number in its numbers table. */
    static final String OVERVIEW_NUMBER_PARAMETER = "number";

    private static final Executor VERSIONS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "registration-version");
        t.setDaemon(true);
        return t;
    });

    final Span status = new Span();
    final FlowSteps steps = new FlowSteps();
    final Grid<RegistrationVersion> versions = new Grid<>();
    final Grid<FieldValue> values = new Grid<>();
    final Grid<Association> associated = new Grid<>();
    final H3 valuesTitle = new H3("Field values of the newest version");
    final Div associationPanels = new Div();
    final Div denial = new Div();
    final Div next = new Div();
    final Div complete = new Div();
    final Pre snippet = new Pre();
    final Paragraph snippetExplanation = new Paragraph();
    final Button edit = new Button("Edit draft");
    final Button submit = new Button("Submit for review");
    final Button newVersion = new Button("Create new version");
    final Button discard = new Button("Discard draft");
    final Button refill = new Button();
    final Button rename = new Button("Rename…");
    final Button delete = new Button("Delete…");
    final Span refreshNote = new Span();
    /** The outcome of the actions above (submit, new version, discard, rename, delete), once, right under them (decision 012). */
    final InlineMessage actionMessage = new InlineMessage();
    final ProgressBar progress = new ProgressBar();
    final List<AssociationPanel> panels = new ArrayList<>();
    /** The open delete confirmation and its destructive button, for tests. */
    @Nullable Dialog deleteDialog;
    @Nullable Button deleteConfirm;
    /** The open rename dialog, its field, its Save button and its message, for tests. */
    @Nullable Dialog renameDialog;
    @Nullable TextField renameField;
    @Nullable Button renameSave;
    @Nullable InlineMessage renameMessage;
    Executor versionExecutor = VERSIONS;

    private final RegistrationService service;
    private final ViewHeader header = new ViewHeader("Registration", "Status, steps, associated resources, versions and field values as AWS holds them.");
    /** Failures of reading from AWS, once, under the header (decision 012). */
    final InlineMessage pageMessage = new InlineMessage();
    private @Nullable String id;
    private RegistrationService.@Nullable RegistrationState state;
    private @Nullable String panelsFor;
    private Map<String, FieldDefinition> definitions = Map.of();
    private Map<String, String> fieldDenials = Map.of();
    private @Nullable ScheduledFuture<?> timer;

    RegistrationDetailView(RegistrationService service) {
        this.service = service;
        addClassName("registration-detail-view");
        setWidthFull();
        add(header, pageMessage);
        status.addClassName("registration-status");
        refreshNote.addClassName("refresh-note");
        var statusBar = new HorizontalLayout(status, refreshNote);
        statusBar.setAlignItems(FlexComponent.Alignment.BASELINE);

        edit.addClickListener(e -> UI.getCurrent().navigate("registrations/edit", QueryParameters.of("id", requireId())));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(e -> submit());
        newVersion.addClickListener(e -> createVersion(false));
        refill.addClickListener(e -> createVersion(true));
        discard.addClickListener(e -> act("Draft version discarded.", () -> service.discardDraft(requireId())));
        rename.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        rename.addClickListener(e -> openRename());
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        delete.addClickListener(e -> confirmDelete());
        progress.setVisible(false);
        progress.setWidth("14em");
        actionMessage.addClassName("registration-action-message");
        var actions = new HorizontalLayout(edit, submit, newVersion, refill, discard, rename, delete, progress);
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        actions.addClassName("registration-actions");
        actions.getStyle().set("flex-wrap", "wrap");

        complete.addClassName("registration-complete");
        snippet.addClassName("infra-snippet");
        snippetExplanation.addClassName("infra-explanation");
        denial.addClassName("denial-reasons");
        next.addClassName("registration-next");

        associated.addClassName("associated-resources");
        associated.addColumn(a -> Optional.ofNullable(a.phoneNumber()).orElse(a.resourceId())).setHeader("Resource").setAutoWidth(true)
                .setFlexGrow(0);
        associated.addColumn(this::kind).setHeader("Kind").setAutoWidth(true).setFlexGrow(0);
        associated.addComponentColumn(a -> a.status() == null ? new Span("unknown") : RegistrationBadges.status(a.status()))
                .setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        associated.addComponentColumn(this::link).setHeader("Open").setAutoWidth(true).setFlexGrow(0);
        associated.addColumn(Association::resourceArn).setHeader("ARN").setFlexGrow(1);
        associated.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        associated.setAllRowsVisible(true);
        associated.setEmptyStateText("Nothing is associated with this registration.");
        associationPanels.addClassName("association-panels");

        versions.addColumn(RegistrationVersion::number).setHeader("Version").setAutoWidth(true).setFlexGrow(0);
        versions.addComponentColumn(v -> RegistrationBadges.status(v.status())).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        versions.addColumn(v -> v.history().entrySet().stream().map(h -> h.getKey() + " " + Times.format(h.getValue()))
                .collect(Collectors.joining(" → "))).setHeader("History").setFlexGrow(2);
        versions.addColumn(v -> v.deniedReasons().stream().map(r -> r.reason() + ": " + r.shortDescription()).collect(Collectors.joining("; ")))
                .setHeader("Denial reasons").setKey("reasons").setFlexGrow(2);
        versions.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        versions.setAllRowsVisible(true);

        values.addColumn(v -> Optional.ofNullable(definitions.get(v.fieldPath())).map(FieldDefinition::title).orElse(v.fieldPath()))
                .setHeader("Field").setAutoWidth(true).setFlexGrow(0);
        values.addColumn(this::display).setHeader("Value").setFlexGrow(2);
        values.addColumn(v -> fieldDenials.getOrDefault(v.fieldPath(), "")).setHeader("Denial reason").setKey("denial").setFlexGrow(1);
        values.setPartNameGenerator(v -> fieldDenials.containsKey(v.fieldPath()) ? "denied" : null);
        values.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        values.setAllRowsVisible(true);

        add(statusBar, steps, actions, actionMessage, denial, complete, next, new H3("Associated resources"), associated, associationPanels,
                new H3("Versions"), versions, valuesTitle, values);
    }

    private String requireId() {
        return Objects.requireNonNull(id);
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
            Optional<RegistrationService.RegistrationState> found = service.state(id);
            if (found.isEmpty()) {
                state = null;
                header.setTitle(id);
                status.setText("AWS does not know this registration (deleted?).");
                setActions(false, false, false, false, false);
                return;
            }
            RegistrationService.RegistrationState s = found.get();
            state = s;
            Registration r = s.registration();
            definitions = s.form().fields().stream().collect(Collectors.toMap(FieldDefinition::fieldPath, f -> f, (a, b) -> a));
            fieldDenials = s.fieldDenials();
            header.setTitle((s.name().isBlank() ? s.type().title() : s.name() + " · " + s.type().title()) + " · " + r.id());
            status.removeAll();
            status.add(new Span("Status "), RegistrationBadges.status(r.status()), new Span(" · version " + r.currentVersion()
                    + (r.approvedVersion() == null ? "" : " · approved version " + r.approvedVersion()) + " · created "
                    + Times.format(r.createdAt())));
            refreshNote.setText(r.inReview() ? "In review · refreshing every " + RegistrationListView.REFRESH_SECONDS + " s" : "");
            steps.show(s.flow());

            RegistrationVersion newest = s.newest().orElse(null);
            boolean draft = newest != null && newest.draft();
            boolean decided = newest != null && List.of("DENIED", "APPROVED", "DISCARDED", "REVOKED", "ARCHIVED").contains(newest.status());
            setActions(draft, draft, decided, draft && newest.number() > 1, true);
            refill.setVisible(s.missingFromPrevious() > 0 && s.previousVersion() != null);
            refill.setText("Copy " + s.missingFromPrevious() + " missing value(s) from version " + s.previousVersion());

            versions.setItems(s.versions());
            values.setItems(s.values());
            valuesTitle.setText(newest == null ? "Field values" : "Field values of version " + newest.number()
                    + " (" + newest.status().toLowerCase(java.util.Locale.ROOT) + ")");
            associated.setItems(s.associations());
            showPanels(s);
            showDenial(s);
            showNext(s);
            showSnippet(s);
        } catch (AwsCallException e) {
            pageMessage.error(e);
        }
    }

    /** The association the current step needs: before submit while a draft, after completion once complete. */
    private void showPanels(RegistrationService.RegistrationState s) {
        List<SupportedAssociation> needed = new ArrayList<>();
        for (RegistrationFlow.Step step : s.flow().steps()) {
            if (step.association() != null && step.state() != RegistrationFlow.State.DONE
                    && (step.kind() == RegistrationFlow.Kind.ASSOCIATE && s.newest().map(RegistrationVersion::draft).orElse(false)
                    || step.kind() == RegistrationFlow.Kind.ASSOCIATE_AFTER && s.registration().complete())) {
                needed.add(step.association());
            }
        }
        String key = needed.toString();
        if (key.equals(panelsFor)) {
            return;
        }
        panelsFor = key;
        associationPanels.removeAll();
        panels.clear();
        for (SupportedAssociation a : needed) {
            var panel = new AssociationPanel(service, s.type(), a, () -> id, this::reload, null);
            panels.add(panel);
            associationPanels.add(panel);
        }
    }

    private void showDenial(RegistrationService.RegistrationState s) {
        denial.removeAll();
        Long deniedNumber = s.deniedVersion();
        if (deniedNumber == null) {
            denial.setVisible(false);
            return;
        }
        s.versions().stream().filter(v -> v.number() == deniedNumber).findFirst().ifPresent(v -> {
            denial.add(new H3("Why version " + v.number() + " was denied"));
            var list = new UnorderedList();
            for (RegistrationVersion.DeniedReason reason : v.deniedReasons()) {
                var item = new ListItem();
                item.add(new Span(reason.reason() + ": " + reason.shortDescription()
                        + (reason.longDescription() == null ? "" : " " + reason.longDescription())));
                // the link is AWS's answer: only a web address becomes a link (a javascript: one would run on click)
                if (reason.documentationLink() != null && reason.documentationLink().matches("(?i)https?://\\S+")) {
                    var link = new Anchor(reason.documentationLink(), " " + Optional.ofNullable(reason.documentationTitle()).orElse("Documentation"));
                    link.setTarget("_blank");
                    item.add(link);
                } else if (reason.documentationLink() != null) {
                    item.add(new Span(" " + Optional.ofNullable(reason.documentationTitle()).orElse("Documentation") + ": " + reason.documentationLink()));
                }
                list.add(item);
            }
            denial.add(list);
            boolean fixing = s.newest().map(RegistrationVersion::draft).orElse(false);
            denial.add(new Paragraph(fixing ? "Version " + s.newest().get().number() + " is the draft that fixes it: the reasons that point at a "
                    + "field are marked in the field values below and in the edit form." : "Create a new version: the console carries the values "
                    + "over, and marks the fields the reasons point at in the edit form."));
        });
        denial.setVisible(true);
    }

    /** After a brand is approved: its campaign (and optional vetting) are the next registrations. */
    private void showNext(RegistrationService.RegistrationState s) {
        next.removeAll();
        if (!s.registration().complete() || !RegistrationType.US_TEN_DLC_BRAND.equals(s.type().type())) {
            next.setVisible(false);
            return;
        }
        String brand = s.registration().id();
        var campaign = new Button("Register a 10DLC campaign for this brand", e -> UI.getCurrent().navigate("registrations/edit",
                QueryParameters.simple(Map.of("type", RegistrationType.US_TEN_DLC_CAMPAIGN, "associate", brand))));
        campaign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var vetting = new Button("Request brand vetting (optional)", e -> UI.getCurrent().navigate("registrations/edit",
                QueryParameters.simple(Map.of("type", RegistrationType.US_TEN_DLC_BRAND_VETTING, "associate", brand))));
        next.add(new H3("Next"), new Paragraph("The brand is approved. A 10DLC number sends for a campaign of an approved brand: register the "
                + "campaign (vetting first raises the brand's sending limits, for a fee)."), new HorizontalLayout(campaign, vetting));
        next.setVisible(true);
    }

    private void showSnippet(RegistrationService.RegistrationState s) {
        complete.removeAll();
        if (!s.registration().complete()) {
            complete.setVisible(false);
            return;
        }
        snippetExplanation.setText(s.snippet().explanation());
        complete.add(new H3("Infrastructure configuration"), snippetExplanation);
        if (s.snippet().text() != null) {
            snippet.setText(s.snippet().text());
            complete.add(new Paragraph("Paste these lines into the environment's configuration (infra/<APP_NAME>/app-config/<environment>.tf), "
                    + "then run make infra-update-app-service:"), snippet);
        } else {
            snippet.setText("");
        }
        complete.setVisible(true);
    }

    private String kind(Association a) {
        return switch (a.kind()) {
            case PHONE_NUMBER -> switch (a.resourceType()) {
                case "TOLL_FREE" -> "Toll-free number";
                case "TEN_DLC" -> "10DLC number";
                default -> "Phone number (" + a.resourceType() + ")";
            };
            case REGISTRATION -> "Registration";
            case OTHER -> a.resourceType();
        };
    }

    /** A number opens in the Overview's numbers ({@code ?number=<PhoneNumberId>}); a registration opens its own page. */
    private Component link(Association a) {
        return switch (a.kind()) {
            case PHONE_NUMBER -> {
                var anchor = new Anchor("./?" + OVERVIEW_NUMBER_PARAMETER + "=" + URLEncoder.encode(a.resourceId(), StandardCharsets.UTF_8),
                        "In Overview");
                anchor.addClassName("overview-link");
                yield anchor;
            }
            case REGISTRATION -> new Anchor("registrations/" + URLEncoder.encode(a.resourceId(), StandardCharsets.UTF_8), "Registration");
            case OTHER -> new Span("");
        };
    }

    /** Choices by the definition's display text; attachments by id. */
    private String display(FieldValue v) {
        FieldDefinition field = definitions.get(v.fieldPath());
        if (field != null && !v.selectChoices().isEmpty()) {
            return String.join(", ", v.selectChoices().stream().map(c -> field.optionTitles().getOrDefault(c, c)).toList());
        }
        return v.display();
    }

    private void setActions(boolean canEdit, boolean canSubmit, boolean canVersion, boolean canDiscard, boolean canDelete) {
        refill.setVisible(false);
        edit.setVisible(canEdit);
        submit.setVisible(canSubmit);
        newVersion.setVisible(canVersion);
        discard.setVisible(canDiscard);
        rename.setVisible(canDelete);
        delete.setVisible(canDelete);
    }

    private void submit() {
        RegistrationService.RegistrationState s = state;
        if (s == null) {
            return;
        }
        try {
            service.submit(requireId(), s.form());
            actionMessage.success("Submitted for review.");
        } catch (RegistrationService.InvalidFormException e) {
            actionMessage.error("Not submitted: " + e.getMessage() + " Edit the draft to complete them.");
        } catch (RegistrationService.MissingAssociationException e) {
            actionMessage.error(e.getMessage());
        } catch (AwsCallException e) {
            actionMessage.error("Not submitted:", e, "");
        }
        reload();
    }

    /**
     * A new draft version made whole from the version it replaces (or, with {@code onlyRefill}, the
     * existing draft completed), on a background thread with progress.
     */
    void createVersion(boolean onlyRefill) {
        RegistrationService.RegistrationState s = state;
        if (s == null) {
            return;
        }
        String registrationId = requireId();
        RegistrationForm form = s.form();
        newVersion.setEnabled(false);
        refill.setEnabled(false);
        progress.setVisible(true);
        progress.setValue(0);
        actionMessage.info(onlyRefill ? "Comparing the draft with the version before it…" : "Creating a new version…");
        UI ui = UI.getCurrent();
        SecurityContext auth = SecurityContextHolder.getContext();
        versionExecutor.execute(() -> {
            SecurityContext previous = SecurityContextHolder.getContext();
            SecurityContextHolder.setContext(auth);
            try {
                RegistrationService.Progress shown = (done, total, field) -> UiAccess.apply(ui, () -> {
                    progress.setValue(total == 0 ? 1 : (double) done / total);
                    if (!field.isEmpty()) {
                        actionMessage.info("Copying field " + (done + 1) + " of " + total + " into the new version: "
                                + form.field(field).map(FieldDefinition::title).orElse(field));
                    }
                });
                RegistrationService.Refill made = onlyRefill ? service.refill(registrationId, form, shown)
                        : service.createVersion(registrationId, form, shown);
                UiAccess.apply(ui, () -> {
                    progress.setVisible(false);
                    newVersion.setEnabled(true);
                    refill.setEnabled(true);
                    actionMessage.success((onlyRefill ? "Version " + made.version() + " completed" : "Version " + made.version() + " created")
                            + ": it already held " + made.heldByAws() + " value(s) of version " + made.copiedFrom() + ", the console wrote "
                            + made.written() + "."
                            + (made.skipped().isEmpty() ? "" : " Not carried over (no longer in the form): " + String.join(", ", made.skipped()) + ".")
                            + " Edit the draft to correct the marked fields.");
                    reload();
                });
            } catch (AwsCallException e) {
                UiAccess.apply(ui, () -> {
                    progress.setVisible(false);
                    newVersion.setEnabled(true);
                    refill.setEnabled(true);
                    actionMessage.error("Stopped:", e, "What AWS holds is kept; copy the missing values again.");
                    reload();
                });
            } catch (IllegalArgumentException e) {
                UiAccess.apply(ui, () -> {
                    progress.setVisible(false);
                    newVersion.setEnabled(true);
                    refill.setEnabled(true);
                    actionMessage.error(e.getMessage());
                    reload();
                });
            } finally {
                SecurityContextHolder.setContext(previous);
            }
        });
    }

    private void act(String done, Runnable action) {
        if (actionMessage.run(action)) {
            actionMessage.success(done);
        }
        reload();
    }

    /** The rename dialog's form: the name as typed. */
    static final class RenameForm {
        String name = "";
    }

    /** The service's rule for a name (RegistrationService#rename), checked as the admin types. */
    private static ValidationResult nameLength(@Nullable String value) {
        int length = value == null ? 0 : value.strip().length();
        return length <= 256 ? ValidationResult.ok() : ValidationResult.error("A name has at most 256 characters (now " + length + ").");
    }

    private void openRename() {
        RegistrationService.RegistrationState s = state;
        if (s == null) {
            return;
        }
        var dialog = new Dialog();
        dialog.setHeaderTitle("Rename " + s.registration().id());
        dialog.addClassName("rename-dialog");
        var field = new TextField("Name");
        field.setWidth("24em");
        field.setHelperText("AWS keeps it as the registration's Name tag; it does not need a new version. Empty removes it.");
        // the field says what is wrong with the name; an AWS refusal puts its short words there and the support details below
        var message = new InlineMessage();
        var serverErrors = new Forms.ServerErrors();
        serverErrors.clearOnChange("name", field);
        var binder = new Binder<RenameForm>();
        binder.forField(field).withValidator((v, c) -> nameLength(v)).withValidator(serverErrors.validator("name"))
                .bind(f -> f.name, (f, v) -> f.name = v == null ? "" : v);
        var form = new RenameForm();
        form.name = s.name();
        binder.setBean(form);
        var save = new Button("Save", e -> {
            serverErrors.clear();
            message.clear();
            if (!Forms.check(binder)) {
                return;
            }
            try {
                service.rename(s.registration(), form.name);
                dialog.close();
                actionMessage.success("Renamed.");
                reload();
            } catch (IllegalArgumentException ex) {
                serverErrors.put("name", ex.getMessage());
                Forms.check(binder);
            } catch (AwsCallException ex) {
                message.atField(field, ex);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(field, message));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        renameDialog = dialog;
        renameField = field;
        renameSave = save;
        renameMessage = message;
        dialog.open();
        field.focus();
    }

    /**
     * The delete confirmation, from what is associated now (ListRegistrationAssociations) and the
     * type's disassociation behaviour ({@link DeletionCheck}): while a resource must be disassociated
     * first, it names each one and what to do, and the destructive button is disabled; otherwise it
     * says what AWS does with each associated resource. The focus starts on Cancel, not on the
     * destructive button.
     */
    void confirmDelete() {
        RegistrationService.RegistrationState s = state;
        var dialog = new Dialog();
        dialog.addClassName("delete-dialog");
        dialog.setHeaderTitle("Delete " + id + "?");
        List<Association> associations = s == null ? List.of() : s.associations();
        try {
            associations = service.associations(requireId());
        } catch (AwsCallException ex) {
            dialog.add(new InlineMessage().error("What is associated could not be read again:", ex, "Shown as of the last refresh."));
        }
        DeletionCheck check = DeletionCheck.of(s == null ? RegistrationType.unknown("") : s.type(), associations);
        var cancel = new Button("Cancel", e -> dialog.close());
        var go = new Button("Delete", e -> {
            try {
                service.delete(requireId());
                dialog.close();
                Notifications.success("Deleted " + id + ".");
                UI.getCurrent().navigate(RegistrationListView.class);
            } catch (AwsCallException ex) {
                dialog.close();
                actionMessage.error("Not deleted:", ex, "");
            }
        });
        if (!check.allowed()) {
            dialog.add(new Paragraph("AWS does not delete this registration while these are associated with it; its type says they must be "
                    + "disassociated first:"));
            var list = new UnorderedList();
            check.mustGoFirst().forEach(i -> list.add(deleteItem(i.association(), firstStep(i.association()))));
            list.addClassName("delete-first");
            dialog.add(list);
            if (check.mustGoFirst().stream().anyMatch(i -> DeletionCheck.CLOSES_REGISTRATION.equals(i.behavior()))) {
                dialog.add(new Paragraph("Once its last number is released, AWS closes the registration (its disassociation behaviour is "
                        + DeletionCheck.CLOSES_REGISTRATION + "); then Delete is offered here."));
            }
            if (check.mustGoFirst().stream().anyMatch(i -> DeletionCheck.ALLOWS_DELETE.equals(i.behavior()))) {
                dialog.add(new Paragraph("Once every one of them is released, AWS allows the delete (its disassociation behaviour is "
                        + DeletionCheck.ALLOWS_DELETE + "); then Delete is offered here."));
            }
            go.setEnabled(false);
        } else {
            dialog.add(new Paragraph("AWS deletes the registration and every version; this cannot be undone."
                    + (check.nothingAssociated() ? " Nothing is associated with it." : "")));
            if (!check.disassociatedByDelete().isEmpty()) {
                dialog.add(new Paragraph("AWS disassociates these from it as part of the delete (" + DeletionCheck.DELETE_DISASSOCIATES + "):"));
                var list = new UnorderedList();
                check.disassociatedByDelete().forEach(i -> list.add(deleteItem(i.association(), afterDelete(i.association()))));
                list.addClassName("delete-disassociates");
                dialog.add(list);
            }
            if (!check.unknown().isEmpty()) {
                dialog.add(new Paragraph("The type definition says nothing about what happens to these; AWS refuses the delete if they "
                        + "must be disassociated first:"));
                var list = new UnorderedList();
                check.unknown().forEach(i -> list.add(deleteItem(i.association(), "")));
                dialog.add(list);
            }
        }
        go.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        go.addClassName("confirm-delete");
        cancel.addClassName("cancel-delete");
        dialog.getFooter().add(cancel, go);
        dialog.addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                cancel.focus();
            }
        });
        deleteDialog = dialog;
        deleteConfirm = go;
        dialog.open();
        cancel.focus();
    }

    /** "Toll-free number +12065550100 (ACTIVE): <what>" with a link to it. */
    private ListItem deleteItem(Association a, String what) {
        String name = kind(a) + " " + Optional.ofNullable(a.phoneNumber()).map(n -> n + " (" + a.resourceId() + ")").orElse(a.resourceId())
                + ", " + Optional.ofNullable(a.status()).orElse("status unknown");
        var item = new ListItem(new Span(name + (what.isEmpty() ? "" : ": " + what) + " "), link(a));
        item.addClassName("delete-resource");
        return item;
    }

    /** What to do so that AWS lets the resource go: a number is released (the API has no other way off a registration). */
    private static String firstStep(Association a) {
        return a.kind() == Association.Kind.PHONE_NUMBER
                ? "release it first. Take it out of its pool if it is in one and turn off its deletion protection, then release it; "
                        + "releasing is permanent, the number cannot be had again."
                : "disassociate it first.";
    }

    /** What the delete leaves of a resource AWS disassociates. */
    private static String afterDelete(Association a) {
        return a.kind() == Association.Kind.PHONE_NUMBER
                ? "it stays in the account, billed until it is released, but is no longer registered."
                : "it stays as it is, only no longer associated with this registration.";
    }

    /** Every few seconds while in review. */
    void tick() {
        if (state != null && (state.registration().inReview() || state.registration().complete()
                && state.associations().stream().anyMatch(a -> "PENDING".equals(a.status())))) {
            reload();
        }
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        Times.learnZone(attachEvent.getUI());
        UI ui = attachEvent.getUI();
        timer = UiAccess.every(ui, Duration.ofSeconds(RegistrationListView.REFRESH_SECONDS), this::tick);
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
