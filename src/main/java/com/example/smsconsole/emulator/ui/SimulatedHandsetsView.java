package com.example.smsconsole.emulator.ui;

import com.example.smsconsole.common.PhoneNumber;
import com.example.smsconsole.common.ui.Forms;
import com.example.smsconsole.common.ui.InlineMessage;
import com.example.smsconsole.common.ui.StatusBadge;
import com.example.smsconsole.common.ui.Times;
import com.example.smsconsole.common.ui.UiAccess;
import com.example.smsconsole.common.ui.ViewHeader;
import com.example.smsconsole.emulator.AwsEmulator;
import com.example.smsconsole.emulator.sms.SmsState;
import com.example.smsconsole.security.AppRoles;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;

/**
 * The simulated handsets of the local emulator: every number that received a text or a
 * verification code, its inbox, and a reply box (STOP opts the number out, HELP gets the help text).
 * Registered as a route only while the emulator runs.
 */
@PageTitle("Simulated handsets")
@Menu(order = 9, icon = "vaadin:phone", title = "Simulated handsets")
@RolesAllowed({AppRoles.QA, AppRoles.ADMIN})
class SimulatedHandsetsView extends VerticalLayout implements BeforeEnterObserver {

    /** The reply form's values, as the Binder writes them. */
    static final class ReplyForm {
        @Nullable String handset;
        @Nullable String to;
        String text = "";
    }

    final ComboBox<String> handset = new ComboBox<>("Handset");
    final Div inbox = new Div();
    final TextField reply = new TextField("Reply");
    final ComboBox<String> replyTo = new ComboBox<>("To");
    final Button send = new Button("Send reply");
    /** The reply's outcome, next to the button. */
    final InlineMessage replyMessage = new InlineMessage();
    final Binder<ReplyForm> binder = new Binder<>();
    private final AwsEmulator emulator;
    private ScheduledFuture<?> refresh;
    private int shown = -1;

    SimulatedHandsetsView(AwsEmulator emulator) {
        this.emulator = emulator;
        addClassName("handsets-view");
        handset.setPlaceholder("Pick a number");
        handset.setWidth("18em");
        handset.addValueChangeListener(e -> {
            shown = -1;
            render();
        });
        inbox.addClassName("handset-inbox");
        reply.setPlaceholder("STOP, HELP or any text");
        reply.setWidth("16em");
        replyTo.setWidth("14em");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickShortcut(Key.ENTER);
        send.addClickListener(e -> sendReply());
        binder.forField(handset).asRequired("Pick a handset.").bind(f -> f.handset, (f, v) -> f.handset = v);
        binder.forField(reply).asRequired("Type a reply, for example STOP or HELP.")
                .withValidator(v -> !v.isBlank(), "Type a reply, for example STOP or HELP.")
                .bind(f -> f.text, (f, v) -> f.text = v == null ? "" : v);
        binder.forField(replyTo).asRequired("Pick one of the account's numbers to reply to.").bind(f -> f.to, (f, v) -> f.to = v);
        // bound before the lists are filled, so the first handset and number chosen land in the form
        binder.setBean(new ReplyForm());
        var replyBar = new HorizontalLayout(reply, replyTo, send, replyMessage);
        replyBar.setAlignItems(FlexComponent.Alignment.BASELINE);
        replyBar.addClassName("reply-bar");
        add(new ViewHeader("Simulated handsets",
                        "The local emulator's handsets: texts and verification codes sent to a number arrive here, and a reply of STOP opts it out."),
                handset, inbox, replyBar);
        reloadHandsets();
    }

    /** {@code ?number=+14255550101} opens that handset's inbox. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("number").ifPresent(number -> {
            reloadHandsets();
            if (handset.getListDataView().getItems().anyMatch(number::equals)) {
                handset.setValue(number);
            }
        });
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        Times.learnZone(attachEvent.getUI());
        UI ui = attachEvent.getUI();
        refresh = UiAccess.every(ui, java.time.Duration.ofSeconds(1), () -> {
            reloadHandsets();
            render();
        });
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (refresh != null) {
            refresh.cancel(false);
        }
    }

    private void reloadHandsets() {
        List<String> numbers = emulator.sms().handsets().stream().map(h -> h.number).sorted().toList();
        if (!numbers.equals(handset.getListDataView().getItems().toList())) {
            String selected = handset.getValue();
            handset.setItems(numbers);
            if (selected != null && numbers.contains(selected)) {
                handset.setValue(selected);
            } else if (selected == null && !numbers.isEmpty()) {
                handset.setValue(numbers.getFirst());
            }
        }
        List<String> senders;
        synchronized (emulator.sms().lock()) {
            senders = emulator.sms().state().phoneNumbers.values().stream().map(n -> n.number).sorted().toList();
        }
        if (!senders.equals(replyTo.getListDataView().getItems().toList())) {
            replyTo.setItems(senders);
            if (!senders.isEmpty()) {
                replyTo.setValue(senders.getFirst());
            }
        }
    }

    void render() {
        String number = handset.getValue();
        if (number == null) {
            inbox.removeAll();
            inbox.add(new Paragraph("No handset has received anything yet. Send a test text or a verification code to a number."));
            return;
        }
        List<SmsState.HandsetMessage> messages = emulator.sms().handsets().stream().filter(h -> h.number.equals(number)).findFirst()
                .map(h -> h.messages).orElse(List.of());
        if (messages.size() == shown) {
            return;
        }
        shown = messages.size();
        inbox.removeAll();
        var title = new H3(PhoneNumber.tryParse(number).map(p -> p.international() + " · " + p.countryName()).orElse(number));
        inbox.add(title);
        for (SmsState.HandsetMessage message : messages.reversed()) {
            var bubble = new Div();
            bubble.addClassNames("handset-message", "IN".equals(message.direction) ? "handset-in" : "handset-out");
            var meta = new HorizontalLayout(new Span(("IN".equals(message.direction) ? "from " : "to ") + message.peer),
                    new Span(Times.format(Instant.ofEpochMilli(message.at))));
            meta.addClassName("handset-meta");
            if ("VOICE".equals(message.channel)) {
                meta.add(new StatusBadge("VOICE", StatusBadge.Tone.NEUTRAL));
            }
            var body = new Div(message.body);
            body.addClassName("handset-body");
            bubble.add(meta, body);
            inbox.add(bubble);
        }
    }

    void sendReply() {
        replyMessage.clear();
        if (!Forms.check(binder)) {
            return;
        }
        ReplyForm form = binder.getBean();
        String number = form.handset;
        String to = form.to;
        String text = form.text;
        replyMessage.call(() -> emulator.sms().reply(number, to, text)).ifPresent(sent -> {
            replyMessage.success(text.strip().equalsIgnoreCase("STOP")
                    ? number + " replied STOP to " + to + " and is now opted out."
                    : "Reply sent from " + number + " to " + to + ".");
            var next = new ReplyForm();
            next.handset = number;
            next.to = to;
            // a new form, so the emptied reply field is not flagged as missing
            binder.setBean(next);
            shown = -1;
            render();
        });
    }
}
