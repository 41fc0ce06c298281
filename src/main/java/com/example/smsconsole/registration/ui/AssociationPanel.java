package com.example.smsconsole.registration.ui;

import com.example.smsconsole.aws.AwsCallException;
import com.example.smsconsole.common.ui.InlineMessage;
import com.example.smsconsole.registration.AccountNumber;
import com.example.smsconsole.registration.Registration;
import com.example.smsconsole.registration.RegistrationService;
import com.example.smsconsole.registration.RegistrationType;
import com.example.smsconsole.registration.SupportedAssociation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One association a registration type asks for, as the admin makes it: pick a toll-free (or
 * 10DLC) number the account already has, or request a new one after a confirmation that states
 * its monthly price and that it is billed while pending; pick an approved brand for a 10DLC
 * campaign or vetting; or give a resource id for any other kind.
 */
class AssociationPanel extends Div {

    final SupportedAssociation association;
    final ComboBox<AccountNumber> numbers = new ComboBox<>();
    final Select<String> messageType = new Select<>();
    final Button associateNumber = new Button("Associate this number");
    final Button request = new Button();
    final ComboBox<Registration> registrations = new ComboBox<>();
    final Button associateRegistration = new Button("Associate");
    final TextField resourceId = new TextField("Resource id");
    final Button associateResource = new Button("Associate");
    /** What the panel's actions did, or why it cannot act yet, once, below its controls (decision 012). */
    final InlineMessage result = new InlineMessage();
    /** The open confirmation, for tests. */
    @Nullable Dialog confirmation;
    @Nullable Button confirm;

    private final RegistrationService service;
    private final RegistrationType type;
    private final Supplier<@Nullable String> registrationId;
    private final Runnable changed;
    private final Map<String, String> names = new HashMap<>();

    AssociationPanel(RegistrationService service, RegistrationType type, SupportedAssociation association,
            Supplier<@Nullable String> registrationId, Runnable changed, @Nullable String preselected) {
        this.service = service;
        this.type = type;
        this.association = association;
        this.registrationId = registrationId;
        this.changed = changed;
        addClassName("association-panel");
        getElement().setAttribute("data-resource-type", association.resourceType());
        result.addClassName("association-message");

        if (association.phoneNumber()) {
            String what = association.label();
            add(new H4((association.afterComplete() ? "Request " : "Associate ") + article(what) + " " + what));
            numbers.setLabel(capitalized(what) + "s of the account");
            numbers.setItemLabelGenerator(n -> n.phoneNumber() + " · " + n.status() + (n.monthlyLeasingPrice() == null ? ""
                    : " · USD " + n.monthlyLeasingPrice() + " a month"));
            numbers.setWidth("24em");
            numbers.setHelperText("Numbers of this type and country that no registration holds yet (DescribePhoneNumbers).");
            associateNumber.addClickListener(e -> associateNumber());
            var existing = new HorizontalLayout(numbers, associateNumber);
            existing.setAlignItems(FlexComponent.Alignment.BASELINE);
            existing.addClassName("association-existing");

            messageType.setLabel("Message type");
            messageType.setItems("TRANSACTIONAL", "PROMOTIONAL");
            messageType.setValue("TRANSACTIONAL");
            messageType.setHelperText("What the number will send: time-critical (TRANSACTIONAL) or marketing (PROMOTIONAL).");
            request.setText("Request a new " + what + "…");
            request.addClickListener(e -> confirmRequest());
            var fresh = new HorizontalLayout(messageType, request);
            fresh.setAlignItems(FlexComponent.Alignment.BASELINE);
            fresh.addClassName("association-request");
            if (association.requestable()) {
                add(existing, new Paragraph("or"), fresh);
            } else {
                add(existing);
            }
        } else if (association.registration()) {
            String target = type.associatedRegistrationType(association).orElse(null);
            boolean brand = RegistrationType.US_TEN_DLC_BRAND.equals(target);
            add(new H4(brand ? "Associate an approved brand registration" : "Associate an approved registration"));
            registrations.setLabel(brand ? "Approved brands" : "Approved registrations");
            registrations.setItemLabelGenerator(r -> Optional.ofNullable(names.get(r.id())).filter(n -> !n.isBlank()).map(n -> n + " · ")
                    .orElse("") + r.id());
            registrations.setWidth("32em");
            registrations.setHelperText(brand ? "10DLC brand registrations with status COMPLETE." : "Registrations with status COMPLETE.");
            associateRegistration.addClickListener(e -> associateRegistration());
            var row = new HorizontalLayout(registrations, associateRegistration);
            row.setAlignItems(FlexComponent.Alignment.BASELINE);
            add(row);
            if (brand) {
                var newBrand = new Button("Register a brand first", e -> UI.getCurrent().navigate("registrations/edit",
                        QueryParameters.of("type", RegistrationType.US_TEN_DLC_BRAND)));
                newBrand.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                add(newBrand);
            }
        } else {
            add(new H4("Associate " + article(association.label()) + " " + association.label()));
            resourceId.setHelperText("The console cannot list these; give the id AWS shows for it.");
            associateResource.addClickListener(e -> associate(resourceId.getValue().strip()));
            var row = new HorizontalLayout(resourceId, associateResource);
            row.setAlignItems(FlexComponent.Alignment.BASELINE);
            add(row);
        }
        add(result);
        refresh(preselected);
    }

    /** Reads the candidates again and enables what the registration's state allows. */
    void refresh(@Nullable String preselect) {
        if (result.tone() == InlineMessage.Tone.INFO) {
            // "save the draft first" / "available once complete": said again below if it still holds
            result.clear();
        }
        String id = registrationId.get();
        boolean exists = id != null;
        boolean ready = exists;
        if (association.afterComplete() && exists) {
            ready = service.registration(id).map(Registration::complete).orElse(false);
        }
        try {
            if (association.phoneNumber()) {
                List<AccountNumber> free = service.numbersToAssociate(association);
                numbers.setItems(free);
                numbers.setPlaceholder(free.isEmpty() ? "None free" : "Choose a number");
                free.stream().filter(n -> n.id().equals(preselect)).findFirst().ifPresent(numbers::setValue);
            } else if (association.registration()) {
                List<Registration> approved = service.registrationsToAssociate(type, association);
                for (Registration r : approved) {
                    names.computeIfAbsent(r.id(), k -> service.name(r));
                }
                registrations.setItems(approved);
                registrations.setPlaceholder(approved.isEmpty() ? "None approved yet" : "Choose one");
                approved.stream().filter(r -> r.id().equals(preselect)).findFirst().ifPresent(registrations::setValue);
            }
        } catch (AwsCallException e) {
            failed("", e);
        }
        associateNumber.setEnabled(ready);
        request.setEnabled(ready);
        associateRegistration.setEnabled(ready);
        associateResource.setEnabled(ready);
        if (!exists) {
            result.info("Save the draft first: AWS associates resources with an existing registration.");
        } else if (!ready) {
            result.info("Available once the registration is complete.");
        }
    }

    private void associateNumber() {
        AccountNumber chosen = numbers.getValue();
        if (chosen == null) {
            result.error("Choose a number first.");
            return;
        }
        associate(chosen.id());
    }

    private void associateRegistration() {
        Registration chosen = registrations.getValue();
        if (chosen == null) {
            result.error("Choose a registration first.");
            return;
        }
        associate(chosen.id());
    }

    private void associate(String resource) {
        String id = registrationId.get();
        if (id == null || resource.isBlank()) {
            result.error(id == null ? "Save the draft first." : "Give the resource id.");
            return;
        }
        try {
            var made = service.associate(id, resource);
            result.success("Associated " + Optional.ofNullable(made.phoneNumber()).orElse(made.resourceId()) + " with " + id + ".");
            changed.run();
        } catch (AwsCallException e) {
            failed("Not associated:", e);
        }
    }

    /** The confirmation before buying a number: what it costs a month as far as AWS tells, and that it is billed while pending. */
    void confirmRequest() {
        String id = registrationId.get();
        if (id == null) {
            result.error("Save the draft first.");
            return;
        }
        RegistrationService.PriceQuote quote;
        String token;
        try {
            quote = service.priceQuote(association);
            token = service.numberRequestToken(id, association);
        } catch (AwsCallException e) {
            failed("", e);
            return;
        }
        String what = (association.isoCountryCode() == null ? "" : association.isoCountryCode() + " ") + association.label();
        var dialog = new Dialog();
        dialog.addClassName("request-number-dialog");
        dialog.setHeaderTitle("Request a " + what + "?");
        var price = new Paragraph(quote.price());
        price.addClassName("request-price");
        var billing = new Paragraph(quote.billing());
        billing.addClassName("request-billing");
        var what2 = new Paragraph("Number type " + association.resourceType() + ", country " + Optional.ofNullable(association.isoCountryCode())
                .orElse("US") + ", message type " + messageType.getValue() + ", capability SMS, deletion protection on"
                + (association.afterComplete() ? ", requested with registration id " + id : "; then associated with " + id) + ".");
        dialog.add(price, billing, what2);
        var cancel = new Button("Cancel", e -> dialog.close());
        var go = new Button(association.afterComplete() ? "Request it" : "Request and associate");
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        go.addClickListener(e -> {
            dialog.close();
            request(id, token);
        });
        dialog.getFooter().add(cancel, go);
        dialog.addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                cancel.focus();
            }
        });
        confirmation = dialog;
        confirm = go;
        dialog.open();
        cancel.focus();
    }

    private void request(String id, String token) {
        try {
            AccountNumber number = service.requestNumber(id, association, messageType.getValue(), token);
            result.success("Requested " + number.phoneNumber() + " (" + number.id() + ", " + number.status() + ") at USD "
                    + Optional.ofNullable(number.monthlyLeasingPrice()).orElse("?") + " a month, as AWS answered; associated with " + id + ".");
            changed.run();
        } catch (RegistrationService.MissingAssociationException | IllegalArgumentException e) {
            result.error(e.getMessage());
        } catch (AwsCallException e) {
            AwsCallException shown = e.kind() == AwsCallException.Kind.UNREACHABLE
                    ? e.withUserMessage("The request may have reached AWS and bought the number. Request again: the same client token makes "
                            + "AWS return that number instead of buying a second one.")
                    : e;
            failed("Not requested:", shown);
        }
    }

    /** An AWS error once, here next to the controls: in words, then the operation, code, reason and request id. */
    private void failed(String lead, AwsCallException e) {
        result.error(lead, e, "");
    }

    private static String article(String what) {
        return "aeiou".indexOf(Character.toLowerCase(what.charAt(0))) >= 0 ? "an" : "a";
    }

    private static String capitalized(String what) {
        return what.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + what.substring(1);
    }
}
