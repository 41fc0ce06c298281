package com.example.smsconsole.verification.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.smsconsole.emulator.AwsEmulator;
import com.example.smsconsole.support.ConsoleTest;
import com.example.smsconsole.verification.SandboxFixture;
import com.example.smsconsole.verification.VerificationService;
import com.example.smsconsole.verification.VerifiedNumber;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.notification.Notification;
import com.example.smsconsole.audit.AuditFilter;
import com.example.smsconsole.audit.AuditService;
import com.example.smsconsole.support.AuditLog;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import software.amazon.awssdk.services.pinpointsmsvoicev2.PinpointSmsVoiceV2Client;

/**
 * The Sandbox verification view: the account's usage, adding a number with checks at the field,
 * the send-code-and-verify dialog, deleting, and a bulk add with a result per line.
 */
@ConsoleTest
@WithMockUser(username = "qa", roles = "QA")
class VerificationViewTest extends SpringBrowserlessTest {

    @Autowired
    VerificationService service;
    @Autowired
    AwsEmulator emulator;
    @Autowired
    AuditService audit;
    @Autowired
    PinpointSmsVoiceV2Client sms;

    SandboxFixture sandbox;

    @BeforeEach
    void emptySandbox() {
        sandbox = new SandboxFixture(emulator);
        sandbox.empty(service);
    }

    VerificationView open() {
        UI.getCurrent().navigate("verification");
        return (VerificationView) getCurrentView();
    }

    @Test
    void a_number_is_added_sent_a_code_and_verified_without_a_reload() {
        VerificationView view = open();
        assertThat(view.tier.getText()).isEqualTo("Sandbox account · 0 of 10 verified numbers used");
        String phone = SandboxFixture.freshNumber();

        test(view.number).setValue(phone);
        assertThat(view.number.getHelperText()).endsWith("· United States");
        test(view.add).click();

        assertThat(test(view.grid).size()).isEqualTo(1);
        assertThat(test(view.grid).getRow(0).status()).isEqualTo("PENDING");
        assertThat(view.number.getValue()).isEmpty();
        assertThat(view.number.isInvalid()).isFalse();
        assertThat(view.tier.getText()).startsWith("Sandbox account · 1 of 10 verified numbers used (0 verified, 1 pending");
        VerificationView.VerifyDialog dialog = $(VerificationView.VerifyDialog.class).single();
        assertThat(dialog).isSameAs(view.dialog);
        assertThat(dialog.isOpened()).isTrue();

        test(dialog.send).click();
        assertThat(dialog.send.isEnabled()).isFalse();
        assertThat(dialog.cooldown.getText()).startsWith("You can send another code in");

        assertThat(dialog.sendMessage.text()).isEqualTo("Code sent to " + phone + " by text.");
        assertThat($(Notification.class).all()).isEmpty();

        test(dialog.code).setValue("99999x");
        test(dialog.verify).click();
        assertThat(dialog.code.isInvalid()).isTrue();
        // the narrow field holds the short words only; code, reason and request id are folded beside it
        assertThat(dialog.code.getErrorMessage()).isEqualTo("The verification code is wrong. Check the code from the text or call and try again.");
        assertThat(dialog.codeMessage.text()).contains("VERIFICATION_CODE_MISMATCH").contains("Request id");
        assertThat(dialog.codeMessage.getChildren().filter(Details.class::isInstance).map(d -> ((Details) d).isOpened()))
                .containsExactly(false);

        test(dialog.code).setValue("12 34");
        test(dialog.verify).click();
        assertThat(dialog.code.getErrorMessage()).isEqualTo("Enter the code from the text or call: letters and digits only.");

        test(dialog.code).setValue(sandbox.latestCode(phone));
        test(dialog.verify).click();

        assertThat(dialog.isOpened()).isFalse();
        assertThat(test(view.grid).getRow(0).status()).isEqualTo("VERIFIED");
        assertThat(view.rowMessage.text()).isEqualTo(phone + " is VERIFIED.");
    }

    @Test
    void a_number_that_is_not_one_is_flagged_at_the_field_and_nothing_is_sent() {
        VerificationView view = open();

        test(view.number).setValue("+1206 55");
        assertThat(view.number.isInvalid()).isTrue();
        test(view.add).click();
        assertThat(view.number.isInvalid()).isTrue();
        assertThat(view.number.getErrorMessage()).isNotBlank();

        assertThat(view.number.getErrorMessage()).startsWith("Too short");
        assertThat(view.addMessage.isVisible()).as("the field beside the button says it, once").isFalse();

        test(view.number).setValue("");
        test(view.add).click();
        assertThat(view.number.getErrorMessage()).startsWith("Enter a number");
        assertThat(service.numbers()).isEmpty();
        assertThat(view.dialog).isNull();
    }

    @Test
    void a_duplicate_is_refused_at_the_field_without_calling_aws() {
        String phone = SandboxFixture.freshNumber();
        service.add(phone);
        VerificationView view = open();
        Instant before = Instant.now();

        test(view.number).setValue(phone);
        test(view.add).click();

        assertThat(view.number.isInvalid()).isTrue();
        assertThat(view.number.getErrorMessage()).isEqualTo(phone + " is already in the list (PENDING): open Verify… on its row to send it a code.");
        assertThat(test(view.grid).size()).isEqualTo(1);
        assertThat(new AuditLog(audit).find(AuditFilter.empty().withAction("CreateVerifiedDestinationNumber").withText(phone)
                .withRange(before, null))).isEmpty();
        assertThat($(Notification.class).all()).isEmpty();
    }

    @Test
    void an_expired_code_gets_short_words_at_the_field_and_the_details_for_support_beside_it() {
        String phone = SandboxFixture.freshNumber();
        VerificationView view = open();
        test(view.number).setValue(phone);
        test(view.add).click();
        VerificationView.VerifyDialog dialog = $(VerificationView.VerifyDialog.class).single();
        test(dialog.send).click();
        String code = sandbox.latestCode(phone);
        sandbox.waitPastCodeLifetime();

        test(dialog.code).setValue(code);
        test(dialog.verify).click();

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.code.isInvalid()).isTrue();
        // the narrow field: a short sentence that says what happened and what to do, without AWS's codes
        String atField = dialog.code.getErrorMessage();
        assertThat(atField).containsIgnoringCase("expired").hasSizeLessThanOrEqualTo(100)
                .doesNotContain("Exception").doesNotContain("VERIFICATION_CODE_EXPIRED").doesNotContainIgnoringCase("request id");
        // the details for support, folded beside it: AWS's reason (API reference, ConflictExceptionReason) and the request id the audit log keeps
        String requestId = new AuditLog(audit).find(AuditFilter.empty().withAction("VerifyDestinationNumber").withText(phone)).getFirst()
                .awsRequestId();
        assertThat(requestId).isNotBlank();
        assertThat(atField).doesNotContain(requestId);
        assertThat(dialog.codeMessage.text()).contains("VERIFICATION_CODE_EXPIRED").contains("Request id").contains(requestId);
        assertThat(dialog.codeMessage.getChildren().filter(Details.class::isInstance).map(d -> ((Details) d).isOpened()))
                .containsExactly(false);
        assertThat($(Notification.class).all()).isEmpty();
    }

    @Test
    void usage_says_how_many_places_pending_numbers_hold() {
        service.add(SandboxFixture.freshNumber());
        VerificationView view = open();
        assertThat(view.tier.getText()).isEqualTo("Sandbox account · 1 of 10 verified numbers used (0 verified, 1 pending)");
        assertThat(view.note.getText()).endsWith("A number that is not verified yet holds its place too, until it is verified or deleted.");
    }

    @Test
    void a_delete_aws_refuses_says_why_since_when_and_what_aws_said_about_the_wait() {
        VerifiedNumber added = service.add(SandboxFixture.freshNumber());
        String phone = added.phoneNumber();
        // since when: the CreatedTimestamp AWS itself gives for the number
        Instant createdAt = sms.describeVerifiedDestinationNumbers(b -> b.destinationPhoneNumbers(phone)).verifiedDestinationNumbers()
                .getFirst().createdTimestamp();
        String addedAt = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC).format(createdAt) + " UTC";
        long wait = emulator.properties().verification().minAgeBeforeDelete().toSeconds();
        VerificationView view = open();

        view.delete(added);

        // one wording, the service's: why, since when, then AWS's own words on the wait (the emulator's
        // AWS says "it can be deleted <n> s after it was added", with this profile's n), never a guess of a minute
        assertThat($(Span.class, view.rowMessage).all().stream().filter(sp -> sp.hasClassName("inline-message-text")).map(Span::getText))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .matches(java.util.regex.Pattern.quote("AWS does not allow deleting " + phone + " yet: it was added " + addedAt
                        + ", and a verified number can only be deleted some time after it was added. AWS said: Destination phone number "
                        + phone + " was added ") + "\\d+" + java.util.regex.Pattern.quote(" s ago; it can be deleted " + wait
                        + " s after it was added."));
        assertThat(view.rowMessage.text()).contains("AWS DeleteVerifiedDestinationNumber: ConflictException (RESOURCE_DELETION_NOT_ALLOWED) · request id ");
        assertThat(test(view.grid).size()).isEqualTo(1);
    }

    @Test
    void delete_asks_first_and_removes_the_row() {
        VerifiedNumber added = service.add(SandboxFixture.freshNumber());
        sandbox.waitPastDeleteAge();
        VerificationView view = open();
        assertThat(test(view.grid).size()).isEqualTo(1);

        view.delete(added);

        assertThat(test(view.grid).size()).isZero();
        assertThat(view.tier.getText()).isEqualTo("Sandbox account · 0 of 10 verified numbers used");
    }

    @Test
    void a_bulk_add_shows_a_result_per_line() {
        VerificationView view = open();
        view.bulkExecutor = Runnable::run;
        String first = SandboxFixture.freshNumber();
        String second = SandboxFixture.freshNumber();

        test(view.bulkList).setValue(first + "\nnot a number\n" + second + "\n" + first);
        test(view.bulkAdd).click();
        assertThat(view.bulkConfirm).isNotNull();
        assertThat(view.bulkConfirm.isOpened()).isTrue();
        assertThat(service.numbers()).isEmpty();
        view.bulkConfirm.close();
        view.addAll();

        List<String> outcomes = List.of(0, 1, 2, 3).stream()
                .map(i -> VerificationView.outcomeLabel(test(view.bulkResults).getRow(i).outcome())).toList();
        assertThat(outcomes).containsExactly("created", "invalid", "created", "already present");
        assertThat(view.bulkProgress.getText()).isEqualTo("Done: 2 of 4 added and sent a code.");
        assertThat(test(view.grid).size()).isEqualTo(2);
        assertThat(view.bulkAdd.isEnabled()).isTrue();
    }

    @Test
    void an_empty_bulk_list_is_flagged_and_nothing_is_sent() {
        VerificationView view = open();
        test(view.bulkAdd).click();
        assertThat(view.bulkList.isInvalid()).isTrue();
        assertThat(view.bulkList.getErrorMessage()).isEqualTo("Paste or upload at least one number.");
        assertThat(view.bulkConfirm).isNull();
        assertThat(service.numbers()).isEmpty();
    }
}
