package com.example.smsconsole.sending.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.smsconsole.aws.AwsCallException;
import com.example.smsconsole.common.ui.InlineMessage;
import com.example.smsconsole.common.ui.StatusBadge;
import com.example.smsconsole.sending.Scenario;
import com.example.smsconsole.sending.TestSendRequest;
import com.example.smsconsole.support.ConsoleTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import org.springframework.beans.factory.annotation.Autowired;
import software.amazon.awssdk.services.pinpointsmsvoicev2.PinpointSmsVoiceV2Client;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.MessageType;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The Test send view: what a destination needs before Send, live preview and cost in the receipts'
 * terms, scenarios, the form's checks (Binder), one message next to Send, send and watch, history.
 */
@ConsoleTest
@WithMockUser(username = "qa-view", roles = "QA")
class TestSendViewTest extends SpringBrowserlessTest {

    @Autowired
    PinpointSmsVoiceV2Client sms;
    @Autowired
    com.example.smsconsole.emulator.AwsEmulator emulator;

    TestSendView open() {
        UI.getCurrent().navigate("test-send");
        TestSendView view = (TestSendView) getCurrentView();
        view.work = Runnable::run;
        return view;
    }

    static String text(Component c) {
        return c.getElement().getTextRecursively();
    }

    static StatusBadge headline(TestSendView view) {
        return view.destinationCheck.getChildren().filter(StatusBadge.class::isInstance).map(StatusBadge.class::cast).findFirst()
                .orElseThrow();
    }

    @Test
    void the_preview_follows_the_text_and_the_estimate_names_price_carrier_fee_and_total() {
        TestSendView view = open();
        test(view.destination).setValue("+447860019066");
        test(view.body).setValue("Your code is “1234” — thanks");

        // sms-prices.json: GB USD 0.03880 a part, no carrier fee; US 0.00581 + 0.00302
        assertThat(text(view.preview)).contains("UCS-2").contains("1 part")
                .contains("Estimated cost to GB for 1 part: price USD 0.03880 + carrier fee USD 0.00000 = total USD 0.03880");
        assertThat(view.highlighted.isVisible()).isTrue();
        assertThat(view.highlighted.getChildren().flatMap(c -> c.getChildren()).filter(c -> c.hasClassName("non-gsm")).map(c -> ((Span) c).getText()))
                .containsExactly("“", "”", "—");
        test(view.replace).click();
        assertThat(view.body.getValue()).isEqualTo("Your code is \"1234\" - thanks");
        assertThat(text(view.preview)).contains("GSM-7");
        assertThat(view.highlighted.isVisible()).isFalse();

        test(view.destination).setValue("+14254147755");
        assertThat(text(view.preview)).contains("price USD 0.00581 + carrier fee USD 0.00302 = total USD 0.00883");
        test(view.body).setValue("a".repeat(1601));
        assertThat(text(view.preview)).contains("1601 / 1600 characters").contains("Too long");
    }

    /** Runs the changes that background work queued on the page, as the next request from the browser would. */
    static void runQueued() {
        com.vaadin.browserless.internal.MockVaadin.runUIQueue();
    }

    /** Runs the page's queued changes until the destination's state says {@code text}, for at most {@code seconds}. */
    void awaitCheck(TestSendView view, String text, int seconds) throws InterruptedException {
        for (int i = 0; i < seconds * 10 && !text(view.destinationCheck).contains(text); i++) {
            Thread.sleep(100);
            runQueued();
        }
        assertThat(text(view.destinationCheck)).contains(text);
    }

    @Test
    void a_slow_look_up_says_checking_then_that_aws_has_not_answered_then_the_answer_and_the_page_is_not_held() throws InterruptedException {
        String number = com.example.smsconsole.verification.SandboxFixture.freshNumber();
        emulator.faults().add(new com.example.smsconsole.emulator.protocol.FaultInjector.Rule("sms-voice", "DescribeVerifiedDestinationNumbers",
                com.example.smsconsole.emulator.protocol.FaultInjector.Kind.LATENCY, 1, 5000, 0, number));
        try {
            UI.getCurrent().navigate("test-send");
            // the page's own background work (as the signed-in user), not the same-thread runner of open()
            TestSendView view = (TestSendView) getCurrentView();

            test(view.destination).setValue(number);
            runQueued();
            // had the page waited for AWS (5 s), its answer would be shown by now
            assertThat(text(view.destinationCheck)).startsWith("Checking " + number + " against the account");
            test(view.body).setValue("still typing");
            assertThat(text(view.preview)).contains("12 / 1600 characters");

            awaitCheck(view, "AWS has not answered within 3 s, so the state of " + number + " is unknown for now", 10);
            // the answer replaces it when AWS gives it: "Not verified: ..." or "... the sandbox refuses it: not verified"
            for (int i = 0; i < 150 && view.destinationCheck.getChildren().noneMatch(StatusBadge.class::isInstance); i++) {
                Thread.sleep(100);
                runQueued();
            }
            assertThat(headline(view).getText().toLowerCase(java.util.Locale.ROOT)).contains("not verified");
        } finally {
            emulator.faults().clear();
        }
    }

    @Test
    void the_failure_simulator_is_not_promised_success_and_says_what_happens() {
        TestSendView view = open();
        view.applyScenario(Scenario.FAILURE);
        assertThat(view.destination.getValue()).isEqualTo("+14254147167");
        assertThat(view.scenarioNote.getText()).startsWith("Delivery failure: ");
        assertThat(view.destination.getHelperText()).isEqualTo("+1 425-414-7167 · United States");
        StatusBadge badge = headline(view);
        assertThat(badge.getText()).isEqualTo("United States failure simulator number: AWS accepts the text, then a failure receipt arrives");
        assertThat(badge.hasClassName("badge-success")).isFalse();
        assertThat(badge.hasClassName("badge-warning")).isTrue();
        assertThat(text(view.destinationCheck)).contains("reaches it through");
    }

    @Test
    void the_uk_success_simulator_says_it_needs_a_uk_origination_and_that_the_us_simulator_pool_cannot_reach_it() {
        TestSendView view = open();
        test(view.destination).setValue("+447860019066");

        StatusBadge badge = headline(view);
        assertThat(badge.getText()).isEqualTo("United Kingdom success simulator number: the chosen From cannot reach it");
        assertThat(badge.hasClassName("badge-error")).isTrue();
        assertThat(text(view.destinationCheck))
                .contains("Needs a United Kingdom origination identity, such as a sender ID for United Kingdom")
                .contains("AWS offers simulator origination numbers in United States only")
                .contains("cannot reach it: simulator number +12065550142 is a US simulator number: it reaches only US simulator numbers")
                .doesNotContain("AWS accepts the text and success receipts arrive");
    }

    @Test
    void an_invalid_number_is_explained_at_the_field_and_near_send_and_nothing_is_sent() {
        TestSendView view = open();
        int before = test(view.history).size();
        test(view.destination).setValue("+99912345");
        assertThat(view.destination.isInvalid()).isTrue();
        assertThat(view.destination.getErrorMessage()).startsWith("Unknown country code: no country's code begins +999.");

        test(view.body).setValue("hello");
        test(view.send).click();
        assertThat(view.destination.isInvalid()).isTrue();
        assertThat(view.sendMessage.text()).startsWith("Check Destination: Unknown country code");
        assertThat(view.send.isEnabled()).isTrue();
        assertThat(test(view.history).size()).isEqualTo(before);

        view.applyScenario(Scenario.INVALID);
        assertThat(view.destination.getErrorMessage()).isEqualTo("Too short for a +1 (North American) number.");

        test(view.destination).setValue("+14254147755");
        test(view.body).setValue("");
        test(view.send).click();
        assertThat(view.body.isInvalid()).isTrue();
        assertThat(view.sendMessage.text()).isEqualTo("Check Message: Write the message: AWS refuses an empty or blank body.");

        test(view.body).setValue("hello");
        test(view.context).setValue("no equals sign");
        test(view.send).click();
        assertThat(view.context.isInvalid()).isTrue();
        assertThat(view.sendMessage.text()).startsWith("Check Context (optional): Write each entry as key=value");
        assertThat(test(view.history).size()).isEqualTo(before);
    }

    @Test
    @WithMockUser(username = "qa-view-send", roles = "QA")
    void a_sent_text_shows_its_receipts_with_price_carrier_fee_and_total_until_the_final_one() throws InterruptedException {
        TestSendView view = open();
        view.applyScenario(Scenario.SUCCESS);
        test(view.send).click();

        assertThat(view.sendMessage.tone()).isEqualTo(InlineMessage.Tone.SUCCESS);
        assertThat(view.sendMessage.text()).startsWith("Sent to +14254147755.").contains("Message id ").contains("request id");
        assertThat(view.sendMessage.getChildren().filter(Anchor.class::isInstance).map(a -> ((Anchor) a).getHref()))
                .containsExactly("delivery-history?range=24h&dest=%2B14254147755");
        for (int i = 0; i < 150 && !view.watchStatus.getText().startsWith("Final receipt"); i++) {
            Thread.sleep(100);
            view.tick();
        }
        // TEXT_SUCCESSFUL or TEXT_DELIVERED is final, as the receipt itself says (isFinal)
        assertThat(view.watchStatus.getText()).matches("Final receipt: TEXT_(SUCCESSFUL|DELIVERED) \\(.+\\)\\.");
        List<com.example.smsconsole.deliverylog.DeliveryEvent> received = test(view.events).size() == 3
                ? List.of(test(view.events).getRow(0), test(view.events).getRow(1), test(view.events).getRow(2))
                : List.of(test(view.events).getRow(0), test(view.events).getRow(1));
        assertThat(received.getFirst().eventType()).isEqualTo("TEXT_QUEUED");
        assertThat(received.getLast().isFinal()).isTrue();
        assertThat(view.events.getColumns().stream().map(c -> c.getHeaderText()).toList()).endsWith("Price", "Carrier fee", "Total");
        assertThat(test(view.history).getRow(0).finalStatus()).isEqualTo(received.getLast().eventType());
        assertThat(view.send.isEnabled()).isTrue();
    }

    @Test
    @WithMockUser(username = "qa-view-refused", roles = "QA")
    void an_aws_refusal_is_shown_once_next_to_send_and_replaces_the_previous_result() {
        TestSendView view = open();
        view.applyScenario(Scenario.SUCCESS);
        test(view.dryRun).click();
        test(view.send).click();
        assertThat(view.sendMessage.text()).startsWith("Dry run accepted by AWS");

        test(view.dryRun).click();
        test(view.destination).setValue("+12065550123");
        test(view.send).click();

        assertThat(view.sendMessage.tone()).isEqualTo(InlineMessage.Tone.ERROR);
        assertThat(view.sendMessage.text()).doesNotContain("Dry run").contains("not verified")
                .contains("DESTINATION_PHONE_NUMBER_NOT_VERIFIED").contains("request id");
        assertThat($(Notification.class).all()).isEmpty();
        assertThat(test(view.history).getRow(0).finalStatus()).isEqualTo("refused");
    }

    @Test
    @WithMockUser(username = "qa-view-double", roles = "QA")
    void a_second_click_while_a_send_is_in_flight_starts_no_second_send_and_send_is_off_until_the_outcome() {
        TestSendView view = open();
        List<Runnable> inFlight = new java.util.ArrayList<>();
        view.work = inFlight::add;
        view.applyScenario(Scenario.SUCCESS);
        test(view.dryRun).click();
        // the destination check runs on the same executor: let it finish first
        while (!inFlight.isEmpty()) {
            inFlight.removeFirst().run();
        }
        assertThat(view.send.isDisableOnClick()).isTrue();

        test(view.send).click();
        assertThat(view.send.isEnabled()).isFalse();
        assertThat(view.send.getText()).isEqualTo("Sending…");
        // a click the browser sent before it learnt that the button is off reaches the server as a second call
        view.send();
        assertThat(inFlight).hasSize(1);

        inFlight.getFirst().run();
        assertThat(view.sendMessage.text()).startsWith("Dry run accepted by AWS");
        assertThat(view.send.isEnabled()).isTrue();
        assertThat(test(view.history).size()).isEqualTo(1);
    }

    @Test
    void a_send_without_an_answer_says_it_may_have_been_sent_and_links_the_numbers_delivery_history() {
        TestSendView view = open();
        var request = new TestSendRequest("+14254147755", "pool-x", null, "TRANSACTIONAL", "hi", Map.of(), false);
        var timeout = new AwsCallException("sms-voice", "SendTextMessage", "Timeout", null, 0, null,
                "Could not reach AWS for SendTextMessage (timed out). Check the network and the endpoint, then try again.", null, null, null,
                List.of(), AwsCallException.Kind.UNREACHABLE, null);

        view.sent(request, null, timeout);

        assertThat(view.sendMessage.text()).startsWith("AWS did not answer in time, so the text may have been sent — check Delivery history"
                + " for this number before sending again.").doesNotContain("Check the network");
        assertThat(view.sendMessage.getChildren().filter(Anchor.class::isInstance).map(a -> ((Anchor) a).getHref()))
                .containsExactly("delivery-history?range=24h&dest=%2B14254147755");
        assertThat(view.send.isEnabled()).isTrue();
    }

    @Test
    @WithMockUser(username = "qa-view-uk", roles = "QA")
    void a_uk_sender_id_of_the_account_is_offered_as_from_and_reaches_the_uk_success_simulator() throws InterruptedException {
        // a sender ID for the United Kingdom (RequestSenderId), as a team sending to the UK would have
        String senderId = "UX" + (System.nanoTime() % 1_000_000);
        sms.requestSenderId(b -> b.senderId(senderId).isoCountryCode("GB").messageTypes(MessageType.TRANSACTIONAL));
        TestSendView view = open();
        assertThat(view.origination.getListDataView().getItems().map(view.origination.getItemLabelGenerator()::apply))
                .contains(senderId + " (sender ID, GB)");

        test(view.destination).setValue("+447860019066");
        Button use = view.destinationCheck.getChildren().filter(Button.class::isInstance).map(Button.class::cast).findFirst().orElseThrow();
        assertThat(use.getText()).isEqualTo("Send from " + senderId + " (sender ID, GB)");
        test(use).click();

        assertThat(view.origination.getValue()).isEqualTo(senderId);
        assertThat(headline(view).getText()).isEqualTo("United Kingdom success simulator number: AWS accepts the text and success receipts arrive");
        assertThat(text(view.destinationCheck)).contains("reaches it sender ID " + senderId);
        test(view.body).setValue("Hello United Kingdom");
        test(view.send).click();
        assertThat(view.sendMessage.tone()).isEqualTo(InlineMessage.Tone.SUCCESS);
        assertThat(view.sendMessage.text()).startsWith("Sent to +447860019066.");
        for (int i = 0; i < 150 && !view.watchStatus.getText().startsWith("Final receipt"); i++) {
            Thread.sleep(100);
            view.tick();
        }
        assertThat(view.watchStatus.getText()).startsWith("Final receipt: TEXT_");
        assertThat(test(view.events).getRow(0).origination()).isEqualTo(senderId);
    }
}
