package com.example.smsconsole.common.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.smsconsole.aws.AwsCallException;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

/** The one on-page message: words, code and request id, details on demand, cleared by the next action. */
class InlineMessageTest {

    static AwsCallException optedOut() {
        return new AwsCallException("sms-voice", "SendTextMessage", "ConflictException", "DESTINATION_PHONE_NUMBER_OPTED_OUT", 400,
                "req-123", "The destination number has opted out.", "Destination +14254147755 is opted out.", "opted-out-number",
                "+14254147755", List.of(new AwsCallException.FieldError("DestinationPhoneNumber", "opted out")),
                AwsCallException.Kind.CLIENT, null);
    }

    @Test
    void an_aws_failure_shows_the_words_the_code_and_the_request_id_with_details_folded() {
        var message = new InlineMessage();
        message.error(optedOut());

        assertThat(message.isVisible()).isTrue();
        assertThat(message.tone()).isEqualTo(InlineMessage.Tone.ERROR);
        assertThat(message.getElement().getAttribute("role")).isEqualTo("alert");
        assertThat(message.text()).startsWith("The destination number has opted out.")
                .contains("AWS SendTextMessage: ConflictException (DESTINATION_PHONE_NUMBER_OPTED_OUT) · request id req-123");
        Details details = message.getChildren().filter(Details.class::isInstance).map(Details.class::cast).findFirst().orElseThrow();
        assertThat(details.isOpened()).isFalse();
        assertThat(details.getElement().getTextRecursively()).contains("HTTP status").contains("400")
                .contains("Destination +14254147755 is opted out.").contains("Field DestinationPhoneNumber").contains("opted out");
    }

    @Test
    void the_next_action_clears_the_previous_outcome() {
        var message = new InlineMessage();
        message.success("Dry run passed.");
        assertThat(message.tone()).isEqualTo(InlineMessage.Tone.SUCCESS);

        boolean ok = message.run(() -> {
            throw optedOut();
        });

        assertThat(ok).isFalse();
        assertThat(message.text()).doesNotContain("Dry run passed").contains("opted out");

        assertThat(message.call(() -> "fine")).contains("fine");
        assertThat(message.isVisible()).isFalse();
        assertThat(message.text()).isEmpty();
    }

    @Test
    void plain_failures_are_told_in_words_and_unexpected_ones_by_reference() {
        var message = new InlineMessage();
        message.failure(new IllegalStateException("A code was sent moments ago; you can send another in 40 seconds."));
        assertThat(message.text()).isEqualTo("A code was sent moments ago; you can send another in 40 seconds.");

        message.failure(new CompletionException(new AccessDeniedException("no")));
        assertThat(message.text()).isEqualTo("Your role may not do that.");

        message.failure(new CompletionException(optedOut()));
        assertThat(message.text()).contains("request id req-123");

        message.failure(new NullPointerException());
        assertThat(message.text()).matches("Something went wrong\\. The details are in the server log under reference [0-9a-f]{8}\\.");
    }

    @Test
    void a_failure_of_one_field_puts_the_short_words_at_the_field_and_the_support_details_here() {
        var field = new TextField("Code");
        var message = new InlineMessage();
        message.atField(field, optedOut());

        assertThat(field.isInvalid()).isTrue();
        assertThat(field.getErrorMessage()).isEqualTo("The destination number has opted out.");
        assertThat(message.text()).doesNotContain("The destination number has opted out.").contains("ConflictException").contains("req-123");
    }

    @Test
    void an_action_words_an_aws_failure_in_its_context_and_the_support_line_stays() {
        var message = new InlineMessage();
        message.error("Not deleted:", optedOut(), "Nothing was changed.");

        assertThat(message.tone()).isEqualTo(InlineMessage.Tone.ERROR);
        assertThat(message.getChildren().findFirst().map(c -> c.getElement().getText()))
                .contains("Not deleted: The destination number has opted out. Nothing was changed.");
        assertThat(message.text()).contains("AWS SendTextMessage: ConflictException (DESTINATION_PHONE_NUMBER_OPTED_OUT) · request id req-123");

        message.error("", optedOut(), "");
        assertThat(message.getChildren().findFirst().map(c -> c.getElement().getText())).contains("The destination number has opted out.");

        message.error(optedOut(), words -> words.contains("opted out") ? words : "Something else.");
        assertThat(message.getChildren().findFirst().map(c -> c.getElement().getText())).contains("The destination number has opted out.");
    }

    @Test
    void a_pop_up_uses_the_same_words_and_support_line() {
        assertThat(InlineMessage.words(optedOut())).isEqualTo("The destination number has opted out.");
        assertThat(InlineMessage.supportText(optedOut()))
                .isEqualTo("AWS SendTextMessage: ConflictException (DESTINATION_PHONE_NUMBER_OPTED_OUT) · request id req-123");
    }
}
