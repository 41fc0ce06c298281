package com.example.smsconsole.registration.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.smsconsole.emulator.AwsEmulator;
import com.example.smsconsole.common.ui.InlineMessage;
import com.example.smsconsole.emulator.protocol.FaultInjector;
import com.vaadin.flow.component.notification.Notification;
import com.example.smsconsole.aws.AwsCallException;
import com.example.smsconsole.registration.AccountNumber;
import com.example.smsconsole.registration.FieldDefinition;
import com.example.smsconsole.registration.FormFiller;
import com.example.smsconsole.registration.Registration;
import com.example.smsconsole.registration.RegistrationForm;
import com.example.smsconsole.registration.RegistrationService;
import com.example.smsconsole.registration.RegistrationType;
import com.example.smsconsole.registration.SupportedAssociation;
import com.example.smsconsole.support.ConsoleTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.FileRejectedEvent;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import software.amazon.awssdk.services.pinpointsmsvoicev2.PinpointSmsVoiceV2Client;

/**
 * The registration views: the generated form with checks at each field, the steps of the type,
 * save with progress, import, the list with its names, the detail with associations, denials and
 * the snippet.
 */
@ConsoleTest
@WithMockUser(username = "admin", roles = "ADMIN")
class RegistrationViewsTest extends SpringBrowserlessTest {

    static final String TOLL_FREE = RegistrationType.US_TOLL_FREE;

    @Autowired
    RegistrationService service;
    @Autowired
    AwsEmulator emulator;
    @Autowired
    PinpointSmsVoiceV2Client sms;

    @AfterEach
    void clearFaults() {
        emulator.faults().clear();
    }

    RegistrationEditView newRegistration() {
        UI.getCurrent().navigate("registrations/edit", QueryParameters.of("type", TOLL_FREE));
        RegistrationEditView view = (RegistrationEditView) getCurrentView();
        view.saveExecutor = Runnable::run;
        return view;
    }

    @SuppressWarnings("unchecked")
    static void fill(RegistrationEditView view, Map<String, Object> values) {
        values.forEach((path, value) -> {
            HasValue<?, ?> input = view.fields.get(path);
            if (input instanceof ComboBox<?> combo) {
                ((ComboBox<String>) combo).setValue(((List<String>) value).getFirst());
            } else if (input instanceof TextField text) {
                text.setValue((String) value);
            } else if (input instanceof TextArea area) {
                area.setValue((String) value);
            } else if (input == null && value instanceof String attachment) {
                view.attachments.put(path, attachment);
            }
        });
    }

    @Test
    void the_form_is_generated_from_the_definitions_and_checks_each_field() {
        RegistrationEditView view = newRegistration();
        RegistrationForm form = service.form(TOLL_FREE);
        assertThat(view.type.getValue().type()).isEqualTo(TOLL_FREE);
        assertThat(view.fields.keySet()).containsExactlyElementsOf(form.fields().stream().filter(f -> !f.attachment())
                .map(FieldDefinition::fieldPath).toList());
        assertThat(view.fields.get("companyInfo.companyName").isRequiredIndicatorVisible()).isTrue();
        assertThat(((ComboBox<?>) view.fields.get("companyInfo.businessType")).getListDataView().getItemCount()).isEqualTo(5);
        // examples are help text, not placeholders that look like values
        TextField email = (TextField) view.fields.get("contactInfo.supportEmail");
        assertThat(email.getHelperText()).contains("Example: support@example.com");
        assertThat(email.getPlaceholder()).isNullOrEmpty();
        // no maxlength on the input: a longer paste is kept and the check says by how much
        TextField company = (TextField) view.fields.get("companyInfo.companyName");
        assertThat(company.getMaxLength()).isZero();
        company.setValue("x".repeat(150));
        assertThat(view.shownProblems()).containsEntry("companyInfo.companyName", "At most 100 characters (now 150).");
        // choices show the definition's display text where it has one
        for (FieldDefinition field : form.fields()) {
            if (field.select() && field.maxChoices() <= 1) {
                @SuppressWarnings("unchecked")
                ComboBox<String> combo = (ComboBox<String>) view.fields.get(field.fieldPath());
                field.options().forEach(o -> assertThat(combo.getItemLabelGenerator().apply(o)).isEqualTo(field.optionTitles().getOrDefault(o, o)));
            }
        }

        email.setValue("not an email");
        ((TextField) view.fields.get("contactInfo.supportPhoneNumber")).setValue("+1 206 55");
        ((TextField) view.fields.get("companyInfo.website")).setValue("www.example.com");

        assertThat(view.shownProblems()).containsOnlyKeys("companyInfo.companyName", "contactInfo.supportEmail", "contactInfo.supportPhoneNumber",
                "companyInfo.website");
        long before = service.registrations(null, TOLL_FREE).size();
        test(view.save).click();
        assertThat(view.progressText.getText()).isEqualTo(
                "Correct 4 fields: Company name, Company website, Support email and Support phone number. Nothing was sent.");
        assertThat(service.registrations(null, TOLL_FREE)).hasSize((int) before);
    }

    @Test
    void an_attachment_the_browser_refuses_as_too_large_is_explained_at_its_field() {
        RegistrationEditView view = newRegistration();
        Span note = view.attachmentNotes.get("messagingUseCase.optInImage");
        Upload upload = (Upload) note.getParent().orElseThrow().getChildren().filter(Upload.class::isInstance).findFirst().orElseThrow();
        // botocore model, CreateRegistrationAttachmentRequest.AttachmentBody: "The maximum file size is 500KB"
        assertThat(upload.getMaxFileSize()).isEqualTo(500_000);

        ComponentUtil.fireEvent(upload, new FileRejectedEvent(upload, upload.getI18n().getError().getFileIsTooBig(), "opt-in.png"));

        assertThat(view.attachmentMessages.get("messagingUseCase.optInImage").text()).isEqualTo("opt-in.png is too large; AWS accepts attachments of at most 500 KB (500,000 bytes). Nothing was uploaded.");
        assertThat(view.attachments).doesNotContainKey("messagingUseCase.optInImage");
    }

    @Test
    void a_submit_of_an_empty_form_names_the_missing_fields_by_their_labels() {
        RegistrationEditView view = newRegistration();
        test(view.submit).click();
        assertThat(view.progressText.getText()).startsWith("Correct ").contains("Company name, Company website").doesNotContain("companyInfo.");
        assertThat(view.shownProblems()).containsEntry("companyInfo.companyName", "Required.");
        assertThat(view.steps.where.getText()).isEqualTo("Step 1 of 3: fill in the form");

        // a draft may leave them empty: saving one takes those marks away
        test(view.save).click();
        assertThat(view.shownProblems()).doesNotContainKey("companyInfo.companyName");
    }

    @Test
    void a_filled_form_is_saved_with_progress_then_the_number_step_refuses_submit_until_a_number_is_associated() throws InterruptedException {
        RegistrationEditView view = newRegistration();
        RegistrationForm form = service.form(TOLL_FREE);
        Map<String, Object> values = FormFiller.requiredValues(form, "View Corp", service);
        fill(view, values);
        view.name.setValue("View Corp toll-free");
        assertThat(view.preview.getText()).contains("\"companyInfo.companyName\" : \"View Corp\"").contains("\"registrationType\" : \"" + TOLL_FREE + "\"");
        assertThat(view.panels).singleElement().satisfies(p -> assertThat(p.request.isEnabled()).isFalse());

        test(view.save).click();

        assertThat(view.progressText.getText()).startsWith("Saved " + values.size() + " field(s) to registration-");
        String id = view.progressText.getText().replaceAll(".* to (registration-[0-9a-f]+)\\.", "$1");
        assertThat(service.formValues(id)).isEqualTo(values);
        assertThat(view.steps.where.getText()).isEqualTo("Step 2 of 3: associate a toll-free number");
        assertThat(view.submitNeeds.getText()).isEqualTo("Submit needs first: associate a toll-free number (step 2).");

        // saving again writes nothing: AWS holds every value
        test(view.save).click();
        assertThat(view.progressText.getText()).isEqualTo("AWS already holds every value.");

        test(view.submit).click();
        assertThat(view.progressText.getText()).startsWith("Saved. Not submitted: associate a toll-free number first.");
        assertThat(service.versions(id).getFirst().status()).isEqualTo("DRAFT");

        AssociationPanel panel = view.panels.getFirst();
        assertThat(panel.request.isEnabled()).isTrue();
        test(panel.request).click();
        assertThat(panel.confirmation).isNotNull();
        roundTrip();
        assertThat(panel.confirmation.getElement().getTextRecursively()).contains("a month").contains("PENDING");
        test(panel.confirm).click();
        assertThat(panel.result.text()).startsWith("Requested +").contains("a month, as AWS answered; associated with " + id);
        assertThat(view.steps.where.getText()).isEqualTo("Step 3 of 3: submit for review");

        test(view.submit).click();
        RegistrationDetailView detail = (RegistrationDetailView) getCurrentView();
        for (int i = 0; i < 300 && detail.snippet.getText().isEmpty(); i++) {
            Thread.sleep(100);
            detail.reload();
        }
        assertThat(detail.snippet.getText()).startsWith("sms_number_type                         = \"TOLL_FREE\"\nsms_sender_phone_number_id              = \"");
        assertThat(detail.status.getElement().getTextRecursively()).contains("COMPLETE");
        assertThat(detail.steps.where.getText()).isEqualTo("All 3 steps done");
        assertThat(test(detail.associated).size()).isEqualTo(1);
        assertThat(test(detail.associated).getRow(0).status()).isEqualTo("ACTIVE");
        assertThat(detail.newVersion.isVisible()).isTrue();
        assertThat(detail.edit.isVisible()).isFalse();
        assertThat(detail.denial.isVisible()).isFalse();

        UI.getCurrent().navigate("registrations");
        RegistrationListView list = (RegistrationListView) getCurrentView();
        int row = IntStream.range(0, test(list.grid).size()).filter(i -> test(list.grid).getRow(i).id().equals(id)).findFirst().orElseThrow();
        assertThat(test(list.grid).getCellText(row, 0)).isEqualTo("View Corp toll-free");
    }

    @Test
    void an_import_applies_the_good_keys_lists_the_others_and_can_be_used_again() {
        RegistrationEditView view = newRegistration();
        view.importJson("""
                {
                  "companyInfo": {
                    "companyName": "Imported Corp",
                    "colour": "blue"
                  }
                }
                """);
        assertThat(((TextField) view.fields.get("companyInfo.companyName")).getValue()).isEqualTo("Imported Corp");
        assertThat(view.importProblemTexts()).containsExactly("line 4: companyInfo.colour: Not a field of US_TOLL_FREE_REGISTRATION.");

        view.importJson("""
                { "CompanyName": "Runbook Corp", "BusinessAddress": "1 Main St" }
                """);
        assertThat(((TextField) view.fields.get("companyInfo.companyName")).getValue()).isEqualTo("Runbook Corp");
        assertThat(view.importMappedTexts()).containsExactly("line 1: CompanyName: → companyInfo.companyName (Company name)");
        assertThat(view.importProblemTexts()).singleElement().asString().startsWith("line 1: BusinessAddress: No field of");
    }

    @Test
    void a_denied_registration_shows_its_reasons_at_the_fields_of_the_draft_that_fixes_it() throws InterruptedException {
        RegistrationForm form = service.form(TOLL_FREE);
        String id = service.saveDraft(new RegistrationService.Draft(TOLL_FREE), form, FormFiller.requiredValues(form, "Denied View Corp", service),
                (d, t, f) -> { });
        SupportedAssociation number = form.type().beforeSubmit().getFirst();
        service.requestNumber(id, number, "TRANSACTIONAL", service.numberRequestToken(id, number));
        emulator.sms().steerReview(id, List.of("DENIED"));
        service.submit(id, form);
        for (int i = 0; i < 300 && !service.registration(id).orElseThrow().status().equals("REQUIRES_UPDATES"); i++) {
            Thread.sleep(100);
        }
        UI.getCurrent().navigate("registrations/" + id);
        RegistrationDetailView detail = (RegistrationDetailView) getCurrentView();
        detail.versionExecutor = Runnable::run;

        assertThat(detail.denial.isVisible()).isTrue();
        assertThat(detail.denial.getElement().getTextRecursively()).contains("Why version 1 was denied").contains("Unclear Opt-in Language");
        assertThat(detail.newVersion.isVisible()).isTrue();

        test(detail.newVersion).click();
        assertThat(detail.actionMessage.text()).startsWith("Version 2 created: it already held ");
        assertThat(detail.edit.isVisible()).isTrue();
        assertThat(detail.discard.isVisible()).isTrue();
        assertThat(test(detail.versions).getRow(0).status()).isEqualTo("DRAFT");
        // while version 2 is the draft, the reasons of version 1 stay at the fields they point at
        int column = test(detail.values).getColumnPosition("denial");
        assertThat(IntStream.range(0, test(detail.values).size()).mapToObj(i -> test(detail.values).getCellText(i, column)))
                .anySatisfy(text -> assertThat(text).isNotBlank());

        UI.getCurrent().navigate("registrations/edit", QueryParameters.of("id", id));
        RegistrationEditView edit = (RegistrationEditView) getCurrentView();
        edit.saveExecutor = Runnable::run;
        assertThat(edit.shownDenials()).containsKey("messagingUseCase.optInDescription");
        assertThat(edit.denial.isVisible()).isTrue();

        // (that the block goes once a later version is approved is held by RegistrationServiceTest and RegistrationPlaywrightIT)
        UI.getCurrent().navigate("registrations");
        RegistrationListView list = (RegistrationListView) getCurrentView();
        list.status.setValue("COMPLETE");
        assertThat(IntStream.range(0, test(list.grid).size()).mapToObj(i -> test(list.grid).getRow(i).id())).doesNotContain(id);
        list.status.setValue("REQUIRES_UPDATES");
        assertThat(IntStream.range(0, test(list.grid).size()).mapToObj(i -> test(list.grid).getRow(i).id())).contains(id);
    }

    @Test
    void a_list_that_could_not_be_read_does_not_say_there_are_no_registrations() {
        emulator.faults().add(new FaultInjector.Rule("sms-voice", "DescribeRegistrations", FaultInjector.Kind.SERVER_ERROR, 0, 0, 0, null));
        UI.getCurrent().navigate("registrations");
        RegistrationListView list = (RegistrationListView) getCurrentView();

        assertThat(test(list.grid).size()).isZero();
        assertThat(list.grid.getEmptyStateText()).isEqualTo("The registrations could not be read from AWS.");
        // why, once, on the page under the header (no pop-up): the operation and the AWS error code for support
        assertThat(list.pageMessage.tone()).isEqualTo(InlineMessage.Tone.ERROR);
        assertThat(list.pageMessage.text()).contains("InternalServerException");
        assertThat($(Notification.class).all()).isEmpty();

        emulator.faults().clear();
        list.reload();
        assertThat(list.grid.getEmptyStateText()).isNotEqualTo("The registrations could not be read from AWS.");
        assertThat(list.pageMessage.tone()).isNull();
    }

    @Test
    void a_10dlc_brand_offers_its_campaign_next_and_no_snippet_of_its_own() throws InterruptedException {
        RegistrationForm brandForm = service.form(RegistrationType.US_TEN_DLC_BRAND);
        String brand = service.saveDraft(new RegistrationService.Draft(RegistrationType.US_TEN_DLC_BRAND), brandForm,
                FormFiller.requiredValues(brandForm, "Brand View Corp", service), (d, t, f) -> { });
        service.submit(brand, brandForm);
        for (int i = 0; i < 300 && !service.registration(brand).orElseThrow().complete(); i++) {
            Thread.sleep(100);
        }
        UI.getCurrent().navigate("registrations/" + brand);
        RegistrationDetailView detail = (RegistrationDetailView) getCurrentView();
        assertThat(detail.next.isVisible()).isTrue();
        assertThat(detail.snippet.getText()).isEmpty();
        assertThat(detail.snippetExplanation.getText()).startsWith("A 10DLC brand does not send by itself");

        UI.getCurrent().navigate("registrations/edit", QueryParameters.simple(Map.of("type", RegistrationType.US_TEN_DLC_CAMPAIGN,
                "associate", brand)));
        RegistrationEditView campaign = (RegistrationEditView) getCurrentView();
        assertThat(campaign.steps.where.getText()).isEqualTo("Step 1 of 4: fill in the form");
        assertThat(campaign.panels).singleElement().satisfies(p -> assertThat(p.registrations.getValue()).extracting(Registration::id)
                .isEqualTo(brand));
    }

    void awaitStatus(String id, String wanted) throws InterruptedException {
        for (int i = 0; i < 300 && !service.registration(id).orElseThrow().status().equals(wanted); i++) {
            Thread.sleep(100);
        }
        assertThat(service.registration(id).orElseThrow().status()).isEqualTo(wanted);
    }

    @Test
    void delete_of_a_toll_free_registration_that_holds_its_number_names_the_number_to_release_first_and_is_not_offered()
            throws InterruptedException {
        RegistrationForm form = service.form(TOLL_FREE);
        String id = service.saveDraft(new RegistrationService.Draft(TOLL_FREE), form, FormFiller.requiredValues(form, "Held Number Corp", service),
                (d, t, f) -> { });
        SupportedAssociation number = form.type().beforeSubmit().getFirst();
        AccountNumber held = service.requestNumber(id, number, "TRANSACTIONAL", service.numberRequestToken(id, number));
        emulator.sms().steerReview(id, List.of("APPROVED"));
        service.submit(id, form);
        awaitStatus(id, "COMPLETE");

        UI.getCurrent().navigate("registrations/" + id);
        RegistrationDetailView detail = (RegistrationDetailView) getCurrentView();
        test(detail.delete).click();

        // botocore model, SupportedAssociation.DisassociationBehavior: DISASSOCIATE_ALL_CLOSES_REGISTRATION "All origination
        // identities must be disassociated from the registration before the registration can be closed"
        String text = detail.deleteDialog.getElement().getTextRecursively();
        assertThat(text).contains("must be disassociated first")
                .contains("Toll-free number " + held.phoneNumber() + " (" + held.id() + ")")
                .contains("release it first")
                .contains("deletion protection")
                .contains("DISASSOCIATE_ALL_CLOSES_REGISTRATION")
                .doesNotContain("AWS deletes the registration");
        assertThat(detail.deleteConfirm.isEnabled()).isFalse();
        // the emulator, like AWS, refuses it too
        assertThatThrownBy(() -> service.delete(id)).isInstanceOfSatisfying(AwsCallException.class,
                e -> assertThat(e.reason()).isEqualTo("RESOURCE_DELETION_NOT_ALLOWED"));
        detail.deleteDialog.close();

        // the number released (deletion protection off first, ReleasePhoneNumber documentation), Delete is offered
        sms.updatePhoneNumber(b -> b.phoneNumberId(held.id()).deletionProtectionEnabled(false));
        sms.releasePhoneNumber(b -> b.phoneNumberId(held.id()));
        detail.reload();
        test(detail.delete).click();
        assertThat(detail.deleteDialog.getElement().getTextRecursively()).contains("AWS deletes the registration and every version")
                .contains("Nothing is associated with it.").doesNotContain(held.phoneNumber());
        confirmDeleteAndExpectGone(detail, id);
    }

    @Test
    void delete_of_a_10dlc_campaign_says_aws_disassociates_its_brand_and_is_offered() throws InterruptedException {
        RegistrationForm brandForm = service.form(RegistrationType.US_TEN_DLC_BRAND);
        String brand = service.saveDraft(new RegistrationService.Draft(RegistrationType.US_TEN_DLC_BRAND), brandForm,
                FormFiller.requiredValues(brandForm, "Kept Brand Corp", service), (d, t, f) -> { });
        service.submit(brand, brandForm);
        awaitStatus(brand, "COMPLETE");
        RegistrationForm campaignForm = service.form(RegistrationType.US_TEN_DLC_CAMPAIGN);
        String campaign = service.saveDraft(new RegistrationService.Draft(RegistrationType.US_TEN_DLC_CAMPAIGN), campaignForm,
                FormFiller.requiredValues(campaignForm, "Kept Brand Corp", service), (d, t, f) -> { });
        service.associate(campaign, brand);

        UI.getCurrent().navigate("registrations/" + campaign);
        RegistrationDetailView detail = (RegistrationDetailView) getCurrentView();
        test(detail.delete).click();

        // botocore model: DELETE_REGISTRATION_DISASSOCIATES "The registration can be deleted and all origination identities will be
        // disasscoiated"
        String text = detail.deleteDialog.getElement().getTextRecursively();
        assertThat(text).contains("AWS deletes the registration and every version")
                .contains("AWS disassociates these from it as part of the delete (DELETE_REGISTRATION_DISASSOCIATES)")
                .contains("Registration " + brand + ", COMPLETE: it stays as it is")
                .doesNotContain("must be disassociated first");
        confirmDeleteAndExpectGone(detail, campaign);
        assertThat(service.registration(brand).orElseThrow().status()).isEqualTo("COMPLETE");
    }

    /** Confirms the open Delete dialog: the console goes back to the list and AWS no longer holds the registration. */
    private void confirmDeleteAndExpectGone(RegistrationDetailView detail, String id) {
        assertThat(detail.deleteConfirm.isEnabled()).isTrue();
        roundTrip();
        test(detail.deleteConfirm).click();
        assertThat(getCurrentView()).isInstanceOf(RegistrationListView.class);
        assertThat(service.registration(id).map(Registration::status)).satisfiesAnyOf(
                r -> assertThat(r).isEmpty(), r -> assertThat(r).contains("DELETED"));
    }
}
