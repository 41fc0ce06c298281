package com.example.smsconsole.overview.ui;

import com.example.smsconsole.aws.AwsCallException;
import com.example.smsconsole.common.PhoneNumber;
import com.example.smsconsole.common.ui.Notifications;
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
import java.time.Duration;
import java.util.List;
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
    final Grid<NumberRow> numbers = new Grid<>();
    final Grid<OverviewService.PoolRow> pools = new Grid<>();
    final Div delivery = new Div();
    final TextField optOutSearch = new TextField("Search");
    final Grid<OptedOut> optedOut = new Grid<>();
    final TextField optOutNumber = new TextField("Number to opt out");
    final Button optOutAdd = new Button("Add to opt-out list");
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
        checksHeader.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(checksHeader, checks);

        add(new H3("Delivery at a glance"), delivery);
        delivery.addClassName("delivery-glance");

        numbers.addColumn(NumberRow::value).setHeader("Number / sender id").setAutoWidth(true);
        numbers.addColumn(NumberRow::type).setHeader("Type").setAutoWidth(true);
        numbers.addComponentColumn(n -> new StatusBadge(n.status(), "ACTIVE".equals(n.status()) || "REGISTERED".equals(n.status())
                ? StatusBadge.Tone.SUCCESS : StatusBadge.Tone.PENDING)).setHeader("Status").setAutoWidth(true);
        numbers.addColumn(NumberRow::capabilities).setHeader("Capabilities").setAutoWidth(true);
        numbers.addColumn(NumberRow::country).setHeader("Country").setAutoWidth(true);
        numbers.addColumn(n -> n.monthlyCost() == null ? "" : "USD " + n.monthlyCost()).setHeader("Monthly").setAutoWidth(true);
        numbers.addColumn(n -> n.registrationId() == null ? "" : n.registrationId()).setHeader("Registration").setAutoWidth(true);
        numbers.addColumn(n -> n.twoWay() ? "yes" : "no").setHeader("Two-way").setAutoWidth(true);
        numbers.addColumn(n -> n.optOutList() == null ? "" : n.optOutList()).setHeader("Opt-out list").setAutoWidth(true);
        numbers.setAllRowsVisible(true);
        pools.addColumn(p -> p.id() + (p.configured() ? " (the console's)" : "")).setHeader("Pool").setAutoWidth(true);
        pools.addComponentColumn(p -> new StatusBadge(p.status(), "ACTIVE".equals(p.status()) ? StatusBadge.Tone.SUCCESS : StatusBadge.Tone.PENDING))
                .setHeader("Status").setAutoWidth(true);
        pools.addColumn(p -> p.messageType() == null ? "" : p.messageType()).setHeader("Message type").setAutoWidth(true);
        pools.addColumn(OverviewService.PoolRow::identities).setHeader("Identities").setAutoWidth(true);
        pools.addColumn(p -> p.twoWay() ? "yes" : "no").setHeader("Two-way").setAutoWidth(true);
        pools.addColumn(p -> p.optOutList() == null ? "" : p.optOutList()).setHeader("Opt-out list").setAutoWidth(true);
        pools.setAllRowsVisible(true);
        add(new H3("Numbers and sender ids"), numbers, new H3("Pools"), pools);

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
        optOutAdd.addClickListener(e -> confirmOptOut());
        var addBar = new HorizontalLayout(optOutNumber, optOutAdd);
        addBar.setAlignItems(FlexComponent.Alignment.BASELINE);
        addBar.setVisible(admin);
        add(new H3("Opted-out numbers"), optOutSearch, optedOut, addBar);
    }

    /** Each visit reads the numbers, the delivery figures and the opt-out list again; the checks come from their cache. */
    @Override
    public void beforeEnter(com.vaadin.flow.router.BeforeEnterEvent event) {
        loadNumbers();
        loadDelivery();
        loadOptedOut();
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
        for (SetupCheck check : report.checks()) {
            var row = new Div();
            row.addClassNames("setup-check", "check-" + check.level().name().toLowerCase(java.util.Locale.ROOT));
            row.getElement().setAttribute("data-check", check.id());
            row.getElement().setAttribute("data-level", check.level().name());
            var badge = new StatusBadge(switch (check.level()) {
                case GREEN -> "OK";
                case AMBER -> "ATTENTION";
                case RED -> "PROBLEM";
            }, switch (check.level()) {
                case GREEN -> StatusBadge.Tone.SUCCESS;
                case AMBER -> StatusBadge.Tone.WARNING;
                case RED -> StatusBadge.Tone.ERROR;
            });
            var title = new H4(check.title());
            var evidence = new Paragraph(check.evidence());
            evidence.addClassName("check-evidence");
            row.add(new HorizontalLayout(badge, title), evidence);
            if (check.fix() != null) {
                var fix = new Paragraph("Fix: " + check.fix());
                fix.addClassName("check-fix");
                if (check.link() != null) {
                    fix.add(new Span(" "), new Anchor(check.link(), "Open"));
                }
                if (check.variable() != null) {
                    fix.add(new Span(" (" + check.variable() + ")"));
                }
                row.add(fix);
            }
            checks.add(row);
        }
        checksSummary.setText(report.count(SetupCheck.Level.GREEN) + " OK · " + report.count(SetupCheck.Level.AMBER) + " attention · "
                + report.count(SetupCheck.Level.RED) + " problems · checked " + Times.format(report.ranAt()));
        refresh.setEnabled(true);
    }

    void loadNumbers() {
        try {
            numbers.setItems(service.numbers());
            pools.setItems(service.pools());
        } catch (AwsCallException e) {
            Notifications.awsError(e);
        }
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
        try {
            String search = optOutSearch.getValue().strip();
            List<OptedOut> found = service.optedOut(search.isEmpty() ? null : search, 200);
            optedOut.setItems(found);
        } catch (AwsCallException e) {
            Notifications.awsError(e);
        }
    }

    void confirmOptOut() {
        String value = optOutNumber.getValue().strip();
        var parsed = PhoneNumber.tryParse(value);
        if (parsed.isEmpty()) {
            optOutNumber.setErrorMessage(value.isEmpty() ? "Enter a number." : "Not a valid phone number: use + and the country code.");
            optOutNumber.setInvalid(true);
            return;
        }
        optOutNumber.setInvalid(false);
        String e164 = parsed.get().e164();
        var dialog = new ConfirmDialog("Opt out " + e164 + "?",
                "AWS will refuse every text to " + e164 + " from this pool until the number is removed from the opt-out list again.",
                "Opt out", e -> {
                    try {
                        service.optOut(e164);
                        optOutNumber.clear();
                        Notifications.success(e164 + " is on the opt-out list.");
                    } catch (AwsCallException ex) {
                        Notifications.awsError(ex);
                    }
                    loadOptedOut();
                }, "Cancel", e -> { });
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }

    void confirmOptIn(String number) {
        var dialog = new ConfirmDialog("Remove " + number + " from the opt-out list?",
                "Texts to " + number + " will be sent again. Do this only when the recipient asked to receive texts again.",
                "Remove", e -> optIn(number), "Cancel", e -> { });
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }

    void optIn(String number) {
        try {
            service.optIn(number);
            Notifications.success(number + " removed from the opt-out list.");
        } catch (AwsCallException ex) {
            Notifications.awsError(ex);
        }
        loadOptedOut();
    }

    void optOut(String number) {
        try {
            service.optOut(number);
        } catch (AwsCallException ex) {
            Notifications.awsError(ex);
        }
        loadOptedOut();
    }
}
