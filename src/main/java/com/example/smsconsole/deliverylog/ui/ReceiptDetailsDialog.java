package com.example.smsconsole.deliverylog.ui;

import com.example.smsconsole.common.PhoneNumber;
import com.example.smsconsole.common.ui.Times;
import com.example.smsconsole.deliverylog.DeliveryEvent;
import com.example.smsconsole.deliverylog.DeliveryLogService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** One receipt: every field, the raw JSON as AWS wrote it, and the whole timeline of its message. */
class ReceiptDetailsDialog extends Dialog {

    private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    final Grid<DeliveryEvent> timeline = new Grid<>(DeliveryEvent.class, false);
    final Pre raw = new Pre();

    static final String NO_BODY = "AWS receipts do not carry the message body. This text was not sent from this console's Test send page,"
            + " so the console does not know it: ask the system that sent it.";

    final Pre body = new Pre();
    final Span bodyNote = new Span();

    ReceiptDetailsDialog(DeliveryLogService service, DeliveryEvent event, Function<String, Optional<String>> bodies,
            Consumer<String> showMessage) {
        addClassName("receipt-details");
        setHeaderTitle(event.eventType() + " · " + Times.formatMillis(event.eventAt()));
        setWidth("min(960px, 95vw)");
        var fields = new Div();
        fields.addClassName("field-grid");
        add(fields);
        field(fields, "Event type", DeliveryHistoryView.typeBadge(event.eventType()));
        field(fields, "What it means", EventTypeHelp.explain(event.eventType()));
        field(fields, "Final", text(event.isFinal() ? "yes (the message's delivery ends here)" : "no"));
        field(fields, "Event time", text(Times.formatMillis(event.eventAt()) + " " + Times.zoneLabel()));
        field(fields, "Received by CloudWatch Logs", text(Times.formatMillis(event.ingestedAt()) + " " + Times.zoneLabel()));
        field(fields, "Requested", text(event.requestedAt() == null ? "" : Times.formatMillis(event.requestedAt()) + " " + Times.zoneLabel()));
        field(fields, "Message id", mono(event.messageId()));
        field(fields, "Destination", text(PhoneNumber.tryParse(event.destination()).map(p -> p.international() + " · " + p.countryName())
                .orElse(event.destination())));
        field(fields, "Origination", text(event.origination()));
        field(fields, "Country", text(event.country()));
        field(fields, "Status", text(event.statusWord()));
        field(fields, "Status description", text(event.statusDescription()));
        field(fields, "Message type", text(event.messageType()));
        field(fields, "Encoding", text(event.encoding()));
        field(fields, "Parts", text(event.parts() == null ? "" : event.parts().toString()));
        field(fields, "Price", text(usd(event.price())));
        field(fields, "Carrier fee", text(usd(event.carrierFee())));
        field(fields, "Carrier", text(event.carrier()));
        field(fields, "Context", mono(event.context() == null ? "" : event.context()));
        field(fields, "Log stream", mono(event.logStream() == null ? "" : event.logStream()));
        field(fields, "Event id", mono(event.eventId()));

        add(new H4("Message body"));
        bodyNote.addClassName("muted");
        Optional<String> sent = bodies.apply(event.messageId());
        if (sent.isPresent()) {
            bodyNote.setText("Sent from this console's Test send page (AWS receipts do not carry the body; the console kept it).");
            body.setText(sent.get());
            body.addClassName("message-body");
            add(bodyNote, body);
        } else {
            bodyNote.setText(NO_BODY);
            add(bodyNote);
        }

        add(new H4("Timeline of this message"));
        timeline.addColumn(e -> Times.formatMillis(e.eventAt())).setHeader("Time (" + Times.zoneLabel() + ")").setAutoWidth(true).setFlexGrow(0);
        timeline.addColumn(new ComponentRenderer<>(e -> DeliveryHistoryView.typeBadge(e.eventType()))).setHeader("Type").setAutoWidth(true).setFlexGrow(0);
        timeline.addColumn(DeliveryEvent::statusDescription).setHeader("Description").setFlexGrow(1).setPartNameGenerator(e -> "wrap");
        timeline.addColumn(e -> e.isFinal() ? "final" : "").setHeader("Final").setAutoWidth(true).setFlexGrow(0);
        timeline.addThemeVariants(GridVariant.LUMO_COMPACT);
        List<DeliveryEvent> events = service.timeline(event.messageId());
        timeline.setItems(events);
        timeline.setAllRowsVisible(true);
        timeline.setPartNameGenerator(e -> e.eventId().equals(event.eventId()) ? "current" : null);
        add(timeline);

        add(new H4("Raw JSON"));
        raw.addClassName("raw-json");
        raw.setText(pretty(service.rawJson(event).orElse("(not stored)")));
        add(raw);

        var all = new Button("Show all receipts of this message", e -> {
            close();
            showMessage.accept(event.messageId());
        });
        all.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var close = new Button("Close", e -> close());
        getFooter().add(all, close);
    }

    private static void field(Div grid, String label, Component value) {
        var caption = new Span(label);
        caption.addClassName("field-label");
        grid.add(caption, value);
    }

    private static Span text(@Nullable String value) {
        return new Span(value == null ? "" : value);
    }

    private static Span mono(String value) {
        var span = new Span(value);
        span.addClassName("mono");
        return span;
    }

    static String usd(@Nullable BigDecimal value) {
        return value == null ? "" : "$" + value.stripTrailingZeros().toPlainString();
    }

    static String pretty(String json) {
        try {
            return PRETTY.writeValueAsString(PRETTY.readTree(json));
        } catch (JacksonException e) {
            return json;
        }
    }
}
