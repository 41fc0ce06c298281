package com.example.smsconsole.sending.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.smsconsole.sending.Scenario;
import com.example.smsconsole.support.ConsoleTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithMockUser;

/** The Test send view: number state, live preview, scenarios, field checks, send and watch, history. */
@ConsoleTest
@WithMockUser(username = "qa-view", roles = "QA")
class TestSendViewTest extends SpringBrowserlessTest {

    TestSendView open() {
        UI.getCurrent().navigate("test-send");
        return (TestSendView) getCurrentView();
    }

    static String text(com.vaadin.flow.component.Component c) {
        return c.getElement().getTextRecursively();
    }

    @Test
    void the_preview_follows_the_text_and_flags_the_characters_that_force_ucs2() {
        TestSendView view = open();
        test(view.destination).setValue("+447860019066");
        test(view.body).setValue("Your code is “1234” — thanks");

        assertThat(text(view.preview)).contains("UCS-2").contains("1 part").contains("Estimated cost: USD 0.03880").contains("to GB");
        assertThat(view.highlighted.isVisible()).isTrue();
        assertThat(view.highlighted.getChildren().flatMap(c -> c.getChildren()).filter(c -> c.hasClassName("non-gsm")).map(c -> ((Span) c).getText()))
                .containsExactly("“", "”", "—");
        assertThat(view.replace.isVisible()).isTrue();

        test(view.replace).click();

        assertThat(view.body.getValue()).isEqualTo("Your code is \"1234\" - thanks");
        assertThat(text(view.preview)).contains("GSM-7");
        assertThat(view.highlighted.isVisible()).isFalse();

        test(view.body).setValue("a".repeat(1601));
        assertThat(text(view.preview)).contains("1601 / 1600 characters").contains("Too long");
    }

    @Test
    void a_scenario_fills_the_destination_and_says_what_should_happen() {
        TestSendView view = open();
        view.applyScenario(Scenario.FAILURE);
        assertThat(view.destination.getValue()).isEqualTo("+14254147167");
        assertThat(view.scenarioNote.getText()).startsWith("Delivery failure: ");
        assertThat(text(view.numberState)).contains("United States").contains("Simulator number (failure)");
        assertThat(view.origination.getValue()).isNotBlank();
    }

    @Test
    void an_invalid_number_is_flagged_at_the_field_and_nothing_is_sent() {
        TestSendView view = open();
        view.applyScenario(Scenario.INVALID);
        assertThat(view.destination.isInvalid()).isTrue();
        test(view.send).click();
        assertThat(view.destination.isInvalid()).isTrue();
        assertThat(view.destination.getErrorMessage()).isNotBlank();
        assertThat(test(view.history).size()).isZero();

        test(view.destination).setValue("+14254147755");
        test(view.body).setValue("");
        test(view.send).click();
        assertThat(view.body.isInvalid()).isTrue();
        assertThat(view.body.getErrorMessage()).contains("empty");

        test(view.body).setValue("hello");
        test(view.context).setValue("no equals sign");
        test(view.send).click();
        assertThat(view.context.isInvalid()).isTrue();
        assertThat(test(view.history).size()).isZero();
    }

    @Test
    void a_sent_text_shows_its_receipts_as_they_arrive_until_the_final_one() throws InterruptedException {
        TestSendView view = open();
        view.applyScenario(Scenario.SUCCESS);
        test(view.send).click();

        assertThat(text(view.result)).startsWith("Sent to +14254147755. Message id ");
        for (int i = 0; i < 150 && !view.watchStatus.getText().startsWith("Final receipt"); i++) {
            Thread.sleep(100);
            view.tick();
        }
        assertThat(view.watchStatus.getText()).isEqualTo("Final receipt: TEXT_DELIVERED (Message has been accepted by phone).");
        assertThat(test(view.events).size()).isEqualTo(3);
        assertThat(test(view.events).getRow(2).eventType()).isEqualTo("TEXT_DELIVERED");
        assertThat(test(view.history).getRow(0).finalStatus()).isEqualTo("TEXT_DELIVERED");
    }

    @Test
    void an_aws_refusal_is_shown_in_words_with_the_code_and_request_id() {
        TestSendView view = open();
        test(view.destination).setValue("+12065550123");
        test(view.body).setValue("to an unverified number");
        test(view.send).click();
        assertThat(text(view.result)).contains("not verified").contains("DESTINATION_PHONE_NUMBER_NOT_VERIFIED").contains("request id");
        assertThat(test(view.history).getRow(0).finalStatus()).isEqualTo("refused");
    }
}
