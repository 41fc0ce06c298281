package com.example.smsconsole.deliverylog.ui;

import com.example.smsconsole.common.ui.InlineMessage;
import com.example.smsconsole.common.ui.StatusBadge;
import com.example.smsconsole.common.ui.Times;
import com.example.smsconsole.deliverylog.DeliveryLogService;
import com.example.smsconsole.deliverylog.IngestionStatus;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Where ingestion of receipts stands, in one line so the grid below keeps its height: the newest
 * receipt, the lag and the problems (an error, throttling by AWS, log events that are not receipts,
 * which support can list); what is stored, the oldest receipt and the store's size under "Details";
 * "Sync now" for admins with its outcome beside it (decisions 012 and 016).
 *
 * @see "Design decision: docs/decisions/012-20261201-on-page-messages-and-forms.md"
 * @see "Design decision: docs/decisions/016-20261203-delivery-history-height.md"
 */
class IngestionStatusPanel extends Div {

    /** Throttling this recent is shown as a problem. */
    static final Duration THROTTLING_SHOWN_FOR = Duration.ofMinutes(2);

    final Span newest = new Span();
    final Span lag = new Span();
    final Span rate = new Span();
    final Div errors = new Div();
    final Span oldest = new Span();
    final Span size = new Span();
    final Button sync = new Button("Sync now", VaadinIcon.REFRESH.create());
    final Button showMalformed = new Button("Show them");
    final Button toggleDetails = new Button("Details");
    final Div details;
    final InlineMessage syncMessage = new InlineMessage();
    private final DeliveryLogService service;
    private final Clock clock;
    private long malformedTotal;

    IngestionStatusPanel(DeliveryLogService service, Clock clock, boolean canSync, Runnable afterSync) {
        this.service = service;
        this.clock = clock;
        addClassNames("panel", "ingestion-status");
        sync.addThemeVariants(ButtonVariant.LUMO_SMALL);
        sync.setVisible(canSync);
        sync.addClickListener(e -> {
            sync.setEnabled(false);
            syncMessage.clear();
            UI ui = UI.getCurrent();
            service.syncNow().whenComplete((message, failure) -> ui.access(() -> {
                sync.setEnabled(true);
                if (failure != null) {
                    syncMessage.failure(failure);
                } else if (message.startsWith("Synced")) {
                    syncMessage.success(message);
                } else {
                    syncMessage.warning(message);
                }
                refresh();
                afterSync.run();
            }));
        });
        showMalformed.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY_INLINE);
        showMalformed.addClickListener(e -> new MalformedReceiptsDialog(service.malformed(MalformedReceiptsDialog.LIMIT), malformedTotal).open());
        errors.addClassName("status-problems");
        var title = new Span("Ingestion");
        title.addClassName("panel-title");
        syncMessage.addClassName("sync-message");
        details = new Div(line("Stored", rate), line("Oldest receipt", oldest), line("Store size", size));
        details.addClassName("status-details");
        details.setVisible(false);
        toggleDetails.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY_INLINE);
        toggleDetails.getElement().setAttribute("aria-expanded", "false");
        toggleDetails.addClickListener(e -> showDetails(!details.isVisible()));
        var spacer = new Div();
        spacer.addClassName("status-spacer");
        add(title, line("Newest receipt", newest), line("Lag", lag), line("Problems", errors), spacer, toggleDetails, sync, details, syncMessage);
        refresh();
    }

    void showDetails(boolean shown) {
        details.setVisible(shown);
        toggleDetails.setText(shown ? "Hide details" : "Details");
        toggleDetails.getElement().setAttribute("aria-expanded", String.valueOf(shown));
    }

    private static Div line(String label, com.vaadin.flow.component.Component value) {
        var caption = new Span(label);
        caption.addClassName("muted");
        var row = new Div(caption, value);
        row.addClassName("status-line");
        return row;
    }

    void refresh() {
        IngestionStatus status = service.status();
        Instant now = clock.instant();
        newest.setText(status.watermark() == null ? "none yet" : Times.format(status.watermark()) + " " + Times.zoneLabel()
                + " (" + ago(status.watermark(), now) + ")");
        getElement().setAttribute("title", "Log group " + status.logGroup());
        if (!status.enabled()) {
            lag.setText("ingestion is switched off (app.delivery.ingest.enabled)");
        } else if (status.lastSuccessAt() == null) {
            lag.setText(status.running() ? "first sync running" : "not synced yet");
        } else {
            lag.setText("at most " + Times.duration(Duration.between(status.lastSuccessAt(), now)) + " (last sync " + ago(status.lastSuccessAt(), now) + ")");
        }
        rate.setText(String.format(Locale.ROOT, "%,d receipts · %.1f/min", status.eventsTotal(), status.eventsPerMinute()));
        oldest.setText((status.oldestReceipt() == null ? "none" : Times.format(status.oldestReceipt())) + " · kept " + status.retentionDays() + " days");
        size.setText(status.storeBytes() == null ? "not known" : String.format(Locale.ROOT, "%,.1f MB", status.storeBytes() / 1e6));
        errors.removeAll();
        malformedTotal = status.malformedTotal();
        boolean any = false;
        if (status.lastError() != null) {
            errors.add(problem(new StatusBadge("ERROR", StatusBadge.Tone.ERROR), " " + status.lastError() + " (" + ago(status.lastErrorAt(), now) + ")"));
            any = true;
        }
        Instant throttled = service.lastThrottledAt().orElse(null);
        if (throttled != null && Duration.between(throttled, now).compareTo(THROTTLING_SHOWN_FOR) < 0) {
            errors.add(problem(new StatusBadge("THROTTLED", StatusBadge.Tone.WARNING), " AWS throttled FilterLogEvents " + ago(throttled, now)
                    + "; ingestion waits and retries, so new receipts arrive late"));
            any = true;
        }
        if (status.malformedTotal() > 0) {
            var row = problem(new StatusBadge(String.format(Locale.ROOT, "%,d malformed", status.malformedTotal()), StatusBadge.Tone.WARNING),
                    " kept aside, not shown as receipts ");
            row.add(showMalformed);
            errors.add(row);
            any = true;
        }
        if (!any) {
            errors.add(new StatusBadge("none", StatusBadge.Tone.SUCCESS));
        }
    }

    private static Div problem(StatusBadge badge, String text) {
        var row = new Div(badge, new Span(text));
        row.addClassName("status-problem");
        return row;
    }

    private static String ago(@Nullable Instant then, Instant now) {
        return then == null ? "" : Times.duration(Duration.between(then, now)) + " ago";
    }
}
