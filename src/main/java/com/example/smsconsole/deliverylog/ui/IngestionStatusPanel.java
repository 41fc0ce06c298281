package com.example.smsconsole.deliverylog.ui;

import com.example.smsconsole.common.ui.Notifications;
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

/** Where ingestion of receipts stands, with "Sync now" for admins. */
class IngestionStatusPanel extends Div {

    final Span newest = new Span();
    final Span lag = new Span();
    final Span rate = new Span();
    final Span errors = new Span();
    final Span oldest = new Span();
    final Span size = new Span();
    final Button sync = new Button("Sync now", VaadinIcon.REFRESH.create());
    private final DeliveryLogService service;
    private final Clock clock;

    IngestionStatusPanel(DeliveryLogService service, Clock clock, boolean canSync, Runnable afterSync) {
        this.service = service;
        this.clock = clock;
        addClassNames("panel", "ingestion-status");
        sync.addThemeVariants(ButtonVariant.LUMO_SMALL);
        sync.setVisible(canSync);
        sync.addClickListener(e -> {
            sync.setEnabled(false);
            UI ui = UI.getCurrent();
            service.syncNow().whenComplete((message, failure) -> ui.access(() -> {
                sync.setEnabled(true);
                if (failure != null) {
                    Notifications.error("Sync failed: " + failure.getMessage());
                } else if (message.startsWith("Synced")) {
                    Notifications.success(message);
                } else {
                    Notifications.error(message);
                }
                refresh();
                afterSync.run();
            }));
        });
        var title = new Span("Ingestion");
        title.addClassName("panel-title");
        add(title, line("Newest receipt", newest), line("Lag", lag), line("Stored", rate), line("Problems", errors), line("Oldest receipt", oldest),
                line("Store size", size), sync);
        refresh();
    }

    private static Div line(String label, Span value) {
        var caption = new Span(label);
        caption.addClassName("muted");
        var row = new Div(caption, value);
        row.addClassName("status-line");
        return row;
    }

    void refresh() {
        IngestionStatus status = service.status();
        Instant now = clock.instant();
        newest.setText(status.watermark() == null ? "none yet" : Times.format(status.watermark()) + " (" + ago(status.watermark(), now) + ")");
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
        if (status.lastError() != null) {
            var badge = new StatusBadge("ERROR", StatusBadge.Tone.ERROR);
            errors.add(badge, new Span(" " + status.lastError() + " (" + ago(status.lastErrorAt(), now) + ")"));
        } else if (status.malformedTotal() > 0) {
            errors.add(new StatusBadge(status.malformedTotal() + " malformed", StatusBadge.Tone.WARNING),
                    new Span(" kept aside, not shown as receipts"));
        } else {
            errors.add(new StatusBadge("none", StatusBadge.Tone.SUCCESS));
        }
    }

    private static String ago(@Nullable Instant then, Instant now) {
        return then == null ? "" : Times.duration(Duration.between(then, now)) + " ago";
    }
}
