package com.example.smsconsole.registration.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.smsconsole.audit.AuditEntry;
import com.example.smsconsole.audit.AuditFilter;
import com.example.smsconsole.audit.AuditOutcome;
import com.example.smsconsole.audit.AuditService;
import com.example.smsconsole.aws.AwsCallException;
import com.example.smsconsole.common.ui.InlineMessage;
import com.example.smsconsole.emulator.AwsEmulator;
import com.example.smsconsole.emulator.protocol.FaultInjector;
import com.example.smsconsole.registration.FormFiller;
import com.example.smsconsole.registration.Registration;
import com.example.smsconsole.registration.RegistrationForm;
import com.example.smsconsole.registration.RegistrationService;
import com.example.smsconsole.registration.RegistrationType;
import com.example.smsconsole.registration.SupportedAssociation;
import com.example.smsconsole.support.AuditLog;
import com.example.smsconsole.support.ConsoleTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.QueryParameters;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * AWS refusals of the registration actions (submit, delete, rename, upload, number request, save):
 * each is said once, in the message beside the action, with the AWS error code and the request id
 * AWS gave the call (as the audit log keeps it), and no pop-up opens. The refusals are the
 * emulator's {@code AccessDeniedException}, as AWS answers a role without the IAM action.
 */
@ConsoleTest
@WithMockUser(username = "admin", roles = "ADMIN")
class RegistrationRefusalsTest extends SpringBrowserlessTest {

    static final String TOLL_FREE = RegistrationType.US_TOLL_FREE;
    static final String REFUSED = "AccessDeniedException";
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};

    @Autowired
    RegistrationService service;
    @Autowired
    AwsEmulator emulator;
    @Autowired
    AuditService audit;

    @AfterEach
    void clearFaults() {
        emulator.faults().clear();
    }

    private void refuse(String operation) {
        emulator.faults().add(new FaultInjector.Rule("sms-voice", operation, FaultInjector.Kind.ACCESS_DENIED, 0, 0));
    }

    /** The request id AWS gave the refused call, as the audit log keeps it. */
    private String refusedRequestId(String action, Instant since) {
        String id = new AuditLog(audit).find(AuditFilter.empty().withAction(action).withOutcome(AuditOutcome.FAILURE).withRange(since, null))
                .stream().findFirst().map(AuditEntry::awsRequestId).orElseThrow();
        assertThat(id).isNotBlank();
        return id;
    }

    /**
     * The refusal is in {@code message}, with its lead words, the operation, the error code and the
     * request id; the whole page (dialogs included) names the refused call once; no pop-up.
     */
    private void saidOnceBeside(InlineMessage message, String lead, String operation, Instant since) {
        String requestId = refusedRequestId(operation, since);
        assertThat(message.isVisible()).isTrue();
        assertThat(message.tone()).isEqualTo(InlineMessage.Tone.ERROR);
        assertThat(message.text()).startsWith(lead)
                .contains("AWS " + operation + ": " + REFUSED + " · request id " + requestId);
        String page = getCurrentView().getElement().getTextRecursively()
                + String.join(" ", $(Dialog.class).all().stream().map(d -> d.getElement().getTextRecursively()).toList());
        assertThat(occurrences(page, "AWS " + operation + ": " + REFUSED)).isEqualTo(1);
        assertThat($(Notification.class).all()).isEmpty();
    }

    private static long occurrences(String text, String part) {
        return Pattern.compile(Pattern.quote(part)).matcher(text).results().count();
    }

    private String draft(String company) {
        RegistrationForm form = service.form(TOLL_FREE);
        return service.saveDraft(new RegistrationService.Draft(TOLL_FREE), form, FormFiller.requiredValues(form, company, service),
                (d, t, f) -> { });
    }

    private RegistrationDetailView detail(String id) {
        UI.getCurrent().navigate("registrations/" + id);
        return (RegistrationDetailView) getCurrentView();
    }

    @Test
    void a_refused_submit_is_said_once_beside_the_actions() {
        String id = draft("Refused Submit Corp");
        SupportedAssociation number = service.form(TOLL_FREE).type().beforeSubmit().getFirst();
        service.requestNumber(id, number, "TRANSACTIONAL", service.numberRequestToken(id, number));
        RegistrationDetailView detail = detail(id);
        refuse("SubmitRegistrationVersion");
        Instant before = Instant.now();

        test(detail.submit).click();

        saidOnceBeside(detail.actionMessage, "Not submitted: ", "SubmitRegistrationVersion", before);
        assertThat(detail.pageMessage.isVisible()).isFalse();
        assertThat(service.versions(id).getFirst().status()).isEqualTo("DRAFT");
    }

    @Test
    void a_refused_delete_is_said_once_beside_the_actions_and_the_registration_stays() {
        String id = draft("Refused Delete Corp");
        RegistrationDetailView detail = detail(id);
        refuse("DeleteRegistration");
        Instant before = Instant.now();

        test(detail.delete).click();
        assertThat(detail.deleteConfirm.isEnabled()).isTrue();
        roundTrip();
        test(detail.deleteConfirm).click();

        assertThat(getCurrentView()).isSameAs(detail);
        saidOnceBeside(detail.actionMessage, "Not deleted: ", "DeleteRegistration", before);
        assertThat(service.registration(id)).isPresent();
    }

    @Test
    void a_refused_rename_puts_the_short_words_at_the_field_and_the_support_details_in_the_dialog() {
        String id = draft("Refused Rename Corp");
        Registration registration = service.registration(id).orElseThrow();
        RegistrationDetailView detail = detail(id);
        refuse("TagResource");
        // the words any caller of the service gets for this refusal
        String words = catchAws(() -> service.rename(registration, "Probe")).userMessage();
        Instant before = Instant.now();

        test(detail.rename).click();
        roundTrip();
        test(detail.renameField).setValue("Refused name");
        test(detail.renameSave).click();

        assertThat(detail.renameDialog.isOpened()).isTrue();
        assertThat(detail.renameField.isInvalid()).isTrue();
        assertThat(detail.renameField.getErrorMessage()).isEqualTo(words).doesNotContain("request id").doesNotContain("Exception");
        String requestId = refusedRequestId("TagResource", before);
        assertThat(detail.renameMessage.text()).doesNotContain(words).contains(REFUSED).contains(requestId);
        assertThat(detail.renameMessage.getChildren().filter(Details.class::isInstance).map(d -> ((Details) d).isOpened()))
                .containsExactly(false);
        assertThat(detail.actionMessage.isVisible()).isFalse();
        assertThat($(Notification.class).all()).isEmpty();

        // the service's own rule is the field's check, before anything is sent
        emulator.faults().clear();
        String tooLong = "x".repeat(300);
        String rule = catchRule(() -> service.rename(registration, tooLong));
        test(detail.renameField).setValue(tooLong);
        assertThat(detail.renameField.getErrorMessage()).isEqualTo(rule);
        test(detail.renameSave).click();
        assertThat(detail.renameField.isInvalid()).isTrue();
        assertThat(detail.renameMessage.isVisible()).isFalse();
        assertThat(service.name(service.registration(id).orElseThrow())).isNotEqualTo(tooLong);

        test(detail.renameField).setValue("Accepted name");
        assertThat(detail.renameField.isInvalid()).isFalse();
        test(detail.renameSave).click();
        assertThat(detail.renameDialog.isOpened()).isFalse();
        assertThat(detail.actionMessage.text()).isEqualTo("Renamed.");
        assertThat(service.name(service.registration(id).orElseThrow())).isEqualTo("Accepted name");
    }

    @Test
    void a_refused_upload_is_said_once_at_its_attachment_field() {
        UI.getCurrent().navigate("registrations/edit", QueryParameters.of("type", TOLL_FREE));
        RegistrationEditView view = (RegistrationEditView) getCurrentView();
        String path = "messagingUseCase.optInImage";
        Upload upload = (Upload) view.attachmentNotes.get(path).getParent().orElseThrow().getChildren().filter(Upload.class::isInstance)
                .findFirst().orElseThrow();
        refuse("CreateRegistrationAttachment");
        Instant before = Instant.now();

        test(upload).upload("opt-in.png", "image/png", PNG);

        saidOnceBeside(view.attachmentMessages.get(path), "Not uploaded: ", "CreateRegistrationAttachment", before);
        assertThat(view.attachments).doesNotContainKey(path);
    }

    @Test
    void a_refused_number_request_is_said_once_in_its_association_panel() {
        String id = draft("Refused Number Corp");
        UI.getCurrent().navigate("registrations/edit", QueryParameters.of("id", id));
        RegistrationEditView view = (RegistrationEditView) getCurrentView();
        AssociationPanel panel = view.panels.getFirst();
        refuse("RequestPhoneNumber");
        Instant before = Instant.now();

        test(panel.request).click();
        roundTrip();
        test(panel.confirm).click();

        saidOnceBeside(panel.result, "Not requested: ", "RequestPhoneNumber", before);
        assertThat(service.associations(id)).isEmpty();
    }

    @Test
    void a_refused_save_is_said_once_beside_the_buttons() {
        UI.getCurrent().navigate("registrations/edit", QueryParameters.of("type", TOLL_FREE));
        RegistrationEditView view = (RegistrationEditView) getCurrentView();
        view.saveExecutor = Runnable::run;
        RegistrationForm form = service.form(TOLL_FREE);
        Map<String, Object> values = FormFiller.requiredValues(form, "Refused Save Corp", service);
        RegistrationViewsTest.fill(view, values);
        refuse("CreateRegistration");
        Instant before = Instant.now();

        test(view.save).click();

        saidOnceBeside(view.saveMessage, "Stopped: ", "CreateRegistration", before);
        assertThat(view.progressText.getText()).isEmpty();
        assertThat(view.save.isEnabled()).isTrue();
    }

    private static AwsCallException catchAws(Runnable call) {
        try {
            call.run();
        } catch (AwsCallException e) {
            return e;
        }
        throw new AssertionError("AWS did not refuse the call");
    }

    private static String catchRule(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOf(IllegalArgumentException.class);
        try {
            call.run();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new AssertionError("unreachable");
    }
}
