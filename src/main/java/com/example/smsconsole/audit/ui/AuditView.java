package com.example.smsconsole.audit.ui;

import com.example.smsconsole.audit.AuditEntry;
import com.example.smsconsole.audit.AuditFilter;
import com.example.smsconsole.audit.AuditOutcome;
import com.example.smsconsole.audit.AuditService;
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
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/** The audit log: every audited action, newest first, filtered by who, what, outcome, text and time. */
@Route("audit")
@PageTitle("Audit log")
@Menu(order = 5, icon = "vaadin:records", title = "Audit")
@RolesAllowed(AppRoles.ADMIN)
class AuditView extends VerticalLayout {

    final TextField actor = new TextField("User");
    final ComboBox<String> action = new ComboBox<>("Action");
    final Select<AuditOutcome> outcome = new Select<>();
    final TextField text = new TextField("Target, request id or detail");
    final DateTimePicker from = new DateTimePicker("From");
    final DateTimePicker to = new DateTimePicker("To");
    final Grid<AuditEntry> grid = new Grid<>(AuditEntry.class, false);
    final Span total = new Span();
    private final AuditService auditService;
    private AuditFilter filter = AuditFilter.empty();

    AuditView(AuditService auditService) {
        this.auditService = auditService;
        addClassName("audit-view");
        setSizeFull();

        actor.setClearButtonVisible(true);
        actor.setValueChangeMode(ValueChangeMode.LAZY);
        action.setItems(auditService.actions());
        action.setClearButtonVisible(true);
        outcome.setLabel("Outcome");
        outcome.setItems(AuditOutcome.values());
        outcome.setEmptySelectionAllowed(true);
        outcome.setEmptySelectionCaption("Any");
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setPrefixComponent(VaadinIcon.SEARCH.create());
        from.setStep(java.time.Duration.ofMinutes(15));
        to.setStep(java.time.Duration.ofMinutes(15));
        actor.addValueChangeListener(e -> refresh());
        action.addValueChangeListener(e -> refresh());
        outcome.addValueChangeListener(e -> refresh());
        text.addValueChangeListener(e -> refresh());
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
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
        grid.addColumn(new ComponentRenderer<>(e -> new StatusBadge(e.outcome().name(), tone(e.outcome()))))
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

        add(new ViewHeader("Audit log", "Every action that changed something in AWS, and some console actions: who, when, the outcome and the AWS request id."),
                filters, total, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        Times.learnZone(attachEvent.getUI());
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
            case REFUSED -> StatusBadge.Tone.WARNING;
            case UNKNOWN -> StatusBadge.Tone.PENDING;
        };
    }
}
