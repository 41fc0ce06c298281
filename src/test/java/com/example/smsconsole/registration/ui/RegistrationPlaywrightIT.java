package com.example.smsconsole.registration.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.smsconsole.registration.FieldDefinition;
import com.example.smsconsole.registration.FormFiller;
import com.example.smsconsole.registration.RegistrationForm;
import com.example.smsconsole.registration.RegistrationService;
import com.example.smsconsole.support.Chromium;
import com.example.smsconsole.support.ConsoleWebTest;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * An admin fills the US toll-free registration form in headless Chromium, submits it, and sees the
 * status move to COMPLETE with the configuration snippet (the emulator's review is shortened in tests).
 */
@ConsoleWebTest
class RegistrationPlaywrightIT {

    @LocalServerPort
    int port;
    @Autowired
    RegistrationService service;

    @Test
    void an_admin_fills_a_toll_free_registration_submits_it_and_sees_it_complete() {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("test", null,
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        RegistrationForm form = service.form("US_TOLL_FREE_REGISTRATION");
        SecurityContextHolder.clearContext();

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

            for (FieldDefinition field : form.fields()) {
                if (!field.required()) {
                    continue;
                }
                Object value = FormFiller.value(field, "Playwright Corp");
                if (field.select()) {
                    Locator combo = page.locator("vaadin-combo-box:has(> label:text-is(\"" + field.title() + "\"))");
                    combo.locator("input").fill(((List<?>) value).getFirst().toString());
                    page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText(((List<?>) value).getFirst().toString()))
                            .first().click();
                } else {
                    Locator input = page.locator("vaadin-text-field:has(> label:text-is(\"" + field.title() + "\")) input, "
                            + "vaadin-text-area:has(> label:text-is(\"" + field.title() + "\")) textarea");
                    input.fill((String) value);
                    input.press("Tab");
                }
            }
            page.locator("pre.registration-preview").getByText("Playwright Corp").waitFor();
            Chromium.screenshot(page, "registration-form");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit for review")).click();
            page.waitForURL(url -> url.matches(".*/registrations/registration-[0-9a-f]+$"));
            String id = page.url().substring(page.url().lastIndexOf('/') + 1);
            page.locator(".registration-status .badge[data-status='COMPLETE']").waitFor(new Locator.WaitForOptions().setTimeout(60_000));
            assertThat(page.locator("pre.infra-snippet").innerText()).contains("sms_sender_phone_number_registration_id = \"" + id + "\"")
                    .contains("sms_number_type = \"TOLL_FREE\"");
            Chromium.screenshot(page, "registration-complete");
        }
    }
}
