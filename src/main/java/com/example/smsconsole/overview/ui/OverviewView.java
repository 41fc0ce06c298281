package com.example.smsconsole.overview.ui;

import com.example.smsconsole.aws.AwsCallException;
import com.example.smsconsole.common.PhoneNumber;
import com.example.smsconsole.common.ui.Forms;
import com.example.smsconsole.common.ui.InlineMessage;
import com.example.smsconsole.common.ui.UiAccess;
import com.example.smsconsole.common.ui.StatusBadge;
import com.example.smsconsole.common.ui.Times;
import com.example.smsconsole.common.ui.ViewHeader;
import com.example.smsconsole.deliverylog.DeliverySummary;
import com.example.smsconsole.deliverylog.ui.DeliveryLogNavigation;
import com.example.smsconsole.overview.NumberRow;
import com.example.smsconsole.overview.OptedOut;
import com.example.smsconsole.overview.OverviewService;
import com.example.smsconsole.overview.SetupCheck;
import com.example.smsconsole.overview.SetupChecks;
import com.example.smsconsole.security.AppRoles;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import com.vaadin.flow.data.binder.Binder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The landing page: the setup check (each check green, amber or red with its evidence and fix),
 * numbers and pools, delivery at a glance, and the opt-out list (ADMIN adds and removes).
 */
@Route("")
@PageTitle("Overview")
@Menu(order = 0, icon = "vaadin:dashboard", title = "Overview")
@RolesAllowed({AppRoles.SUPPORT, AppRoles.QA, AppRoles.ADMIN})
class OverviewView extends VerticalLayout implements com.vaadin.flow.router.BeforeEnterObserver {

    private static final Executor CHECKS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "overview-checks");
        t.setDaemon(true);
        return t;
    });

    final Div checks = new Div();
    final Span checksSummary = new Span();
    final Button refresh = new Button("Run checks again");
    /** {@code ?number=<PhoneNumberId or number>} selects that row of the numbers (the registration page links here). */
    static final String NUMBER_PARAMETER = "number";
    final Grid<NumberRow> numbers = new Grid<>();
    final Grid<OverviewService.PoolRow> pools = new Grid<>();
    final Div delivery = new Div();
    final TextField optOutSearch = new TextField("Search");
    final Grid<OptedOut> optedOut = new Grid<>();
    final TextField optOutNumber = new TextField("Number to opt out");
    final Button optOutAdd = new Button("Add to opt-out list");
    final InlineMessage numbersMessage = new InlineMessage();
    final InlineMessage optOutListMessage = new InlineMessage();
    final InlineMessage optOutLoadMessage = new InlineMessage();
    final InlineMessage optOutMessage = new InlineMessage();
    final Binder<OptOutForm> optOutBinder = new Binder<>();

    /** The opt-out form's one field. */
    static final class OptOutForm {
        String number = "";
    }
    /** Runs the setup checks; a background thread, so the page appears before they answer. */
    Executor checksExecutor = CHECKS;

    private final SetupChecks setupChecks;
    private final OverviewService service;
    private final boolean admin;

    OverviewView(SetupChecks setupChecks, OverviewService service) {
        this.setupChecks = setupChecks;
        this.service = service;
        this.admin = hasRole(AppRoles.ADMIN);
        addClassName("overview-view");
        setWidthFull();
        add(new ViewHeader("Overview", "Is everything set up, what numbers send, how delivery goes, who opted out."));

        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        refresh.addClickListener(e -> runChecks(true));
        checksSummary.addClassName("checks-summary");
        checks.addClassName("setup-checks");
        var checksHeader = new HorizontalLayout(new H3("Setup check"), checksSummary, refresh);
        checksHeader.addClassName("checks-header");
        checksHeader.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(checksHeader, checks);

        add(new H3("Delivery at a glance"), delivery);
        delivery.addClassName("delivery-glance");

        // widths that fit 1024 px with the menu open: related values share a column and long ids wrap
        numbers.addColumn(NumberRow::value).setHeader("Number / sender id").setWidth("9.5em").setFlexGrow(0);
        numbers.addColumn(n -> n.type() + " · " + n.capabilities()).setHeader("Type · capabilities").setWidth("9em").setFlexGrow(0);
        numbers.addComponentColumn(n -> new StatusBadge(n.status(), "ACTIVE".equals(n.status()) || "REGISTERED".equals(n.status())
                ? StatusBadge.Tone.SUCCESS : StatusBadge.Tone.PENDING)).setHeader("Status").setWidth("6.5em").setFlexGrow(0);
        numbers.addColumn(n -> n.country() + (n.monthlyCost() == null ? "" : " · USD " + n.monthlyCost())).setHeader("Country · monthly")
                .setWidth("7em").setFlexGrow(0);
        numbers.addColumn(n -> n.registrationId() == null ? "" : n.registrationId()).setHeader("Registration").setWidth("8em").setFlexGrow(1);
        numbers.addColumn(n -> n.twoWay() ? "yes" : "no").setHeader("Two-way").setWidth("4.5em").setFlexGrow(0);
        numbers.addColumn(n -> n.optOutList() == null ? "" : n.optOutList()).setHeader("Opt-out list").setWidth("6em").setFlexGrow(0);
        numbers.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        numbers.setAllRowsVisible(true);
        pools.addColumn(p -> p.id() + (p.configured() ? " (the console's)" : "")).setHeader("Pool").setWidth("12em").setFlexGrow(1);
        pools.addComponentColumn(p -> new StatusBadge(p.status(), "ACTIVE".equals(p.status()) ? StatusBadge.Tone.SUCCESS : StatusBadge.Tone.PENDING))
                .setHeader("Status").setWidth("6.5em").setFlexGrow(0);
        pools.addColumn(p -> p.messageType() == null ? "" : p.messageType()).setHeader("Message type").setWidth("9em").setFlexGrow(0);
        pools.addColumn(OverviewService.PoolRow::identities).setHeader("Identities").setWidth("6em").setFlexGrow(0);
        pools.addColumn(p -> p.twoWay() ? "yes" : "no").setHeader("Two-way").setWidth("4.5em").setFlexGrow(0);
        pools.addColumn(p -> p.optOutList() == null ? "" : p.optOutList()).setHeader("Opt-out list").setWidth("6em").setFlexGrow(0);
        pools.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        pools.setAllRowsVisible(true);
        add(new H3("Numbers and sender ids"), numbersMessage, numbers, new H3("Pools"), pools);

        optOutSearch.setPlaceholder("+1425 or a full number");
        optOutSearch.setValueChangeMode(ValueChangeMode.LAZY);
        optOutSearch.addValueChangeListener(e -> loadOptedOut());
        optedOut.addColumn(OptedOut::number).setHeader("Number").setAutoWidth(true);
        optedOut.addColumn(o -> Times.format(o.optedOutAt())).setHeader("Opted out").setAutoWidth(true);
        optedOut.addColumn(OptedOut::how).setHeader("How").setAutoWidth(true);
        if (admin) {
            optedOut.addComponentColumn(o -> {
                var remove = new Button("Remove", e -> confirmOptIn(o.number()));
                remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                return remove;
            }).setAutoWidth(true).setFlexGrow(0);
        }
        optedOut.setAllRowsVisible(true);
        optedOut.setEmptyStateText("No opted-out numbers match.");
        optOutNumber.setPlaceholder("+14255550123");
        optOutBinder.forField(optOutNumber).asRequired("Enter a number, for example +14255550123.").withValidator(Forms.phoneNumber())
                .bind(f -> f.number, (f, v) -> f.number = v == null ? "" : v.strip());
        optOutBinder.setBean(new OptOutForm());
        optOutAdd.addClickListener(e -> confirmOptOut());
        var addBar = new HorizontalLayout(optOutNumber, optOutAdd, optOutMessage);
        addBar.setAlignItems(FlexComponent.Alignment.BASELINE);
        addBar.setVisible(admin);
        add(new H3("Opted-out numbers"), optOutSearch, optOutLoadMessage, optOutListMessage, optedOut, addBar);
    }

    /** Each visit reads the numbers, the delivery figures and the opt-out list again; the checks come from their cache. */
    @Override
    public void beforeEnter(com.vaadin.flow.router.BeforeEnterEvent event) {
        loadNumbers();
        loadDelivery();
        loadOptedOut();
        event.getLocation().getQueryParameters().getSingleParameter(NUMBER_PARAMETER).filter(id -> !id.isBlank()).ifPresent(this::showNumber);
    }

    /**
     * Selects the number or sender id with this id (or value) and brings it into view: the registration
     * page links its associated numbers here. An id the account does not hold is said above the grid.
     */
    void showNumber(String id) {
        if (numbersMessage.tone() == InlineMessage.Tone.ERROR) {
            return; // the list could not be read; its message says why
        }
        numbers.getListDataView().getItems().filter(n -> id.equals(n.id()) || id.equals(n.value())).findFirst().ifPresentOrElse(row -> {
            numbers.select(row);
            numbers.scrollIntoView();
        }, () -> numbersMessage.warning("The account has no number or sender id " + id + "."));
    }

    private static boolean hasRole(String role) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role));
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        Times.learnZone(attachEvent.getUI());
        if (checks.getChildren().findAny().isEmpty()) {
            runChecks(false);
        }
    }

    void runChecks(boolean force) {
        checksSummary.setText("Running…");
        refresh.setEnabled(false);
        UI ui = UI.getCurrent();
        var auth = SecurityContextHolder.getContext();
        checksExecutor.execute(() -> {
            var previous = SecurityContextHolder.getContext();
            SecurityContextHolder.setContext(auth);
            try {
                SetupChecks.Report report = setupChecks.run(force);
                UiAccess.apply(ui, () -> show(report));
            } finally {
                SecurityContextHolder.setContext(previous);
            }
        });
    }


    void show(SetupChecks.Report report) {
        checks.removeAll();
        // a check can report several findings (the account's tier and its spend, the keywords and the opt-out list):
        // one heading per check, one line per finding, the worst level on the heading
        Map<String, List<SetupCheck>> byId = new LinkedHashMap<>();
        report.checks().forEach(c -> byId.computeIfAbsent(c.id(), id -> new ArrayList<>()).add(c));
        for (List<SetupCheck> findings : byId.values()) {
            SetupCheck first = findings.getFirst();
            SetupCheck.Level worst = findings.stream().map(SetupCheck::level).max(Comparator.naturalOrder()).orElse(first.level());
            var row = new Div();
            row.addClassNames("setup-check", "check-" + worst.name().toLowerCase(Locale.ROOT));
            row.getElement().setAttribute("data-check", first.id());
            row.getElement().setAttribute("data-level", worst.name());
            var heading = new HorizontalLayout(badge(worst), new H4(first.title()));
            heading.addClassName("check-heading");
            heading.setAlignItems(FlexComponent.Alignment.CENTER);
            row.add(heading);
            for (SetupCheck check : findings) {
                var finding = new Div();
                finding.addClassName("check-finding");
                var evidence = new Paragraph();
                evidence.addClassName("check-evidence");
                if (findings.size() > 1) {
                    evidence.add(badge(check.level()), new Span(" "));
                }
                evidence.add(new Span(check.evidence()));
                finding.add(evidence);
                if (check.fix() != null) {
                    var fix = new Paragraph("Fix: " + check.fix());
                    fix.addClassName("check-fix");
                    if (check.link() != null) {
                        fix.add(new Span(" "), new Anchor(check.link(), "Open"));
                    }
                    if (check.variable() != null) {
                        fix.add(new Span(" (" + check.variable() + ")"));
                    }
                    finding.add(fix);
                }
                row.add(finding);
            }
            checks.add(row);
        }
        checksSummary.setText(report.count(SetupCheck.Level.GREEN) + " OK · " + report.count(SetupCheck.Level.AMBER) + " attention · "
                + report.count(SetupCheck.Level.RED) + " problems · checked " + Times.format(report.ranAt()));
        refresh.setEnabled(true);
    }

    private static StatusBadge badge(SetupCheck.Level level) {
        return new StatusBadge(switch (level) {
            case GREEN -> "OK";
            case AMBER -> "ATTENTION";
            case RED -> "PROBLEM";
        }, switch (level) {
            case GREEN -> StatusBadge.Tone.SUCCESS;
            case AMBER -> StatusBadge.Tone.WARNING;
            case RED -> StatusBadge.Tone.ERROR;
        });
    }

    void loadNumbers() {
        numbersMessage.run(() -> {
            numbers.setItems(service.numbers());
            pools.setItems(service.pools());
        });
    }

    void loadDelivery() {
        delivery.removeAll();
        delivery.add(glance("Last 24 hours", Duration.ofHours(24), "24h"), glance("Last 7 days", Duration.ofDays(7), "7d"));
    }

    private Div glance(String title, Duration window, String range) {
        DeliverySummary s = service.delivery(window);
        var card = new Div(new H4(title));
        card.addClassName("glance-card");
        var base = DeliveryLogNavigation.Search.receipts(range).withTab("messages");
        card.add(line("Messages", s.messages(), DeliveryLogNavigation.link(base)));
        card.add(line("Delivered", s.delivered(), DeliveryLogNavigation.link(base.withTypes(Set.of("TEXT_DELIVERED", "TEXT_SUCCESSFUL")))));
        card.add(line("Failed", s.failed(), null));
        s.failedByType().forEach((type, count) -> {
            var l = line("  " + type, count, DeliveryLogNavigation.link(base.withTypes(Set.of(type))));
            l.addClassName("failure-type");
            card.add(l);
        });
        card.add(line("In progress", s.inProgress(), null));
        double rate = s.deliveryRate();
        card.add(new Paragraph("Delivery rate: " + (Double.isNaN(rate) ? "no final receipts yet" : String.format("%.1f %%", rate * 100))));
        card.add(new Paragraph("Spend: USD " + s.spend().setScale(4, java.math.RoundingMode.HALF_UP).toPlainString()
                + " (message price and carrier fees)"));
        if (!s.topFailures().isEmpty()) {
            card.add(new Span("Top failures:"));
            for (DeliverySummary.Failure f : s.topFailures()) {
                card.add(new Paragraph(f.messages() + " × " + f.eventType() + ": " + f.description()));
            }
        }
        return card;
    }

    private static Div line(String label, long count, @org.jspecify.annotations.Nullable String link) {
        var row = new Div(new Span(label + ": "));
        row.addClassName("glance-line");
        if (link == null) {
            row.add(new Span(String.format("%,d", count)));
        } else {
            var a = new Anchor(link, String.format("%,d", count));
            a.getElement().setAttribute("data-label", label.strip());
            row.add(a);
        }
        return row;
    }

    void loadOptedOut() {
        optOutLoadMessage.run(() -> {
            String search = optOutSearch.getValue().strip();
            List<OptedOut> found = service.optedOut(search.isEmpty() ? null : search, 200);
            optedOut.setEmptyStateText(search.isEmpty() ? "The opt-out list is empty." : "No opted-out number matches " + search + ".");
            optedOut.setItems(found);
        });
    }

    void confirmOptOut() {
        optOutMessage.clear();
        if (!Forms.check(optOutBinder)) {
            return;
        }
        String e164 = PhoneNumber.parse(optOutBinder.getBean().number).e164();
        var dialog = new ConfirmDialog("Opt out " + e164 + "?",
                "AWS will refuse every text to " + e164 + " from this pool until the number is removed from the opt-out list again.",
                "Opt out", e -> optOut(e164), "Cancel", e -> { });
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }

    void confirmOptIn(String number) {
        var dialog = new ConfirmDialog("Remove " + number + " from the opt-out list?",
                "Texts to " + number + " will be sent again. Do this only when the recipient asked to receive texts again. AWS allows"
                        + " removing a number only once every 30 days.",
                "Remove", e -> optIn(number), "Cancel", e -> { });
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }

    void optIn(String number) {
        optOutListMessage.clear();
        try {
            service.optIn(number);
            optOutListMessage.success(number + " removed from the opt-out list: texts to it are accepted again.");
        } catch (AwsCallException e) {
            optOutListMessage.error(e.isReason("RESOURCE_DELETION_NOT_ALLOWED") ? e.withUserMessage(removalRefused(number)) : e);
        } catch (RuntimeException e) {
            optOutListMessage.failure(e);
        }
        loadOptedOut();
    }

    /**
     * AWS's rule (API reference, DeleteOptedOutNumber): "Each destination phone number can only be
     * deleted once every 30 days." When this console removed it last, its audit log says when the
     * number may be removed again.
     */
    String removalRefused(String number) {
        String rule = "AWS allows removing a number from an opt-out list only once every 30 days.";
        Optional<Instant> last;
        try {
            last = service.lastRemoval(number);
        } catch (RuntimeException e) {
            last = Optional.empty();
        }
        if (last.isEmpty()) {
            return rule + " " + number + " was removed less than 30 days ago, but not through this console (its audit log has no removal),"
                    + " so the console cannot say the day; it can be removed again 30 days after that removal.";
        }
        return rule + " " + number + " was last removed on " + Times.format(last.get()) + " " + Times.zoneLabel()
                + " (audit log), so it can be removed again from " + Times.format(last.get().plus(OverviewService.OPT_OUT_REMOVAL_INTERVAL))
                + " " + Times.zoneLabel() + ".";
    }

    void optOut(String number) {
        optOutMessage.clear();
        try {
            service.optOut(number);
            optOutBinder.setBean(new OptOutForm());
            optOutMessage.success(number + " is on the opt-out list: AWS refuses texts to it from this pool.");
        } catch (RuntimeException e) {
            optOutMessage.failure(e);
        }
        loadOptedOut();
    }
}
