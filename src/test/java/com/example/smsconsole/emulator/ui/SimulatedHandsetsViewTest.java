package com.example.smsconsole.emulator.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.smsconsole.common.ui.InlineMessage;
import com.example.smsconsole.emulator.AwsEmulator;
import com.example.smsconsole.support.ConsoleTest;
import com.example.smsconsole.support.DeliveryReceipts;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import software.amazon.awssdk.services.pinpointsmsvoicev2.PinpointSmsVoiceV2Client;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.PhoneNumberInformation;

/** The simulated handsets: a reply's checks at its fields (Binder) and its outcome once, next to the button. */
@ConsoleTest
@WithMockUser(username = "qa-handsets", roles = "QA")
class SimulatedHandsetsViewTest extends SpringBrowserlessTest {

    @Autowired
    AwsEmulator emulator;
    @Autowired
    PinpointSmsVoiceV2Client sms;

    /** A handset no other test uses: its number's first text to the account makes it listed. */
    SimulatedHandsetsView open(String handset, PhoneNumberInformation accountNumber) {
        emulator.sms().reply(handset, accountNumber.phoneNumber(), "Hello");
        UI.getCurrent().navigate(HandsetsNavigation.PATH, QueryParameters.of("number", handset));
        SimulatedHandsetsView view = (SimulatedHandsetsView) getCurrentView();
        test(view.replyTo).selectItem(accountNumber.phoneNumber());
        return view;
    }

    PhoneNumberInformation accountNumber() {
        return sms.describePhoneNumbers(b -> { }).phoneNumbers().getFirst();
    }

    /** A number in a pool answers with its pool's opt-out list (AWS: a pool's settings apply to its numbers). */
    String optOutList(PhoneNumberInformation number) {
        return number.poolId() == null ? number.optOutListName()
                : sms.describePools(b -> b.poolIds(number.poolId())).pools().getFirst().optOutListName();
    }

    long messagesOf(String handset) {
        return emulator.sms().handsets().stream().filter(h -> h.number.equals(handset)).findFirst().orElseThrow().messages.size();
    }

    boolean optedOut(String handset, PhoneNumberInformation accountNumber) {
        return sms.describeOptedOutNumbers(b -> b.optOutListName(optOutList(accountNumber))).optedOutNumbers().stream()
                .anyMatch(n -> n.optedOutNumber().equals(handset));
    }

    /**
     * A fresh emulator (own empty data directory), to which nothing has been sent and from which no
     * one has replied: the handset list still offers AWS's destination simulator numbers, so a tester
     * can start there. Expected numbers from the AWS End User Messaging SMS User Guide, "Simulator
     * phone numbers" (https://docs.aws.amazon.com/sms-voice/latest/userguide/test-phone-numbers.html),
     * destination table: United States success +14254147755 and failure +14254147167, United
     * Kingdom success +447860019066 (the same table src/main/resources/emulator/simulator-numbers.json
     * cites).
     */
    @Test
    void a_fresh_instance_with_nothing_sent_lists_the_simulator_numbers() throws Exception {
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory(java.nio.file.Path.of("target"), "handsets-fresh-");
        var settings = java.util.Map.of("app.emulator.port", "0", "app.emulator.data-dir", dir.toString());
        var properties = new org.springframework.boot.context.properties.bind.Binder(
                new org.springframework.boot.context.properties.source.MapConfigurationPropertySource(settings))
                .bindOrCreate("app.emulator", com.example.smsconsole.emulator.EmulatorProperties.class);
        var fresh = new AwsEmulator(properties, java.time.Clock.systemUTC());
        try {
            synchronized (fresh.sms().lock()) {
                assertThat(fresh.sms().state().handsets).as("nothing sent, nothing replied").isEmpty();
            }

            var view = new SimulatedHandsetsView(fresh);
            UI.getCurrent().add(view);

            assertThat(view.handset.getListDataView().getItems().toList())
                    .contains("+14254147755", "+14254147167", "+447860019066");
            assertThat(view.handset.getValue()).as("one of them is open").isNotNull();
        } finally {
            fresh.close();
        }
    }

    @Test
    void a_stop_reply_opts_the_number_out_and_says_so_once_next_to_the_button() {
        PhoneNumberInformation to = accountNumber();
        String handset = DeliveryReceipts.freshNumber();
        SimulatedHandsetsView view = open(handset, to);
        assertThat(view.handset.getValue()).isEqualTo(handset);
        assertThat(optedOut(handset, to)).isFalse();

        test(view.reply).setValue("STOP");
        test(view.send).click();

        assertThat(optedOut(handset, to)).as("AWS's opt-out list holds the number").isTrue();
        assertThat(view.replyMessage.tone()).isEqualTo(InlineMessage.Tone.SUCCESS);
        assertThat(view.replyMessage.text()).isEqualTo(handset + " replied STOP to " + to.phoneNumber() + " and is now opted out.");
        assertThat(view.replyMessage.getParent()).isEqualTo(view.send.getParent());
        assertThat($(Notification.class).all()).as("no pop-up says it a second time").isEmpty();
        assertThat(view.reply.getValue()).isEmpty();
        assertThat(view.reply.isInvalid()).as("the emptied field is not flagged").isFalse();
        assertThat(view.handset.getValue()).isEqualTo(handset);
        assertThat(view.replyTo.getValue()).isEqualTo(to.phoneNumber());
    }

    @Test
    void an_empty_reply_is_flagged_at_the_field_and_nothing_is_sent() {
        PhoneNumberInformation to = accountNumber();
        String handset = DeliveryReceipts.freshNumber();
        SimulatedHandsetsView view = open(handset, to);
        long before = messagesOf(handset);

        test(view.reply).setValue("   ");
        test(view.send).click();

        assertThat(view.reply.isInvalid()).isTrue();
        assertThat(view.reply.getErrorMessage()).isEqualTo("Type a reply, for example STOP or HELP.");
        assertThat(view.replyMessage.isVisible()).as("the field beside the button says it, once").isFalse();
        assertThat(messagesOf(handset)).isEqualTo(before);

        test(view.reply).setValue("Thanks");
        test(view.send).click();
        assertThat(view.reply.isInvalid()).isFalse();
        assertThat(messagesOf(handset)).isEqualTo(before + 1);
        assertThat(view.replyMessage.text()).isEqualTo("Reply sent from " + handset + " to " + to.phoneNumber() + ".");
        assertThat(optedOut(handset, to)).isFalse();
    }
}
