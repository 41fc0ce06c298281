package com.example.smsconsole;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.smsconsole.audit.AuditService;
import com.example.smsconsole.common.SmsResources;
import com.example.smsconsole.deliverylog.repository.DeliveryQueries;
import com.example.smsconsole.emulator.AwsEmulator;
import com.example.smsconsole.emulator.sms.SmsState;
import com.example.smsconsole.registration.FieldDefinition;
import com.example.smsconsole.registration.FormFiller;
import com.example.smsconsole.registration.RegistrationForm;
import com.example.smsconsole.registration.RegistrationService;
import com.example.smsconsole.registration.RegistrationType;
import com.example.smsconsole.registration.SupportedAssociation;
import com.example.smsconsole.sending.TestSendRequest;
import com.example.smsconsole.sending.TestSendService;
import com.example.smsconsole.support.Chromium;
import com.example.smsconsole.support.ConsoleWebTest;
import com.example.smsconsole.support.DeliveryReceipts;
import com.example.smsconsole.support.Screens;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.AriaRole;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stored markup stays text on every view, in headless Chromium. Markup that runs script when a page
 * inserts it as HTML (an image whose error handler runs, an SVG whose load handler runs, a
 * {@code javascript:} link) is written into every text field of delivery receipts (in the log group,
 * as any writer of it could), into a registration (its name, its field values, the reasons AWS
 * gives for a denial and their documentation link), into a test send's body and context (which AWS
 * copies into the receipts), and into an audit entry. Then an admin and a support user open every
 * view and tab they may see. No script may run ({@code window.__xss} stays undefined, no dialog
 * opens), no element may carry an event handler or a {@code javascript:} address from the data, and
 * the markup must be on the page as text (so the check is not passing on an empty page).
 */
@ConsoleWebTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoredMarkupPlaywrightIT {

    // the classic payloads: each one runs script only if a page parses it as markup (and sets the global __xss);
    // short enough for the store's columns (event type and status 40 characters, message type and number 20 and 24)
    static final String IMG = "<img src=x onerror=alert(__xss=1)>";
    static final String SVG = "\"><svg/onload=alert(__xss=1)>";
    static final String LINK = "javascript:alert(__xss=1)";
    static final String SHORT = "<svg/onload=__xss=1>";

    /** A success simulator number of AWS's table: the text is accepted and success receipts arrive. */
    static final String SUCCESS_SIMULATOR = "+14254147755";

    @LocalServerPort
    int port;
    @Autowired
    CloudWatchLogsClient logs;
    @Autowired
    SmsResources resources;
    @Autowired
    DeliveryQueries queries;
    @Autowired
    AuditService audit;
    @Autowired
    RegistrationService registrations;
    @Autowired
    TestSendService testSend;
    @Autowired
    AwsEmulator emulator;

    String number;
    String messageId;
    String registrationId;
    final String marker = UUID.randomUUID().toString().substring(0, 8);

    <T> T asAdmin(Supplier<T> work) {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("test", null,
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @BeforeAll
    void storeMarkupEverywhere() throws Exception {
        // the first page of a fresh console takes long on a busy machine: longer than the sign-in waits
        try (BrowserContext context = Chromium.newContext()) {
            Page page = context.newPage();
            page.navigate(base() + "/login", new Page.NavigateOptions().setTimeout(120_000));
            page.locator("vaadin-login-form").waitFor(new Locator.WaitForOptions().setTimeout(120_000));
        }
        writeReceipts();
        registrationId = deniedRegistrationWithMarkup();
        asAdmin(() -> testSend.send(new TestSendRequest(SUCCESS_SIMULATOR, resources.phonePoolId(), resources.configurationSetName(),
                "TRANSACTIONAL", "Body " + IMG + " " + marker, Map.of(SVG.replace(" ", ""), IMG + " " + marker), false)));
        asAdmin(() -> audit.failure("markup." + IMG, IMG + " target " + marker, SVG, IMG + " audit detail " + marker));
        new DeliveryReceipts(logs, resources, queries).awaitStored(number, 2);
    }

    /**
     * Receipts in the event JSON AWS documents (https://docs.aws.amazon.com/sms-voice/latest/userguide/configuration-sets-event-format.html),
     * every text field markup; the destination stays a real number so a search finds them. A second
     * receipt has markup for its number, a malformed log event is markup only.
     */
    private void writeReceipts() throws Exception {
        number = DeliveryReceipts.freshNumber();
        messageId = "m" + marker + UUID.randomUUID().toString().substring(0, 20);
        JsonMapper json = JsonMapper.builder().build();
        long now = Instant.now().toEpochMilli();
        List<InputLogEvent> events = new ArrayList<>();
        for (String type : List.of("TEXT_QUEUED", IMG)) {
            ObjectNode receipt = json.createObjectNode();
            receipt.put("eventType", type);
            receipt.put("eventVersion", SVG);
            receipt.put("eventTimestamp", now - 5000 + events.size() * 400L);
            receipt.put("isFinal", type.equals(IMG));
            receipt.put("originationPhoneNumber", IMG + marker);
            receipt.put("destinationPhoneNumber", number);
            receipt.put("isoCountryCode", "<b");
            receipt.put("isInternationalSend", false);
            receipt.put("mcc", SVG);
            receipt.put("mnc", IMG);
            receipt.put("carrierName", IMG + " carrier " + marker);
            receipt.put("messageId", messageId);
            receipt.put("messageRequestTimestamp", now - 6000);
            receipt.put("messageEncoding", "<i>e</i>");
            receipt.put("messageType", SHORT);
            receipt.put("messageStatus", SVG + " " + marker);
            receipt.put("messageStatusDescription", IMG + " status description " + marker + " " + LINK);
            receipt.put("configurationSetName", IMG);
            receipt.put("originationIdentity", IMG);
            receipt.put("poolId", SVG);
            receipt.put("senderId", SVG);
            ObjectNode context = receipt.putObject("context");
            context.put(IMG, SVG + " " + marker);
            context.put("orderId", LINK);
            receipt.put("totalMessageParts", 1);
            receipt.put("totalMessagePrice", 0.00581);
            receipt.put("totalCarrierFee", 0.00302);
            events.add(InputLogEvent.builder().timestamp(now - 5000 + events.size() * 400L).message(json.writeValueAsString(receipt)).build());
        }
        ObjectNode other = json.createObjectNode();
        other.put("eventType", "TEXT_BLOCKED");
        other.put("messageId", "n" + marker);
        other.put("destinationPhoneNumber", SHORT);
        other.put("eventTimestamp", now - 3000);
        other.put("messageStatusDescription", SVG);
        events.add(InputLogEvent.builder().timestamp(now - 3000).message(json.writeValueAsString(other)).build());
        events.add(InputLogEvent.builder().timestamp(now - 2000).message(IMG + " not a receipt " + marker).build());
        String stream = "sms-delivery-receipts/" + IMG;
        try {
            logs.createLogStream(b -> b.logGroupName(resources.deliveryLogGroup()).logStreamName(stream));
        } catch (ResourceAlreadyExistsException e) {
            // an earlier run made it
        }
        logs.putLogEvents(b -> b.logGroupName(resources.deliveryLogGroup()).logStreamName(stream).logEvents(events));
    }

    /** A toll-free registration named and filled with markup, denied by review with reasons and a documentation link that are markup. */
    private String deniedRegistrationWithMarkup() {
        return asAdmin(() -> {
            RegistrationForm form = registrations.form(RegistrationType.US_TOLL_FREE);
            Map<String, Object> values = new LinkedHashMap<>(FormFiller.requiredValues(form, "Markup " + marker + " Corp", registrations));
            for (FieldDefinition field : form.fields()) {
                if (values.get(field.fieldPath()) instanceof String value && field.text() && !field.attachment()) {
                    String withMarkup = IMG + " " + value;
                    if (RegistrationForm.check(field, withMarkup).isEmpty()) {
                        values.put(field.fieldPath(), withMarkup);
                    }
                }
            }
            String id = registrations.saveDraft(new RegistrationService.Draft(RegistrationType.US_TOLL_FREE).name(IMG + " " + marker), form,
                    values, (d, t, f) -> { });
            SupportedAssociation numberAssociation = form.type().beforeSubmit().getFirst();
            registrations.requestNumber(id, numberAssociation, "TRANSACTIONAL", registrations.numberRequestToken(id, numberAssociation));
            emulator.sms().steerReview(id, List.of("DENIED"));
            registrations.submit(id, form);
            for (int i = 0; i < 300 && !registrations.registration(id).orElseThrow().status().equals("REQUIRES_UPDATES"); i++) {
                sleep(100);
            }
            // what AWS says about the denial is outside data too
            synchronized (emulator.sms().lock()) {
                SmsState.Registration registration = emulator.sms().state().registrations.get(id);
                for (SmsState.Version version : registration.versions) {
                    for (SmsState.DeniedReason reason : version.deniedReasons) {
                        reason.reason = IMG + " reason " + marker;
                        reason.shortDescription = SVG;
                        reason.longDescription = IMG;
                        reason.documentationTitle = IMG + " documentation";
                        reason.documentationLink = LINK;
                    }
                }
            }
            return id;
        });
    }

    @Test
    void an_admin_sees_the_markup_as_text_on_every_view() {
        try (BrowserContext context = Chromium.newContext()) {
            Page page = context.newPage();
            List<String> dialogs = watchDialogs(page);
            Chromium.login(page, base(), "admin", "admin");

            visit(page, dialogs, "/", null);
            visit(page, dialogs, "/?number=" + encode(IMG), null);
            visit(page, dialogs, "/registrations", IMG + " " + marker);
            visit(page, dialogs, "/registrations/" + registrationId, IMG + " reason " + marker);
            visit(page, dialogs, "/registrations/edit?id=" + registrationId, null);
            visit(page, dialogs, "/verification", null);
            visit(page, dialogs, "/test-send", null);
            visit(page, dialogs, "/simulated-handsets?number=" + encode(SUCCESS_SIMULATOR), "Body " + IMG + " " + marker);
            deliveryHistory(page, dialogs, "admin");
            visit(page, dialogs, "/delivery-history?range=24h&dest=" + encode(SUCCESS_SIMULATOR), null);
            visit(page, dialogs, "/audit", IMG + " audit detail " + marker);
            visit(page, dialogs, "/audit?q=" + encode(marker), null);
        }
    }

    @Test
    void a_support_user_sees_the_markup_as_text_on_every_view() {
        try (BrowserContext context = Chromium.newContext()) {
            Page page = context.newPage();
            List<String> dialogs = watchDialogs(page);
            Chromium.login(page, base(), "support", "support");

            visit(page, dialogs, "/", null);
            deliveryHistory(page, dialogs, "support");
        }
    }

    /** Receipts, Messages and Chart tabs for the number whose receipts are markup, the receipt dialog, and the unfiltered search. */
    private void deliveryHistory(Page page, List<String> dialogs, String who) {
        String search = "/delivery-history?range=1h&dest=" + encode(number);
        visit(page, dialogs, search, IMG + " status description " + marker);
        page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(IMG + " status description")).first().click();
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        dialog.getByText(IMG + " carrier " + marker).first().waitFor();
        settleAndCheck(page, dialogs, search + " (receipt dialog)");
        assertThat(dialog.locator("pre").allInnerTexts().toString()).contains(IMG).contains(SVG + " " + marker);
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close")).click();

        visit(page, dialogs, search + "&tab=messages", messageId);
        visit(page, dialogs, search + "&tab=chart", IMG);
        page.locator("svg.delivery-chart rect").first().waitFor();
        Screens.atBothSizes(page, "delivery-chart-" + who);
        visit(page, dialogs, "/delivery-history?range=30m", null);
        visit(page, dialogs, "/delivery-history?range=30m&tab=messages", null);
        visit(page, dialogs, "/delivery-history?range=30m&tab=chart", IMG);
        visit(page, dialogs, "/delivery-history?range=30m&types=" + encode(IMG), null);
    }

    private void visit(Page page, List<String> dialogs, String path, @Nullable String visibleText) {
        page.navigate(base() + path);
        page.locator("vaadin-app-layout").waitFor(new Locator.WaitForOptions().setTimeout(60_000));
        if (visibleText == null) {
            settleAndCheck(page, dialogs, path);
            return;
        }
        try {
            page.getByText(visibleText).first().waitFor(new Locator.WaitForOptions().setTimeout(20_000));
        } catch (TimeoutError e) {
            // checked below, after the page had its chance to run what it inserted
        }
        settleAndCheck(page, dialogs, path);
        assertThat(page.getByText(visibleText).count()).as("%s shows the stored markup as text: %s", path, visibleText).isPositive();
    }

    private static void settleAndCheck(Page page, List<String> dialogs, String where) {
        // an image that fails to load runs its handler a moment after it is inserted
        page.waitForTimeout(700);
        assertThat(page.evaluate("() => typeof window.__xss")).as("script from stored markup ran on %s", where).isEqualTo("undefined");
        assertThat(dialogs).as("dialogs opened on %s", where).isEmpty();
        // independent of whether the browser ran it: no element from the data carries a handler or a javascript: address
        Object planted = page.evaluate("""
                () => {
                  const found = [];
                  const walk = root => root.querySelectorAll('*').forEach(e => {
                    for (const a of e.attributes) {
                      const n = a.name.toLowerCase(), v = a.value.trim().toLowerCase();
                      if ((n.startsWith('on') && v.includes('__xss')) || ((n === 'href' || n === 'src' || n === 'action' || n === 'formaction')
                          && v.startsWith('javascript:'))) {
                        found.push('<' + e.localName + ' ' + a.name + '="' + a.value + '">');
                      }
                    }
                    if (e.shadowRoot) walk(e.shadowRoot);
                  });
                  walk(document);
                  return found;
                }""");
        assertThat((List<?>) planted).as("elements planted by stored markup on %s", where).isEmpty();
    }

    private static List<String> watchDialogs(Page page) {
        List<String> dialogs = new ArrayList<>();
        page.onDialog(d -> {
            dialogs.add(d.type() + ": " + d.message());
            d.dismiss();
        });
        return dialogs;
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
