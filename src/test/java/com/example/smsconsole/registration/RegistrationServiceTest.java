package com.example.smsconsole.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.smsconsole.audit.AuditEntry;
import com.example.smsconsole.audit.AuditFilter;
import com.example.smsconsole.audit.AuditOutcome;
import com.example.smsconsole.audit.AuditService;
import com.example.smsconsole.aws.AwsCallException;
import com.example.smsconsole.emulator.AwsEmulator;
import com.example.smsconsole.emulator.protocol.FaultInjector;
import com.example.smsconsole.support.AuditLog;
import com.example.smsconsole.support.ConsoleTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The registration lifecycle against the emulator through the real SDK client: draft, submit,
 * review, approval; denial, new version, resubmit; a save stopped half-way and resumed; imports
 * with bad keys; every change audited.
 */
@ConsoleTest
@WithMockUser(username = "admin", roles = "ADMIN")
class RegistrationServiceTest {

    static final String TOLL_FREE = "US_TOLL_FREE_REGISTRATION";

    @Autowired
    RegistrationService service;
    @Autowired
    AuditService audit;
    @Autowired
    AwsEmulator emulator;

    @AfterEach
    void clearFaults() {
        emulator.faults().clear();
    }

    Registration awaitStatus(String id, Predicate<String> wanted) throws InterruptedException {
        Registration r = service.registration(id).orElseThrow();
        for (int i = 0; i < 200 && !wanted.test(r.status()); i++) {
            Thread.sleep(100);
            r = service.registration(id).orElseThrow();
        }
        return r;
    }

    @Test
    void types_list_us_first_with_their_descriptions() {
        List<RegistrationType> types = service.types();
        assertThat(types.getFirst().us()).isTrue();
        assertThat(types).filteredOn(t -> t.type().equals(TOLL_FREE)).singleElement().satisfies(t -> {
            assertThat(t.title()).isEqualTo("US toll-free number registration");
            assertThat(t.shortDescription()).isNotBlank();
        });
        RegistrationForm form = service.form(TOLL_FREE);
        assertThat(form.sections()).extracting(SectionDefinition::path)
                .containsExactly("companyInfo", "contactInfo", "messagingUseCase", "messageSamples");
        assertThat(form.field("companyInfo.businessType")).hasValueSatisfying(f -> assertThat(f.options()).contains("PRIVATE_PROFIT"));
    }

    @Test
    void a_draft_is_saved_submitted_reviewed_and_approved() throws InterruptedException {
        RegistrationForm form = service.form(TOLL_FREE);
        var draft = new RegistrationService.Draft(TOLL_FREE);
        Map<String, Object> values = FormFiller.requiredValues(form, "Lifecycle Corp");
        List<String> progress = new ArrayList<>();

        String id = service.saveDraft(draft, form, values, (done, total, field) -> progress.add(done + "/" + total));

        assertThat(progress).first().isEqualTo("0/" + values.size());
        assertThat(progress).last().isEqualTo(values.size() + "/" + values.size());
        assertThat(service.registration(id)).hasValueSatisfying(r -> assertThat(r.status()).isEqualTo("CREATED"));
        assertThat(service.formValues(id)).isEqualTo(values);

        service.submit(id, form);
        Registration done = awaitStatus(id, s -> s.equals("COMPLETE"));

        assertThat(done.status()).isEqualTo("COMPLETE");
        assertThat(done.approvedVersion()).isEqualTo(1L);
        assertThat(service.versions(id)).singleElement().satisfies(v -> {
            assertThat(v.status()).isEqualTo("APPROVED");
            assertThat(v.history()).containsKeys("DRAFT", "SUBMITTED", "REVIEWING", "APPROVED");
        });
        assertThat(RegistrationService.infrastructureSnippet(done)).hasValue(
                "sms_sender_phone_number_registration_id = \"" + id + "\"\nsms_number_type = \"TOLL_FREE\"\n");
        List<AuditEntry> entries = new AuditLog(audit).find(AuditFilter.empty().withText(id));
        assertThat(entries).extracting(AuditEntry::action).contains("CreateRegistration", "PutRegistrationFieldValue", "SubmitRegistrationVersion");
        assertThat(entries).filteredOn(e -> e.action().equals("PutRegistrationFieldValue")).hasSize(values.size());
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.outcome()).isEqualTo(AuditOutcome.SUCCESS);
            assertThat(e.awsRequestId()).isNotBlank();
        });
    }

    @Test
    void a_denied_version_is_fixed_in_a_new_version_and_resubmitted() throws InterruptedException {
        RegistrationForm form = service.form(TOLL_FREE);
        var draft = new RegistrationService.Draft(TOLL_FREE);
        Map<String, Object> values = FormFiller.requiredValues(form, "Denied Then Approved Corp");
        String id = service.saveDraft(draft, form, values, (d, t, f) -> { });
        emulator.sms().steerReview(id, List.of("DENIED", "APPROVED"));
        service.submit(id, form);

        Registration denied = awaitStatus(id, s -> s.equals("REQUIRES_UPDATES"));
        assertThat(denied.status()).isEqualTo("REQUIRES_UPDATES");
        assertThat(denied.latestDeniedVersion()).isEqualTo(1L);
        RegistrationVersion v1 = service.versions(id).getFirst();
        assertThat(v1.status()).isEqualTo("DENIED");
        assertThat(v1.deniedReasons()).extracting(RegistrationVersion.DeniedReason::reason).contains("Unclear Opt-in Language");
        assertThat(service.fieldValues(id, 1L)).filteredOn(v -> v.deniedReason() != null)
                .extracting(FieldValue::fieldPath).contains("messagingUseCase.optInDescription");

        Map<String, Object> fixed = new HashMap<>(values);
        fixed.put("messagingUseCase.optInDescription", "Customers tick an unchecked box on the sign-up form at https://www.example.com/signup "
                + "that says: I agree to receive account texts from Example Corp, up to 4 msgs/month. Msg & data rates may apply. Reply STOP to opt out.");
        assertThatThrownBy(() -> service.saveDraft(draft, form, fixed, (d, t, f) -> { })).isInstanceOfSatisfying(AwsCallException.class,
                e -> assertThat(e.userMessage()).isEqualTo("This version is submitted; create a new version to change it."));

        service.createVersion(id);
        assertThat(service.versions(id).getFirst()).satisfies(v -> {
            assertThat(v.number()).isEqualTo(2);
            assertThat(v.draft()).isTrue();
        });
        assertThat(service.formValues(id)).isEqualTo(values);
        service.saveDraft(draft, form, fixed, (d, t, f) -> { });
        service.submit(id, form);

        Registration approved = awaitStatus(id, s -> s.equals("COMPLETE"));
        assertThat(approved.approvedVersion()).isEqualTo(2L);
        assertThat(service.versions(id)).extracting(RegistrationVersion::status).containsExactly("APPROVED", "DENIED");
        assertThat(new AuditLog(audit).find(AuditFilter.empty().withText(id).withOutcome(AuditOutcome.FAILURE)))
                .singleElement().satisfies(e -> assertThat(e.detail()).contains("EDIT_REGISTRATION_FIELD_VALUES_NOT_ALLOWED"));
    }

    @Test
    void a_save_stopped_half_way_resumes_from_what_aws_holds_without_a_second_registration() {
        RegistrationForm form = service.form(TOLL_FREE);
        String company = "Half Way Corp " + System.nanoTime();
        Map<String, Object> values = FormFiller.requiredValues(form, company);
        long before = service.registrations(null, TOLL_FREE).size();
        // AWS fails every field write after the fifth (the SDK's retries included)
        emulator.faults().add(new FaultInjector.Rule("sms-voice", "PutRegistrationFieldValue", FaultInjector.Kind.SERVER_ERROR, 0, 0, 5, null));
        var draft = new RegistrationService.Draft(TOLL_FREE);

        assertThatThrownBy(() -> service.saveDraft(draft, form, values, (d, t, f) -> { })).isInstanceOf(AwsCallException.class);
        String id = draft.registrationId();
        assertThat(id).isNotNull();
        assertThat(service.formValues(id)).hasSize(5);
        emulator.faults().clear();

        // the browser was closed: a new session with the same client token gets the same registration
        var reopened = new RegistrationService.Draft(TOLL_FREE, draft.clientToken(), null);
        List<String> written = new ArrayList<>();
        String resumed = service.saveDraft(reopened, form, values, (d, t, f) -> {
            if (!f.isEmpty()) {
                written.add(f);
            }
        });

        assertThat(resumed).isEqualTo(id);
        assertThat(written).hasSize(values.size() - 5);
        assertThat(service.formValues(id)).isEqualTo(values);
        assertThat(service.registrations(null, TOLL_FREE)).hasSize((int) before + 1);
        assertThat(new AuditLog(audit).find(AuditFilter.empty().withText(id).withOutcome(AuditOutcome.FAILURE)))
                .singleElement().satisfies(e -> assertThat(e.action()).isEqualTo("PutRegistrationFieldValue"));
    }

    @Test
    void an_import_reports_each_unknown_or_invalid_key_at_its_line_and_applies_only_the_rest() {
        RegistrationForm form = service.form(TOLL_FREE);
        String json = """
                {
                  "companyInfo": {
                    "companyName": "Imported Corp",
                    "companyColour": "blue",
                    "businessType": "PRIVATE_PROFIT"
                  },
                  "contactInfo": {
                    "supportEmail": "not-an-email",
                    "supportPhoneNumber": "+12065550100"
                  },
                  "messagingUseCase.monthlyMessageVolume": ["1,000"],
                  "messagingUseCase.optInType": "SMOKE_SIGNALS",
                  "additionalInformation": "not a field"
                }
                """;
        RegistrationForm.Imported imported = form.read(json);

        assertThat(imported.problems()).extracting(RegistrationForm.Problem::toString).containsExactly(
                "line 4: companyInfo.companyColour: Not a field of US_TOLL_FREE_REGISTRATION.",
                "line 8: contactInfo.supportEmail: Not an e-mail address.",
                "line 12: messagingUseCase.optInType: \"SMOKE_SIGNALS\" is not one of the choices (VERBAL, DIGITAL_FORM, PAPER_FORM, TEXT, QR_CODE).",
                "line 13: additionalInformation: Not a field of US_TOLL_FREE_REGISTRATION.");
        assertThat(imported.values()).containsOnlyKeys("companyInfo.companyName", "companyInfo.businessType",
                "contactInfo.supportPhoneNumber", "messagingUseCase.monthlyMessageVolume");
        assertThat(imported.values().get("companyInfo.businessType")).isEqualTo(List.of("PRIVATE_PROFIT"));

        // our own export reads back whole
        Map<String, Object> values = FormFiller.requiredValues(form, "Round Trip Corp");
        RegistrationForm.Imported back = form.read(form.document(values));
        assertThat(back.problems()).isEmpty();
        assertThat(back.values()).isEqualTo(values);
        assertThat(back.registrationType()).isEqualTo(TOLL_FREE);
        assertThat(form.read("{ \"fields\": { \"companyInfo.companyName\": ").problems())
                .anySatisfy(p -> assertThat(p.message()).startsWith("Not valid JSON"));
    }

    @Test
    void bad_values_and_a_submit_with_missing_fields_send_nothing() {
        RegistrationForm form = service.form(TOLL_FREE);
        long before = new AuditLog(audit).count(AuditFilter.empty());
        Map<String, Object> values = new HashMap<>(FormFiller.requiredValues(form, "Bad Values Corp"));
        values.put("companyInfo.website", "example dot com");
        values.put("contactInfo.supportPhoneNumber", "+1 206 55");
        var draft = new RegistrationService.Draft(TOLL_FREE);

        assertThatThrownBy(() -> service.saveDraft(draft, form, values, (d, t, f) -> { }))
                .isInstanceOfSatisfying(RegistrationService.InvalidFormException.class,
                        e -> assertThat(e.problems()).containsOnlyKeys("companyInfo.website", "contactInfo.supportPhoneNumber"));
        assertThat(draft.registrationId()).isNull();
        assertThat(new AuditLog(audit).count(AuditFilter.empty())).isEqualTo(before);

        // a draft may lack required fields, a submit may not
        String id = service.saveDraft(draft, form, Map.of("companyInfo.companyName", "Incomplete Corp"), (d, t, f) -> { });
        assertThatThrownBy(() -> service.submit(id, form)).isInstanceOfSatisfying(RegistrationService.InvalidFormException.class,
                e -> assertThat(e.problems()).containsEntry("contactInfo.supportEmail", "Required."));
        assertThat(service.versions(id).getFirst().status()).isEqualTo("DRAFT");
        assertThatThrownBy(() -> service.uploadAttachment("opt-in.gif", new byte[10])).hasMessageContaining("PDF, PNG and JPEG");
        assertThatThrownBy(() -> service.uploadAttachment("opt-in.png", "not a picture".getBytes())).hasMessageContaining("is not a PNG");
    }

    @Test
    void a_draft_version_can_be_discarded_and_a_registration_deleted() throws InterruptedException {
        RegistrationForm form = service.form(TOLL_FREE);
        Map<String, Object> values = FormFiller.requiredValues(form, "Discard Corp");
        String id = service.saveDraft(new RegistrationService.Draft(TOLL_FREE), form, values, (d, t, f) -> { });
        service.submit(id, form);
        awaitStatus(id, s -> s.equals("COMPLETE"));
        service.createVersion(id);
        service.discardDraft(id);
        assertThat(service.versions(id).getFirst().status()).isEqualTo("DISCARDED");

        String attachment = service.uploadAttachment("opt-in.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13});
        assertThat(attachment).isNotBlank();

        String other = service.saveDraft(new RegistrationService.Draft(TOLL_FREE), form, Map.of("companyInfo.companyName", "Delete Me Corp"),
                (d, t, f) -> { });
        service.delete(other);
        assertThat(service.registration(other).map(Registration::status)).satisfiesAnyOf(
                r -> assertThat(r).isEmpty(), r -> assertThat(r).hasValue("DELETED"));
    }
}
