package com.example.smsconsole.common.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The error handler's pop-up for an AWS failure no view caught says what the page would: the same words and support line. */
class NotificationsTest {

    @AfterEach
    void noUi() {
        UI.setCurrent(null);
    }

    @Test
    void the_pop_up_of_an_aws_failure_has_the_words_and_support_line_of_the_page() {
        UI.setCurrent(new UI());
        Notification shown = Notifications.awsError(InlineMessageTest.optedOut());

        assertThat(shown.getElement().getTextRecursively())
                .contains("The destination number has opted out.")
                .contains("AWS SendTextMessage: ConflictException (DESTINATION_PHONE_NUMBER_OPTED_OUT) · request id req-123");
    }
}
