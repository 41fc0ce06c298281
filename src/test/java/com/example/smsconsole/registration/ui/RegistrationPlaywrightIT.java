package com.example.smsconsole.registration.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.smsconsole.emulator.AwsEmulator;
import com.example.smsconsole.emulator.protocol.FaultInjector;
import com.example.smsconsole.registration.FieldDefinition;
import com.example.smsconsole.registration.FieldValue;
import com.example.smsconsole.registration.FormFiller;
import com.example.smsconsole.registration.RegistrationForm;
import com.example.smsconsole.registration.RegistrationService;
import com.example.smsconsole.registration.RegistrationType;
import com.example.smsconsole.registration.SupportedAssociation;
import com.example.smsconsole.support.Chromium;
import com.example.smsconsole.support.ConsoleWebTest;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * An admin in headless Chromium: registers a US toll-free number from the empty form to COMPLETE,
 * requesting the number the way AWS requires (before submit, after a confirmation of its price),
 * and sees the number ACTIVE and the snippet that adopts it; and fixes a denied registration with
 * the reason shown at its field in the edit form until it is approved. The emulator's review is
 * shortened in tests. Screenshots at 1400×900 and 1024×768 under target/screenshots/.
 */
@ConsoleWebTest
class RegistrationPlaywrightIT {

    @LocalServerPort
    int port;
    @Autowired
    RegistrationService service;
    @Autowired
    AwsEmulator emulator;

    <T> T asAdmin(Supplier<T> work) {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("test", null,
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** Both sizes, with the given part of the page scrolled into view. */
    static void shots(Page page, String name, Locator show) {
        page.setViewportSize(1400, 900);
        show.first().scrollIntoViewIfNeeded();
        page.waitForTimeout(300);
        Chromium.screenshot(page, name + "-1400x900");
        page.setViewportSize(1024, 768);
        show.first().scrollIntoViewIfNeeded();
        page.waitForTimeout(300);
        Chromium.screenshot(page, name + "-1024x768");
        page.setViewportSize(1400, 900);
    }

    static void shots(Page page, String name) {
        page.setViewportSize(1400, 900);
        page.waitForTimeout(300);
        Chromium.screenshot(page, name + "-1400x900");
        page.setViewportSize(1024, 768);
        page.waitForTimeout(300);
        Chromium.screenshot(page, name + "-1024x768");
        page.setViewportSize(1400, 900);
    }

    static Locator field(Page page, String fieldPath) {
        return page.locator(".registration-field[data-field='" + fieldPath + "']");
    }

    @Test
    void an_admin_registers_a_toll_free_number_from_the_empty_form_to_complete_with_its_number_and_the_snippet() {
        RegistrationForm form = asAdmin(() -> service.form(RegistrationType.US_TOLL_FREE));

        try (BrowserContext context = Chromium.newContext()) {
            Page page = context.newPage();
            Chromium.login(page, "http://localhost:" + port, "admin", "admin");
            page.locator("vaadin-side-nav-item").filter(new Locator.FilterOptions().setHasText("Registrations")).click();
            page.waitForURL(url -> url.endsWith("/registrations"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New registration")).click();
            page.waitForURL(url -> url.contains("/registrations/edit"));

            Locator typeBox = page.locator("vaadin-combo-box").filter(new Locator.FilterOptions().setHasText("Registration type"));
            typeBox.locator("input").fill("US toll-free");
            page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("US_TOLL_FREE_REGISTRATION")).click();
            page.locator(".registration-section").first().waitFor();
            assertThat(page.locator(".registration-steps-where").innerText()).isEqualTo("Step 1 of 3: fill in the form");

            // Import JSON twice: the runbook's flat file, then our own document
            Locator importInput = page.locator(".registration-side vaadin-upload input[type=file]");
            importInput.setInputFiles(new FilePayload("registration-details.json", "application/json",
                    "{\n  \"CompanyName\": \"Runbook Corp\",\n  \"BusinessAddress\": \"1 Main St\"\n}".getBytes(StandardCharsets.UTF_8)));
            page.locator(".import-mapped").getByText("CompanyName: → companyInfo.companyName (Company name)").waitFor();
            assertThat(page.locator(".import-problems").innerText()).contains("BusinessAddress: No field of US_TOLL_FREE_REGISTRATION");
            importInput.setInputFiles(new FilePayload("again.json", "application/json",
                    "{ \"fields\": { \"companyInfo.companyName\": \"Playwright Corp\" } }".getBytes(StandardCharsets.UTF_8)));
            page.locator("pre.registration-preview").getByText("Playwright Corp").waitFor();

            page.locator("vaadin-text-field.registration-name input").fill("Playwright toll-free");
            for (FieldDefinition f : form.fields()) {
                if (!FormFiller.needed(f) || f.fieldPath().equals("companyInfo.companyName")) {
                    continue;
                }
                Locator box = field(page, f.fieldPath());
                if (f.attachment()) {
                    box.locator("vaadin-upload input[type=file]").setInputFiles(new FilePayload("opt-in.png", "image/png", FormFiller.PNG));
                    box.locator(".attachment-id").getByText("Uploaded opt-in.png").waitFor();
                } else if (f.select()) {
                    String option = f.options().getFirst();
                    String label = f.optionTitles().getOrDefault(option, option);
                    box.locator("input").fill(label);
                    page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText(label)).first().click();
                } else {
                    Locator input = box.locator("input, textarea").first();
                    input.fill((String) FormFiller.value(f, "Playwright Corp"));
                    input.press("Tab");
                }
            }
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save draft")).click();
            page.locator(".save-progress").getByText("Saved ").waitFor(new Locator.WaitForOptions().setTimeout(30_000));
            page.locator(".registration-steps-where").getByText("Step 2 of 3: associate a toll-free number").waitFor();
            shots(page, "registration-edit-steps", page.locator(".registration-steps"));
            shots(page, "registration-edit-number-step", page.locator(".association-panel"));

            // step 2: request a new toll-free number after the confirmation of its price
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Request a new toll-free number…")).click();
            page.locator(".request-price").waitFor();
            // AWS tells a number's price only once it exists: from another toll-free number of the account, or not before the request
            String knownPrice = asAdmin(() -> service.priceQuote(form.type().beforeSubmit().getFirst()).monthlyPrice());
            assertThat(page.locator(".request-price").innerText()).startsWith(knownPrice == null
                    ? "AWS states the monthly price of a US toll-free number only in its answer to the request" : "USD " + knownPrice + " a month");
            assertThat(page.locator(".request-billing").innerText()).contains("also while it is PENDING");
            shots(page, "registration-request-number");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Request and associate")).click();
            page.locator(".association-message").getByText("Requested +").waitFor(new Locator.WaitForOptions().setTimeout(30_000));
            page.locator(".registration-steps-where").getByText("Step 3 of 3: submit for review").waitFor();

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit for review")).click();
            page.waitForURL(url -> url.matches(".*/registrations/registration-[0-9a-f]+$"), new Page.WaitForURLOptions().setTimeout(30_000));
            String id = page.url().substring(page.url().lastIndexOf('/') + 1);
            page.locator(".registration-status .badge[data-status='COMPLETE']").waitFor(new Locator.WaitForOptions().setTimeout(60_000));
            page.locator(".associated-resources").getByText("ACTIVE").waitFor(new Locator.WaitForOptions().setTimeout(30_000));

            String snippet = page.locator("pre.infra-snippet").innerText();
            assertThat(snippet).contains("sms_number_type                         = \"TOLL_FREE\"")
                    .containsPattern("sms_sender_phone_number_id              = \"phone-[0-9a-f]+\" # arn:aws:sms-voice:[^:]+:[0-9]+:phone-number/phone-")
                    .contains("sms_sender_phone_number_registration_id = null # the number above is already tied to " + id);
            assertThat(page.locator(".registration-steps-where").innerText()).isEqualTo("All 3 steps done");
            assertThat(page.locator(".associated-resources a.overview-link").getAttribute("href")).startsWith("./?number=phone-");
            shots(page, "registration-complete", page.locator(".registration-steps"));
            shots(page, "registration-complete-snippet", page.locator("pre.infra-snippet"));

            page.navigate("http://localhost:" + port + "/registrations");
            page.locator("vaadin-grid").getByText("Playwright toll-free").waitFor();
            shots(page, "registration-list");
        }
    }

    @Test
    void a_denied_registration_is_fixed_with_the_reason_shown_at_its_field_and_approved() {
        RegistrationForm form = asAdmin(() -> service.form(RegistrationType.US_TOLL_FREE));
        String id = asAdmin(() -> {
            String created = service.saveDraft(new RegistrationService.Draft(RegistrationType.US_TOLL_FREE).name("Denied Playwright Corp"),
                    form, FormFiller.requiredValues(form, "Denied Playwright Corp", service), (d, t, f) -> { });
            SupportedAssociation number = form.type().beforeSubmit().getFirst();
            service.requestNumber(created, number, "TRANSACTIONAL", service.numberRequestToken(created, number));
            emulator.sms().steerReview(created, List.of("DENIED", "APPROVED"));
            service.submit(created, form);
            return created;
        });
        String reason = asAdmin(() -> {
            for (int i = 0; i < 300 && !service.registration(id).orElseThrow().status().equals("REQUIRES_UPDATES"); i++) {
                sleep();
            }
            return service.fieldValues(id, 1L).stream().filter(v -> "messagingUseCase.optInDescription".equals(v.fieldPath()))
                    .map(FieldValue::deniedReason).findFirst().orElseThrow();
        });

        try (BrowserContext context = Chromium.newContext()) {
            Page page = context.newPage();
            Chromium.login(page, "http://localhost:" + port, "admin", "admin");
            page.navigate("http://localhost:" + port + "/registrations/" + id);
            page.locator(".denial-reasons").getByText("Why version 1 was denied").waitFor();
            shots(page, "registration-denied");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create new version")).click();
            page.locator(".registration-action-message").getByText("Version 2 created").waitFor(new Locator.WaitForOptions().setTimeout(30_000));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Edit draft")).click();
            page.waitForURL(url -> url.contains("/registrations/edit"));

            Locator denied = field(page, "messagingUseCase.optInDescription").locator(".field-denial");
            denied.waitFor();
            assertThat(denied.innerText()).isEqualTo("Denied: " + reason);
            shots(page, "registration-edit-denied", denied);
            Locator optIn = field(page, "messagingUseCase.optInDescription").locator("textarea");
            optIn.fill("Customers tick an unchecked box on the sign-up form at https://www.example.com/signup that says: I agree to receive "
                    + "account texts from Example Corp, up to 4 msgs/month. Msg & data rates may apply. Reply STOP to opt out.");
            optIn.press("Tab");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit for review")).click();
            page.waitForURL(url -> url.endsWith("/registrations/" + id), new Page.WaitForURLOptions().setTimeout(30_000));
            page.locator(".registration-status .badge[data-status='COMPLETE']").waitFor(new Locator.WaitForOptions().setTimeout(60_000));
            assertThat(page.locator(".denial-reasons").isVisible()).isFalse();
            assertThat(page.locator("vaadin-grid").filter(new Locator.FilterOptions().setHasText("Denial reasons")).innerText())
                    .contains("Unclear Opt-in Language");

            // Delete asks first, with the focus on Cancel rather than on the destructive button
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete…")).click();
            page.locator("vaadin-button.cancel-delete").waitFor();
            page.waitForFunction("() => document.activeElement && document.activeElement.textContent.trim() === 'Cancel'");
            page.keyboard().press("Escape");
            assertThat(asAdmin(() -> service.registration(id)).orElseThrow().complete()).isTrue();

            // a new version AWS refuses: said once, beside the actions, with the error code, and nothing in a pop-up
            emulator.faults().add(new FaultInjector.Rule("sms-voice", "CreateRegistrationVersion", FaultInjector.Kind.ACCESS_DENIED, 0, 0));
            try {
                Locator createVersion = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create new version"));
                double buttonAt = createVersion.boundingBox().y;
                createVersion.click();
                Locator refused = page.locator(".registration-action-message");
                refused.getByText("Stopped:").waitFor(new Locator.WaitForOptions().setTimeout(30_000));
                assertThat(createVersion.boundingBox().y).as("the button stays where it was clicked").isEqualTo(buttonAt);
                assertThat(refused.boundingBox().y).as("the message under the buttons")
                        .isGreaterThanOrEqualTo(createVersion.boundingBox().y + createVersion.boundingBox().height);
                assertThat(refused.innerText()).contains("CreateRegistrationVersion: AccessDeniedException").contains("request id ");
                assertThat(page.getByText("Stopped:").count()).as("the refusal, once").isEqualTo(1);
                assertThat(page.locator("vaadin-notification-card").count()).as("no pop-up").isZero();
                for (int[] size : new int[][] {{1400, 900}, {1024, 768}}) {
                    page.setViewportSize(size[0], size[1]);
                    refused.scrollIntoViewIfNeeded();
                    page.waitForTimeout(300);
                    var box = refused.boundingBox();
                    assertThat(box.x + box.width).as("the message inside the page at " + size[0]).isLessThanOrEqualTo(size[0]);
                    Chromium.screenshot(page, "registration-version-refused-" + size[0] + "x" + size[1]);
                }
                page.setViewportSize(1400, 900);
            } finally {
                emulator.faults().clear();
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
