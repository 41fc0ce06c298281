package com.example.smsconsole.verification.ui;

import com.example.smsconsole.aws.AwsCallException;
import com.example.smsconsole.aws.AwsTarget;
import com.example.smsconsole.common.PhoneNumber;
import com.example.smsconsole.common.ui.Notifications;
import com.example.smsconsole.common.ui.UiAccess;
import com.example.smsconsole.common.ui.StatusBadge;
import com.example.smsconsole.common.ui.Times;
import com.example.smsconsole.common.ui.ViewHeader;
import com.example.smsconsole.security.AppRoles;
import com.example.smsconsole.verification.SandboxStatus;
import com.example.smsconsole.verification.VerificationService;
import com.example.smsconsole.verification.VerificationService.BulkResult;
import com.example.smsconsole.verification.VerifiedNumber;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;

/**
 * Destination numbers a sandbox account may text: the account's limit, add one or many, send a
 * code by text or voice, enter it, delete. Production accounts are told verification is not needed.
 */
@Route("verification")
@PageTitle("Sandbox verification")
@Menu(order = 2, icon = "vaadin:mobile", title = "Sandbox verification")
@RolesAllowed({AppRoles.QA, AppRoles.ADMIN})
class VerificationView extends VerticalLayout {

    private static final ExecutorService BULK = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "verification-bulk");
        t.setDaemon(true);
        return t;
    });
    static final String HANDSETS_ROUTE = "simulated-handsets";

    final Span tier = new Span();
    final Paragraph note = new Paragraph();
    final TextField number = new TextField("Destination number");
    final Button add = new Button("Add number");
    final Grid<VerifiedNumber> grid = new Grid<>();
    final TextArea bulkList = new TextArea("Numbers");
    final RadioButtonGroup<String> bulkChannel = new RadioButtonGroup<>("Send codes by");
    final Button bulkAdd = new Button("Add all and send codes");
    final Grid<BulkResult> bulkResults = new Grid<>();
    final Span bulkProgress = new Span();
    @Nullable VerifyDialog dialog;
    /** Runs a bulk add; a background thread, so the page stays live while it paces its calls. */
    java.util.concurrent.Executor bulkExecutor = BULK;

    private final VerificationService service;
    private final boolean emulated;
    private @Nullable ScheduledFuture<?> timer;
    private SandboxStatus status = new SandboxStatus(null, 0, null);
    private List<VerifiedNumber> numbers = List.of();

    VerificationView(VerificationService service, AwsTarget target) {
        this.service = service;
        this.emulated = target.emulated();
        addClassName("verification-view");
        setWidthFull();

        var refresh = new Button("Refresh", e -> reload());
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(new ViewHeader("Sandbox verification",
                "In the SMS sandbox, texts reach only verified destination numbers. Add a number, send it a code, enter the code.",
                refresh));

        tier.addClassName("sandbox-usage");
        note.addClassName("sandbox-note");
        add(new Div(tier, note));

        number.setPlaceholder("+14255550101");
        number.setHelperText("In international (E.164) form: + and the country code.");
        number.setWidth("18em");
        number.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
        number.addValueChangeListener(e -> describeNumber());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickShortcut(Key.ENTER);
        add.addClickListener(e -> addNumber());
        var addBar = new HorizontalLayout(number, add);
        addBar.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(addBar);

        grid.addColumn(v -> PhoneNumber.tryParse(v.phoneNumber()).map(PhoneNumber::international).orElse(v.phoneNumber()))
                .setHeader("Number").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(v -> PhoneNumber.tryParse(v.phoneNumber()).map(PhoneNumber::countryName).orElse(""))
                .setHeader("Country").setAutoWidth(true);
        grid.addComponentColumn(VerificationView::badge).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(v -> Times.format(v.createdAt())).setHeader("Added").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true).setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("No verified destination numbers yet.");
        add(grid);

        add(bulkSection());
        reload();
    }

    private Details bulkSection() {
        bulkList.setPlaceholder("+14255550101\n+447700900123\n...");
        bulkList.setHelperText("One number per line (or separated by commas). Each is checked first; nothing is sent for a line that is not a number.");
        bulkList.setWidth("24em");
        bulkList.setMinHeight("8em");
        bulkChannel.setItems(VerificationService.CHANNELS);
        bulkChannel.setValue("TEXT");
        bulkChannel.setItemLabelGenerator(c -> c.equals("TEXT") ? "Text" : "Voice call");
        Upload upload = new Upload(UploadHandler.inMemory((meta, bytes) -> {
            String text = new String(bytes, StandardCharsets.UTF_8);
            getUI().ifPresent(ui -> UiAccess.apply(ui, () -> bulkList.setValue(text)));
        }));
        upload.setAcceptedFileTypes(".txt", ".csv", "text/plain", "text/csv");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(64 * 1024);
        upload.setUploadButton(new Button("Upload a list (.txt, .csv)"));
        bulkAdd.addClickListener(e -> addAll());
        bulkResults.addColumn(BulkResult::input).setHeader("Line").setAutoWidth(true);
        bulkResults.addColumn(r -> r.phoneNumber() == null ? "" : r.phoneNumber()).setHeader("Number").setAutoWidth(true);
        bulkResults.addComponentColumn(r -> new StatusBadge(outcomeLabel(r.outcome()), outcomeTone(r.outcome())))
                .setHeader("Result").setAutoWidth(true);
        bulkResults.addColumn(BulkResult::message).setHeader("Details").setFlexGrow(1);
        bulkResults.setAllRowsVisible(true);
        bulkResults.setVisible(false);
        bulkProgress.addClassName("bulk-progress");
        var controls = new HorizontalLayout(bulkList, new VerticalLayout(upload, bulkChannel, bulkAdd));
        var body = new VerticalLayout(controls, bulkProgress, bulkResults);
        body.setPadding(false);
        var details = new Details("Add many numbers", body);
        details.setWidthFull();
        return details;
    }

    static String outcomeLabel(VerificationService.BulkOutcome outcome) {
        return switch (outcome) {
            case CREATED -> "created";
            case CREATED_NO_CODE -> "created, no code";
            case INVALID -> "invalid";
            case ALREADY_PRESENT -> "already present";
            case OVER_LIMIT -> "over the limit";
            case FAILED -> "failed";
        };
    }

    private static StatusBadge.Tone outcomeTone(VerificationService.BulkOutcome outcome) {
        return switch (outcome) {
            case CREATED -> StatusBadge.Tone.SUCCESS;
            case CREATED_NO_CODE, ALREADY_PRESENT -> StatusBadge.Tone.WARNING;
            case INVALID, OVER_LIMIT, FAILED -> StatusBadge.Tone.ERROR;
        };
    }

    static StatusBadge badge(VerifiedNumber v) {
        StatusBadge.Tone tone = v.verified() ? StatusBadge.Tone.SUCCESS : v.pending() ? StatusBadge.Tone.PENDING : StatusBadge.Tone.NEUTRAL;
        return new StatusBadge(v.status(), tone);
    }

    private HorizontalLayout actions(VerifiedNumber v) {
        var row = new HorizontalLayout();
        row.setSpacing(false);
        row.addClassName("row-actions");
        if (!v.verified()) {
            var verify = new Button("Verify…", e -> openVerify(v));
            verify.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            row.add(verify);
        }
        var delete = new Button("Delete", e -> confirmDelete(v));
        delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        row.add(delete);
        return row;
    }

    /** Reads the numbers and the account's tier and limit again from AWS. */
    void reload() {
        try {
            status = service.status();
            numbers = service.numbers();
        } catch (AwsCallException e) {
            Notifications.awsError(e);
            return;
        }
        grid.setItems(numbers);
        if (status.sandbox()) {
            tier.setText("Sandbox account · " + status.usage().replace(" used", " verified numbers used"));
            tier.getElement().setAttribute("data-tier", "SANDBOX");
            note.setText(status.remaining() == 0
                    ? "The account has no room for more verified numbers: delete one to add another."
                    : "Texts reach only the numbers below once VERIFIED (and the SMS simulator numbers). " + status.remaining()
                            + " more can be added.");
        } else {
            tier.setText("Production account");
            tier.getElement().setAttribute("data-tier", String.valueOf(status.tier()));
            note.setText("This account is out of the SMS sandbox: texts reach any number and verification is not needed. "
                    + "Numbers verified earlier are listed below.");
        }
        add.setEnabled(status.sandbox() && status.remaining() > 0);
    }

    private void describeNumber() {
        String value = number.getValue().strip();
        if (value.isEmpty()) {
            number.setInvalid(false);
            number.setHelperText("In international (E.164) form: + and the country code.");
            return;
        }
        try {
            PhoneNumber parsed = PhoneNumber.parse(value);
            number.setInvalid(false);
            number.setHelperText(parsed.international() + " · " + parsed.countryName());
        } catch (PhoneNumber.InvalidPhoneNumberException e) {
            number.setErrorMessage(e.getMessage());
            number.setInvalid(true);
        }
    }

    void addNumber() {
        String value = number.getValue().strip();
        if (value.isEmpty()) {
            number.setErrorMessage("Enter a number, for example +14255550101.");
            number.setInvalid(true);
            return;
        }
        try {
            VerifiedNumber created = service.add(value);
            number.clear();
            Notifications.success("Added " + created.phoneNumber() + ". Send it a code to verify it.");
            reload();
            openVerify(created);
        } catch (PhoneNumber.InvalidPhoneNumberException e) {
            number.setErrorMessage(e.getMessage());
            number.setInvalid(true);
        } catch (AwsCallException e) {
            number.setErrorMessage(e.userMessage());
            number.setInvalid(true);
            Notifications.awsError(e);
            reload();
        }
    }

    void openVerify(VerifiedNumber v) {
        dialog = new VerifyDialog(v);
        dialog.open();
    }

    void confirmDelete(VerifiedNumber v) {
        var confirm = new ConfirmDialog("Delete " + v.phoneNumber() + "?",
                "Texts to this number will be refused while the account is in the sandbox, until it is added and verified again.",
                "Delete", e -> delete(v), "Cancel", e -> { });
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    void delete(VerifiedNumber v) {
        try {
            service.delete(v);
            Notifications.success("Deleted " + v.phoneNumber() + ".");
        } catch (AwsCallException e) {
            Notifications.awsError(e);
        }
        reload();
    }

    void addAll() {
        List<String> inputs = VerificationService.splitList(bulkList.getValue());
        String channel = bulkChannel.getValue();
        if (inputs.isEmpty()) {
            bulkList.setErrorMessage("Paste or upload at least one number.");
            bulkList.setInvalid(true);
            return;
        }
        bulkList.setInvalid(false);
        List<BulkResult> shown = new ArrayList<>();
        bulkResults.setItems(shown);
        bulkResults.setVisible(true);
        bulkAdd.setEnabled(false);
        bulkProgress.setText("Adding " + inputs.size() + " numbers…");
        UI ui = UI.getCurrent();
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext();
        bulkExecutor.execute(() -> {
            var previous = org.springframework.security.core.context.SecurityContextHolder.getContext();
            org.springframework.security.core.context.SecurityContextHolder.setContext(auth);
            try {
                service.addAll(inputs, channel, result -> UiAccess.apply(ui, () -> {
                    shown.add(result);
                    bulkResults.getDataProvider().refreshAll();
                    bulkProgress.setText(shown.size() + " of " + inputs.size() + " done…");
                }));
                UiAccess.apply(ui, () -> {
                    long created = shown.stream().filter(r -> r.outcome() == VerificationService.BulkOutcome.CREATED).count();
                    bulkProgress.setText("Done: " + created + " of " + inputs.size() + " added and sent a code.");
                    bulkAdd.setEnabled(true);
                    reload();
                });
            } catch (IllegalArgumentException e) {
                UiAccess.apply(ui, () -> {
                    bulkList.setErrorMessage(e.getMessage());
                    bulkList.setInvalid(true);
                    bulkProgress.setText("");
                    bulkResults.setVisible(false);
                    bulkAdd.setEnabled(true);
                });
            } catch (AwsCallException e) {
                UiAccess.apply(ui, () -> {
                    Notifications.awsError(e);
                    bulkProgress.setText("Stopped: " + e.userMessage());
                    bulkAdd.setEnabled(true);
                    reload();
                });
            } finally {
                org.springframework.security.core.context.SecurityContextHolder.setContext(previous);
            }
        });
    }


    @Override
    protected void onAttach(AttachEvent attachEvent) {
        Times.learnZone(attachEvent.getUI());
        UI ui = attachEvent.getUI();
        timer = UiAccess.every(ui, Duration.ofSeconds(1), this::tick);
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (timer != null) {
            timer.cancel(false);
        }
    }

    /** Once a second: the resend countdown of an open dialog. */
    void tick() {
        if (dialog != null && dialog.isOpened()) {
            dialog.updateCooldown();
        }
    }

    /** Send a code by text or voice, then enter it. */
    final class VerifyDialog extends Dialog {

        final RadioButtonGroup<String> channel = new RadioButtonGroup<>("Send the code by");
        final Button send = new Button("Send code");
        final Span cooldown = new Span();
        final TextField code = new TextField("Code");
        final Button verify = new Button("Verify");
        private VerifiedNumber number;

        VerifyDialog(VerifiedNumber number) {
            this.number = number;
            setHeaderTitle("Verify " + PhoneNumber.tryParse(number.phoneNumber()).map(PhoneNumber::international).orElse(number.phoneNumber()));
            addClassName("verify-dialog");
            channel.setItems(VerificationService.CHANNELS);
            channel.setItemLabelGenerator(c -> c.equals("TEXT") ? "Text message" : "Voice call");
            channel.setValue("TEXT");
            send.addClickListener(e -> sendCode());
            cooldown.addClassName("cooldown");
            code.setPlaceholder("123456");
            code.setWidth("10em");
            code.setMaxLength(20);
            verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            verify.addClickListener(e -> verifyCode());
            code.addKeyPressListener(Key.ENTER, e -> verifyCode());
            var sendBar = new HorizontalLayout(channel, send, cooldown);
            sendBar.setAlignItems(FlexComponent.Alignment.BASELINE);
            var codeBar = new HorizontalLayout(code, verify);
            codeBar.setAlignItems(FlexComponent.Alignment.BASELINE);
            var body = new VerticalLayout(new Paragraph("1. Send a code to the number. 2. Enter the code it receives."), sendBar, codeBar);
            if (emulated) {
                var inbox = new Anchor(HANDSETS_ROUTE + "?number=" + number.phoneNumber().replace("+", "%2B"),
                        "Open the simulated handset of " + number.phoneNumber());
                inbox.setTarget("_blank");
                body.add(new Div(new Span("Local emulator: the code arrives in the simulated handset. "), inbox));
            }
            body.setPadding(false);
            add(body);
            var close = new Button("Close", e -> close());
            getFooter().add(close);
            updateCooldown();
        }

        void updateCooldown() {
            Duration left = service.cooldownLeft(number.id());
            if (left.isZero()) {
                send.setEnabled(true);
                cooldown.setText("");
            } else {
                send.setEnabled(false);
                cooldown.setText("You can send another code in " + Math.max(1, (left.toMillis() + 999) / 1000) + " s.");
            }
        }

        void sendCode() {
            try {
                service.sendCode(number, channel.getValue());
                Notifications.success("Code sent to " + number.phoneNumber() + " by " + (channel.getValue().equals("TEXT") ? "text." : "voice call."));
                code.focus();
            } catch (AwsCallException e) {
                Notifications.awsError(e);
            } catch (IllegalStateException | IllegalArgumentException e) {
                Notifications.error(e.getMessage());
            }
            updateCooldown();
        }

        void verifyCode() {
            try {
                VerifiedNumber verified = service.verify(number, code.getValue());
                number = verified;
                code.setInvalid(false);
                Notifications.success(verified.phoneNumber() + " is " + verified.status() + ".");
                close();
                reload();
            } catch (IllegalArgumentException e) {
                code.setErrorMessage(e.getMessage());
                code.setInvalid(true);
            } catch (AwsCallException e) {
                code.setErrorMessage(e.userMessage() + " (" + e.supportLine() + ")");
                code.setInvalid(true);
                if (e.isReason("VERIFICATION_ALREADY_COMPLETE")) {
                    reload();
                }
            }
        }

        Optional<VerifiedNumber> number() {
            return Optional.of(number);
        }
    }
}
