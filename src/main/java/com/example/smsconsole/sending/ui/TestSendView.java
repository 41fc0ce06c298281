package com.example.smsconsole.sending.ui;

import com.example.smsconsole.aws.AwsCallException;
import com.example.smsconsole.common.PhoneNumber;
import com.example.smsconsole.common.SmsText;
import com.example.smsconsole.common.ui.Background;
import com.example.smsconsole.common.ui.Forms;
import com.example.smsconsole.common.ui.InlineMessage;
import com.example.smsconsole.common.ui.StatusBadge;
import com.example.smsconsole.common.ui.Times;
import com.example.smsconsole.common.ui.UiAccess;
import com.example.smsconsole.common.ui.ViewHeader;
import com.example.smsconsole.deliverylog.DeliveryEvent;
import com.example.smsconsole.deliverylog.DeliveryEventTypes;
import com.example.smsconsole.deliverylog.ui.DeliveryLogNavigation;
import com.example.smsconsole.security.AppRoles;
import com.example.smsconsole.sending.DestinationCheck;
import com.example.smsconsole.sending.Origination;
import com.example.smsconsole.sending.PriceTable;
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
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
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
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Compose a test text with a live preview of encoding, parts and cost, and what the destination
 * needs from the origination identity; the runbook's scenarios in one click; send it (once: the
 * button is off while the send is in flight) and watch its delivery receipts arrive; the user's
 * recent test sends.
 *
 * @see "Design decision: docs/decisions/012-20261201-on-page-messages-and-forms.md"
 */
@Route("test-send")
@PageTitle("Test send")
@Menu(order = 3, icon = "vaadin:paperplane", title = "Test send")
@RolesAllowed({AppRoles.QA, AppRoles.ADMIN})
class TestSendView extends VerticalLayout {

    /** The most the destination check may keep the page waiting; it goes on in the background after that. */
    static final Duration CHECK_TIME_BOX = Duration.ofSeconds(3);

    /** What the compose form holds; Binder writes every field into it. */
    static final class Compose {
        String destination = "";
        @Nullable String origination;
        @Nullable String configurationSet;
        String messageType = "TRANSACTIONAL";
        String body = "";
        String context = "";
        boolean dryRun;
    }

    final TextField destination = new TextField("Destination");
    final Div destinationCheck = new Div();
    final ComboBox<String> origination = new ComboBox<>("From (origination identity)");
    final ComboBox<String> configurationSet = new ComboBox<>("Configuration set");
    final RadioButtonGroup<String> messageType = new RadioButtonGroup<>("Message type");
    final TextArea body = new TextArea("Message");
    final TextArea context = new TextArea("Context (optional)");
    final Checkbox dryRun = new Checkbox("Dry run (AWS checks the request; nothing is sent or charged)");
    final Button send = new Button("Send test text");
    final InlineMessage sendMessage = new InlineMessage();
    final InlineMessage choicesMessage = new InlineMessage();
    final Div preview = new Div();
    final Div highlighted = new Div();
    final Button replace = new Button("Replace with GSM characters");
    final Paragraph scenarioNote = new Paragraph();
    final Span watchStatus = new Span();
    final Grid<DeliveryEvent> events = new Grid<>();
    final Grid<HistoryEntry> history = new Grid<>();
    final Binder<Compose> binder = new Binder<>();
    final Compose compose = new Compose();
    /** Runs the destination check and the send off the request thread; a view test puts a direct executor here. */
    Executor work = Background.asCurrentUser();

    private final TestSendService service;
    private final Forms.ServerErrors serverErrors = new Forms.ServerErrors();
    private Map<String, Origination> originations = Map.of();
    private @Nullable String watchedMessageId;
    private @Nullable Instant watchStarted;
    private @Nullable ScheduledFuture<?> timer;
    /** Which destination and From the shown check belongs to; a late answer for another is dropped. */
    private @Nullable String checkKey;
    private boolean sending;

    TestSendView(TestSendService service) {
        this.service = service;
        addClassName("test-send-view");
        setWidthFull();
        add(new ViewHeader("Test send", "Compose a test text, see its encoding, parts and cost, send it and watch its delivery receipts."));
        add(scenarios());

        destination.setPlaceholder("+14254147755");
        destination.setWidth("14em");
        destination.setHelperText("+ and the country code");
        destination.setValueChangeMode(ValueChangeMode.LAZY);
        destinationCheck.addClassName("destination-check");
        destinationCheck.setVisible(false);
        origination.setWidth("34em");
        origination.setItemLabelGenerator(id -> Optional.ofNullable(originations.get(id)).map(Origination::label).orElse(id));
        configurationSet.setWidth("16em");
        configurationSet.setClearButtonVisible(true);
        messageType.setItems(TestSendService.MESSAGE_TYPES);
        body.setWidthFull();
        body.setMinHeight("7em");
        body.setValueChangeMode(ValueChangeMode.EAGER);
        body.setPlaceholder("Your verification code is 123456.");
        context.setPlaceholder("orderId=1234\nteam=qa");
        context.setHelperText("key=value per line, at most 5; AWS copies them into each delivery receipt.");
        context.setWidth("24em");
        preview.addClassName("sms-preview");
        highlighted.addClassName("sms-highlighted");
        replace.addThemeVariants(ButtonVariant.LUMO_SMALL);
        replace.addClickListener(e -> body.setValue(SmsText.withReplacements(body.getValue())));
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClassName("send-button");
        // the browser turns the button off at the click, before a second click can reach the server
        send.setDisableOnClick(true);
        send.addClickListener(e -> send());
        sendMessage.addClassName("send-message");
        choicesMessage.addClassName("choices-message");
        bind();

        var row1 = new HorizontalLayout(destination, origination, configurationSet);
        row1.addClassName("compose-row");
        row1.setAlignItems(FlexComponent.Alignment.START);
        row1.setWrap(true);
        var sendBar = new HorizontalLayout(send, sendMessage);
        sendBar.addClassName("send-bar");
        sendBar.setAlignItems(FlexComponent.Alignment.START);
        sendBar.setWidthFull();
        var compose = new VerticalLayout(choicesMessage, row1, destinationCheck, messageType, body, preview, highlighted, replace,
                context, dryRun, sendBar);
        compose.setPadding(false);
        compose.addClassName("compose");

        // fixed widths: auto widths are measured on the first rows, and a later, longer receipt type would be cut
        events.addColumn(e -> Times.formatMillis(e.eventAt())).setHeader("Time (" + Times.zoneLabel() + ")").setWidth("10em")
                .setFlexGrow(0);
        events.addComponentColumn(e -> new StatusBadge(e.eventType(), tone(e.eventType()))).setHeader("Receipt").setWidth("12.5em")
                .setFlexGrow(0);
        events.addColumn(e -> e.statusDescription() == null ? "" : e.statusDescription()).setHeader("Description").setWidth("10em")
                .setFlexGrow(1);
        events.addColumn(e -> usd(e.price())).setHeader("Price").setWidth("5.5em").setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        events.addColumn(e -> usd(e.carrierFee())).setHeader("Carrier fee").setWidth("6.5em").setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END);
        events.addColumn(e -> usd(total(e.price(), e.carrierFee()))).setHeader("Total").setWidth("5.5em").setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END);
        events.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        events.addClassName("receipts-grid");
        events.setAllRowsVisible(true);
        events.setVisible(false);
        watchStatus.addClassName("watch-status");

        history.addColumn(h -> Times.format(h.send().sentAt())).setHeader("Sent").setWidth("8.5em").setFlexGrow(0);
        history.addColumn(h -> h.send().destination()).setHeader("To").setWidth("9em").setFlexGrow(0);
        history.addColumn(h -> h.send().parts() + " × " + h.send().encoding() + " · USD " + usd(h.send().estimatedCost()))
                .setHeader("Parts · estimated total").setWidth("10em").setFlexGrow(0);
        history.addComponentColumn(h -> new StatusBadge(h.finalStatus(), historyTone(h))).setHeader("Status").setWidth("12.5em")
                .setFlexGrow(0);
        history.addColumn(h -> h.send().messageId() == null ? Optional.ofNullable(h.send().error()).orElse("") : h.send().messageId())
                .setHeader("Message id / reason").setWidth("10em").setFlexGrow(1);
        history.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        history.addClassName("history-grid");
        history.setAllRowsVisible(true);
        history.setEmptyStateText("No test texts sent yet.");

        add(compose, new H3("Delivery receipts"), watchStatus, events, new H3("Your recent test sends"), history);
        loadChoices();
        updatePreview();
        reloadHistory();
    }

    private void bind() {
        binder.forField(destination)
                .asRequired("Enter the destination number, for example +14254147755.")
                .withValidator(Forms.phoneNumber())
                .withValidator(serverErrors.validator("destination"))
                .bind(c -> c.destination, (c, v) -> c.destination = v == null ? "" : v.strip());
        binder.forField(origination)
                .asRequired("Choose the pool, phone number or sender ID to send from.")
                .withValidator(serverErrors.validator("origination"))
                .bind(c -> c.origination, (c, v) -> c.origination = v);
        binder.forField(configurationSet).bind(c -> c.configurationSet, (c, v) -> c.configurationSet = v);
        binder.forField(messageType)
                .asRequired("Choose TRANSACTIONAL or PROMOTIONAL.")
                .withValidator(serverErrors.validator("messageType"))
                .bind(c -> c.messageType, (c, v) -> c.messageType = v);
        binder.forField(body)
                .withValidator(v -> v != null && !v.isBlank(), "Write the message: AWS refuses an empty or blank body.")
                .withValidator(v -> !SmsText.analyze(v).tooLong(), "Too long: AWS accepts at most " + SmsText.MAX_CHARACTERS + " characters.")
                .withValidator(serverErrors.validator("body"))
                .bind(c -> c.body, (c, v) -> c.body = v == null ? "" : v);
        binder.forField(context)
                .withValidator((v, ctx) -> {
                    try {
                        checkContext(parseContext(v));
                        return ValidationResult.ok();
                    } catch (IllegalArgumentException e) {
                        return ValidationResult.error(e.getMessage());
                    }
                })
                .withValidator(serverErrors.validator("context"))
                .bind(c -> c.context, (c, v) -> c.context = v == null ? "" : v);
        binder.forField(dryRun).bind(c -> c.dryRun, (c, v) -> c.dryRun = Boolean.TRUE.equals(v));
        binder.setBean(compose);
        serverErrors.clearOnChange("destination", destination);
        serverErrors.clearOnChange("origination", origination);
        serverErrors.clearOnChange("messageType", messageType);
        serverErrors.clearOnChange("body", body);
        serverErrors.clearOnChange("context", context);
        destination.addValueChangeListener(e -> destinationChanged());
        origination.addValueChangeListener(e -> destinationChanged());
        configurationSet.addValueChangeListener(e -> destinationChanged());
        body.addValueChangeListener(e -> updatePreview());
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
        bar.setWrap(true);
        scenarioNote.addClassName("scenario-note");
        scenarioNote.setVisible(false);
        var wrapper = new HorizontalLayout(bar, scenarioNote);
        wrapper.setAlignItems(FlexComponent.Alignment.BASELINE);
        wrapper.setWrap(true);
        return wrapper;
    }

    void applyScenario(Scenario scenario) {
        String number = scenario.destination();
        if (number == null) {
            Optional<Optional<String>> found = sendMessage.call(() -> service.optedOutNumber(origination.getValue()));
            if (found.isEmpty()) {
                return;
            }
            number = found.get().orElse(null);
            if (number == null) {
                scenarioNote.setText("The opt-out list of this origination identity is empty: a number is added when its handset replies STOP"
                        + " (with the local emulator: reply STOP under Simulated handsets).");
                scenarioNote.setVisible(true);
                return;
            }
        }
        destination.setValue(number);
        if (body.isEmpty()) {
            body.setValue("Test message from the SMS console: " + scenario.label().toLowerCase(Locale.ROOT) + ".");
        }
        scenarioNote.setText(scenario.label() + ": " + scenario.expectation());
        scenarioNote.setVisible(true);
    }

    private void loadChoices() {
        choicesMessage.run(() -> {
            List<Origination> all = service.originations();
            Map<String, Origination> byId = new LinkedHashMap<>();
            all.forEach(o -> byId.put(o.id(), o));
            originations = byId;
            origination.setItems(byId.keySet());
            String pool = service.resources().phonePoolId();
            origination.setValue(byId.containsKey(pool) ? pool : byId.keySet().stream().findFirst().orElse(null));
            List<String> sets = service.configurationSets();
            configurationSet.setItems(sets);
            String set = service.resources().configurationSetName();
            if (sets.contains(set)) {
                configurationSet.setValue(set);
            }
        });
    }

    /** The destination's country and what it needs; the AWS look-ups run in the background, time-boxed. */
    void destinationChanged() {
        String value = destination.getValue().strip();
        Optional<PhoneNumber> parsed = PhoneNumber.tryParse(value);
        updatePreview();
        destinationCheck.removeAll();
        if (parsed.isEmpty()) {
            destination.setHelperText("+ and the country code");
            destinationCheck.setVisible(false);
            checkKey = null;
            return;
        }
        PhoneNumber number = parsed.get();
        destination.setHelperText(number.international() + " · " + number.countryName());
        String from = origination.getValue();
        String set = configurationSet.getValue();
        String key = number.e164() + " " + from + " " + set;
        checkKey = key;
        var checking = new Span("Checking " + number.e164() + " against the account…");
        checking.addClassName("check-pending");
        destinationCheck.add(checking);
        destinationCheck.setVisible(true);
        UI ui = UI.getCurrent();
        CompletableFuture<DestinationCheck> running = CompletableFuture.supplyAsync(() -> service.checkDestination(number, from, set), work);
        running.whenComplete((check, error) -> UiAccess.apply(ui, () -> {
            if (key.equals(checkKey)) {
                showCheck(number, check, error);
            }
        }));
        running.copy().orTimeout(CHECK_TIME_BOX.toMillis(), TimeUnit.MILLISECONDS).exceptionally(error -> {
            Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof java.util.concurrent.TimeoutException) {
                UiAccess.apply(ui, () -> {
                    if (key.equals(checkKey) && !running.isDone()) {
                        destinationCheck.removeAll();
                        var slow = new Span("AWS has not answered within " + CHECK_TIME_BOX.toSeconds() + " s, so the state of "
                                + number.e164() + " is unknown for now; this line updates when it answers. You can send anyway.");
                        slow.addClassName("check-pending");
                        destinationCheck.add(slow);
                    }
                });
            }
            return null;
        });
    }

    private void showCheck(PhoneNumber number, @Nullable DestinationCheck check, @Nullable Throwable error) {
        destinationCheck.removeAll();
        destinationCheck.setVisible(true);
        if (check == null) {
            var failed = new InlineMessage();
            failed.failure(error == null ? new IllegalStateException("The check of " + number.e164() + " gave no answer.") : error);
            failed.addClassName("check-failed");
            destinationCheck.add(failed);
            return;
        }
        var headline = new StatusBadge(check.headline(), switch (check.tone()) {
            case GOOD -> StatusBadge.Tone.SUCCESS;
            case CAUTION -> StatusBadge.Tone.WARNING;
            case BAD -> StatusBadge.Tone.ERROR;
        });
        headline.addClassName("check-headline");
        var needs = new Span(check.needs());
        needs.addClassName("check-needs");
        String fromLabel = Optional.ofNullable(origination.getValue()).map(id -> Optional.ofNullable(originations.get(id))
                .map(Origination::label).orElse(id)).orElse("(none)");
        var reach = new Span(switch (check.reach().answer()) {
            case YES -> "From " + fromLabel + " reaches it " + check.reach().why() + ".";
            case MAYBE -> "From " + fromLabel + " may reach it: " + check.reach().why() + "; AWS decides at Send.";
            case NO -> "From " + fromLabel + " cannot reach it: " + check.reach().why() + ".";
        });
        reach.addClassNames("check-reach", "check-reach-" + check.reach().answer().name().toLowerCase(Locale.ROOT));
        destinationCheck.add(headline, needs, reach);
        if (check.alternative() != null) {
            Origination alternative = check.alternative();
            var use = new Button("Send from " + alternative.label(), e -> origination.setValue(alternative.id()));
            use.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY_INLINE);
            use.addClassName("check-alternative");
            destinationCheck.add(use);
        } else if (!check.reachable()) {
            var none = new Span("No origination identity of this account reaches it.");
            none.addClassName("check-reach");
            destinationCheck.add(none);
        }
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
        preview.add(cost(p, a));

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

    /** The estimate in the receipts' own terms: AWS's price, the carrier fee and their total, each for all parts. */
    private Span cost(TestSendService.Preview p, SmsText.Analysis a) {
        String country = p.country();
        Span cost;
        if (country == null) {
            cost = new Span("Estimated cost: enter a destination number");
        } else if (p.estimatedCost() == null) {
            cost = new Span("Estimated cost: write the message");
        } else {
            PriceTable.PartPrice perPart = service.prices().perPart(country);
            BigDecimal parts = BigDecimal.valueOf(a.parts());
            cost = new Span("Estimated cost to " + country + " for " + a.parts() + (a.parts() == 1 ? " part" : " parts") + ": price USD "
                    + usd(perPart.base().multiply(parts)) + " + carrier fee USD " + usd(perPart.carrierFee().multiply(parts)) + " = total USD "
                    + usd(p.estimatedCost()) + (service.prices().lists(country) ? "" : " (a default price)") + " · prices of "
                    + service.prices().asOf());
        }
        cost.addClassName("sms-cost");
        cost.getElement().setAttribute("title", service.prices().source());
        return cost;
    }

    void send() {
        if (sending) {
            return;
        }
        sendMessage.clear();
        serverErrors.clear();
        if (!Forms.check(binder, sendMessage)) {
            send.setEnabled(true);
            return;
        }
        var request = new TestSendRequest(compose.destination, Objects.requireNonNullElse(compose.origination, ""), compose.configurationSet,
                compose.messageType, compose.body, parseContext(compose.context), compose.dryRun);
        sending = true;
        send.setEnabled(false);
        send.setText("Sending…");
        UI ui = UI.getCurrent();
        CompletableFuture.supplyAsync(() -> service.send(request), work)
                .whenComplete((sent, error) -> UiAccess.apply(ui, () -> sent(request, sent, error)));
    }

    void sent(TestSendRequest request, TestSendService.@Nullable SendResult result, @Nullable Throwable error) {
        sending = false;
        send.setText("Send test text");
        send.setEnabled(true);
        if (result != null) {
            TestSend s = result.send();
            if (s.dryRun()) {
                sendMessage.success("Dry run accepted by AWS for " + s.destination() + " (" + s.parts() + " part(s), estimated total USD "
                        + usd(s.estimatedCost()) + "). Nothing was sent. Request id " + s.awsRequestId() + ".");
                stopWatching(null);
            } else {
                var id = new Span(s.messageId());
                id.addClassName("message-id");
                sendMessage.success("Sent to " + s.destination() + ". Watching its delivery receipts below.",
                        new Span(new Span("Message id "), id, new Span(" · request id " + s.awsRequestId())),
                        historyLink(s.destination(), "Delivery history of " + s.destination()));
                startWatching(s.messageId());
            }
            reloadHistory();
            return;
        }
        Throwable failure = error instanceof java.util.concurrent.CompletionException && error.getCause() != null ? error.getCause() : error;
        switch (failure) {
            case TestSendService.InvalidSendException invalid -> {
                serverErrors.put(invalid.field(), invalid.getMessage());
                Forms.check(binder, sendMessage);
            }
            case AwsCallException aws when aws.mayHaveBeenCarriedOut() && !request.dryRun() -> {
                // SendTextMessage has no client token: without an answer the text may still have gone out
                // (see docs/decisions/015-20261202-no-blind-retries.md)
                sendMessage.error(aws, words -> words.contains("may have been sent") ? words
                        : "AWS did not answer in time, so the text may have been sent — check Delivery history for this number before sending again.",
                        historyLink(request.destination().strip(), "Delivery history of " + request.destination().strip()));
                stopWatching(null);
            }
            case null -> sendMessage.error("The send gave no answer.");
            default -> {
                sendMessage.failure(failure);
                stopWatching(null);
            }
        }
        reloadHistory();
    }

    private static Anchor historyLink(String number, String text) {
        String e164 = PhoneNumber.tryParse(number).map(PhoneNumber::e164).orElse(number);
        var link = new Anchor(DeliveryLogNavigation.link(DeliveryLogNavigation.Search.receipts("24h").withDestination(e164)), text);
        link.addClassName("history-link");
        return link;
    }

    static Map<String, String> parseContext(@Nullable String text) {
        Map<String, String> ctx = new LinkedHashMap<>();
        if (text == null) {
            return ctx;
        }
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

    /** The rules of SendTextMessage's Context (botocore: at most 5 entries, keys and values 1 to 100 and 1 to 800 characters). */
    static void checkContext(Map<String, String> ctx) {
        if (ctx.size() > 5) {
            throw new IllegalArgumentException("At most 5 context entries; there are " + ctx.size() + ".");
        }
        for (Map.Entry<String, String> entry : ctx.entrySet()) {
            if (!entry.getKey().matches("\\S{1,100}")) {
                throw new IllegalArgumentException("Context key \"" + entry.getKey() + "\": 1 to 100 characters, no spaces.");
            }
            if (entry.getValue().isEmpty() || entry.getValue().length() > 800) {
                throw new IllegalArgumentException("Context value of \"" + entry.getKey() + "\": 1 to 800 characters.");
            }
        }
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

    private static @Nullable BigDecimal total(@Nullable BigDecimal price, @Nullable BigDecimal carrierFee) {
        if (price == null && carrierFee == null) {
            return null;
        }
        return Objects.requireNonNullElse(price, BigDecimal.ZERO).add(Objects.requireNonNullElse(carrierFee, BigDecimal.ZERO));
    }

    /** USD amounts with the five decimals of AWS's per-part prices, the same in the estimate and the receipts. */
    static String usd(@Nullable BigDecimal amount) {
        return amount == null ? "" : amount.setScale(5, RoundingMode.HALF_UP).toPlainString();
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
