package com.example.smsconsole.sending.ui;

import com.example.smsconsole.aws.AwsCallException;
import com.example.smsconsole.common.PhoneNumber;
import com.example.smsconsole.common.SmsText;
import com.example.smsconsole.common.ui.Notifications;
import com.example.smsconsole.common.ui.StatusBadge;
import com.example.smsconsole.common.ui.Times;
import com.example.smsconsole.common.ui.UiAccess;
import com.example.smsconsole.common.ui.ViewHeader;
import com.example.smsconsole.deliverylog.DeliveryEvent;
import com.example.smsconsole.deliverylog.DeliveryEventTypes;
import com.example.smsconsole.security.AppRoles;
import com.example.smsconsole.sending.Scenario;
import com.example.smsconsole.sending.TestSend;
import com.example.smsconsole.sending.TestSendRequest;
import com.example.smsconsole.sending.TestSendService;
import com.example.smsconsole.sending.TestSendService.HistoryEntry;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;

/**
 * Compose a test text with a live preview of encoding, parts and cost; the runbook's scenarios in
 * one click; send it and watch its delivery receipts arrive; the user's recent test sends.
 */
@Route("test-send")
@PageTitle("Test send")
@Menu(order = 3, icon = "vaadin:paperplane", title = "Test send")
@RolesAllowed({AppRoles.QA, AppRoles.ADMIN})
class TestSendView extends VerticalLayout {

    final TextField destination = new TextField("Destination");
    final Span numberState = new Span();
    final ComboBox<String> origination = new ComboBox<>("From (origination identity)");
    final ComboBox<String> configurationSet = new ComboBox<>("Configuration set");
    final RadioButtonGroup<String> messageType = new RadioButtonGroup<>("Message type");
    final TextArea body = new TextArea("Message");
    final TextArea context = new TextArea("Context (optional)");
    final Checkbox dryRun = new Checkbox("Dry run (AWS checks the request; nothing is sent or charged)");
    final Button send = new Button("Send test text");
    final Div preview = new Div();
    final Div highlighted = new Div();
    final Button replace = new Button("Replace with GSM characters");
    final Paragraph scenarioNote = new Paragraph();
    final Div result = new Div();
    final Span watchStatus = new Span();
    final Grid<DeliveryEvent> events = new Grid<>();
    final Grid<HistoryEntry> history = new Grid<>();

    private final TestSendService service;
    private Map<String, String> identities = Map.of();
    private @Nullable String watchedMessageId;
    private @Nullable Instant watchStarted;
    private @Nullable ScheduledFuture<?> timer;

    TestSendView(TestSendService service) {
        this.service = service;
        addClassName("test-send-view");
        setWidthFull();
        add(new ViewHeader("Test send", "Compose a test text, see its encoding, parts and cost, send it and watch its delivery receipts."));
        add(scenarios());

        destination.setPlaceholder("+14254147755");
        destination.setWidth("18em");
        destination.setValueChangeMode(ValueChangeMode.LAZY);
        destination.addValueChangeListener(e -> destinationChanged());
        numberState.addClassName("number-state");
        origination.setWidth("26em");
        origination.setItemLabelGenerator(id -> identities.getOrDefault(id, id));
        origination.addValueChangeListener(e -> destinationChanged());
        configurationSet.setWidth("20em");
        configurationSet.setClearButtonVisible(true);
        messageType.setItems(TestSendService.MESSAGE_TYPES);
        messageType.setValue("TRANSACTIONAL");
        body.setWidthFull();
        body.setMinHeight("7em");
        body.setValueChangeMode(ValueChangeMode.EAGER);
        body.addValueChangeListener(e -> updatePreview());
        body.setPlaceholder("Your verification code is 123456.");
        context.setPlaceholder("orderId=1234\nteam=qa");
        context.setHelperText("key=value per line, at most 5; AWS copies them into each delivery receipt.");
        context.setWidth("20em");
        preview.addClassName("sms-preview");
        highlighted.addClassName("sms-highlighted");
        replace.addThemeVariants(ButtonVariant.LUMO_SMALL);
        replace.addClickListener(e -> body.setValue(SmsText.withReplacements(body.getValue())));
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickListener(e -> send());

        var destinationBox = new VerticalLayout(destination, numberState);
        destinationBox.setPadding(false);
        destinationBox.setSpacing(false);
        var row1 = new HorizontalLayout(destinationBox, origination, configurationSet);
        row1.setAlignItems(FlexComponent.Alignment.START);
        row1.getStyle().set("flex-wrap", "wrap");
        var compose = new VerticalLayout(row1, messageType, body, preview, highlighted, replace, new HorizontalLayout(context), dryRun, send);
        compose.setPadding(false);
        compose.addClassName("compose");

        result.addClassName("send-result");
        events.addColumn(e -> Times.formatMillis(e.eventAt())).setHeader("Time").setAutoWidth(true).setFlexGrow(0);
        events.addComponentColumn(e -> new StatusBadge(e.eventType(), tone(e.eventType()))).setHeader("Receipt").setAutoWidth(true);
        events.addColumn(e -> e.statusDescription() == null ? "" : e.statusDescription()).setHeader("Description").setFlexGrow(1);
        events.addColumn(e -> e.price() == null ? "" : "USD " + e.price().toPlainString()).setHeader("Price").setAutoWidth(true);
        events.setAllRowsVisible(true);
        events.setVisible(false);
        watchStatus.addClassName("watch-status");

        history.addColumn(h -> Times.format(h.send().sentAt())).setHeader("Sent").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(h -> h.send().destination()).setHeader("To").setAutoWidth(true);
        history.addColumn(h -> h.send().parts() + " × " + h.send().encoding()).setHeader("Parts").setAutoWidth(true);
        history.addColumn(h -> h.send().estimatedCost() == null ? "" : "USD " + h.send().estimatedCost().toPlainString())
                .setHeader("Estimated").setAutoWidth(true);
        history.addComponentColumn(h -> new StatusBadge(h.finalStatus(), historyTone(h))).setHeader("Status").setAutoWidth(true);
        history.addColumn(h -> h.send().messageId() == null ? Optional.ofNullable(h.send().error()).orElse("") : h.send().messageId())
                .setHeader("Message id / reason").setFlexGrow(1);
        history.setAllRowsVisible(true);
        history.setEmptyStateText("No test texts sent yet.");

        add(compose, new H3("Delivery receipts"), result, watchStatus, events, new H3("Your recent test sends"), history);
        loadChoices();
        updatePreview();
        reloadHistory();
    }

    private HorizontalLayout scenarios() {
        var bar = new HorizontalLayout();
        bar.addClassName("scenarios");
        bar.add(new Span("Scenarios:"));
        for (Scenario scenario : Scenario.values()) {
            var b = new Button(scenario.label(), e -> applyScenario(scenario));
            b.addThemeVariants(ButtonVariant.LUMO_SMALL);
            b.setTooltipText(scenario.expectation());
            b.getElement().setAttribute("data-scenario", scenario.name());
            bar.add(b);
        }
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        scenarioNote.addClassName("scenario-note");
        scenarioNote.setVisible(false);
        var wrapper = new HorizontalLayout(bar);
        wrapper.add(scenarioNote);
        wrapper.setAlignItems(FlexComponent.Alignment.BASELINE);
        wrapper.getStyle().set("flex-wrap", "wrap");
        return wrapper;
    }

    void applyScenario(Scenario scenario) {
        String number = scenario.destination();
        if (number == null) {
            try {
                number = service.optedOutNumber(origination.getValue()).orElse(null);
            } catch (AwsCallException e) {
                Notifications.awsError(e);
                return;
            }
            if (number == null) {
                scenarioNote.setText("The opt-out list of this origination identity is empty: a number is added when its handset replies STOP"
                        + " (with the local emulator: reply STOP under Simulated handsets).");
                scenarioNote.setVisible(true);
                return;
            }
        }
        destination.setValue(number);
        if (body.isEmpty()) {
            body.setValue("Test message from the SMS console: " + scenario.label().toLowerCase(java.util.Locale.ROOT) + ".");
        }
        scenarioNote.setText(scenario.label() + ": " + scenario.expectation());
        scenarioNote.setVisible(true);
    }

    private void loadChoices() {
        try {
            identities = service.originationIdentities();
            origination.setItems(identities.keySet());
            String pool = service.resources().phonePoolId();
            origination.setValue(identities.containsKey(pool) ? pool : identities.keySet().stream().findFirst().orElse(null));
            List<String> sets = service.configurationSets();
            configurationSet.setItems(sets);
            String set = service.resources().configurationSetName();
            if (sets.contains(set)) {
                configurationSet.setValue(set);
            }
        } catch (AwsCallException e) {
            Notifications.awsError(e);
        }
    }

    void destinationChanged() {
        String value = destination.getValue().strip();
        numberState.removeAll();
        numberState.setText("");
        if (value.isEmpty()) {
            destination.setInvalid(false);
            updatePreview();
            return;
        }
        Optional<PhoneNumber> parsed = PhoneNumber.tryParse(value);
        if (parsed.isEmpty()) {
            try {
                PhoneNumber.parse(value);
            } catch (PhoneNumber.InvalidPhoneNumberException e) {
                destination.setErrorMessage(e.getMessage());
            }
            destination.setInvalid(true);
            updatePreview();
            return;
        }
        destination.setInvalid(false);
        try {
            TestSendService.NumberState state = service.numberState(parsed.get(), origination.getValue());
            numberState.add(new Span(parsed.get().international() + " · " + parsed.get().countryName() + " · "),
                    new StatusBadge(state.describe(), state.sendable() ? StatusBadge.Tone.SUCCESS : StatusBadge.Tone.WARNING));
        } catch (AwsCallException e) {
            numberState.setText(parsed.get().international() + " · " + parsed.get().countryName() + " · state unknown (" + e.supportLine() + ")");
        }
        updatePreview();
    }

    void updatePreview() {
        String text = body.getValue();
        TestSendService.Preview p = service.preview(text, destination.getValue().strip());
        SmsText.Analysis a = p.analysis();
        preview.removeAll();
        preview.add(new StatusBadge(a.encoding() == SmsText.Encoding.GSM7 ? "GSM-7" : "UCS-2",
                a.encoding() == SmsText.Encoding.GSM7 ? StatusBadge.Tone.SUCCESS : StatusBadge.Tone.WARNING));
        String parts = a.characters() + " / " + SmsText.MAX_CHARACTERS + " characters · " + a.parts() + (a.parts() == 1 ? " part" : " parts")
                + " (" + a.encoding().singlePart() + " in one part, " + a.encoding().perPart() + " per part when split)"
                + (a.parts() > 0 ? " · " + a.unitsLeftInPart() + " left in this part" : "")
                + (a.extensionCharacters() > 0 ? " · " + a.extensionCharacters() + " character(s) count double" : "");
        var counts = new Span(parts);
        counts.addClassName("sms-counts");
        preview.add(counts);
        if (a.tooLong()) {
            var tooLong = new Span("Too long: AWS accepts at most " + SmsText.MAX_CHARACTERS + " characters.");
            tooLong.addClassName("sms-too-long");
            preview.add(tooLong);
        }
        var cost = new Span(p.estimatedCost() == null ? "Estimated cost: enter a destination number"
                : "Estimated cost: USD " + p.estimatedCost().toPlainString() + " (" + a.parts() + " × USD "
                        + service.prices().perPart(p.country()).total().toPlainString() + " to " + p.country()
                        + (service.prices().lists(p.country()) ? "" : ", a default price") + "; prices of " + service.prices().asOf() + ")");
        cost.addClassName("sms-cost");
        cost.getElement().setAttribute("title", service.prices().source());
        preview.add(cost);

        highlighted.removeAll();
        List<SmsText.NonGsmCharacter> nonGsm = a.nonGsmCharacters();
        highlighted.setVisible(!nonGsm.isEmpty());
        replace.setVisible(nonGsm.stream().anyMatch(c -> c.replacement() != null));
        if (!nonGsm.isEmpty()) {
            highlighted.add(new Span("These characters force UCS-2 (70 characters a part): "));
            int from = 0;
            var textView = new Div();
            textView.addClassName("sms-text");
            for (SmsText.NonGsmCharacter c : nonGsm) {
                if (c.index() > from) {
                    textView.add(new Span(text.substring(from, c.index())));
                }
                var mark = new Span(c.character());
                mark.addClassName("non-gsm");
                mark.getElement().setAttribute("title", c.replacement() == null ? "no GSM-7 equivalent" : "replace with " + c.replacement());
                textView.add(mark);
                from = c.index() + c.character().length();
            }
            if (from < text.length()) {
                textView.add(new Span(text.substring(from)));
            }
            highlighted.add(textView);
        }
    }

    void send() {
        Map<String, String> ctx;
        try {
            ctx = parseContext(context.getValue());
        } catch (IllegalArgumentException e) {
            context.setErrorMessage(e.getMessage());
            context.setInvalid(true);
            return;
        }
        context.setInvalid(false);
        destination.setInvalid(false);
        body.setInvalid(false);
        origination.setInvalid(false);
        var request = new TestSendRequest(destination.getValue().strip(), Optional.ofNullable(origination.getValue()).orElse(""),
                configurationSet.getValue(), Optional.ofNullable(messageType.getValue()).orElse(""), body.getValue(), ctx, dryRun.getValue());
        try {
            TestSendService.SendResult sent = service.send(request);
            TestSend s = sent.send();
            result.removeAll();
            if (s.dryRun()) {
                result.add(new Paragraph("Dry run accepted by AWS for " + s.destination() + " (" + s.parts() + " part(s), estimated USD "
                        + s.estimatedCost() + "). Nothing was sent. Request id " + s.awsRequestId() + "."));
                stopWatching(null);
            } else {
                var id = new Span(s.messageId());
                id.addClassName("message-id");
                result.add(new Paragraph(new Span("Sent to " + s.destination() + ". Message id "), id,
                        new Span(" (request id " + s.awsRequestId() + ")")));
                startWatching(s.messageId());
            }
            Notifications.success(s.dryRun() ? "Dry run passed." : "Sent. Watching its delivery receipts.");
        } catch (TestSendService.InvalidSendException e) {
            switch (e.field()) {
                case "destination" -> invalid(destination, e.getMessage());
                case "body" -> invalid(body, e.getMessage());
                case "context" -> invalid(context, e.getMessage());
                case "origination" -> {
                    origination.setErrorMessage(e.getMessage());
                    origination.setInvalid(true);
                }
                default -> Notifications.error(e.getMessage());
            }
        } catch (TestSendService.RateLimitedException e) {
            Notifications.error(e.getMessage());
        } catch (AwsCallException e) {
            result.removeAll();
            var refusal = new Paragraph(e.userMessage());
            refusal.addClassName("send-refused");
            var support = new Paragraph("AWS " + e.operation() + ": " + e.supportLine());
            support.addClassName("aws-error-support");
            result.add(refusal, support);
            stopWatching(null);
            Notifications.awsError(e);
        }
        reloadHistory();
    }

    private static void invalid(com.vaadin.flow.component.shared.HasValidationProperties field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }

    static Map<String, String> parseContext(String text) {
        Map<String, String> ctx = new LinkedHashMap<>();
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("Write each entry as key=value: \"" + line.strip() + "\"");
            }
            ctx.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        return ctx;
    }

    private void startWatching(@Nullable String messageId) {
        watchedMessageId = messageId;
        watchStarted = Instant.now();
        events.setItems(List.of());
        events.setVisible(true);
        watchStatus.setText("Waiting for receipts…");
    }

    private void stopWatching(@Nullable String why) {
        watchedMessageId = null;
        watchStarted = null;
        events.setVisible(why != null);
        watchStatus.setText(why == null ? "" : why);
    }

    /** Once a second while a message is watched: its receipts so far, until a final one or the time-out. */
    void tick() {
        String id = watchedMessageId;
        if (id == null || watchStarted == null) {
            return;
        }
        List<DeliveryEvent> received = service.events(id);
        events.setItems(received);
        boolean done = received.stream().anyMatch(DeliveryEvent::isFinal);
        Duration waited = Duration.between(watchStarted, Instant.now());
        if (done) {
            DeliveryEvent last = received.stream().filter(DeliveryEvent::isFinal).reduce((a, b) -> b).orElseThrow();
            watchedMessageId = null;
            watchStatus.setText("Final receipt: " + last.eventType() + (last.statusDescription() == null ? "" : " (" + last.statusDescription() + ")")
                    + ".");
            reloadHistory();
        } else if (waited.compareTo(service.watchTimeout()) >= 0) {
            watchedMessageId = null;
            watchStatus.setText("No final receipt yet after " + Times.duration(waited)
                    + ". Receipts can take up to 72 hours; the message stays in Delivery history and in the list below.");
        } else {
            if (waited.getSeconds() % 3 == 0) {
                service.refreshReceipts();
            }
            watchStatus.setText(received.isEmpty() ? "Waiting for receipts… (" + waited.getSeconds() + " s)"
                    : "Waiting for the final receipt… (" + waited.getSeconds() + " s)");
        }
    }

    void reloadHistory() {
        history.setItems(service.history(20));
    }

    private static StatusBadge.Tone tone(String type) {
        if (DeliveryEventTypes.isSuccess(type)) {
            return StatusBadge.Tone.SUCCESS;
        }
        if (DeliveryEventTypes.isFailure(type)) {
            return StatusBadge.Tone.ERROR;
        }
        return StatusBadge.Tone.PENDING;
    }

    private static StatusBadge.Tone historyTone(HistoryEntry h) {
        String status = h.finalStatus();
        if (status.equals("refused")) {
            return StatusBadge.Tone.ERROR;
        }
        if (status.equals("dry run") || status.equals("no receipt yet")) {
            return StatusBadge.Tone.NEUTRAL;
        }
        return tone(status);
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
}
