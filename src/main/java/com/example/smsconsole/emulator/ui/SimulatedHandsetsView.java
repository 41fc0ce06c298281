package com.example.smsconsole.emulator.ui;

import com.example.smsconsole.common.PhoneNumber;
import com.example.smsconsole.common.ui.Notifications;
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
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

/**
 * The simulated handsets of the local emulator: every number that received a text or a
 * verification code, its inbox, and a reply box (STOP opts the number out, HELP gets the help text).
 * Registered as a route only while the emulator runs.
 */
@PageTitle("Simulated handsets")
@Menu(order = 9, icon = "vaadin:phone", title = "Simulated handsets")
@RolesAllowed({AppRoles.QA, AppRoles.ADMIN})
class SimulatedHandsetsView extends VerticalLayout implements BeforeEnterObserver {

    final ComboBox<String> handset = new ComboBox<>("Handset");
    final Div inbox = new Div();
    final TextField reply = new TextField("Reply");
    final ComboBox<String> replyTo = new ComboBox<>("To");
    final Button send = new Button("Send reply");
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
        var replyBar = new HorizontalLayout(reply, replyTo, send);
        replyBar.setAlignItems(FlexComponent.Alignment.BASELINE);
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

    private void sendReply() {
        String number = handset.getValue();
        String to = replyTo.getValue();
        if (number == null || to == null || reply.getValue().isBlank()) {
            reply.setInvalid(true);
            reply.setErrorMessage("Pick a handset and a number, and type a reply.");
            return;
        }
        reply.setInvalid(false);
        try {
            emulator.sms().reply(number, to, reply.getValue());
            Notifications.info(reply.getValue().strip().equalsIgnoreCase("STOP") ? number + " replied STOP and is now opted out." : "Reply sent.");
            reply.clear();
            shown = -1;
            render();
        } catch (IllegalArgumentException e) {
            Notifications.error(e.getMessage());
        }
    }
}
