package com.example.smsconsole.verification.ui;

import com.example.smsconsole.aws.AwsCallException;
import com.example.smsconsole.aws.AwsTarget;
import com.example.smsconsole.common.PhoneNumber;
import com.example.smsconsole.common.ui.Forms;
import com.example.smsconsole.common.ui.InlineMessage;
import com.example.smsconsole.common.ui.StatusBadge;
import com.example.smsconsole.common.ui.Times;
import com.example.smsconsole.common.ui.UiAccess;
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
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.value.ValueChangeMode;
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
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Destination numbers a sandbox account may text: the account's limit, add one or many, send a
 * code by text or voice, enter it, delete. Production accounts are told verification is not needed.
 * Each outcome is shown once, next to the control that caused it.
 *
 * @see "Design decision: docs/decisions/012-20261201-on-page-messages-and-forms.md"
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
    static final String NUMBER_HELP = "In international (E.164) form: + and the country code.";
    /**
     * AWS's sandbox page (user guide "Add a destination phone number while in the sandbox", as the
     * project's AWS reference quotes it): the first verification code sent to a number is free;
     * further codes are charged like any text or voice message.
     */
    static final String CODE_COST = "The first verification code to a number is free; every further code to it (a resend, or the number"
            + " added again) is charged like any text or voice call.";

    /** The add form's one field. */
    static final class AddForm {
        String number = "";
    }

    /** The bulk form: the list and the channel. */
    static final class BulkForm {
        String list = "";
        String channel = "TEXT";
    }

    /** The verify dialog's code. */
    static final class CodeForm {
        String code = "";
    }

    final Span tier = new Span();
    final Paragraph note = new Paragraph();
    final InlineMessage pageMessage = new InlineMessage();
    final TextField number = new TextField("Destination number");
    final Button add = new Button("Add number");
    final InlineMessage addMessage = new InlineMessage();
    final Grid<VerifiedNumber> grid = new Grid<>();
    final InlineMessage rowMessage = new InlineMessage();
    final TextArea bulkList = new TextArea("Numbers");
    final RadioButtonGroup<String> bulkChannel = new RadioButtonGroup<>("Send codes by");
    final Paragraph bulkCost = new Paragraph(CODE_COST);
    final Button bulkAdd = new Button("Add all and send codes");
    final InlineMessage bulkMessage = new InlineMessage();
    final Grid<BulkResult> bulkResults = new Grid<>();
    final Span bulkProgress = new Span();
    final Binder<AddForm> addBinder = new Binder<>();
    final Binder<BulkForm> bulkBinder = new Binder<>();
    @Nullable VerifyDialog dialog;
    @Nullable ConfirmDialog bulkConfirm;
    /** Runs a bulk add; a background thread, so the page stays live while it paces its calls. */
    java.util.concurrent.Executor bulkExecutor = BULK;

    private final VerificationService service;
    private final boolean emulated;
    private final Forms.ServerErrors serverErrors = new Forms.ServerErrors();
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
        add(new Div(tier, note), pageMessage);

        number.setPlaceholder("+14255550101");
        number.setHelperText(NUMBER_HELP);
        number.setWidth("18em");
        number.setValueChangeMode(ValueChangeMode.LAZY);
        number.addValueChangeListener(e -> describeNumber());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickShortcut(Key.ENTER);
        add.addClickListener(e -> addNumber());
        addBinder.forField(number)
                .asRequired("Enter a number, for example +14255550101.")
                .withValidator(Forms.phoneNumber())
                .withValidator((value, context) -> duplicate(value).map(v -> ValidationResult.error(v.phoneNumber()
                        + " is already in the list (" + v.status() + ")" + (v.verified() ? "." : ": open Verify… on its row to send it a code.")))
                        .orElse(ValidationResult.ok()))
                .withValidator(serverErrors.validator("number"))
                .bind(f -> f.number, (f, v) -> f.number = v == null ? "" : v.strip());
        addBinder.setBean(new AddForm());
        serverErrors.clearOnChange("number", number);
        var addBar = new HorizontalLayout(number, add, addMessage);
        addBar.setAlignItems(FlexComponent.Alignment.BASELINE);
        addBar.addClassName("add-bar");
        add(addBar);

        // widths that fit 1024 px with the menu open (auto widths measure only the first rows)
        grid.addColumn(v -> PhoneNumber.tryParse(v.phoneNumber()).map(PhoneNumber::international).orElse(v.phoneNumber()))
                .setHeader("Number").setWidth("10em").setFlexGrow(0);
        grid.addColumn(v -> PhoneNumber.tryParse(v.phoneNumber()).map(PhoneNumber::countryName).orElse(""))
                .setHeader("Country").setWidth("7em").setFlexGrow(1);
        grid.addComponentColumn(VerificationView::badge).setHeader("Status").setWidth("9em").setFlexGrow(0);
        grid.addColumn(v -> Times.format(v.createdAt())).setHeader("Added").setWidth("10em").setFlexGrow(0);
        grid.addComponentColumn(this::actions).setHeader("").setWidth("12.5em").setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("No verified destination numbers yet.");
        rowMessage.addClassName("row-message");
        add(rowMessage, grid);

        add(bulkSection());
        reload();
    }

    private Optional<VerifiedNumber> duplicate(@Nullable String value) {
        return PhoneNumber.tryParse(value).flatMap(p -> numbers.stream().filter(n -> n.phoneNumber().equals(p.e164())).findFirst());
    }

    private Details bulkSection() {
        bulkList.setPlaceholder("+14255550101\n+447700900123\n...");
        bulkList.setHelperText("One number per line (or separated by commas). Each is checked first; nothing is sent for a line that is not a number.");
        bulkList.setWidth("24em");
        bulkList.setMinHeight("8em");
        bulkChannel.setItems(VerificationService.CHANNELS);
        bulkChannel.setValue("TEXT");
        bulkChannel.setItemLabelGenerator(c -> c.equals("TEXT") ? "Text" : "Voice call");
        bulkCost.addClassName("bulk-cost");
        Upload upload = new Upload(UploadHandler.inMemory((meta, bytes) -> {
            String text = new String(bytes, StandardCharsets.UTF_8);
            getUI().ifPresent(ui -> UiAccess.apply(ui, () -> bulkList.setValue(text)));
        }));
        upload.setAcceptedFileTypes(".txt", ".csv", "text/plain", "text/csv");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(64 * 1024);
        upload.setUploadButton(new Button("Upload a list (.txt, .csv)"));
        bulkBinder.forField(bulkList)
                .withValidator(v -> !VerificationService.splitList(v == null ? "" : v).isEmpty(), "Paste or upload at least one number.")
                .bind(f -> f.list, (f, v) -> f.list = v == null ? "" : v);
        bulkBinder.forField(bulkChannel).asRequired("Choose text or voice call.").bind(f -> f.channel, (f, v) -> f.channel = v);
        bulkBinder.setBean(new BulkForm());
        bulkAdd.addClickListener(e -> confirmAddAll());
        bulkResults.addColumn(BulkResult::input).setHeader("Line").setWidth("10em").setFlexGrow(0);
        bulkResults.addColumn(r -> r.phoneNumber() == null ? "" : r.phoneNumber()).setHeader("Number").setWidth("9em").setFlexGrow(0);
        bulkResults.addComponentColumn(r -> new StatusBadge(outcomeLabel(r.outcome()), outcomeTone(r.outcome())))
                .setHeader("Result").setWidth("12em").setFlexGrow(0);
        bulkResults.addColumn(BulkResult::message).setHeader("Details").setWidth("12em").setFlexGrow(1);
        bulkResults.addClassName("bulk-results");
        // details are whole sentences with codes and request ids: they wrap instead of being cut
        bulkResults.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        bulkResults.setAllRowsVisible(true);
        bulkResults.setVisible(false);
        bulkProgress.addClassName("bulk-progress");
        var side = new VerticalLayout(upload, bulkChannel, bulkCost, bulkAdd, bulkMessage);
        side.setPadding(false);
        var controls = new HorizontalLayout(bulkList, side);
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
        if (!pageMessage.run(() -> {
            status = service.status();
            numbers = service.numbers();
        })) {
            return;
        }
        grid.setItems(numbers);
        if (status.sandbox()) {
            tier.setText("Sandbox account · " + usage());
            tier.getElement().setAttribute("data-tier", "SANDBOX");
            boolean unverified = numbers.stream().anyMatch(n -> !n.verified());
            note.setText((status.remaining() == 0
                    ? "The account has no room for more verified numbers: delete one to add another."
                    : "Texts reach only the numbers below once VERIFIED (and the SMS simulator numbers). " + status.remaining()
                            + " more can be added.")
                    + (unverified ? " A number that is not verified yet holds its place too, until it is verified or deleted." : ""));
        } else {
            tier.setText("Production account");
            tier.getElement().setAttribute("data-tier", String.valueOf(status.tier()));
            note.setText("This account is out of the SMS sandbox: texts reach any number and verification is not needed. "
                    + "Numbers verified earlier are listed below.");
        }
        add.setEnabled(status.sandbox() && status.remaining() > 0);
    }

    /** "3 of 10 verified numbers used (1 verified, 2 pending)": AWS counts every number the account holds, verified or not. */
    String usage() {
        String used = status.usage().replace(" used", " verified numbers used");
        long verified = numbers.stream().filter(VerifiedNumber::verified).count();
        long other = numbers.size() - verified;
        if (numbers.isEmpty() || other == 0) {
            return used;
        }
        long pending = numbers.stream().filter(VerifiedNumber::pending).count();
        String rest = pending == other ? pending + " pending" : pending + " pending, " + (other - pending) + " in another state";
        return used + " (" + verified + " verified, " + rest + ")";
    }

    private void describeNumber() {
        String value = number.getValue().strip();
        number.setHelperText(PhoneNumber.tryParse(value).map(p -> p.international() + " · " + p.countryName()).orElse(NUMBER_HELP));
    }

    void addNumber() {
        addMessage.clear();
        serverErrors.clear();
        if (!Forms.check(addBinder)) {
            return;
        }
        String value = addBinder.getBean().number;
        try {
            VerifiedNumber created = service.add(value);
            addBinder.setBean(new AddForm());
            addMessage.success("Added " + created.phoneNumber() + ". Send it a code to verify it.");
            reload();
            openVerify(created);
        } catch (PhoneNumber.InvalidPhoneNumberException e) {
            serverErrors.put("number", e.getMessage());
            addBinder.validate();
        } catch (AwsCallException e) {
            // the refusal belongs to the number typed: its words at the field, the support details beside it
            addMessage.atField(number, e);
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
        rowMessage.clear();
        try {
            service.delete(v);
            rowMessage.success("Deleted " + v.phoneNumber() + ".");
        } catch (AwsCallException e) {
            // the service's words (a refused delete says why and since when, with AWS's words on the wait)
            rowMessage.error(e);
        }
        reload();
    }

    /** Says what a bulk add will do and what it may cost before anything is sent. */
    void confirmAddAll() {
        bulkMessage.clear();
        if (!Forms.check(bulkBinder)) {
            return;
        }
        List<String> inputs = VerificationService.splitList(bulkBinder.getBean().list);
        long valid = inputs.stream().filter(i -> PhoneNumber.tryParse(i).isPresent()).count();
        String channel = "TEXT".equals(bulkChannel.getValue()) ? "text" : "voice call";
        bulkConfirm = new ConfirmDialog("Add " + valid + " of " + inputs.size() + " lines and send each a code?",
                "Each valid number is added and sent a verification code by " + channel + ", while the account has room. " + CODE_COST,
                "Add and send codes", e -> addAll(), "Cancel", e -> { });
        bulkConfirm.open();
    }

    void addAll() {
        bulkMessage.clear();
        if (!Forms.check(bulkBinder)) {
            return;
        }
        List<String> inputs = VerificationService.splitList(bulkBinder.getBean().list);
        String channel = bulkBinder.getBean().channel;
        List<BulkResult> shown = new ArrayList<>();
        bulkResults.setItems(shown);
        bulkResults.setVisible(true);
        bulkAdd.setEnabled(false);
        bulkProgress.setText("Adding " + inputs.size() + " numbers…");
        UI ui = UI.getCurrent();
        var auth = SecurityContextHolder.getContext();
        bulkExecutor.execute(() -> {
            var previous = SecurityContextHolder.getContext();
            SecurityContextHolder.setContext(auth);
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
                    // the service's own limits (list too long): told at the button that started it
                    bulkMessage.error(e.getMessage() == null ? "The list cannot be added." : e.getMessage());
                    bulkProgress.setText("");
                    bulkResults.setVisible(false);
                    bulkAdd.setEnabled(true);
                });
            } catch (RuntimeException e) {
                UiAccess.apply(ui, () -> {
                    bulkMessage.failure(e);
                    bulkProgress.setText("Stopped after " + shown.size() + " of " + inputs.size() + ".");
                    bulkAdd.setEnabled(true);
                    reload();
                });
            } finally {
                SecurityContextHolder.setContext(previous);
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
        final InlineMessage sendMessage = new InlineMessage();
        final TextField code = new TextField("Code");
        final Button verify = new Button("Verify");
        final InlineMessage codeMessage = new InlineMessage();
        final Binder<CodeForm> codeBinder = new Binder<>();
        private VerifiedNumber number;

        VerifyDialog(VerifiedNumber number) {
            this.number = number;
            setHeaderTitle("Verify " + PhoneNumber.tryParse(number.phoneNumber()).map(PhoneNumber::international).orElse(number.phoneNumber()));
            addClassName("verify-dialog");
            setWidth("34em");
            channel.setItems(VerificationService.CHANNELS);
            channel.setItemLabelGenerator(c -> c.equals("TEXT") ? "Text message" : "Voice call");
            channel.setValue("TEXT");
            send.addClickListener(e -> sendCode());
            cooldown.addClassName("cooldown");
            code.setPlaceholder("123456");
            code.setWidth("16em");
            code.setMaxLength(20);
            codeBinder.forField(code)
                    .withValidator(v -> v != null && v.strip().matches("[A-Za-z0-9]{1,20}"),
                            "Enter the code from the text or call: letters and digits only.")
                    .bind(f -> f.code, (f, v) -> f.code = v == null ? "" : v.strip());
            codeBinder.setBean(new CodeForm());
            code.addValueChangeListener(e -> codeMessage.clear());
            verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            verify.addClickListener(e -> verifyCode());
            code.addKeyPressListener(Key.ENTER, e -> verifyCode());
            var sendBar = new HorizontalLayout(channel, send, cooldown);
            sendBar.setAlignItems(FlexComponent.Alignment.BASELINE);
            var codeBar = new HorizontalLayout(code, verify);
            codeBar.setAlignItems(FlexComponent.Alignment.BASELINE);
            var cost = new Paragraph(CODE_COST);
            cost.addClassName("code-cost");
            var body = new VerticalLayout(new Paragraph("1. Send a code to the number. 2. Enter the code it receives."), sendBar, sendMessage,
                    codeBar, codeMessage, cost);
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
            String by = channel.getValue();
            if (sendMessage.run(() -> service.sendCode(number, by))) {
                sendMessage.success("Code sent to " + number.phoneNumber() + " by " + ("TEXT".equals(by) ? "text." : "voice call."));
                code.focus();
            }
            updateCooldown();
        }

        void verifyCode() {
            codeMessage.clear();
            if (!Forms.check(codeBinder)) {
                return;
            }
            try {
                VerifiedNumber verified = service.verify(number, codeBinder.getBean().code);
                number = verified;
                code.setInvalid(false);
                close();
                reload();
                rowMessage.success(verified.phoneNumber() + " is " + verified.status() + ".");
            } catch (AwsCallException e) {
                // the short words at the narrow field; code, reason and request id folded under it
                codeMessage.atField(code, e);
                if (e.isReason("VERIFICATION_ALREADY_COMPLETE")) {
                    reload();
                }
            } catch (RuntimeException e) {
                codeMessage.failure(e);
            }
        }

        Optional<VerifiedNumber> number() {
            return Optional.of(number);
        }
    }
}
