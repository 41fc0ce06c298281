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
