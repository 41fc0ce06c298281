package com.example.smsconsole.audit.ui;

import com.example.smsconsole.audit.AuditEntry;
import com.example.smsconsole.audit.AuditFilter;
import com.example.smsconsole.audit.AuditOutcome;
import com.example.smsconsole.audit.AuditService;
import com.example.smsconsole.audit.ChainReport;
import com.example.smsconsole.common.ui.InlineMessage;
import com.example.smsconsole.common.ui.StatusBadge;
import com.example.smsconsole.common.ui.Times;
import com.example.smsconsole.common.ui.ViewHeader;
import com.example.smsconsole.security.AppRoles;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The audit log: every audited action, newest first, filtered by who, what, outcome, text and time.
 * The search lives in the address ({@code ?q=&action=&user=&outcome=&from=&to=}, times as UTC
 * instants), so a search can be reloaded and shared. Above the log, the check of the hash chain.
 * See docs/decisions/005-20261202-audit-design.md.
 */
@Route(AuditView.ROUTE)
@PageTitle("Audit log")
@Menu(order = 5, icon = "vaadin:records", title = "Audit")
@RolesAllowed(AppRoles.ADMIN)
class AuditView extends VerticalLayout implements BeforeEnterObserver {

    static final String ROUTE = "audit";
    /** Typing settles this long before the search runs (one query per pause, not per key). */
    static final int TYPING_PAUSE_MS = 400;

    final TextField actor = new TextField("User");
    final ComboBox<String> action = new ComboBox<>("Action");
    final Select<AuditOutcome> outcome = new Select<>();
    final TextField text = new TextField("Target, request id or detail");
    final DateTimePicker from = new DateTimePicker("From");
    final DateTimePicker to = new DateTimePicker("To");
    final Grid<AuditEntry> grid = new Grid<>(AuditEntry.class, false);
    final Span total = new Span();
    final InlineMessage chain = new InlineMessage();
    final InlineMessage addressProblem = new InlineMessage();
    private final AuditService auditService;
    private AuditFilter filter = AuditFilter.empty();
    private boolean applyingAddress;
    private final List<String> addressProblems = new java.util.ArrayList<>();

    AuditView(AuditService auditService) {
        this.auditService = auditService;
        addClassName("audit-view");
        setSizeFull();

        actor.setClearButtonVisible(true);
        actor.setValueChangeMode(ValueChangeMode.LAZY);
        actor.setValueChangeTimeout(TYPING_PAUSE_MS);
        action.setItems(auditService.actions());
        action.setClearButtonVisible(true);
        outcome.setLabel("Outcome");
        outcome.setItems(AuditOutcome.SUCCESS, AuditOutcome.FAILURE, AuditOutcome.REFUSED, AuditOutcome.UNKNOWN);
        outcome.setItemLabelGenerator(AuditView::label);
        outcome.setEmptySelectionAllowed(true);
        outcome.setEmptySelectionCaption("Any");
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setValueChangeTimeout(TYPING_PAUSE_MS);
        text.setHelperText("Words from their start, for example +1425 or req-");
        text.setPrefixComponent(VaadinIcon.SEARCH.create());
        from.setStep(java.time.Duration.ofMinutes(15));
        to.setStep(java.time.Duration.ofMinutes(15));
        actor.addValueChangeListener(e -> searchChanged());
        action.addValueChangeListener(e -> searchChanged());
        outcome.addValueChangeListener(e -> searchChanged());
        text.addValueChangeListener(e -> searchChanged());
        from.addValueChangeListener(e -> searchChanged());
        to.addValueChangeListener(e -> searchChanged());
        var reset = new Button("Reset", VaadinIcon.CLOSE_SMALL.create(), e -> reset());
        reset.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var filters = new HorizontalLayout(actor, action, outcome, text, from, to, reset);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.addClassName("filter-bar");
        filters.setWrap(true);

        grid.addColumn(e -> Times.format(e.occurredAt())).setHeader("Time").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEntry::actor).setHeader("User").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEntry::role).setHeader("Role").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEntry::action).setHeader("Action").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEntry::target).setHeader("Target").setFlexGrow(1);
        grid.addColumn(new ComponentRenderer<>(e -> new StatusBadge(label(e.outcome()), tone(e.outcome()))))
                .setHeader("Outcome").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEntry::awsRequestId).setHeader("AWS request id").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEntry::detail).setHeader("Detail").setFlexGrow(2);
        grid.setItemDetailsRenderer(new ComponentRenderer<>(e -> {
            var detail = new Pre(e.detail() == null ? "(no detail)" : e.detail());
            detail.addClassName("audit-detail");
            return detail;
        }));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setSizeFull();
        total.addClassName("result-count");
        chain.addClassName("audit-chain");

        add(new ViewHeader("Audit log", "Every action that changed something in AWS, and some console actions: who, when, the outcome and the AWS request id."),
                chain, filters, addressProblem, total, grid);
        setFlexGrow(1, grid);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        Times.learnZone(attachEvent.getUI());
        showChain();
    }

    /** Checks the hash chain and says whether it is intact or where it breaks. */
    void showChain() {
        chain.call(auditService::verifyChain).ifPresent(this::showChain);
    }

    private void showChain(ChainReport report) {
        String before = report.beforeChain() == 0 ? ""
                : " " + report.beforeChain() + (report.beforeChain() == 1 ? " older entry precedes" : " older entries precede")
                        + " the chain and " + (report.beforeChain() == 1 ? "is" : "are") + " not covered.";
        if (report.intact()) {
            chain.success("Hash chain intact (" + report.entries() + (report.entries() == 1 ? " entry" : " entries")
                    + "), newest hash " + report.headHash().substring(0, 16) + "…." + before);
        } else {
            chain.error("Hash chain broken at entry " + report.brokenAtId() + " ("
                    + (report.brokenAtTime() == null ? "?" : Times.format(report.brokenAtTime())) + "): " + report.problem()
                    + ". The log may have been changed outside the console." + before);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> params = event.getLocation().getQueryParameters().getParameters();
        applyingAddress = true;
        addressProblems.clear();
        try {
            text.setValue(first(params, "q"));
            actor.setValue(first(params, "user"));
            String wantedAction = first(params, "action");
            action.setValue(wantedAction.isEmpty() ? null : wantedAction);
            outcome.setValue(outcomeOf(first(params, "outcome")));
            from.setValue(timeOf(first(params, "from"), "from"));
            to.setValue(timeOf(first(params, "to"), "to"));
        } finally {
            applyingAddress = false;
        }
        if (addressProblems.isEmpty()) {
            addressProblem.clear();
        } else {
            addressProblem.warning(String.join(" ", addressProblems));
        }
        refresh();
    }

    private void searchChanged() {
        if (applyingAddress) {
            return;
        }
        refresh();
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, new Location(ROUTE, new QueryParameters(address()))));
    }

    /** The search as query parameters; empty parts are left out. */
    Map<String, List<String>> address() {
        Map<String, List<String>> params = new LinkedHashMap<>();
        put(params, "q", filter.text());
        put(params, "action", filter.action());
        put(params, "user", filter.actor());
        put(params, "outcome", filter.outcome() == null ? null : filter.outcome().name());
        put(params, "from", filter.from() == null ? null : filter.from().toString());
        put(params, "to", filter.to() == null ? null : filter.to().toString());
        return params;
    }

    private static void put(Map<String, List<String>> params, String name, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            params.put(name, List.of(value));
        }
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() || values.getFirst() == null ? "" : values.getFirst().strip();
    }

    private @Nullable AuditOutcome outcomeOf(String value) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            AuditOutcome wanted = AuditOutcome.valueOf(value.toUpperCase(java.util.Locale.ROOT));
            return wanted == AuditOutcome.ATTEMPTED ? AuditOutcome.UNKNOWN : wanted;
        } catch (IllegalArgumentException e) {
            addressProblems.add("The address asks for outcome '" + value + "', which the log does not have; every outcome is shown.");
            return null;
        }
    }

    private @Nullable LocalDateTime timeOf(String value, String name) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return LocalDateTime.ofInstant(Instant.parse(value), Times.zone());
        } catch (DateTimeParseException e) {
            addressProblems.add("The address's " + name + " time '" + value + "' is not a time like 2026-12-02T09:30:00Z; it is left out of the search.");
            return null;
        }
    }

    private void reset() {
        actor.clear();
        action.clear();
        outcome.clear();
        text.clear();
        from.clear();
        to.clear();
    }

    void refresh() {
        filter = AuditFilter.empty()
                .withActor(actor.getValue())
                .withAction(action.getValue())
                .withOutcome(outcome.getValue())
                .withText(text.getValue())
                .withRange(toInstant(from.getValue()), toInstant(to.getValue()));
        AuditFilter current = filter;
        long count = auditService.count(current);
        total.setText(count == 1 ? "1 entry" : count + " entries");
        grid.setItems(query -> auditService.find(current, query.getOffset(), query.getLimit()).stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, auditService.count(current)));
    }

    private static java.time.@Nullable Instant toInstant(@Nullable LocalDateTime value) {
        return value == null ? null : value.truncatedTo(ChronoUnit.MINUTES).atZone(Times.zone()).toInstant();
    }

    private static StatusBadge.Tone tone(AuditOutcome outcome) {
        return switch (outcome) {
            case SUCCESS -> StatusBadge.Tone.SUCCESS;
            case FAILURE -> StatusBadge.Tone.ERROR;
            case REFUSED, ATTEMPTED, UNKNOWN -> StatusBadge.Tone.WARNING;
        };
    }

    /** An attempt that nothing completed and a call without an answer both read "OUTCOME UNKNOWN". */
    static String label(@Nullable AuditOutcome outcome) {
        if (outcome == null) {
            return "Any";
        }
        return outcome == AuditOutcome.ATTEMPTED || outcome == AuditOutcome.UNKNOWN ? "OUTCOME UNKNOWN" : outcome.name();
    }
}
