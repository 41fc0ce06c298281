package com.example.smsconsole.registration.ui;

import com.example.smsconsole.aws.AwsCallException;
import com.example.smsconsole.common.ui.Notifications;
import com.example.smsconsole.common.ui.UiAccess;
import com.example.smsconsole.common.ui.ViewHeader;
import com.example.smsconsole.registration.FieldDefinition;
import com.example.smsconsole.registration.RegistrationForm;
import com.example.smsconsole.registration.RegistrationService;
import com.example.smsconsole.registration.RegistrationType;
import com.example.smsconsole.registration.SectionDefinition;
import com.example.smsconsole.security.AppRoles;
import com.vaadin.flow.component.Component;
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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A new registration, or the draft of an existing one: the type, the form generated from its
 * definitions with checks at each field, a live JSON preview to download, import from a JSON file,
 * save as draft with progress, and submit. Opening an existing draft shows what AWS holds, so a
 * save that stopped half-way resumes.
 */
@Route("registrations/edit")
@PageTitle("Registration")
@RolesAllowed({AppRoles.ADMIN})
class RegistrationEditView extends VerticalLayout implements BeforeEnterObserver {

    private static final Executor SAVES = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "registration-save");
        t.setDaemon(true);
        return t;
    });

    final ComboBox<RegistrationType> type = new ComboBox<>("Registration type");
    final Paragraph typeDescription = new Paragraph();
    final Div form = new Div();
    final Pre preview = new Pre();
    final UnorderedList importProblems = new UnorderedList();
    final Button save = new Button("Save draft");
    final Button submit = new Button("Submit for review");
    final ProgressBar progress = new ProgressBar();
    final Span progressText = new Span();
    final Map<String, HasValue<?, ?>> fields = new LinkedHashMap<>();
    final Map<String, String> attachments = new LinkedHashMap<>();
    /** Runs a save; a background thread, so the page shows its progress. */
    Executor saveExecutor = SAVES;

    private final RegistrationService service;
    private final ViewHeader header = new ViewHeader("New registration",
            "The form comes from AWS's definitions of the type; nothing is sent until you save.");
    private final Anchor download = new Anchor();
    private @Nullable RegistrationForm current;
    private RegistrationService.@Nullable Draft draft;

    RegistrationEditView(RegistrationService service) {
        this.service = service;
        addClassName("registration-edit-view");
        setWidthFull();
        add(header);

        type.setWidth("28em");
        type.setItemLabelGenerator(t -> t.title() + " (" + t.type() + ")");
        type.addValueChangeListener(e -> {
            if (e.isFromClient() || draft == null || draft.registrationId() == null) {
                chooseType(e.getValue());
            }
        });
        typeDescription.addClassName("type-description");
        try {
            type.setItems(service.types());
        } catch (AwsCallException e) {
            Notifications.awsError(e);
        }

        preview.addClassName("registration-preview");
        download.setText("Download JSON");
        download.getElement().setAttribute("download", true);
        Upload importer = new Upload(UploadHandler.inMemory((meta, bytes) -> {
            String json = new String(bytes, StandardCharsets.UTF_8);
            getUI().ifPresent(ui -> UiAccess.apply(ui, () -> importJson(json)));
        }));
        importer.setAcceptedFileTypes(".json", "application/json");
        importer.setMaxFiles(1);
        importer.setMaxFileSize(256 * 1024);
        importer.setUploadButton(new Button("Import JSON…"));
        importProblems.addClassName("import-problems");
        var side = new VerticalLayout(new H3("Registration document"), new HorizontalLayout(download, importer), importProblems, preview);
        side.addClassName("registration-side");
        side.setPadding(false);

        save.addClickListener(e -> save(false));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(e -> save(true));
        progress.setVisible(false);
        progress.setWidth("20em");
        progressText.addClassName("save-progress");
        var actions = new HorizontalLayout(save, submit, progress, progressText);
        actions.setAlignItems(FlexComponent.Alignment.CENTER);

        var main = new VerticalLayout(type, typeDescription, form, actions);
        main.setPadding(false);
        main.addClassName("registration-main");
        var columns = new HorizontalLayout(main, side);
        columns.setWidthFull();
        columns.setFlexGrow(3, main);
        columns.setFlexGrow(2, side);
        add(columns);
        setButtons(false);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getLocation().getQueryParameters();
        Optional<String> id = params.getSingleParameter("id");
        if (id.isEmpty()) {
            params.getSingleParameter("type").flatMap(t -> type.getListDataView().getItems().filter(d -> d.type().equals(t)).findFirst())
                    .ifPresent(type::setValue);
            return;
        }
        try {
            var registration = service.registration(id.get());
            if (registration.isEmpty()) {
                Notifications.error("AWS does not know registration " + id.get() + ".");
                return;
            }
            String registrationType = registration.get().type();
            draft = new RegistrationService.Draft(registrationType, java.util.UUID.randomUUID().toString(), id.get());
            header.setTitle("Edit " + id.get());
            type.getListDataView().getItems().filter(d -> d.type().equals(registrationType)).findFirst().ifPresent(type::setValue);
            type.setReadOnly(true);
            chooseType(type.getValue() == null ? new RegistrationType(registrationType, registrationType, null, null, null) : type.getValue());
            Map<String, Object> held = service.formValues(id.get());
            apply(held);
            progressText.setText("Showing what AWS holds for the newest version (" + held.size() + " fields).");
        } catch (AwsCallException e) {
            Notifications.awsError(e);
        }
    }

    void chooseType(@Nullable RegistrationType chosen) {
        form.removeAll();
        fields.clear();
        attachments.clear();
        current = null;
        if (chosen == null) {
            typeDescription.setText("");
            setButtons(false);
            updatePreview();
            return;
        }
        typeDescription.setText(Optional.ofNullable(chosen.longDescription()).orElse(Optional.ofNullable(chosen.shortDescription()).orElse("")));
        try {
            current = service.form(chosen.type());
        } catch (AwsCallException e) {
            Notifications.awsError(e);
            return;
        }
        if (draft == null || !draft.type().equals(chosen.type())) {
            draft = new RegistrationService.Draft(chosen.type());
        }
        if (current.fields().isEmpty()) {
            form.add(new Paragraph("This type has no fields: save it and submit it."));
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
                layout.add(input);
                if (input instanceof TextArea) {
                    layout.setColspan(input, 2);
                }
            }
            var title = new H3(section.title());
            var box = new Div(title);
            if (section.description() != null) {
                box.add(new Paragraph(section.description()));
            }
            box.add(layout);
            box.addClassName("registration-section");
            form.add(box);
        }
        setButtons(true);
        updatePreview();
    }

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
                combo.addValueChangeListener(e -> changed(field));
                fields.put(field.fieldPath(), combo);
                return combo;
            }
            var multi = new MultiSelectComboBox<String>(field.title());
            multi.setItems(field.options());
            multi.setItemLabelGenerator(o -> field.optionTitles().getOrDefault(o, o));
            multi.setRequiredIndicatorVisible(field.required());
            multi.setHelperText(helper + " Choose up to " + field.maxChoices() + ".");
            multi.addValueChangeListener(e -> changed(field));
            fields.put(field.fieldPath(), multi);
            return multi;
        }
        if (field.attachment()) {
            var shown = new Span();
            shown.addClassName("attachment-id");
            var upload = new Upload(UploadHandler.inMemory((meta, bytes) -> getUI().ifPresent(ui -> UiAccess.apply(ui, () -> {
                try {
                    String id = service.uploadAttachment(meta.fileName(), bytes);
                    attachments.put(field.fieldPath(), id);
                    shown.setText("Uploaded " + meta.fileName() + " as " + id);
                    updatePreview();
                } catch (IllegalArgumentException e) {
                    shown.setText(e.getMessage());
                } catch (AwsCallException e) {
                    shown.setText(e.userMessage() + " (" + e.supportLine() + ")");
                }
            }))));
            upload.setAcceptedFileTypes(".pdf", ".png", ".jpg", ".jpeg");
            upload.setMaxFiles(1);
            upload.setMaxFileSize(RegistrationService.MAX_ATTACHMENT_BYTES);
            var box = new VerticalLayout(new Span(field.title() + (field.required() ? " *" : "")), new Span(helper), upload, shown);
            box.setPadding(false);
            box.setSpacing(false);
            box.addClassName("attachment-field");
            return box;
        }
        boolean longText = field.maxLength() != null && field.maxLength() > 200;
        if (longText) {
            var area = new TextArea(field.title());
            area.setMaxLength(field.maxLength());
            area.setRequiredIndicatorVisible(field.required());
            area.setHelperText(helper);
            area.setPlaceholder(Optional.ofNullable(field.example()).orElse(""));
            area.setValueChangeMode(ValueChangeMode.LAZY);
            area.addValueChangeListener(e -> changed(field));
            area.setWidthFull();
            fields.put(field.fieldPath(), area);
            return area;
        }
        var text = new TextField(field.title());
        if (field.maxLength() != null) {
            text.setMaxLength(field.maxLength());
        }
        text.setRequiredIndicatorVisible(field.required());
        text.setHelperText(helper);
        text.setPlaceholder(Optional.ofNullable(field.example()).orElse(""));
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.addValueChangeListener(e -> changed(field));
        text.setWidthFull();
        fields.put(field.fieldPath(), text);
        return text;
    }

    private static String helper(FieldDefinition field) {
        var helper = new StringBuilder(Optional.ofNullable(field.shortDescription()).orElse(""));
        if (field.validationDescription() != null) {
            helper.append(helper.isEmpty() ? "" : " ").append(field.validationDescription()).append('.');
        }
        if (field.maxLength() != null && field.text()) {
            helper.append(helper.isEmpty() ? "" : " ").append("At most ").append(field.maxLength()).append(" characters.");
        }
        if (field.example() != null) {
            helper.append(" Example: ").append(field.example());
        }
        if ("CONDITIONAL".equals(field.requirement())) {
            helper.append(" Needed in some cases").append(field.longDescription() == null ? "." : ": " + field.longDescription());
        }
        return helper.toString().strip();
    }

    private void changed(FieldDefinition field) {
        check(field);
        updatePreview();
    }

    /** Marks the field when its value cannot be sent; returns whether it can. */
    boolean check(FieldDefinition field) {
        HasValue<?, ?> input = fields.get(field.fieldPath());
        Optional<String> problem = RegistrationForm.check(field, values().get(field.fieldPath()));
        // a draft may leave required fields empty; say so only once the field was touched or on submit
        if (input instanceof HasValidationProperties v) {
            v.setErrorMessage(problem.orElse(null));
            v.setInvalid(problem.isPresent() && !(problem.get().equals("Required.") && input.isEmpty()));
        }
        return problem.isEmpty();
    }

    /** The form's values: text as strings, choices as lists, attachments as their ids. */
    Map<String, Object> values() {
        Map<String, Object> values = new LinkedHashMap<>();
        fields.forEach((path, input) -> {
            Object value = input.getValue();
            if (input instanceof ComboBox<?> && value instanceof String choice) {
                values.put(path, List.of(choice));
            } else if (value instanceof String s && !s.isEmpty()) {
                values.put(path, s);
            } else if (value instanceof java.util.Set<?> set && !set.isEmpty()) {
                values.put(path, set.stream().map(String::valueOf).sorted().toList());
            }
        });
        attachments.forEach(values::put);
        return values;
    }

    @SuppressWarnings("unchecked")
    void apply(Map<String, Object> values) {
        values.forEach((path, value) -> {
            HasValue<?, ?> input = fields.get(path);
            if (input instanceof MultiSelectComboBox<?> multi && value instanceof List<?> list) {
                ((MultiSelectComboBox<String>) multi).setValue(new HashSet<>((List<String>) list));
            } else if (input instanceof ComboBox<?> combo && value instanceof List<?> list && !list.isEmpty()) {
                ((ComboBox<String>) combo).setValue(String.valueOf(list.getFirst()));
            } else if (input instanceof TextField text && value instanceof String s) {
                text.setValue(s);
            } else if (input instanceof TextArea area && value instanceof String s) {
                area.setValue(s);
            } else if (input == null && value instanceof String s && current != null
                    && current.field(path).map(FieldDefinition::attachment).orElse(false)) {
                attachments.put(path, s);
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
        String name = "registration-" + current.type().type().toLowerCase(java.util.Locale.ROOT) + ".json";
        download.setHref((DownloadHandler) event -> {
            event.setFileName(name);
            event.setContentType("application/json; charset=utf-8");
            event.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
        });
    }

    void importJson(String json) {
        importProblems.removeAll();
        if (current == null) {
            importProblems.add(new ListItem("Choose the registration type first."));
            return;
        }
        RegistrationForm.Imported imported = current.read(json);
        apply(imported.values());
        for (RegistrationForm.Problem problem : imported.problems()) {
            importProblems.add(new ListItem(problem.toString()));
        }
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
        boolean ok = true;
        for (FieldDefinition field : form.fields()) {
            ok &= check(field);
            if (thenSubmit && RegistrationForm.check(field, values().get(field.fieldPath())).isPresent()
                    && fields.get(field.fieldPath()) instanceof HasValidationProperties v) {
                v.setInvalid(true);
            }
        }
        Map<String, Object> values = values();
        Map<String, String> problems = form.problems(values);
        if (!thenSubmit) {
            problems.values().removeIf("Required."::equals);
        }
        if (!problems.isEmpty()) {
            progressText.setText("Correct the highlighted fields (" + problems.size() + ") first; nothing was sent.");
            return;
        }
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
                            : "Writing field " + (done + 1) + " of " + total + ": " + field);
                }));
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
                        header.setTitle("Edit " + id);
                        type.setReadOnly(true);
                    }
                });
            } catch (RegistrationService.InvalidFormException e) {
                UiAccess.apply(ui, () -> {
                    progress.setVisible(false);
                    setButtons(true);
                    e.problems().forEach((path, problem) -> {
                        if (fields.get(path) instanceof HasValidationProperties v) {
                            v.setErrorMessage(problem);
                            v.setInvalid(true);
                        }
                    });
                    progressText.setText(e.getMessage());
                });
            } catch (AwsCallException e) {
                UiAccess.apply(ui, () -> {
                    progress.setVisible(false);
                    setButtons(true);
                    progressText.setText("Stopped: " + e.userMessage() + " What AWS holds is kept; save again to continue"
                            + (session.registrationId() == null ? "." : " with " + session.registrationId() + "."));
                    Notifications.awsError(e);
                });
            } finally {
                SecurityContextHolder.setContext(previous);
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

    List<String> importProblemTexts() {
        List<String> texts = new ArrayList<>();
        importProblems.getChildren().forEach(c -> texts.add(c.getElement().getText()));
        return texts;
    }
}
