package com.example.smsconsole.common.ui;

import com.example.smsconsole.aws.AwsCallException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.shared.HasValidationProperties;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;

/**
 * The outcome of an action, shown once, next to the control that caused it: one message in the
 * user's words; for an AWS failure also the error code, reason and request id for support, with
 * AWS's own text and the HTTP status on demand. The next action clears it ({@link #run}, {@link
 * #call} clear first). A view that shows a failure here has caught it, so the application's error
 * handler never shows it a second time as a pop-up.
 *
 * <p>Everything is set as text, never as markup: AWS messages and user input are outside values.
 *
 * @see "Design decision: docs/decisions/012-20261201-on-page-messages-and-forms.md"
 */
public class InlineMessage extends Div {

    /** Colour and weight of a message. */
    public enum Tone {
        SUCCESS, INFO, WARNING, ERROR
    }

    private static final Logger log = LoggerFactory.getLogger(InlineMessage.class);

    private @Nullable Tone tone;

    public InlineMessage() {
        addClassName("inline-message");
        setVisible(false);
    }

    /** Removes the message. */
    public void clear() {
        removeAll();
        tone = null;
        getElement().removeAttribute("data-tone");
        getElement().removeAttribute("role");
        setVisible(false);
    }

    /** The tone shown, or null when nothing is shown. */
    public @Nullable Tone tone() {
        return tone;
    }

    /** The text shown, for tests and logs. */
    public String text() {
        return getElement().getTextRecursively();
    }

    public InlineMessage success(String text, Component... more) {
        return show(Tone.SUCCESS, text, more);
    }

    public InlineMessage info(String text, Component... more) {
        return show(Tone.INFO, text, more);
    }

    public InlineMessage warning(String text, Component... more) {
        return show(Tone.WARNING, text, more);
    }

    public InlineMessage error(String text, Component... more) {
        return show(Tone.ERROR, text, more);
    }

    /**
     * An AWS failure: its message in words, then "error code (reason) · request id" for support;
     * AWS's own message, the HTTP status, the resource and the fields AWS named on demand.
     */
    public InlineMessage error(AwsCallException e, Component... more) {
        return error(e, UnaryOperator.identity(), more);
    }

    /**
     * An AWS failure as {@link #error(AwsCallException, Component...)}, its words between what the
     * action says before and after them: {@code error("Not deleted:", e, "")} shows "Not deleted:
     * <AWS's failure in words>". Empty parts are left out.
     */
    public InlineMessage error(String lead, AwsCallException e, String follow, Component... more) {
        return error(e, words -> join(lead, words, follow), more);
    }

    /**
     * An AWS failure as {@link #error(AwsCallException, Component...)}, its words as the action's
     * context tells them: {@code inContext} gets the failure in words and returns what to show.
     */
    public InlineMessage error(AwsCallException e, UnaryOperator<String> inContext, Component... more) {
        show(Tone.ERROR, inContext.apply(words(e)), more);
        add(supportLine(e), details(e));
        return this;
    }

    /**
     * Any failure of an action: an AWS failure as {@link #error(AwsCallException, Component...)}; a
     * refusal for the role; a rule the input broke ({@link IllegalArgumentException}, {@link
     * IllegalStateException}: their message is written for the user); anything else is logged with
     * a reference that the message gives.
     */
    public InlineMessage failure(Throwable failure) {
        Throwable e = unwrap(failure);
        return switch (e) {
            case AwsCallException aws -> error(aws);
            case AccessDeniedException denied -> error("Your role may not do that.");
            case IllegalArgumentException rule when rule.getMessage() != null -> error(rule.getMessage());
            case IllegalStateException rule when rule.getMessage() != null -> error(rule.getMessage());
            default -> {
                String reference = UUID.randomUUID().toString().substring(0, 8);
                log.error("Unexpected error (reference {})", reference, e);
                yield error("Something went wrong. The details are in the server log under reference " + reference + ".");
            }
        };
    }

    /**
     * An AWS failure that belongs to one field: its short message at the field (marked invalid),
     * and here only the support line and details, folded.
     */
    public InlineMessage atField(HasValidationProperties field, AwsCallException e) {
        field.setErrorMessage(words(e));
        field.setInvalid(true);
        clear();
        tone = Tone.ERROR;
        getElement().setAttribute("data-tone", "error");
        var details = details(e);
        details.setSummaryText("Details for support: " + e.errorCode() + (e.reason() == null ? "" : " (" + e.reason() + ")"));
        add(details);
        addClassName("inline-message-compact");
        setVisible(true);
        return this;
    }

    /** Clears, runs the action and shows its failure here; true when it succeeded. */
    public boolean run(Runnable action) {
        return call(() -> {
            action.run();
            return Boolean.TRUE;
        }).isPresent();
    }

    /** Clears, runs the action and shows its failure here; its result, or empty when it failed. */
    public <T> Optional<T> call(Supplier<T> action) {
        clear();
        try {
            return Optional.ofNullable(action.get());
        } catch (RuntimeException e) {
            failure(e);
            return Optional.empty();
        }
    }

    private InlineMessage show(Tone value, String text, Component... more) {
        clear();
        removeClassName("inline-message-compact");
        tone = value;
        getElement().setAttribute("data-tone", value.name().toLowerCase(Locale.ROOT));
        // errors interrupt a screen reader, other outcomes are announced politely
        getElement().setAttribute("role", value == Tone.ERROR ? "alert" : "status");
        var message = new Span(text);
        message.addClassName("inline-message-text");
        add(message);
        for (Component component : more) {
            add(component);
        }
        setVisible(true);
        return this;
    }

    /** An AWS failure in the user's words, for a message that cannot hold this component (a pop-up). */
    static String words(AwsCallException e) {
        return e.userMessage();
    }

    /** "AWS <operation>: <error code> (<reason>) · request id <id>", the one line support needs. */
    static String supportText(AwsCallException e) {
        return "AWS " + e.operation() + ": " + e.errorCode() + (e.reason() == null ? "" : " (" + e.reason() + ")")
                + (e.requestId() == null ? " · no request id (AWS was not reached)" : " · request id " + e.requestId());
    }

    private static Span supportLine(AwsCallException e) {
        var line = new Span(supportText(e));
        line.addClassName("inline-message-support");
        return line;
    }

    private static String join(String lead, String words, String follow) {
        var text = new StringBuilder();
        for (String part : new String[] {lead, words, follow}) {
            if (part != null && !part.isBlank()) {
                text.append(text.isEmpty() ? "" : " ").append(part.strip());
            }
        }
        return text.toString();
    }

    private static Details details(AwsCallException e) {
        var rows = new Div();
        rows.addClassName("inline-message-details");
        row(rows, "Operation", e.service() + " " + e.operation());
        row(rows, "Error code", e.errorCode());
        row(rows, "Reason", e.reason());
        row(rows, "HTTP status", e.httpStatus() > 0 ? String.valueOf(e.httpStatus()) : null);
        row(rows, "Request id", e.requestId());
        row(rows, "AWS said", e.awsMessage());
        row(rows, "Resource", e.resourceId() == null ? null : (e.resourceType() == null ? "" : e.resourceType() + " ") + e.resourceId());
        for (AwsCallException.FieldError field : e.fields()) {
            row(rows, "Field " + field.name(), field.message());
        }
        var details = new Details("Details for support", rows);
        details.addClassName("inline-message-more");
        return details;
    }

    private static void row(Div rows, String label, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        var name = new Span(label);
        name.addClassName("inline-message-label");
        var text = new Span(value);
        text.addClassName("inline-message-value");
        rows.add(new Div(name, text));
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException) && current.getCause() != null) {
            current = current.getCause();
        }
        Throwable cause = current;
        while (cause != null) {
            if (cause instanceof AwsCallException || cause instanceof AccessDeniedException) {
                return cause;
            }
            cause = cause.getCause();
        }
        return current;
    }
}
