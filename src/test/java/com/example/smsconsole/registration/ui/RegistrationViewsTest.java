package com.example.smsconsole.registration.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.smsconsole.emulator.AwsEmulator;
import com.example.smsconsole.registration.FieldDefinition;
import com.example.smsconsole.registration.FormFiller;
import com.example.smsconsole.registration.Registration;
import com.example.smsconsole.registration.RegistrationForm;
import com.example.smsconsole.registration.RegistrationService;
import com.example.smsconsole.support.ConsoleTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/** The registration views: the generated form with checks, save with progress, import, the list and the detail. */
@ConsoleTest
@WithMockUser(username = "admin", roles = "ADMIN")
class RegistrationViewsTest extends SpringBrowserlessTest {

    static final String TOLL_FREE = "US_TOLL_FREE_REGISTRATION";

    @Autowired
    RegistrationService service;
    @Autowired
    AwsEmulator emulator;

    RegistrationEditView newRegistration() {
        UI.getCurrent().navigate("registrations/edit", com.vaadin.flow.router.QueryParameters.of("type", TOLL_FREE));
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
        assertThat(((TextField) view.fields.get("contactInfo.supportEmail")).getHelperText()).contains("support@example.com");

        ((TextField) view.fields.get("contactInfo.supportEmail")).setValue("not an email");
        ((TextField) view.fields.get("contactInfo.supportPhoneNumber")).setValue("+1 206 55");
        ((TextField) view.fields.get("companyInfo.website")).setValue("www.example.com");

        assertThat(view.shownProblems()).containsOnlyKeys("contactInfo.supportEmail", "contactInfo.supportPhoneNumber", "companyInfo.website");
        test(view.save).click();
        assertThat(view.progressText.getText()).isEqualTo("Correct the highlighted fields (3) first; nothing was sent.");
        assertThat(service.registrations(null, TOLL_FREE).stream().map(Registration::id).toList()).doesNotContainNull();
    }

    @Test
    void a_filled_form_is_saved_with_progress_previewed_and_submitted() throws InterruptedException {
        RegistrationEditView view = newRegistration();
        RegistrationForm form = service.form(TOLL_FREE);
        Map<String, Object> values = FormFiller.requiredValues(form, "View Corp");
        fill(view, values);
        assertThat(view.preview.getText()).contains("\"companyInfo.companyName\" : \"View Corp\"").contains("\"registrationType\" : \"" + TOLL_FREE + "\"");

        test(view.save).click();

        assertThat(view.progressText.getText()).startsWith("Saved " + values.size() + " field(s) to registration-");
        String id = view.progressText.getText().replaceAll(".* to (registration-[0-9a-f]+)\\.", "$1");
        assertThat(service.formValues(id)).isEqualTo(values);

        // saving again writes nothing: AWS holds every value
        test(view.save).click();
        assertThat(view.progressText.getText()).isEqualTo("AWS already holds every value.");

        test(view.submit).click();
        RegistrationDetailView detail = (RegistrationDetailView) getCurrentView();
        for (int i = 0; i < 200 && detail.snippet.getText().isEmpty(); i++) {
            Thread.sleep(100);
            detail.reload();
        }
        assertThat(detail.snippet.getText()).isEqualTo("sms_sender_phone_number_registration_id = \"" + id + "\"\nsms_number_type = \"TOLL_FREE\"\n");
        assertThat(detail.status.getElement().getTextRecursively()).contains("COMPLETE");
        assertThat(detail.newVersion.isVisible()).isTrue();
        assertThat(detail.edit.isVisible()).isFalse();
    }

    @Test
    void an_import_applies_the_good_keys_and_lists_the_others_with_their_lines() {
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
    }

    @Test
    void a_denied_registration_shows_its_reasons_and_offers_a_new_version() throws InterruptedException {
        RegistrationForm form = service.form(TOLL_FREE);
        String id = service.saveDraft(new RegistrationService.Draft(TOLL_FREE), form, FormFiller.requiredValues(form, "Denied View Corp"),
                (d, t, f) -> { });
        emulator.sms().steerReview(id, List.of("DENIED"));
        service.submit(id, form);
        for (int i = 0; i < 200 && !service.registration(id).orElseThrow().status().equals("REQUIRES_UPDATES"); i++) {
            Thread.sleep(100);
        }
        UI.getCurrent().navigate("registrations/" + id);
        RegistrationDetailView detail = (RegistrationDetailView) getCurrentView();

        assertThat(detail.denial.getElement().getTextRecursively()).contains("Why version 1 was denied").contains("Unclear Opt-in Language");
        assertThat(test(detail.values).size()).isEqualTo(form.problems(Map.of()).size());
        assertThat(detail.newVersion.isVisible()).isTrue();

        test(detail.newVersion).click();
        assertThat(detail.edit.isVisible()).isTrue();
        assertThat(detail.discard.isVisible()).isTrue();
        assertThat(test(detail.versions).getRow(0).status()).isEqualTo("DRAFT");

        UI.getCurrent().navigate("registrations");
        RegistrationListView list = (RegistrationListView) getCurrentView();
        list.status.setValue("COMPLETE");
        assertThat(java.util.stream.IntStream.range(0, test(list.grid).size()).mapToObj(i -> test(list.grid).getRow(i).id())).doesNotContain(id);
        list.status.setValue(service.registration(id).orElseThrow().status());
        assertThat(java.util.stream.IntStream.range(0, test(list.grid).size()).mapToObj(i -> test(list.grid).getRow(i).id())).contains(id);
    }
}
