package com.example.smsconsole.common.ui;

import com.example.smsconsole.common.PhoneNumber;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.BinderValidationStatus;
import com.vaadin.flow.data.binder.BindingValidationStatus;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Form helpers on top of Vaadin's {@link Binder}: a check of a whole form that takes the user to
 * the first field that is wrong and says so next to the button too, the phone number check, and
 * the server's own refusals of a field shown at that field.
 *
 * @see "Design decision: docs/decisions/012-20261201-on-page-messages-and-forms.md"
 */
public final class Forms {

    private Forms() {
    }

    /**
     * Validates every binding; when one is wrong, focuses the first invalid field, whose own message
     * says what is wrong. For a form whose fields sit right beside its button: a second message at
     * the button would say the same thing twice. True when the form is fine.
     */
    public static boolean check(Binder<?> binder) {
        BinderValidationStatus<?> status = binder.validate();
        status.getFieldValidationErrors().stream().findFirst().map(BindingValidationStatus::getField).ifPresent(field -> {
            if (field instanceof Focusable<?> focusable) {
                focusable.focus();
            }
        });
        return status.isOk();
    }

    /**
     * Validates every binding. When one is wrong: focuses and scrolls to the first invalid field
     * (in binding order) and writes "Check <label>: <message>" into {@code message}, which sits
     * next to the button the user pressed. True when the form is fine.
     */
    public static boolean check(Binder<?> binder, InlineMessage message) {
        BinderValidationStatus<?> status = binder.validate();
        if (status.isOk()) {
            return true;
        }
        Optional<BindingValidationStatus<?>> first = status.getFieldValidationErrors().stream().findFirst();
        if (first.isEmpty()) {
            String text = status.getBeanValidationErrors().stream().map(ValidationResult::getErrorMessage).findFirst()
                    .orElse("Check the form.");
            message.error(text);
            return false;
        }
        HasValue<?, ?> field = first.get().getField();
        String label = field instanceof HasLabel l && l.getLabel() != null ? l.getLabel() : "the highlighted field";
        String why = first.get().getMessage().orElse("");
        message.error("Check " + label + (why.isEmpty() ? "." : ": " + why));
        if (field instanceof Component component) {
            component.scrollIntoView();
        }
        if (field instanceof Focusable<?> focusable) {
            focusable.focus();
        }
        return false;
    }

    /** A text field that must hold a phone number in E.164 form; the message says what is wrong with it. */
    public static Validator<String> phoneNumber() {
        return (value, context) -> {
            try {
                PhoneNumber.parse(value);
                return ValidationResult.ok();
            } catch (PhoneNumber.InvalidPhoneNumberException e) {
                return ValidationResult.error(e.getMessage());
            }
        };
    }

    /**
     * Refusals the server found in a field (rules only the service knows), shown by the field's own
     * binding until the field changes: add {@link #validator(String)} to the binding, then {@link
     * #put} the message and validate.
     */
    public static final class ServerErrors {
        private final Map<String, String> byField = new HashMap<>();

        public <V> Validator<V> validator(String field) {
            return (value, context) -> {
                String error = byField.get(field);
                return error == null ? ValidationResult.ok() : ValidationResult.error(error);
            };
        }

        public void put(String field, String message) {
            byField.put(field, message);
        }

        public void remove(String field) {
            byField.remove(field);
        }

        public void clear() {
            byField.clear();
        }

        /** Forgets the server's message for a field as soon as the user changes it. */
        public void clearOnChange(String field, HasValue<?, ?> input) {
            input.addValueChangeListener(e -> byField.remove(field));
        }
    }
}
