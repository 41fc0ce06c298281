package com.example.smsconsole.deliverylog.ui;

import com.example.smsconsole.common.ui.Times;
import com.example.smsconsole.deliverylog.MalformedReceipt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Locale;

/**
 * The newest log events that could not be read as receipts: when, why, and their text exactly as
 * it is in the log group (as plain text, never as markup), for support to act on.
 */
class MalformedReceiptsDialog extends Dialog {

    static final int LIMIT = 50;

    final Div list = new Div();

    MalformedReceiptsDialog(List<MalformedReceipt> malformed, long total) {
        addClassName("malformed-receipts");
        setHeaderTitle("Log events that are not receipts");
        setWidth("min(960px, 95vw)");
        var intro = new Span(String.format(Locale.ROOT, "%,d kept aside in all; the newest %d below, times in %s. They are not counted as"
                + " receipts. Usually the event destination writes something other than SMS events to this log group.",
                total, Math.min(malformed.size(), LIMIT), Times.zoneLabel()));
        intro.addClassName("muted");
        add(intro);
        list.addClassName("malformed-list");
        for (MalformedReceipt m : malformed) {
            var when = new Span(Times.formatMillis(m.loggedAt()));
            when.addClassName("malformed-time");
            var reason = new Span(m.reason());
            reason.addClassName("malformed-reason");
            var where = new Span((m.logStream() == null ? "" : "log stream " + m.logStream() + " · ") + "event id " + m.eventId());
            where.addClassName("muted");
            var raw = new Pre();
            raw.setText(m.raw());
            raw.addClassName("raw-json");
            var item = new Div(when, reason, where, raw);
            item.addClassName("malformed-item");
            list.add(item);
        }
        if (malformed.isEmpty()) {
            list.add(new Span("None stored."));
        }
        add(list);
        getFooter().add(new Button("Close", e -> close()));
    }
}
