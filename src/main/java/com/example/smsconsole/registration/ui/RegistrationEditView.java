package com.example.smsconsole.registration.ui;

import com.example.smsconsole.aws.AwsCallException;
import com.example.smsconsole.common.ui.Forms;
import com.example.smsconsole.common.ui.InlineMessage;
import com.example.smsconsole.common.ui.Notifications;
import com.example.smsconsole.common.ui.UiAccess;
import com.example.smsconsole.common.ui.ViewHeader;
import com.example.smsconsole.registration.FieldDefinition;
import com.example.smsconsole.registration.Registration;
import com.example.smsconsole.registration.RegistrationFlow;
import com.example.smsconsole.registration.RegistrationForm;
import com.example.smsconsole.registration.RegistrationService;
import com.example.smsconsole.registration.RegistrationType;
import com.example.smsconsole.registration.RegistrationVersion;
import com.example.smsconsole.registration.SectionDefinition;
import com.example.smsconsole.registration.SupportedAssociation;
import com.example.smsconsole.security.AppRoles;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
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
import com.vaadin.flow.component.shared.HasValidationProperties;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A new registration, or the draft of an existing one: the steps of its type with where the admin
 * is, the form generated from its definitions (bound with a {@link Binder} that checks each field
 * against its definition), the denial reasons at the fields they point at, the associations the
 * type needs before submit, a live JSON preview to download, import from a JSON file, save as
 * draft with progress, and submit. Opening an existing draft shows what AWS holds, so a save that
 * stopped half-way resumes.
 */
@Route("registrations/edit")
@PageTitle("Registration")
@RolesAllowed({AppRoles.ADMIN})
class RegistrationEditView extends VerticalLayout implements BeforeEnterObserver {

    /** The upload's own message for a file over {@link RegistrationService#MAX_ATTACHMENT_BYTES}, told apart from the others. */
    static final String UPLOAD_TOO_LARGE = "is larger than AWS accepts.";

    private static final Executor SAVES = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "registration-save");
        t.setDaemon(true);
        return t;
    });

    final ComboBox<RegistrationType> type = new ComboBox<>("Registration type");
    final Paragraph typeDescription = new Paragraph();
    final TextField name = new TextField("Name");
    final FlowSteps steps = new FlowSteps();
    final Div denial = new Div();
    final Div form = new Div();
    final Div associations = new Div();
    final Pre preview = new Pre();
    final UnorderedList importProblems = new UnorderedList();
    final UnorderedList importMapped = new UnorderedList();
    final Upload importer;
    final Button save = new Button("Save draft");
    final Button submit = new Button("Submit for review");
    final ProgressBar progress = new ProgressBar();
    final Span progressText = new Span();
    final Span submitNeeds = new Span();
    final Map<String, HasValue<?, ?>> fields = new LinkedHashMap<>();
    final Map<String, Component> boxes = new LinkedHashMap<>();
    final Map<String, Span> denials = new LinkedHashMap<>();
    final Map<String, String> attachments = new LinkedHashMap<>();
    final Map<String, Span> attachmentNotes = new LinkedHashMap<>();
    /** Why an upload did not go through, at its attachment field (decision 012). */
    final Map<String, InlineMessage> attachmentMessages = new LinkedHashMap<>();
    final List<AssociationPanel> panels = new ArrayList<>();
    /** Runs a save; a background thread, so the page shows its progress. */
    Executor saveExecutor = SAVES;

    private final RegistrationService service;
    private final ViewHeader header = new ViewHeader("New registration",
            "The form comes from AWS's definitions of the type; nothing is sent until you save.");
    /** Failures of reading from AWS, once, under the header (decision 012). */
    final InlineMessage pageMessage = new InlineMessage();
    /** Why a save or submit stopped at AWS, once, beside the buttons (decision 012). */
    final InlineMessage saveMessage = new InlineMessage();
    private final Anchor download = new Anchor();
    private Binder<Map<String, Object>> binder = new Binder<>();
    /** Problems a check of the whole form found (or the service refused), shown by each field's binding until it changes. */
    private final Forms.ServerErrors formProblems = new Forms.ServerErrors();
    /** While true the checks also refuse empty required fields (submit); a draft may leave them empty. */
    private boolean submitting;
    private @Nullable RegistrationForm current;
    private RegistrationService.@Nullable Draft draft;
    private @Nullable String heldName;
    private @Nullable String preselected;

    RegistrationEditView(RegistrationService service) {
        this.service = service;
        addClassName("registration-edit-view");
        setWidthFull();
        add(header, pageMessage);

        type.setWidthFull();
        type.setMaxWidth("40em");
        type.setItemLabelGenerator(t -> t.title() + " (" + t.type() + ")");
        type.addValueChangeListener(e -> {
            if (e.isFromClient() || draft == null || draft.registrationId() == null) {
                chooseType(e.getValue());
            }
        });
        typeDescription.addClassName("type-description");
        name.setWidth("28em");
        name.addClassName("registration-name");
        name.setHelperText("Optional. Tells this registration apart in lists; AWS keeps it as the registration's Name tag.");
        name.setClearButtonVisible(true);
        try {
            type.setItems(service.types());
        } catch (AwsCallException e) {
            pageMessage.error(e);
        }

        denial.addClassName("edit-denial");
        denial.setVisible(false);
        associations.addClassName("registration-associations");
        preview.addClassName("registration-preview");
        download.setText("Download JSON");
        download.getElement().setAttribute("download", true);
        importer = new Upload(UploadHandler.inMemory((meta, bytes) -> {
            String json = new String(bytes, StandardCharsets.UTF_8);
            getUI().ifPresent(ui -> UiAccess.apply(ui, () -> importJson(json)));
        }));
        importer.setAcceptedFileTypes(".json", "application/json");
        importer.setMaxFiles(1);
        importer.setMaxFileSize(256 * 1024);
        importer.setUploadButton(new Button("Import JSON…"));
        importProblems.addClassName("import-problems");
        importMapped.addClassName("import-mapped");
        importProblems.setVisible(false);
        importMapped.setVisible(false);
        var documentActions = new HorizontalLayout(download, importer);
        documentActions.setAlignItems(FlexComponent.Alignment.CENTER);
        documentActions.addClassName("document-actions");
        var side = new VerticalLayout(new H3("Registration document"), documentActions, importProblems, importMapped, preview);
        side.addClassName("registration-side");
        side.setPadding(false);

        save.addClickListener(e -> save(false));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(e -> save(true));
        progress.setVisible(false);
        progress.setWidth("20em");
        progressText.addClassName("save-progress");
        progressText.getElement().setAttribute("role", "status");
        submitNeeds.addClassName("submit-needs");
        var actions = new HorizontalLayout(save, submit, progress, progressText);
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        actions.addClassName("registration-actions");

        saveMessage.addClassName("save-message");
        var main = new VerticalLayout(steps, type, typeDescription, name, denial, form, associations, submitNeeds, actions, saveMessage);
        main.setPadding(false);
        main.addClassName("registration-main");
        var columns = new HorizontalLayout(main, side);
        columns.setWidthFull();
        columns.addClassName("registration-columns");
        add(columns);
        setButtons(false);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getLocation().getQueryParameters();
        preselected = params.getSingleParameter("associate").orElse(null);
        Optional<String> id = params.getSingleParameter("id");
        if (id.isEmpty()) {
            params.getSingleParameter("type").flatMap(t -> type.getListDataView().getItems().filter(d -> d.type().equals(t)).findFirst())
                    .ifPresent(type::setValue);
            return;
        }
        try {
            var registration = service.registration(id.get());
            if (registration.isEmpty()) {
                progressText.setText("AWS does not know registration " + id.get() + ".");
                return;
            }
            Registration r = registration.get();
            draft = new RegistrationService.Draft(r.type(), UUID.randomUUID().toString(), id.get());
            type.getListDataView().getItems().filter(d -> d.type().equals(r.type())).findFirst().ifPresent(type::setValue);
            type.setReadOnly(true);
            chooseType(type.getValue() == null ? service.type(r.type()) : type.getValue());
            Map<String, Object> held = service.formValues(id.get());
            apply(held);
            heldName = service.name(r);
            name.setValue(heldName);
            header.setTitle("Edit " + (heldName.isBlank() ? id.get() : heldName + " · " + id.get()));
            showDenials(r);
            progressText.setText("Showing what AWS holds for the newest version (" + held.size() + " fields).");
            updateFlow();
        } catch (AwsCallException e) {
            pageMessage.error(e);
        }
    }

    /** The reasons of the denial being fixed, at the fields they point at and, for the whole version, above the form. */
    private void showDenials(Registration r) {
        List<RegistrationVersion> versions = service.versions(r.id());
        Map<String, String> byField = service.fieldDenials(r, versions);
        denials.values().forEach(s -> {
            s.setText("");
            s.setVisible(false);
        });
        byField.forEach((path, reason) -> {
            Span note = denials.get(path);
            if (note != null) {
                note.setText("Denied: " + reason);
                note.setVisible(true);
            }
        });
        denial.removeAll();
        RegistrationVersion.beingFixed(versions).ifPresent(v -> {
            denial.add(new H3("Version " + v.number() + " was denied"));
            var list = new UnorderedList();
            v.deniedReasons().forEach(reason -> list.add(new ListItem(reason.reason() + ": " + reason.shortDescription()
                    + (reason.longDescription() == null ? "" : " " + reason.longDescription()))));
            denial.add(list, new Paragraph(byField.isEmpty() ? "Correct the form and submit again."
                    : "The reasons that point at a field are shown under it."));
        });
        denial.setVisible(denial.getComponentCount() > 0);
    }

    void chooseType(@Nullable RegistrationType chosen) {
        form.removeAll();
        fields.clear();
        boxes.clear();
        denials.clear();
        attachments.clear();
        attachmentNotes.clear();
        attachmentMessages.clear();
        formProblems.clear();
        associations.removeAll();
        panels.clear();
        binder = new Binder<>();
        binder.addValueChangeListener(e -> updatePreview());
        current = null;
        if (chosen == null) {
            typeDescription.setText("");
            setButtons(false);
            steps.setVisible(false);
            updatePreview();
            return;
        }
        typeDescription.setText(Optional.ofNullable(chosen.longDescription()).orElse(Optional.ofNullable(chosen.shortDescription()).orElse("")));
        try {
            current = service.form(chosen.type());
        } catch (AwsCallException e) {
            pageMessage.error(e);
            return;
        }
        if (draft == null || !draft.type().equals(chosen.type())) {
            draft = new RegistrationService.Draft(chosen.type());
        }
        if (current.fields().isEmpty()) {
            form.add(new Paragraph("This type has no fields: save it, make its associations and submit it."));
        }
        for (SectionDefinition section : current.sections()) {
            List<FieldDefinition> sectionFields = current.fields(section);
            if (sectionFields.isEmpty()) {
                continue;
            }
            var layout = new FormLayout();
            layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
            for (FieldDefinition field : sectionFields) {
                Component input = input(field);
                var note = new Span();
                note.addClassName("field-denial");
                note.setVisible(false);
                denials.put(field.fieldPath(), note);
                var box = new Div(input, note);
                box.addClassName("registration-field");
                box.getElement().setAttribute("data-field", field.fieldPath());
                boxes.put(field.fieldPath(), box);
                layout.add(box);
                if (input instanceof TextArea || field.attachment()) {
                    layout.setColspan(box, 2);
                }
            }
            var title = new H3(section.title());
            var sectionBox = new Div(title);
            if (section.description() != null) {
                sectionBox.add(new Paragraph(section.description()));
            }
            sectionBox.add(layout);
            sectionBox.addClassName("registration-section");
            form.add(sectionBox);
        }
        RegistrationType definition = current.type();
        for (SupportedAssociation a : definition.beforeSubmit()) {
            var panel = new AssociationPanel(service, definition, a, () -> draft == null ? null : draft.registrationId(), this::updateFlow,
                    preselected);
            panels.add(panel);
            associations.add(panel);
        }
        setButtons(true);
        updateFlow();
        updatePreview();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Component input(FieldDefinition field) {
        String helper = helper(field);
        if (field.select()) {
            if (field.maxChoices() <= 1) {
                var combo = new ComboBox<String>(field.title());
                combo.setItems(field.options());
                combo.setItemLabelGenerator(o -> field.optionTitles().getOrDefault(o, o));
                combo.setRequiredIndicatorVisible(field.required());
                combo.setHelperText(helper);
                combo.setClearButtonVisible(true);
                combo.setWidthFull();
                formProblems.clearOnChange(field.fieldPath(), combo);
                binder.forField(combo).withValidator((v, c) -> validate(field, v == null ? null : List.of(v)))
                        .withValidator(formProblems.validator(field.fieldPath()))
                        .bind(m -> first(m.get(field.fieldPath())), (m, v) -> m.put(field.fieldPath(), v == null ? List.of() : List.of(v)));
                fields.put(field.fieldPath(), combo);
                return combo;
            }
            var multi = new MultiSelectComboBox<String>(field.title());
            multi.setItems(field.options());
            multi.setItemLabelGenerator(o -> field.optionTitles().getOrDefault(o, o));
            multi.setRequiredIndicatorVisible(field.required());
            multi.setHelperText(helper + " Choose up to " + field.maxChoices() + ".");
            multi.setWidthFull();
            formProblems.clearOnChange(field.fieldPath(), multi);
            binder.forField(multi).withValidator((v, c) -> validate(field, v == null ? null : v.stream().sorted().toList()))
                    .withValidator(formProblems.validator(field.fieldPath()))
                    .bind(m -> m.get(field.fieldPath()) instanceof List<?> l ? new HashSet<>((List<String>) l) : new HashSet<>(),
                            (m, v) -> m.put(field.fieldPath(), v == null ? List.of() : v.stream().sorted().toList()));
            fields.put(field.fieldPath(), multi);
            return multi;
        }
        if (field.attachment()) {
            var shown = new Span();
            shown.addClassName("attachment-id");
            attachmentNotes.put(field.fieldPath(), shown);
            var uploadMessage = new InlineMessage();
            uploadMessage.addClassName("upload-message");
            attachmentMessages.put(field.fieldPath(), uploadMessage);
            var upload = new Upload();
            upload.setUploadHandler(UploadHandler.inMemory((meta, bytes) -> getUI().ifPresent(ui -> UiAccess.apply(ui, () -> {
                uploadMessage.clear();
                try {
                    String id = service.uploadAttachment(meta.fileName(), bytes);
                    attachments.put(field.fieldPath(), id);
                    shown.setText("Uploaded " + meta.fileName() + " as " + id);
                    updatePreview();
                } catch (IllegalArgumentException e) {
                    uploadMessage.error(e.getMessage());
                } catch (AwsCallException e) {
                    uploadMessage.error("Not uploaded:", e, "");
                }
                upload.clearFileList();
            }))));
            upload.setAcceptedFileTypes(".pdf", ".png", ".jpg", ".jpeg");
            upload.setMaxFiles(1);
            upload.setMaxFileSize(RegistrationService.MAX_ATTACHMENT_BYTES);
            // the browser refuses a larger file (or another kind) before sending it; say why at the field, in words
            upload.setI18n(new UploadI18N().setError(new UploadI18N.Error().setFileIsTooBig(UPLOAD_TOO_LARGE)
                    .setIncorrectFileType("is not a PDF, PNG or JPEG file; AWS accepts only those. Nothing was uploaded.")));
            upload.addFileRejectedListener(e -> uploadMessage.error(UPLOAD_TOO_LARGE.equals(e.getErrorMessage())
                    ? RegistrationService.attachmentTooLarge(e.getFileName(), null)
                    : e.getFileName() + " " + e.getErrorMessage()));
            var label = new Span(field.title() + (field.required() ? " *" : ""));
            label.addClassName("attachment-label");
            var help = new Span(helper);
            help.addClassName("attachment-help");
            var box = new VerticalLayout(label, help, upload, shown, uploadMessage);
            box.setPadding(false);
            box.setSpacing(false);
            box.addClassName("attachment-field");
            return box;
        }
        boolean longText = field.maxLength() != null && field.maxLength() > 200;
        // no maxlength on the input: the browser would cut a longer paste silently; the check says "at most N (now M)"
        HasValue<?, String> input;
        if (longText) {
            var area = new TextArea(field.title());
            area.setRequiredIndicatorVisible(field.required());
            area.setHelperText(helper);
            area.setValueChangeMode(ValueChangeMode.LAZY);
            area.setWidthFull();
            input = area;
        } else {
            var text = new TextField(field.title());
            text.setRequiredIndicatorVisible(field.required());
            text.setHelperText(helper);
            text.setValueChangeMode(ValueChangeMode.LAZY);
            text.setWidthFull();
            input = text;
        }
        formProblems.clearOnChange(field.fieldPath(), input);
        binder.forField(input).withValidator((v, c) -> validate(field, v == null || v.isEmpty() ? null : v))
                .withValidator(formProblems.validator(field.fieldPath()))
                .bind(m -> m.get(field.fieldPath()) instanceof String s ? s : "", (m, v) -> m.put(field.fieldPath(), v == null ? "" : v));
        fields.put(field.fieldPath(), input);
        return (Component) input;
    }

    private static @Nullable String first(@Nullable Object value) {
        return value instanceof List<?> l && !l.isEmpty() ? String.valueOf(l.getFirst()) : null;
    }

    /** The field's check; an empty required field is an error only while submitting. */
    private ValidationResult validate(FieldDefinition field, @Nullable Object value) {
        Optional<String> problem = RegistrationForm.check(field, value);
        if (problem.isEmpty() || (!submitting && problem.get().equals("Required."))) {
            return ValidationResult.ok();
        }
        return ValidationResult.error(problem.get());
    }

    private static String helper(FieldDefinition field) {
        var helper = new StringBuilder(Optional.ofNullable(field.shortDescription()).orElse(""));
        if (field.validationDescription() != null) {
            helper.append(helper.isEmpty() ? "" : " ").append(field.validationDescription()).append('.');
        }
        boolean lengthSaid = field.validationDescription() != null && field.validationDescription().contains("characters");
        if (field.text() && !lengthSaid) {
            if (field.minLength() != null && field.minLength() > 1 && field.maxLength() != null) {
                helper.append(helper.isEmpty() ? "" : " ").append(field.minLength()).append(" to ").append(field.maxLength()).append(" characters.");
            } else if (field.maxLength() != null) {
                helper.append(helper.isEmpty() ? "" : " ").append("At most ").append(field.maxLength()).append(" characters.");
            }
        }
        if (field.example() != null) {
            helper.append(" Example: ").append(field.example());
        }
        if ("CONDITIONAL".equals(field.requirement())) {
            helper.append(" Needed in some cases").append(field.longDescription() == null ? "." : ": " + field.longDescription());
        }
        return helper.toString().strip();
    }

    /** The form's values: text as strings, choices as lists, attachments as their ids (also values that fail their check). */
    Map<String, Object> values() {
        Map<String, Object> raw = new LinkedHashMap<>();
        if (current != null) {
            binder.writeBeanAsDraft(raw, true);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        raw.forEach((path, value) -> {
            if ((value instanceof String s && !s.isEmpty()) || (value instanceof List<?> l && !l.isEmpty())) {
                values.put(path, value);
            }
        });
        attachments.forEach(values::put);
        return values;
    }

    void apply(Map<String, Object> values) {
        Map<String, Object> merged = new LinkedHashMap<>(values());
        merged.putAll(values);
        binder.readBean(merged);
        values.forEach((path, value) -> {
            if (value instanceof String s && current != null && current.field(path).map(FieldDefinition::attachment).orElse(false)) {
                attachments.put(path, s);
                Span note = attachmentNotes.get(path);
                if (note != null) {
                    note.setText("AWS holds attachment " + s + "; upload another file to replace it.");
                }
            }
        });
        updatePreview();
    }

    void updatePreview() {
        if (current == null) {
            preview.setText("");
            download.setEnabled(false);
            return;
        }
        String json = current.document(values());
        preview.setText(json);
        download.setEnabled(true);
        String fileName = "registration-" + current.type().type().toLowerCase(Locale.ROOT) + ".json";
        download.setHref((DownloadHandler) event -> {
            event.setFileName(fileName);
            event.setContentType("application/json; charset=utf-8");
            event.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
        });
    }

    /** The steps with where the admin is, and what submit still needs. */
    void updateFlow() {
        RegistrationForm form = current;
        if (form == null) {
            return;
        }
        String id = draft == null ? null : draft.registrationId();
        try {
            RegistrationFlow flow = service.flow(form.type(), id, id == null ? Map.of() : service.formValues(id), form);
            steps.show(flow);
            List<RegistrationFlow.Step> missing = flow.missingBeforeSubmit();
            submitNeeds.setText(missing.isEmpty() ? "" : "Submit needs first: " + String.join("; ", missing.stream()
                    .map(s -> s.title().substring(0, 1).toLowerCase(Locale.ROOT) + s.title().substring(1) + " (step "
                            + (flow.steps().indexOf(s) + 1) + ")").toList()) + ".");
            submitNeeds.setVisible(!missing.isEmpty());
            panels.forEach(p -> p.refresh(preselected));
        } catch (AwsCallException e) {
            pageMessage.error(e);
        }
    }

    void importJson(String json) {
        importProblems.removeAll();
        importMapped.removeAll();
        importer.clearFileList();
        if (current == null) {
            importProblems.add(new ListItem("Choose the registration type first."));
            importProblems.setVisible(true);
            return;
        }
        RegistrationForm.Imported imported = current.read(json);
        apply(imported.values());
        for (RegistrationForm.Problem problem : imported.problems()) {
            importProblems.add(new ListItem(problem.toString()));
        }
        for (RegistrationForm.Problem mapped : imported.mapped()) {
            importMapped.add(new ListItem(mapped.toString()));
        }
        importProblems.setVisible(!imported.problems().isEmpty());
        importMapped.setVisible(!imported.mapped().isEmpty());
        Notifications.info("Imported " + imported.values().size() + " field(s)" + (imported.problems().isEmpty() ? "."
                : "; " + imported.problems().size() + " key(s) not applied, listed under the document."));
    }

    /** Saves the draft (and submits it when asked), writing the fields on a background thread with progress. */
    void save(boolean thenSubmit) {
        RegistrationForm form = current;
        RegistrationService.Draft session = draft;
        if (form == null || session == null) {
            return;
        }
        saveMessage.clear();
        Map<String, Object> values = values();
        Map<String, String> problems = form.problems(values);
        if (!thenSubmit) {
            problems.values().removeIf("Required."::equals);
        }
        markAndScroll(problems, form, thenSubmit);
        if (!problems.isEmpty()) {
            progressText.setText(new RegistrationService.InvalidFormException(problems, form).getMessage() + " Nothing was sent.");
            return;
        }
        if (session.registrationId() == null && !name.getValue().isBlank()) {
            session.name(name.getValue());
        }
        String rename = session.registrationId() != null && !name.getValue().strip().equals(heldName == null ? "" : heldName)
                ? name.getValue() : null;
        setButtons(false);
        progress.setVisible(true);
        progress.setValue(0);
        progressText.setText(session.registrationId() == null ? "Creating the registration…" : "Comparing with what AWS holds…");
        UI ui = UI.getCurrent();
        SecurityContext auth = SecurityContextHolder.getContext();
        saveExecutor.execute(() -> {
            SecurityContext previous = SecurityContextHolder.getContext();
            SecurityContextHolder.setContext(auth);
            try {
                String id = service.saveDraft(session, form, values, (done, total, field) -> UiAccess.apply(ui, () -> {
                    progress.setValue(total == 0 ? 1 : (double) done / total);
                    progressText.setText(total == 0 ? "AWS already holds every value." : field.isEmpty()
                            ? "Saved " + total + " field(s) to " + session.registrationId() + "."
                            : "Writing field " + (done + 1) + " of " + total + ": " + form.field(field).map(FieldDefinition::title).orElse(field));
                }));
                if (rename != null) {
                    service.registration(id).ifPresent(r -> service.rename(r, rename));
                    heldName = rename.strip();
                }
                if (thenSubmit) {
                    UiAccess.apply(ui, () -> progressText.setText("Submitting…"));
                    service.submit(id, form);
                }
                UiAccess.apply(ui, () -> {
                    progress.setVisible(false);
                    setButtons(true);
                    Notifications.success(thenSubmit ? "Submitted " + id + " for review." : "Draft " + id + " saved.");
                    if (thenSubmit) {
                        ui.navigate(RegistrationDetailView.class, RegistrationDetailView.parameters(id));
                    } else {
                        if (heldName == null && session.name() != null) {
                            heldName = session.name().strip();
                        }
                        header.setTitle("Edit " + (heldName == null || heldName.isBlank() ? id : heldName + " · " + id));
                        type.setReadOnly(true);
                        updateFlow();
                    }
                });
            } catch (RegistrationService.InvalidFormException e) {
                UiAccess.apply(ui, () -> {
                    progress.setVisible(false);
                    setButtons(true);
                    markAndScroll(e.problems(), form, true);
                    progressText.setText(e.getMessage() + " Nothing was submitted.");
                    updateFlow();
                });
            } catch (RegistrationService.MissingAssociationException e) {
                UiAccess.apply(ui, () -> {
                    progress.setVisible(false);
                    setButtons(true);
                    progressText.setText("Saved. " + e.getMessage());
                    updateFlow();
                    associations.scrollIntoView();
                });
            } catch (IllegalArgumentException e) {
                UiAccess.apply(ui, () -> {
                    progress.setVisible(false);
                    setButtons(true);
                    progressText.setText(e.getMessage());
                });
            } catch (AwsCallException e) {
                UiAccess.apply(ui, () -> {
                    progress.setVisible(false);
                    setButtons(true);
                    progressText.setText("");
                    saveMessage.error(thenSubmit && "SubmitRegistrationVersion".equals(e.operation()) ? "Saved, not submitted:" : "Stopped:", e,
                            session.registrationId() == null ? "" : "What AWS holds is kept; save again to continue with "
                                    + session.registrationId() + ".");
                    updateFlow();
                });
            } finally {
                SecurityContextHolder.setContext(previous);
            }
        });
    }

    /**
     * Marks every field with a problem through its binding (its own check, then the problem found
     * for the whole form, until the field changes), clears the marks of the others, and brings the
     * first field with a problem (in form order) into view with the focus on it.
     */
    private void markAndScroll(Map<String, String> problems, RegistrationForm form, boolean thenSubmit) {
        formProblems.clear();
        problems.forEach(formProblems::put);
        submitting = thenSubmit;
        try {
            binder.validate();
        } finally {
            submitting = false;
        }
        form.fields().stream().map(FieldDefinition::fieldPath).filter(problems::containsKey).findFirst().ifPresent(path -> {
            Component box = boxes.get(path);
            if (box != null) {
                box.scrollIntoView();
            }
            if (fields.get(path) instanceof Focusable<?> f) {
                f.focus();
            }
        });
    }

    private void setButtons(boolean enabled) {
        save.setEnabled(enabled);
        submit.setEnabled(enabled);
    }

    /** The problems shown for the fields, for tests: field path → message of the invalid ones. */
    Map<String, String> shownProblems() {
        Map<String, String> shown = new LinkedHashMap<>();
        fields.forEach((path, input) -> {
            if (input instanceof HasValidationProperties v && v.isInvalid()) {
                shown.put(path, v.getErrorMessage());
            }
        });
        return shown;
    }

    /** The denial notes shown at the fields, for tests: field path → text. */
    Map<String, String> shownDenials() {
        Map<String, String> shown = new LinkedHashMap<>();
        denials.forEach((path, note) -> {
            if (note.isVisible() && !note.getText().isEmpty()) {
                shown.put(path, note.getText());
            }
        });
        return shown;
    }

    List<String> importProblemTexts() {
        List<String> texts = new ArrayList<>();
        importProblems.getChildren().forEach(c -> texts.add(c.getElement().getText()));
        return texts;
    }

    List<String> importMappedTexts() {
        List<String> texts = new ArrayList<>();
        importMapped.getChildren().forEach(c -> texts.add(c.getElement().getText()));
        return texts;
    }

    Set<String> fieldPaths() {
        return fields.keySet();
    }
}
