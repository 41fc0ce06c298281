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
 * The registration flows against the emulator through the real SDK client: a US toll-free
 * registration with a requested or an existing number associated before submit; a 10DLC brand,
 * a campaign associated with it, and the 10DLC number requested once the campaign is complete; a
 * submit without the required association refused; denial, a new version refilled whether AWS
 * copied the values or not, resubmit; a save stopped half-way and resumed; imports; every change
 * audited. Expected values come from AWS's documentation (cited at each), not from the emulator.
 */
@ConsoleTest
@WithMockUser(username = "admin", roles = "ADMIN")
class RegistrationServiceTest {

    static final String TOLL_FREE = RegistrationType.US_TOLL_FREE;

    @Autowired
    RegistrationService service;
    @Autowired
    RegistrationGateway gateway;
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
        for (int i = 0; i < 300 && !wanted.test(r.status()); i++) {
            Thread.sleep(100);
            r = service.registration(id).orElseThrow();
        }
        return r;
    }

    /** A toll-free draft with every required field, attachments uploaded. */
    String tollFreeDraft(RegistrationForm form, String company) {
        Map<String, Object> values = FormFiller.requiredValues(form, company, service);
        return service.saveDraft(new RegistrationService.Draft(TOLL_FREE).name(company), form, values, (d, t, f) -> { });
    }

    static SupportedAssociation tollFreeNumber(RegistrationForm form) {
        return form.type().beforeSubmit().getFirst();
    }

    @Test
    void types_list_us_first_with_their_descriptions_and_associations() {
        List<RegistrationType> types = service.types();
        assertThat(types.getFirst().us()).isTrue();
        // AWS user guide, registrations-sms-cli: describe-registration-type-definitions output for toll-free
        assertThat(types).filteredOn(t -> t.type().equals(TOLL_FREE)).singleElement().satisfies(t -> {
            assertThat(t.title()).isEqualTo("US toll-free number registration");
            assertThat(t.shortDescription()).isNotBlank();
            assertThat(t.associations()).singleElement().isEqualTo(new SupportedAssociation("TOLL_FREE", "US", "ASSOCIATE_BEFORE_SUBMIT",
                    "DISASSOCIATE_ALL_CLOSES_REGISTRATION"));
        });
        // aws-samples 10DLC guide: the campaign is associated with its brand before submit, its numbers after completion
        RegistrationType campaign = service.type(RegistrationType.US_TEN_DLC_CAMPAIGN);
        assertThat(campaign.beforeSubmit()).singleElement().satisfies(a -> assertThat(a.registration()).isTrue());
        assertThat(campaign.associations()).filteredOn(SupportedAssociation::afterComplete).singleElement()
                .satisfies(a -> assertThat(a.resourceType()).isEqualTo("TEN_DLC"));
        RegistrationForm form = service.form(TOLL_FREE);
        assertThat(form.sections()).extracting(SectionDefinition::path)
                .containsExactly("companyInfo", "contactInfo", "messagingUseCase", "messageSamples");
        assertThat(form.field("companyInfo.businessType")).hasValueSatisfying(f -> assertThat(f.options()).contains("PRIVATE_PROFIT"));
    }

    @Test
    void a_toll_free_registration_with_a_requested_number_is_submitted_approved_and_its_number_turns_active() throws InterruptedException {
        RegistrationForm form = service.form(TOLL_FREE);
        String id = tollFreeDraft(form, "Requested Number Corp");
        SupportedAssociation number = tollFreeNumber(form);
        assertThat(service.flow(form.type(), id, service.formValues(id), form).where()).isEqualTo("Step 2 of 3: associate a toll-free number");
        RegistrationService.PriceQuote quote = service.priceQuote(number);
        assertThat(quote.billing()).contains("PENDING");
        String token = service.numberRequestToken(id, number);

        AccountNumber requested = service.requestNumber(id, number, "TRANSACTIONAL", token);
        // the same client token again (a retry after a timeout): AWS returns the same number, it does not buy a second one
        long tollFreeNumbers = gateway.phoneNumbers("TOLL_FREE", "US").size();
        AccountNumber again = service.requestNumber(id, number, "TRANSACTIONAL", token);

        assertThat(again.id()).isEqualTo(requested.id());
        assertThat(gateway.phoneNumbers("TOLL_FREE", "US")).hasSize((int) tollFreeNumbers);
        // RequestPhoneNumber: a toll-free number stays PENDING until its registration is approved (API reference §2.5)
        assertThat(requested.numberType()).isEqualTo("TOLL_FREE");
        assertThat(requested.isoCountryCode()).isEqualTo("US");
        assertThat(requested.status()).isEqualTo("PENDING");
        assertThat(requested.deletionProtection()).isTrue();
        assertThat(requested.capabilities()).containsExactly("SMS");
        assertThat(service.associations(id)).singleElement().satisfies(a -> {
            assertThat(a.resourceId()).isEqualTo(requested.id());
            assertThat(a.phoneNumber()).isEqualTo(requested.phoneNumber());
            assertThat(a.status()).isEqualTo("PENDING");
        });
        assertThat(service.flow(form.type(), id, service.formValues(id), form).where()).isEqualTo("Step 3 of 3: submit for review");

        service.submit(id, form);
        Registration done = awaitStatus(id, s -> s.equals("COMPLETE"));

        assertThat(done.status()).isEqualTo("COMPLETE");
        assertThat(done.approvedVersion()).isEqualTo(1L);
        RegistrationService.RegistrationState state = service.state(id).orElseThrow();
        assertThat(state.flow().done()).isTrue();
        assertThat(state.associations()).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo("ACTIVE"));
        assertThat(state.snippet().text()).isEqualTo("""
                sms_number_type                         = "TOLL_FREE"
                sms_sender_phone_number_id              = "%s" # %s
                sms_sender_phone_number_registration_id = null # the number above is already tied to %s
                """.formatted(requested.id(), requested.arn(), id));
        assertThat(state.name()).isEqualTo("Requested Number Corp");
        List<AuditEntry> entries = new AuditLog(audit).find(AuditFilter.empty().withText(id));
        assertThat(entries).extracting(AuditEntry::action).contains("CreateRegistration", "PutRegistrationFieldValue", "RequestPhoneNumber",
                "CreateRegistrationAssociation", "SubmitRegistrationVersion");
        assertThat(entries).filteredOn(e -> e.action().equals("CreateRegistrationAssociation")).hasSize(1);
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.outcome()).isEqualTo(AuditOutcome.SUCCESS);
            assertThat(e.awsRequestId()).isNotBlank();
        });
    }

    @Test
    void a_toll_free_registration_takes_an_existing_number_of_the_account() throws InterruptedException {
        RegistrationForm form = service.form(TOLL_FREE);
        SupportedAssociation number = tollFreeNumber(form);
        // a toll-free number the account bought earlier, not tied to any registration
        AccountNumber existing = gateway.requestNumber("TOLL_FREE", "US", "TRANSACTIONAL", null, java.util.UUID.randomUUID().toString()).value();
        String id = tollFreeDraft(form, "Existing Number Corp");

        assertThat(service.numbersToAssociate(number)).extracting(AccountNumber::id).contains(existing.id());
        assertThat(service.priceQuote(number).monthlyPrice()).isEqualTo(existing.monthlyLeasingPrice());
        service.associate(id, existing.id());
        assertThat(service.numbersToAssociate(number)).extracting(AccountNumber::id).doesNotContain(existing.id());
        service.submit(id, form);
        awaitStatus(id, s -> s.equals("COMPLETE"));

        RegistrationService.RegistrationState state = service.state(id).orElseThrow();
        assertThat(state.associations()).singleElement().satisfies(a -> {
            assertThat(a.resourceId()).isEqualTo(existing.id());
            assertThat(a.status()).isEqualTo("ACTIVE");
        });
        assertThat(state.snippet().text()).contains("sms_sender_phone_number_id              = \"" + existing.id() + "\"");
    }

    @Test
    void a_10dlc_brand_then_a_campaign_associated_with_it_then_the_10dlc_number_requested_with_the_campaign() throws InterruptedException {
        RegistrationForm brandForm = service.form(RegistrationType.US_TEN_DLC_BRAND);
        String brand = service.saveDraft(new RegistrationService.Draft(RegistrationType.US_TEN_DLC_BRAND).name("Ten DLC Brand"), brandForm,
                FormFiller.requiredValues(brandForm, "Ten DLC Corp", service), (d, t, f) -> { });
        assertThat(service.flow(brandForm.type(), brand, service.formValues(brand), brandForm).steps()).hasSize(2);
        service.submit(brand, brandForm);
        awaitStatus(brand, s -> s.equals("COMPLETE"));
        assertThat(service.state(brand).orElseThrow().snippet().text()).isNull();

        RegistrationForm campaignForm = service.form(RegistrationType.US_TEN_DLC_CAMPAIGN);
        SupportedAssociation brandAssociation = campaignForm.type().beforeSubmit().getFirst();
        SupportedAssociation tenDlc = campaignForm.type().associations().stream().filter(SupportedAssociation::afterComplete).findFirst()
                .orElseThrow();
        assertThat(service.registrationsToAssociate(campaignForm.type(), brandAssociation)).extracting(Registration::id).contains(brand);
        String campaign = service.saveDraft(new RegistrationService.Draft(RegistrationType.US_TEN_DLC_CAMPAIGN), campaignForm,
                FormFiller.requiredValues(campaignForm, "Ten DLC Corp", service), (d, t, f) -> { });
        assertThatThrownBy(() -> service.submit(campaign, campaignForm)).isInstanceOf(RegistrationService.MissingAssociationException.class);
        assertThatThrownBy(() -> service.requestNumber(campaign, tenDlc, "TRANSACTIONAL", "early"))
                .isInstanceOf(RegistrationService.MissingAssociationException.class);
        service.associate(campaign, brand);
        assertThat(service.associations(campaign)).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(Association.Kind.REGISTRATION);
            assertThat(a.resourceId()).isEqualTo(brand);
            assertThat(a.status()).isEqualTo("COMPLETE");
        });
        service.submit(campaign, campaignForm);
        awaitStatus(campaign, s -> s.equals("COMPLETE"));

        RegistrationService.RegistrationState complete = service.state(campaign).orElseThrow();
        assertThat(complete.flow().where()).isEqualTo("Step 4 of 4: request a 10DLC number");
        assertThat(complete.snippet().text()).isEqualTo("""
                sms_number_type                         = "TEN_DLC"
                sms_sender_phone_number_registration_id = "%s"
                sms_sender_phone_number_id              = null
                """.formatted(campaign));

        AccountNumber number = service.requestNumber(campaign, tenDlc, "TRANSACTIONAL", service.numberRequestToken(campaign, tenDlc));

        assertThat(number.numberType()).isEqualTo("TEN_DLC");
        assertThat(number.registrationId()).isEqualTo(campaign);
        RegistrationService.RegistrationState withNumber = service.state(campaign).orElseThrow();
        assertThat(withNumber.associations()).extracting(Association::resourceId).contains(brand, number.id());
        assertThat(withNumber.flow().done()).isTrue();
        assertThat(withNumber.snippet().text()).contains("sms_sender_phone_number_id              = \"" + number.id() + "\"");
    }

    @Test
    void a_submit_without_the_required_association_is_refused_on_the_page_and_by_aws() {
        RegistrationForm form = service.form(TOLL_FREE);
        String id = tollFreeDraft(form, "No Number Corp");

        assertThatThrownBy(() -> service.submit(id, form)).isInstanceOfSatisfying(RegistrationService.MissingAssociationException.class,
                e -> assertThat(e.getMessage()).isEqualTo("Not submitted: associate a toll-free number first. US toll-free number registration "
                        + "needs it before submit (ASSOCIATE_BEFORE_SUBMIT in its definition)."));
        assertThat(new AuditLog(audit).find(AuditFilter.empty().withText(id))).extracting(AuditEntry::action)
                .doesNotContain("SubmitRegistrationVersion");

        // a form that does not know the rule submits anyway: AWS refuses a toll-free submit without its number
        // (ASSOCIATE_BEFORE_SUBMIT: "the origination identity has to be supplied", SupportedAssociation in the API reference)
        var unaware = new RegistrationForm(new RegistrationType(TOLL_FREE, form.type().title(), null, null, null, List.of()), form.sections(),
                form.fields());
        assertThatThrownBy(() -> service.submit(id, unaware)).isInstanceOfSatisfying(AwsCallException.class, e -> {
            assertThat(e.kind()).isEqualTo(AwsCallException.Kind.CLIENT);
            assertThat(e.userMessage()).startsWith("AWS refused the submit: ").doesNotContain("only a draft version");
            assertThat(e.requestId()).isNotBlank();
        });
        assertThat(service.versions(id).getFirst().status()).isEqualTo("DRAFT");
    }

    @Test
    void a_denied_version_is_fixed_in_a_new_version_refilled_whether_aws_copied_the_values_or_not() throws InterruptedException {
        RegistrationForm form = service.form(TOLL_FREE);
        Map<String, Object> values = FormFiller.requiredValues(form, "Denied Then Approved Corp", service);
        var draft = new RegistrationService.Draft(TOLL_FREE);
        String id = service.saveDraft(draft, form, values, (d, t, f) -> { });
        SupportedAssociation number = tollFreeNumber(form);
        service.requestNumber(id, number, "TRANSACTIONAL", service.numberRequestToken(id, number));
        emulator.sms().steerReview(id, List.of("DENIED", "APPROVED"));
        service.submit(id, form);

        Registration denied = awaitStatus(id, s -> s.equals("REQUIRES_UPDATES"));
        assertThat(denied.latestDeniedVersion()).isEqualTo(1L);
        RegistrationVersion v1 = service.versions(id).getFirst();
        assertThat(v1.status()).isEqualTo("DENIED");
        assertThat(service.fieldDenials(denied, service.versions(id))).containsKey("messagingUseCase.optInDescription");

        Map<String, Object> fixed = new HashMap<>(values);
        fixed.put("messagingUseCase.optInDescription", "Customers tick an unchecked box on the sign-up form at https://www.example.com/signup "
                + "that says: I agree to receive account texts from Example Corp, up to 4 msgs/month. Msg & data rates may apply. Reply STOP to opt out.");
        assertThatThrownBy(() -> service.saveDraft(draft, form, fixed, (d, t, f) -> { })).isInstanceOfSatisfying(AwsCallException.class,
                e -> assertThat(e.userMessage()).isEqualTo("This version is submitted; create a new version to change it."));

        List<String> progress = new ArrayList<>();
        RegistrationService.Refill refill = service.createVersion(id, form, (d, t, f) -> progress.add(d + "/" + t));
        assertThat(refill.version()).isEqualTo(2);
        assertThat(refill.copiedFrom()).isEqualTo(1);
        assertThat(refill.heldByAws() + refill.written()).isEqualTo(values.size());
        assertThat(service.formValues(id)).isEqualTo(values);
        assertThat(progress).last().isEqualTo(refill.written() + "/" + refill.written());
        // the reasons stay at their fields while version 2 is the draft that fixes version 1
        Registration drafting = service.registration(id).orElseThrow();
        assertThat(service.fieldDenials(drafting, service.versions(id))).containsKey("messagingUseCase.optInDescription");

        // the other behaviour seen on real accounts: the new draft comes empty. Emptied here through the API
        // (DeleteRegistrationFieldValue); the refill writes every value of version 1 again, with progress
        service.saveDraft(draft, form, Map.of(), (d, t, f) -> { });
        assertThat(service.formValues(id)).isEmpty();
        assertThat(service.state(id).orElseThrow().missingFromPrevious()).isEqualTo(values.size());
        List<String> written = new ArrayList<>();
        RegistrationService.Refill empty = service.refill(id, form, (d, t, f) -> {
            if (!f.isEmpty()) {
                written.add(f);
            }
        });
        assertThat(empty.heldByAws()).isZero();
        assertThat(empty.written()).isEqualTo(values.size());
        assertThat(written).containsExactlyInAnyOrderElementsOf(values.keySet());
        assertThat(service.formValues(id)).isEqualTo(values);

        service.saveDraft(draft, form, fixed, (d, t, f) -> { });
        service.submit(id, form);
        Registration approved = awaitStatus(id, s -> s.equals("COMPLETE"));
        assertThat(approved.approvedVersion()).isEqualTo(2L);
        List<RegistrationVersion> versions = service.versions(id);
        assertThat(versions).extracting(RegistrationVersion::status).containsExactly("APPROVED", "DENIED");
        // approved: the denial of version 1 is history, not the current state
        assertThat(RegistrationVersion.beingFixed(versions)).isEmpty();
        assertThat(service.state(id).orElseThrow().deniedVersion()).isNull();
        assertThat(new AuditLog(audit).find(AuditFilter.empty().withText(id).withOutcome(AuditOutcome.FAILURE)))
                .singleElement().satisfies(e -> assertThat(e.detail()).contains("EDIT_REGISTRATION_FIELD_VALUES_NOT_ALLOWED"));
    }

    @Test
    void a_new_version_that_aws_starts_empty_is_refilled_with_every_value_of_the_denied_one() throws InterruptedException {
        RegistrationForm form = service.form(TOLL_FREE);
        Map<String, Object> values = FormFiller.requiredValues(form, "Empty Draft Corp", service);
        String id = service.saveDraft(new RegistrationService.Draft(TOLL_FREE), form, values, (d, t, f) -> { });
        SupportedAssociation number = tollFreeNumber(form);
        service.requestNumber(id, number, "TRANSACTIONAL", service.numberRequestToken(id, number));
        // the emulator's steering tag for the behaviour some accounts report: CreateRegistrationVersion
        // answers a draft that holds none of the previous values
        gateway.tag(service.registration(id).orElseThrow().arn(), "emulator:new-version-values", "EMPTY");
        emulator.sms().steerReview(id, List.of("DENIED"));
        service.submit(id, form);
        awaitStatus(id, s -> s.equals("REQUIRES_UPDATES"));

        List<String> written = new ArrayList<>();
        RegistrationService.Refill refill = service.createVersion(id, form, (d, t, f) -> {
            if (!f.isEmpty()) {
                written.add(f);
            }
        });
        assertThat(refill.version()).isEqualTo(2);
        assertThat(refill.copiedFrom()).isEqualTo(1);
        assertThat(refill.heldByAws()).isZero();
        assertThat(refill.written()).isEqualTo(values.size());
        assertThat(written).containsExactlyInAnyOrderElementsOf(values.keySet());
        assertThat(gateway.fieldValues(id, 2L)).hasSize(values.size());
        assertThat(service.formValues(id)).isEqualTo(values);
    }

    @Test
    void a_save_stopped_half_way_resumes_from_what_aws_holds_without_a_second_registration() {
        RegistrationForm form = service.form(TOLL_FREE);
        String company = "Half Way Corp " + System.nanoTime();
        Map<String, Object> values = FormFiller.requiredValues(form, company, service);
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
        // a 5xx answer says AWS failed internally, not that it refused: the write may have happened (decision 015)
        assertThat(new AuditLog(audit).find(AuditFilter.empty().withText(id).withOutcome(AuditOutcome.UNKNOWN)))
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
        Map<String, Object> values = FormFiller.requiredValues(form, "Round Trip Corp", service);
        RegistrationForm.Imported back = form.read(form.document(values));
        assertThat(back.problems()).isEmpty();
        assertThat(back.values()).isEqualTo(values);
        assertThat(back.registrationType()).isEqualTo(TOLL_FREE);
        assertThat(form.read("{ \"fields\": { \"companyInfo.companyName\": ").problems())
                .anySatisfy(p -> assertThat(p.message()).startsWith("Not valid JSON"));
    }

    @Test
    void the_runbooks_flat_registration_details_maps_its_keys_to_the_fields_with_the_same_meaning() {
        RegistrationForm form = service.form(TOLL_FREE);
        // the seed platform's docs/infra/sms-notifications.md, "Option 2: Using a JSON file", verbatim
        String runbook = """
                {
                  "CompanyName": "Your Company Name",
                  "Website": "https://yourwebsite.com",
                  "BusinessContactFirstName": "John",
                  "BusinessContactLastName": "Doe",
                  "BusinessContactEmail": "contact@yourcompany.com",
                  "BusinessContactPhone": "+12345678901",
                  "BusinessAddress": "123 Main St, City, State 12345",
                  "SupportEmail": "support@yourcompany.com",
                  "SupportPhone": "+12345678902",
                  "UseCaseDescription": "Send account notifications and alerts to customers",
                  "MonthlyVolume": 1000,
                  "OptInProcess": "Users opt-in during account registration with checkbox consent"
                }
                """;
        RegistrationForm.Imported imported = form.read(runbook);

        assertThat(imported.mapped()).extracting(RegistrationForm.Problem::toString).containsExactly(
                "line 2: CompanyName: → companyInfo.companyName (Company name)",
                "line 3: Website: → companyInfo.website (Company website)",
                "line 4: BusinessContactFirstName: → contactInfo.firstName (First name)",
                "line 5: BusinessContactLastName: → contactInfo.lastName (Last name)",
                "line 9: SupportEmail: → contactInfo.supportEmail (Support email)",
                "line 10: SupportPhone: → contactInfo.supportPhoneNumber (Support phone number)",
                "line 11: UseCaseDescription: → messagingUseCase.useCaseDetails (Use case details)",
                "line 12: MonthlyVolume: → messagingUseCase.monthlyMessageVolume (Monthly message volume)",
                "line 13: OptInProcess: → messagingUseCase.optInDescription (Opt-in workflow)");
        assertThat(imported.problems()).extracting(RegistrationForm.Problem::toString).containsExactly(
                "line 6: BusinessContactEmail: No field of US_TOLL_FREE_REGISTRATION has the same meaning: the form asks for a support e-mail "
                        + "address only (SupportEmail).",
                "line 7: BusinessContactPhone: No field of US_TOLL_FREE_REGISTRATION has the same meaning: the form asks for a support phone "
                        + "number only (SupportPhone).",
                "line 8: BusinessAddress: No field of US_TOLL_FREE_REGISTRATION has the same meaning: the form keeps the address in separate "
                        + "fields; write the street, city, state, postal code and country into them.");
        // a value that fails its field's check says which field the key means and why it was not applied
        assertThat(form.read("{\n  \"SupportPhone\": \"555-0100\"\n}").problems()).extracting(RegistrationForm.Problem::toString)
                .containsExactly("line 2: SupportPhone: Means contactInfo.supportPhoneNumber (Support phone number): "
                        + FormFiller.checkOf(form, "contactInfo.supportPhoneNumber", "555-0100"));
        assertThat(imported.values()).containsEntry("companyInfo.companyName", "Your Company Name")
                .containsEntry("messagingUseCase.monthlyMessageVolume", List.of("1,000"))
                .containsEntry("messagingUseCase.optInDescription", "Users opt-in during account registration with checkbox consent");
    }

    @Test
    void bad_values_and_a_submit_with_missing_fields_send_nothing_and_say_which_by_their_labels() {
        RegistrationForm form = service.form(TOLL_FREE);
        Map<String, Object> values = new HashMap<>(FormFiller.requiredValues(form, "Bad Values Corp", service));
        long before = new AuditLog(audit).count(AuditFilter.empty());
        values.put("companyInfo.website", "example dot com");
        values.put("contactInfo.supportPhoneNumber", "+1 206 55");
        values.put("companyInfo.companyName", "x".repeat(150));
        var draft = new RegistrationService.Draft(TOLL_FREE);

        assertThatThrownBy(() -> service.saveDraft(draft, form, values, (d, t, f) -> { }))
                .isInstanceOfSatisfying(RegistrationService.InvalidFormException.class, e -> {
                    assertThat(e.problems()).containsOnlyKeys("companyInfo.companyName", "companyInfo.website", "contactInfo.supportPhoneNumber");
                    assertThat(e.problems()).containsEntry("companyInfo.companyName", "At most 100 characters (now 150).");
                    assertThat(e.getMessage()).isEqualTo("Correct 3 fields: Company name, Company website and Support phone number.");
                });
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

    /** A PNG of exactly {@code size} bytes: the signature of a PNG, then padding. */
    static byte[] png(int size) {
        byte[] body = new byte[size];
        System.arraycopy(FormFiller.PNG, 0, body, 0, 8);
        return body;
    }

    @Test
    void an_attachment_over_500_kb_is_refused_before_any_call_to_aws_and_one_of_500_kb_is_uploaded() {
        // botocore model, CreateRegistrationAttachmentRequest.AttachmentBody: "The maximum file size is 500KB"
        int limit = 500_000;
        long before = new AuditLog(audit).count(AuditFilter.empty());
        // had the console sent it, AWS would answer AccessDenied instead of the size being named
        emulator.faults().add(new FaultInjector.Rule("sms-voice", "CreateRegistrationAttachment", FaultInjector.Kind.ACCESS_DENIED, 0, 0));
        int attachmentsBefore = emulator.sms().state().attachments.size();

        assertThatThrownBy(() -> service.uploadAttachment("opt-in.png", png(limit + 1)))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("opt-in.png is 500,001 bytes; AWS accepts attachments of at most 500 KB (500,000 bytes). Nothing was uploaded.");
        assertThat(new AuditLog(audit).count(AuditFilter.empty())).isEqualTo(before);
        assertThat(emulator.sms().state().attachments).hasSize(attachmentsBefore);

        emulator.faults().clear();
        String id = service.uploadAttachment("opt-in.png", png(limit));
        assertThat(emulator.sms().state().attachments.get(id)).isNotNull().satisfies(a -> assertThat(a.size).isEqualTo(limit));
    }

    @Test
    void a_draft_version_can_be_discarded_a_registration_renamed_and_deleted() throws InterruptedException {
        RegistrationForm form = service.form(RegistrationType.US_TEN_DLC_BRAND);
        String id = service.saveDraft(new RegistrationService.Draft(RegistrationType.US_TEN_DLC_BRAND), form,
                FormFiller.requiredValues(form, "Discard Corp", service), (d, t, f) -> { });
        assertThat(service.name(service.registration(id).orElseThrow())).isEqualTo("Discard Corp");
        service.rename(service.registration(id).orElseThrow(), "Renamed brand");
        assertThat(service.name(service.registration(id).orElseThrow())).isEqualTo("Renamed brand");
        service.submit(id, form);
        awaitStatus(id, s -> s.equals("COMPLETE"));
        service.createVersion(id, form, (d, t, f) -> { });
        service.discardDraft(id);
        assertThat(service.versions(id).getFirst().status()).isEqualTo("DISCARDED");

        String other = service.saveDraft(new RegistrationService.Draft(TOLL_FREE), service.form(TOLL_FREE),
                Map.of("companyInfo.companyName", "Delete Me Corp"), (d, t, f) -> { });
        service.delete(other);
        assertThat(service.registration(other).map(Registration::status)).satisfiesAnyOf(
                r -> assertThat(r).isEmpty(), r -> assertThat(r).hasValue("DELETED"));
    }
}
