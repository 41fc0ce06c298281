package com.example.smsconsole.deliverylog.ui;

import com.example.smsconsole.common.PhoneNumber;
import com.example.smsconsole.common.ui.StatusBadge;
import com.example.smsconsole.common.ui.Times;
import com.example.smsconsole.common.ui.UiAccess;
import com.example.smsconsole.common.ui.ViewHeader;
import com.example.smsconsole.deliverylog.DeliveryEvent;
import com.example.smsconsole.deliverylog.DeliverySearch;
import com.example.smsconsole.deliverylog.DeliveryEventTypes;
import com.example.smsconsole.deliverylog.DeliveryLogService;
import com.example.smsconsole.deliverylog.DeliveryMessage;
import com.example.smsconsole.deliverylog.MessageBodies;
import com.example.smsconsole.deliverylog.DeliverySort;
import com.example.smsconsole.deliverylog.SearchDimension;
import com.example.smsconsole.security.AppRoles;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.textfield.TextFieldVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePickerVariant;
import com.vaadin.flow.component.select.SelectVariant;
import com.vaadin.flow.component.combobox.ComboBoxVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBoxVariant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;

/**
 * Delivery history: receipts ingested from CloudWatch Logs, searched by event type (with counts),
 * time range, number (full or prefix), message id, country and finality; the search lives in the
 * address so it can be shared. Receipts newest first in a lazy grid (only the visible page is
 * fetched), the latest state of each message with those pending too long flagged, a chart per
 * type over time, a streamed CSV export, and a live mode. The less common filters are under "More
 * filters" so the receipts keep the page's height.
 *
 * @see "Design decision: docs/decisions/016-20261203-delivery-history-height.md"
 */
@Route(DeliveryLogNavigation.ROUTE)
@PageTitle("Delivery history")
@Menu(order = 4, icon = "vaadin:search", title = "Delivery history")
@RolesAllowed({AppRoles.SUPPORT, AppRoles.QA, AppRoles.ADMIN})
class DeliveryHistoryView extends VerticalLayout implements BeforeEnterObserver {

    static final Map<String, String> RANGES = rangeLabels();

    /** The filter fields that are checked and converted, as the Binder writes them. */
    static final class FilterForm {
        String destination = "";
        String messageId = "";
        SearchDimension.@Nullable ContextMatch context;
        @Nullable LocalDateTime to;
    }

    final MultiSelectComboBox<String> types = new MultiSelectComboBox<>("Event types");
    final Select<String> range = new Select<>();
    final DateTimePicker from = new DateTimePicker("From");
    final DateTimePicker to = new DateTimePicker("To");
    final TextField destination = new TextField("Number");
    final TextField messageId = new TextField("Message id");
    final ComboBox<String> country = new ComboBox<>("Country");
    final TextField origination = new TextField("Sent from");
    final TextField configurationSet = new TextField("Configuration set");
    final TextField context = new TextField("Context");
    final Checkbox finalOnly = new Checkbox("Final only");
    final Checkbox live = new Checkbox("Live");
    /** Shows or hides the filters support uses less often (country, sender, configuration set, context). */
    final Button moreFilters = new Button();
    final HorizontalLayout extraFilters = new HorizontalLayout();
    final Tab receiptsTab = new Tab("Receipts");
    final Tab messagesTab = new Tab("Messages");
    final Tab chartTab = new Tab("Chart");
    final Tabs tabs = new Tabs(receiptsTab, messagesTab, chartTab);
    final Grid<DeliveryEvent> events = new Grid<>(DeliveryEvent.class, false);
    final Grid<DeliveryMessage> messages = new Grid<>(DeliveryMessage.class, false);
    final Checkbox pendingOnly = new Checkbox();
    final Div chart = new Div();
    final Span total = new Span();
    final Anchor export;
    final Span exportNote = new Span();
    final Select<String> timeZone = new Select<>();
    final IngestionStatusPanel status;
    /** Checks the number, message id, context and the custom range's end at their fields. */
    final Binder<FilterForm> filterBinder = new Binder<>();

    private final DeliveryLogService service;
    private final Clock clock;
    private final List<MessageBodies> bodies;
    private final LiveReceipts liveReceipts;
    private @Nullable Runnable unsubscribe;
    private com.vaadin.flow.shared.@Nullable Registration resize;
    private Map<String, Long> typeCounts = Map.of();
    private volatile DeliverySearch filter = DeliverySearch.empty();
    private long eventCount;
    private long messageCount;
    private boolean updating;
    private @Nullable ScheduledFuture<?> timer;
    private int ticks;
    private boolean narrow;

    DeliveryHistoryView(DeliveryLogService service, Clock clock, AuthenticationContext authentication, List<MessageBodies> bodies,
            LiveReceipts liveReceipts) {
        this.service = service;
        this.clock = clock;
        this.bodies = bodies;
        this.liveReceipts = liveReceipts;
        addClassName("delivery-history-view");
        setSizeFull();

        types.setItems(typeItems(Set.of()));
        types.setItemLabelGenerator(t -> t + " (" + String.format(Locale.ROOT, "%,d", typeCounts.getOrDefault(t, 0L)) + ")");
        types.setClearButtonVisible(true);
        types.setPlaceholder("All types");
        types.setWidth("14em");
        range.setLabel("Time");
        range.setItems(RANGES.keySet());
        range.setItemLabelGenerator(RANGES::get);
        range.setValue("24h");
        from.setStep(Duration.ofMinutes(15));
        to.setStep(Duration.ofMinutes(15));
        twentyFourHours(from);
        twentyFourHours(to);
        from.setVisible(false);
        to.setVisible(false);
        destination.setPlaceholder("+14255550123");
        destination.setClearButtonVisible(true);
        destination.setValueChangeMode(ValueChangeMode.LAZY);
        // a hint, not a helper line: a helper line under one field makes the whole filter row taller
        destination.setTooltipText("The full number or its beginning, for example +1425");
        messageId.setClearButtonVisible(true);
        messageId.setValueChangeMode(ValueChangeMode.LAZY);
        country.setItems(Arrays.stream(Locale.getISOCountries()).sorted().toList());
        country.setItemLabelGenerator(code -> code + " · " + PhoneNumber.countryName(code));
        country.setClearButtonVisible(true);
        country.setWidth("12em");
        origination.setPlaceholder("Number or ID");
        origination.setTooltipText("The origination identity the receipt names: the number it was sent from (also through a pool) or the sender ID");
        configurationSet.setPlaceholder("Name");
        context.setPlaceholder("orderId=A-1001");
        context.setTooltipText("A key and value of the send's context, which AWS copies into every receipt");
        for (TextField field : List.of(origination, configurationSet, context)) {
            field.setClearButtonVisible(true);
            field.setValueChangeMode(ValueChangeMode.LAZY);
            field.setWidth("11em");
            field.addValueChangeListener(e -> changed());
        }
        live.getElement().setAttribute("title", "Show new receipts as they are ingested");

        types.addValueChangeListener(e -> changed());
        range.addValueChangeListener(e -> {
            boolean custom = "custom".equals(range.getValue());
            from.setVisible(custom);
            to.setVisible(custom);
            if (custom && from.isEmpty()) {
                LocalDateTime now = LocalDateTime.now(Times.zone()).truncatedTo(ChronoUnit.HOURS).plusHours(1);
                updating = true;
                from.setValue(now.minusDays(1));
                to.setValue(now);
                updating = false;
            }
            changed();
        });
        from.addValueChangeListener(e -> changed());
        to.addValueChangeListener(e -> changed());
        destination.addValueChangeListener(e -> changed());
        messageId.addValueChangeListener(e -> changed());
        country.addValueChangeListener(e -> changed());
        finalOnly.addValueChangeListener(e -> changed());
        live.addValueChangeListener(e -> changed());
        pendingOnly.addValueChangeListener(e -> changed());
        tabs.addSelectedChangeListener(e -> changed());

        export = new Anchor(downloadHandler(), "");
        export.add(VaadinIcon.DOWNLOAD.create(), new Span(" Export CSV"));
        export.getElement().setAttribute("title", "The current search as CSV, newest first, at most "
                + String.format(Locale.ROOT, "%,d", service.exportCap()) + " rows");
        export.addClassName("export-link");
        exportNote.setText("up to " + String.format(Locale.ROOT, "%,d", service.exportCap()) + " rows");
        exportNote.addClassName("muted");
        timeZone.setItems("local", "utc");
        timeZone.setItemLabelGenerator(z -> "utc".equals(z) ? "UTC" : "Local time (" + Times.browserZone().getId() + ")");
        timeZone.setValue(Times.usesUtc() ? "utc" : "local");
        timeZone.setAriaLabel("Times in");
        timeZone.setTooltipText("Show times in UTC or in your browser's time zone (remembered for this session and in the address)");
        timeZone.addClassName("time-zone-choice");
        timeZone.addValueChangeListener(e -> {
            if (e.getValue() != null && !updating && ("utc".equals(e.getValue()) != Times.usesUtc())) {
                zoneChosen("utc".equals(e.getValue()));
            }
        });

        bindFilter();
        small();
        moreFilters.addThemeVariants(ButtonVariant.LUMO_SMALL,
                ButtonVariant.LUMO_TERTIARY);
        moreFilters.addClassName("more-filters");
        moreFilters.addClickListener(e -> showExtraFilters(!extraFilters.isVisible()));
        var filters = new HorizontalLayout(types, range, from, to, destination, messageId, moreFilters, finalOnly, live);
        filters.addClassName("filter-bar");
        filters.setWrap(true);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        extraFilters.add(country, origination, configurationSet, context);
        extraFilters.addClassNames("filter-bar", "extra-filters");
        extraFilters.setWrap(true);
        extraFilters.setAlignItems(FlexComponent.Alignment.BASELINE);
        showExtraFilters(false);

        configureEventsGrid();
        configureMessagesGrid();
        chart.addClassName("chart-holder");
        chart.setWidthFull();
        pendingOnly.setLabel("Only messages without a final receipt after " + Times.duration(service.pendingAfter()));
        total.addClassName("result-count");
        var zoneCaption = new Span("Times in");
        zoneCaption.addClassName("muted");
        // the caption and its choice stay together when the bar wraps
        var zone = new HorizontalLayout(zoneCaption, timeZone);
        zone.setAlignItems(FlexComponent.Alignment.BASELINE);
        zone.setSpacing(false);
        zone.addClassName("time-zone");
        var spacer = new Div();
        var summary = new HorizontalLayout(tabs, total, export, exportNote, pendingOnly, spacer, zone);
        summary.setAlignItems(FlexComponent.Alignment.BASELINE);
        summary.addClassName("result-bar");
        summary.setWidthFull();
        summary.setFlexGrow(1, spacer);
        summary.setWrap(true);

        status = new IngestionStatusPanel(service, clock, authentication.hasRole(AppRoles.ADMIN), this::refresh);
        // the status is one strip under the title, so the grid keeps the height (at least 15 rows at 1400×900)
        var header = new ViewHeader("Delivery history",
                "Receipts from CloudWatch Logs, ingested into the console's store and searched there.");
        status.setWidthFull();

        add(header, status, filters, extraFilters, summary, events, messages, chart);
        addClassName("compact-view");
        setFlexGrow(1, events);
        setFlexGrow(1, messages);
        showTab();
    }

    /** Small fields, so the filters and the result bar take two short lines and the grid the rest (decision 016). */
    private void small() {
        types.addThemeVariants(MultiSelectComboBoxVariant.LUMO_SMALL);
        range.addThemeVariants(SelectVariant.LUMO_SMALL);
        from.addThemeVariants(DateTimePickerVariant.LUMO_SMALL);
        to.addThemeVariants(DateTimePickerVariant.LUMO_SMALL);
        country.addThemeVariants(ComboBoxVariant.LUMO_SMALL);
        timeZone.addThemeVariants(SelectVariant.LUMO_SMALL);
        for (TextField field : List.of(destination, messageId, origination, configurationSet, context)) {
            field.addThemeVariants(TextFieldVariant.LUMO_SMALL);
        }
    }

    /** Opens or closes the less used filters; the button says how many of them are set while they are hidden. */
    void showExtraFilters(boolean wanted) {
        // a field whose message asks for a correction stays in view
        boolean shown = wanted || context.isInvalid();
        extraFilters.setVisible(shown);
        long set = extraSet();
        moreFilters.setText(shown ? "Fewer filters" : set == 0 ? "More filters" : "More filters (" + set + " set)");
        moreFilters.setIcon((shown ? VaadinIcon.ANGLE_UP : VaadinIcon.ANGLE_DOWN).create());
        moreFilters.getElement().setAttribute("aria-expanded", String.valueOf(shown));
    }

    private long extraSet() {
        return (country.getValue() == null ? 0 : 1) + List.of(origination, configurationSet, context).stream()
                .filter(f -> !f.getValue().isBlank()).count();
    }

    private void bindFilter() {
        filterBinder.forField(destination)
                .withConverter(v -> v == null ? "" : v.replaceAll("[\\s().\\-]", ""), v -> v)
                .withValidator(v -> v.isEmpty() || v.matches("\\+[1-9][0-9]{0,14}"),
                        "Start with + and the country code, then digits, for example +1425.")
                .bind(f -> f.destination, (f, v) -> f.destination = v);
        filterBinder.forField(messageId)
                .withConverter(v -> v == null ? "" : v.strip(), v -> v)
                .withValidator(v -> v.isEmpty() || v.matches("[A-Za-z0-9-]{1,64}"), "A message id has letters, digits and dashes only.")
                .bind(f -> f.messageId, (f, v) -> f.messageId = v);
        filterBinder.forField(context)
                .withConverter(DeliveryHistoryView::contextMatch, m -> m == null ? "" : m.toString(),
                        "Write the key, =, and the value, for example orderId=A-1001.")
                .bind(f -> f.context, (f, v) -> f.context = v);
        filterBinder.forField(to)
                .withValidator((end, ignored) -> !"custom".equals(range.getValue()) || end == null || from.getValue() == null
                        || end.atZone(Times.zone()).toInstant().isAfter(from.getValue().atZone(Times.zone()).toInstant())
                        ? ValidationResult.ok() : ValidationResult.error("The end must be after the start."))
                .bind(f -> f.to, (f, v) -> f.to = v);
    }

    /** "orderId=A-1001" as a context match; empty text is none; anything else is refused. */
    private static SearchDimension.@Nullable ContextMatch contextMatch(@Nullable String text) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            return null;
        }
        SearchDimension.ContextMatch match = SearchDimension.ContextMatch.parse(value);
        if (match == null) {
            throw new IllegalArgumentException("not key=value: " + value);
        }
        return match;
    }

    private static Map<String, String> rangeLabels() {
        Map<String, String> ranges = new LinkedHashMap<>();
        ranges.put("30m", "Last 30 minutes");
        ranges.put("1h", "Last hour");
        ranges.put("24h", "Last 24 hours");
        ranges.put("7d", "Last 7 days");
        ranges.put("custom", "Custom range");
        return ranges;
    }

    /** Status and message id may be cut (part name {@code clipped}): the whole value is in the tooltip and in the receipt's details. */
    private void configureEventsGrid() {
        // to the second on narrow windows (the receipt's dialog has the milliseconds), so the status keeps some room
        events.addColumn(e -> narrow ? Times.format(e.eventAt()) : Times.formatMillis(e.eventAt())).setHeader(timeHeader("Time")).setKey("time").setSortable(true)
                .setSortProperty("time").setAutoWidth(true).setFlexGrow(0);
        // "final" sits under the type, so the grid needs no column for it
        events.addColumn(new ComponentRenderer<>(e -> {
            var cell = new Div(typeBadge(e.eventType()));
            cell.addClassName("cell-badges");
            if (e.isFinal()) {
                var mark = new Span("final");
                mark.addClassName("final-mark");
                cell.add(mark);
            }
            return cell;
        })).setHeader("Event").setKey("event").setSortable(true).setSortProperty("type").setAutoWidth(true).setFlexGrow(0);
        events.addColumn(DeliveryEvent::destination).setHeader("Number").setKey("number").setSortable(true).setSortProperty("number")
                .setAutoWidth(true).setFlexGrow(0);
        events.addColumn(DeliveryEvent::country).setHeader("Country").setKey("country").setSortable(true).setSortProperty("country")
                .setAutoWidth(true).setFlexGrow(0);
        events.addColumn(DeliveryEvent::statusDescription).setHeader("Status").setKey("status").setWidth("8em").setFlexGrow(1)
                .setPartNameGenerator(e -> "clipped").setTooltipGenerator(e -> (e.statusDescription() == null ? "" : e.statusDescription() + "\n") + EventTypeHelp.summary(e.eventType()));
        events.addColumn(e -> e.parts() == null ? "" : e.parts().toString()).setHeader("Parts").setKey("parts").setAutoWidth(true).setFlexGrow(0);
        events.addColumn(e -> ReceiptDetailsDialog.usd(e.price())).setHeader("Price").setKey("price").setAutoWidth(true).setFlexGrow(0);
        events.addColumn(DeliveryEvent::messageId).setHeader("Message id").setKey("id").setWidth("11em").setFlexGrow(0)
                .setPartNameGenerator(e -> "mono clipped").setTooltipGenerator(DeliveryEvent::messageId);
        events.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        events.setPageSize(50);
        events.sort(List.of(new GridSortOrder<>(events.getColumnByKey("time"), SortDirection.DESCENDING)));
        events.addItemClickListener(e -> openDetails(e.getItem()));
        events.setEmptyStateText(NO_RECEIPTS);
        events.setSizeFull();
    }

    /**
     * Fits 1024 px without cutting: number and country share a cell, the flags wrap under the
     * status, the description wraps, and the message id is shown whole; parts are in the receipt.
     */
    private void configureMessagesGrid() {
        messages.addColumn(m -> Times.format(m.firstEventAt()) + (m.finalAt() == null ? "" : "\nfinal " + Times.format(m.finalAt())))
                .setHeader(timeHeader("First / final receipt")).setKey("first").setWidth("8.5em").setFlexGrow(1).setPartNameGenerator(m -> "wrap");
        messages.addColumn(m -> m.destination() + (m.country() == null ? "" : " · " + m.country())).setHeader("Number · country")
                .setWidth("9em").setFlexGrow(1).setPartNameGenerator(m -> "wrap");
        messages.addColumn(new ComponentRenderer<>(m -> {
            var cell = new Div(typeBadge(m.latestType()));
            cell.addClassName("cell-badges");
            Duration pending = m.pendingFor(clock.instant(), service.pendingAfter());
            if (pending != null) {
                cell.add(new StatusBadge("pending for " + Times.duration(pending), StatusBadge.Tone.WARNING));
            }
            return cell;
        })).setHeader("Latest status").setWidth("12em").setFlexGrow(0);
        messages.addColumn(DeliveryMessage::latestDescription).setHeader("Description").setWidth("6em").setFlexGrow(3)
                .setPartNameGenerator(m -> "wrap")
                .setTooltipGenerator(m -> (m.latestDescription() == null ? "" : m.latestDescription() + "\n") + EventTypeHelp.summary(m.latestType()));
        messages.addColumn(m -> ReceiptDetailsDialog.usd(m.price() == null ? null : m.carrierFee() == null ? m.price() : m.price().add(m.carrierFee())))
                .setHeader("Price + fee").setKey("price").setWidth("6em").setFlexGrow(0);
        messages.addColumn(DeliveryMessage::messageId).setHeader("Message id").setWidth("9.5em").setFlexGrow(1)
                .setPartNameGenerator(m -> "mono-wrap").setTooltipGenerator(DeliveryMessage::messageId);
        messages.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        messages.setPageSize(50);
        messages.addItemClickListener(e -> {
            List<DeliveryEvent> timeline = service.timeline(e.getItem().messageId());
            if (!timeline.isEmpty()) {
                openDetails(timeline.getLast());
            }
        });
        messages.setEmptyStateText(NO_MESSAGES);
        messages.setSizeFull();
    }

    static final String NO_RECEIPTS = "No receipts match this search.";
    static final String NO_MESSAGES = "No messages match this search.";
    static final String NOT_SEARCHED = "Nothing searched yet: correct the highlighted field.";

    /** "Time (UTC)", "Time (Europe/Berlin)". */
    private static String timeHeader(String name) {
        return name + " (" + Times.zoneLabel() + ")";
    }

    private void zoneChosen(boolean utc) {
        // the custom range keeps the same instants, shown in the new zone
        Instant start = from.getValue() == null ? null : from.getValue().atZone(Times.zone()).toInstant();
        Instant end = to.getValue() == null ? null : to.getValue().atZone(Times.zone()).toInstant();
        Times.useUtc(utc);
        updating = true;
        from.setValue(start == null ? null : LocalDateTime.ofInstant(start, Times.zone()));
        to.setValue(end == null ? null : LocalDateTime.ofInstant(end, Times.zone()));
        updating = false;
        events.getColumnByKey("time").setHeader(timeHeader("Time"));
        messages.getColumnByKey("first").setHeader(timeHeader("First / final receipt"));
        status.refresh();
        refresh();
    }

    /**
     * Below 1300 px of window the grids drop the columns that are also in the receipt dialog
     * (parts, price, message id), so nothing but the status is cut at 1024×768; receipts keep one line
     * each at every width (the status is whole in its tooltip and in the receipt), so a short window
     * still shows many of them (decision 016).
     */
    void fitTo(int windowWidth) {
        boolean wasNarrow = narrow;
        narrow = windowWidth < 1300;
        events.getColumnByKey("parts").setVisible(!narrow);
        events.getColumnByKey("price").setVisible(!narrow);
        // the message id is in the receipt's dialog, one click away; the grid keeps what support scans by
        events.getColumnByKey("id").setVisible(!narrow);
        events.getColumnByKey("status").setWidth(narrow ? "5em" : "8em");
        messages.getColumnByKey("price").setVisible(!narrow);
        if (narrow != wasNarrow) {
            events.getDataProvider().refreshAll();
        }
        events.recalculateColumnWidths();
    }

    /** 24-hour times and ISO dates in the custom range, as in the grids. */
    private static void twentyFourHours(DateTimePicker picker) {
        picker.setLocale(Locale.UK);
        picker.setDatePickerI18n(new DatePicker.DatePickerI18n().setDateFormat("yyyy-MM-dd"));
    }

    /** Every documented type, then every other type present in the store or asked for in the address. */
    private List<String> typeItems(Set<String> selected) {
        List<String> items = new ArrayList<>(DeliveryEventTypes.ALL);
        service.eventTypesPresent().stream().filter(t -> !items.contains(t)).forEach(items::add);
        selected.stream().filter(t -> !items.contains(t)).forEach(items::add);
        return items;
    }

    static StatusBadge typeBadge(String type) {
        StatusBadge.Tone tone = DeliveryEventTypes.isSuccess(type) ? StatusBadge.Tone.SUCCESS
                : DeliveryEventTypes.isInProgress(type) ? StatusBadge.Tone.PENDING : StatusBadge.Tone.ERROR;
        return new StatusBadge(type, tone);
    }

    private void openDetails(DeliveryEvent event) {
        new ReceiptDetailsDialog(service, event, this::bodyOf, id -> {
            updating = true;
            messageId.setValue(id);
            destination.clear();
            updating = false;
            changed();
        }).open();
    }

    private java.util.Optional<String> bodyOf(String messageId) {
        return bodies.stream().map(b -> b.bodyOf(messageId)).flatMap(java.util.Optional::stream).findFirst();
    }

    private DownloadHandler downloadHandler() {
        return event -> {
            event.setFileName("delivery-history-" + Instant.now().truncatedTo(ChronoUnit.SECONDS).toString().replace(":", "") + ".csv");
            event.setContentType("text/csv; charset=utf-8");
            service.exportCsv(filter, event.getOutputStream());
        };
    }

    // ------------------------------------------------------------------ the search and the address

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> params = event.getLocation().getQueryParameters().getParameters();
        updating = true;
        try {
            Set<String> selected = new LinkedHashSet<>();
            for (String type : first(params, "types", "").split(",")) {
                if (!type.isBlank()) {
                    selected.add(type.strip().toUpperCase(Locale.ROOT));
                }
            }
            types.setItems(typeItems(selected));
            types.setValue(selected);
            String zone = first(params, "tz", "");
            if (!zone.isEmpty()) {
                Times.useUtc("utc".equalsIgnoreCase(zone));
            }
            timeZone.setValue(Times.usesUtc() ? "utc" : "local");
            String rangeValue = first(params, "range", "24h");
            range.setValue(RANGES.containsKey(rangeValue) ? rangeValue : "24h");
            if ("custom".equals(range.getValue())) {
                from.setValue(parseTime(first(params, "from", "")));
                to.setValue(parseTime(first(params, "to", "")));
                if (from.isEmpty() && to.isEmpty()) {
                    LocalDateTime now = LocalDateTime.now(Times.zone()).truncatedTo(ChronoUnit.HOURS).plusHours(1);
                    from.setValue(now.minusDays(1));
                    to.setValue(now);
                }
            }
            from.setVisible("custom".equals(range.getValue()));
            to.setVisible("custom".equals(range.getValue()));
            DeliverySearch search = DeliverySearch.fromParameters(params);
            destination.setValue(Objects.requireNonNullElse(search.destination(), ""));
            messageId.setValue(Objects.requireNonNullElse(search.messageId(), ""));
            country.setValue(search.country());
            finalOnly.setValue(search.finalOnly());
            origination.setValue(Objects.requireNonNullElse(search.origination(), ""));
            configurationSet.setValue(Objects.requireNonNullElse(search.configurationSet(), ""));
            // an unreadable context parameter stays in the field, where its message says what is wrong
            context.setValue(search.context() != null ? search.context().toString() : first(params, DeliverySearch.CONTEXT.param(), ""));
            // a search from the address that uses a less common filter shows it
            showExtraFilters(extraFilters.isVisible() || extraSet() > 0);
            live.setValue("true".equals(first(params, "live", "")));
            pendingOnly.setValue("true".equals(first(params, "pending", "")));
            tabs.setSelectedTab(switch (first(params, "tab", "receipts")) {
                case "messages" -> messagesTab;
                case "chart" -> chartTab;
                default -> receiptsTab;
            });
        } finally {
            updating = false;
        }
        refresh();
    }

    private @Nullable LocalDateTime parseTime(String value) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.ofInstant(Instant.parse(value), Times.zone());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String first(Map<String, List<String>> params, String name, String fallback) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? fallback : values.getFirst();
    }

    private void changed() {
        if (!updating) {
            refresh();
        }
    }

    /** Reads the filter fields; null (and messages at the fields, from the Binder) when one of them is not valid. */
    @Nullable DeliverySearch readFilter() {
        var form = new FilterForm();
        if (!filterBinder.writeBeanIfValid(form)) {
            return null;
        }
        Instant now = clock.instant();
        Instant start;
        Instant end;
        switch (range.getValue() == null ? "24h" : range.getValue()) {
            case "30m" -> {
                start = now.minus(Duration.ofMinutes(30));
                end = now.plusSeconds(1);
            }
            case "1h" -> {
                start = now.minus(Duration.ofHours(1));
                end = now.plusSeconds(1);
            }
            case "7d" -> {
                start = now.minus(Duration.ofDays(7));
                end = now.plusSeconds(1);
            }
            case "custom" -> {
                start = from.getValue() == null ? null : from.getValue().atZone(Times.zone()).toInstant();
                end = form.to == null ? null : form.to.atZone(Times.zone()).toInstant();
            }
            default -> {
                start = now.minus(Duration.ofHours(24));
                end = now.plusSeconds(1);
            }
        }
        return DeliverySearch.empty().withRange(start, end).withEventTypes(types.getValue()).withDestination(form.destination)
                .withMessageId(form.messageId).withCountry(country.getValue()).withFinalOnly(finalOnly.getValue())
                .withOrigination(origination.getValue()).withConfigurationSet(configurationSet.getValue()).withContext(form.context);
    }

    void refresh() {
        DeliverySearch next = readFilter();
        if (next == null) {
            // nothing is searched until the highlighted field is corrected
            total.setText("Correct the highlighted field to search.");
            events.setEmptyStateText(NOT_SEARCHED);
            messages.setEmptyStateText(NOT_SEARCHED);
            events.setItems(List.of());
            messages.setItems(List.of());
            chart.removeAll();
            export.setEnabled(false);
            return;
        }
        events.setEmptyStateText(NO_RECEIPTS);
        messages.setEmptyStateText(NO_MESSAGES);
        export.setEnabled(true);
        filter = next;
        writeAddress();
        typeCounts = service.countsByType(next);
        types.getListDataView().refreshAll();
        showTab();
        restartTimer();
    }

    private void showTab() {
        Tab tab = tabs.getSelectedTab();
        events.setVisible(tab == receiptsTab);
        messages.setVisible(tab == messagesTab);
        chart.setVisible(tab == chartTab);
        pendingOnly.setVisible(tab == messagesTab);
        export.setVisible(tab == receiptsTab);
        exportNote.setVisible(tab == receiptsTab);
        DeliverySearch current = filter;
        if (tab == receiptsTab) {
            eventCount = Math.min(Integer.MAX_VALUE, typeCounts.entrySet().stream()
                    .filter(e -> current.eventTypes().isEmpty() || current.eventTypes().contains(e.getKey()))
                    .mapToLong(Map.Entry::getValue).sum());
            total.setText(String.format(Locale.ROOT, "%,d receipt%s", eventCount, eventCount == 1 ? "" : "s"));
            events.setItems(new CallbackDataProvider<>(
                    query -> service.findEventsSorted(current, query.getOffset(), query.getLimit(), sort(query.getSortOrders())).stream(),
                    query -> (int) eventCount));
        } else if (tab == messagesTab) {
            boolean pending = pendingOnly.getValue();
            messageCount = Math.min(Integer.MAX_VALUE, service.countMessages(current, pending));
            total.setText(String.format(Locale.ROOT, "%,d message%s", messageCount, messageCount == 1 ? "" : "s"));
            messages.setItems(new CallbackDataProvider<>(query -> service.findMessages(current, pending, query.getOffset(), query.getLimit()).stream(),
                    query -> (int) messageCount));
        } else {
            Instant start = current.from() == null ? clock.instant().minus(Duration.ofDays(1)) : current.from();
            Instant end = current.to() == null ? clock.instant() : current.to();
            var histogram = service.histogram(current, start, end, 48);
            total.setText(DeliveryChart.summary(histogram));
            chart.removeAll();
            chart.add(DeliveryChart.render(histogram));
        }
    }

    /** The grid's sort as the server's: time, number, type or country (the first sorted column), newest first by default. */
    static DeliverySort sort(List<com.vaadin.flow.data.provider.QuerySortOrder> orders) {
        if (orders.isEmpty()) {
            return DeliverySort.NEWEST_FIRST;
        }
        var first = orders.getFirst();
        boolean ascending = first.getDirection() == SortDirection.ASCENDING;
        return switch (first.getSorted()) {
            case "number" -> new DeliverySort(DeliverySort.Column.NUMBER, ascending);
            case "type" -> new DeliverySort(DeliverySort.Column.TYPE, ascending);
            case "country" -> new DeliverySort(DeliverySort.Column.COUNTRY, ascending);
            default -> DeliverySort.byTime(!ascending);
        };
    }

    private void writeAddress() {
        Map<String, List<String>> params = address();
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, new Location(DeliveryLogNavigation.ROUTE, new QueryParameters(params))));
    }

    /** The query parameters of the page's address for the search shown: the filters, range, tab, live mode and zone. */
    Map<String, List<String>> address() {
        Map<String, List<String>> params = new LinkedHashMap<>();
        String rangeValue = range.getValue() == null ? "24h" : range.getValue();
        DeliveryLogNavigation.parameters(filter, rangeValue).forEach((name, value) -> {
            params.put(name, value);
            if (name.equals("range") && "custom".equals(rangeValue)) {
                if (filter.from() != null) {
                    params.put("from", List.of(filter.from().toString()));
                }
                if (filter.to() != null) {
                    params.put("to", List.of(filter.to().toString()));
                }
            }
        });
        if (live.getValue()) {
            params.put("live", List.of("true"));
        }
        if (tabs.getSelectedTab() == messagesTab) {
            params.put("tab", List.of("messages"));
            if (pendingOnly.getValue()) {
                params.put("pending", List.of("true"));
            }
        } else if (tabs.getSelectedTab() == chartTab) {
            params.put("tab", List.of("chart"));
        }
        if (Times.usesUtc()) {
            params.put("tz", List.of("utc"));
        }
        return params;
    }

    // ------------------------------------------------------------------ live mode and status

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        Times.learnZone(attachEvent.getUI());
        UI ui = attachEvent.getUI();
        ui.getPage().retrieveExtendedClientDetails(details -> fitTo(details.getWindowInnerWidth()));
        resize = ui.getPage().addBrowserWindowResizeListener(e -> fitTo(e.getWidth()));
        // new receipts are pushed at once in live mode (the timer is the fallback)
        unsubscribe = liveReceipts.subscribe(() -> UiAccess.apply(ui, () -> {
            if (live.getValue()) {
                tick();
            }
        }));
        restartTimer();
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (resize != null) {
            resize.remove();
            resize = null;
        }
        if (unsubscribe != null) {
            unsubscribe.run();
            unsubscribe = null;
        }
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    /** Every 3 s in live mode (new receipts appear), else every 15 s for the status panel only. */
    private void restartTimer() {
        if (timer != null) {
            timer.cancel(false);
        }
        UI ui = UI.getCurrent();
        if (ui == null) {
            return;
        }
        long period = live.getValue() ? 3 : 15;
        timer = UiAccess.every(ui, java.time.Duration.ofSeconds(period), this::tick);
    }

    /** In live mode the search runs again (its time range moves with the clock); the status panel refreshes. */
    void tick() {
        if (live.getValue()) {
            DeliverySearch next = readFilter();
            if (next != null) {
                filter = next;
                typeCounts = service.countsByType(next);
                types.getListDataView().refreshAll();
                showTab();
            }
        }
        if (!live.getValue() || ++ticks % 5 == 0) {
            status.refresh();
        }
    }

    DeliverySearch currentFilter() {
        return filter;
    }
}
