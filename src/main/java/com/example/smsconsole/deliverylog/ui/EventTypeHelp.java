package com.example.smsconsole.deliverylog.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.Map;

/**
 * What each SMS event type means and what to do next, in words, with a link to AWS's list of event
 * types. The meanings follow AWS's page "Event types for SMS, MMS, and voice"; the next steps are
 * the console's advice. A type newer than the console is named and pointed to AWS's page.
 */
final class EventTypeHelp {

    /** AWS End User Messaging SMS User Guide, "Event types for SMS, MMS, and voice". */
    static final String AWS_EVENT_TYPES = "https://docs.aws.amazon.com/sms-voice/latest/userguide/configuration-sets-event-types.html";

    /** What a type means and what to do. */
    record Help(String meaning, String nextStep) {
    }

    private static final Map<String, Help> HELP = Map.ofEntries(
            Map.entry("TEXT_QUEUED", new Help("The message is queued for delivery but not delivered yet.",
                    "Wait: a final receipt usually follows within minutes (carriers may take up to 72 hours).")),
            Map.entry("TEXT_PENDING", new Help("The message is being delivered but has not been delivered (or failed) yet.",
                    "Wait for the final receipt; a message still pending after hours is flagged in Messages.")),
            Map.entry("TEXT_SUCCESSFUL", new Help("The recipient's carrier accepted the message. In some countries this is the last receipt"
                    + " (TEXT_SUCCESSFUL and TEXT_DELIVERED are used interchangeably).",
                    "Nothing to do. If the recipient says it did not arrive, check the handset (blocked senders, storage).")),
            Map.entry("TEXT_DELIVERED", new Help("The message was delivered.", "Nothing to do.")),
            Map.entry("TEXT_BLOCKED", new Help("The recipient's device or carrier is blocking messages to that recipient.",
                    "Ask the recipient whether they block texts or short codes; do not resend repeatedly.")),
            Map.entry("TEXT_TTL_EXPIRED", new Help("Delivering took longer than the time to live given when the message was sent.",
                    "Send again if the content is still useful, with a longer time to live.")),
            Map.entry("TEXT_CARRIER_UNREACHABLE", new Help("A transient error occurred on the recipient carrier's network.",
                    "Send again later; if it keeps happening for one country or carrier, contact AWS Support with the message id.")),
            Map.entry("TEXT_INVALID", new Help("The destination phone number is not valid.",
                    "Check the number with the recipient and correct or remove it.")),
            Map.entry("TEXT_INVALID_MESSAGE", new Help("The message body is not valid and cannot be delivered.",
                    "Check the body (characters, length, links) and send it again.")),
            Map.entry("TEXT_CARRIER_BLOCKED", new Help("The recipient's carrier blocked delivery, usually because it judged the message"
                    + " malicious (for example phishing) or abusive (unsolicited or prohibited content).",
                    "Review the content and the origination identity's registration before sending more.")),
            Map.entry("TEXT_UNREACHABLE", new Help("The recipient's device is not available, for example switched off or not connected to"
                    + " a mobile network.", "Send again later.")),
            Map.entry("TEXT_SPAM", new Help("The recipient's carrier found unsolicited commercial content and blocked the message.",
                    "Make sure the recipient opted in, review the content, and check the origination identity's registration.")),
            Map.entry("TEXT_UNKNOWN", new Help("The message could not be delivered for a reason no other type covers; it may be temporary"
                    + " or permanent.", "Send again once later; if it repeats, contact AWS Support with the message id.")),
            Map.entry("TEXT_PROTECT_BLOCKED", new Help("A protect configuration blocked the message.",
                    "Check the protect configuration's rules for the destination country.")));

    private EventTypeHelp() {
    }

    /** The help for a type; for a type newer than the console, a pointer to AWS's list. */
    static Help of(String type) {
        Help help = HELP.get(type);
        return help != null ? help : new Help("A receipt type this console does not know yet (newer than the console).",
                "Look it up in AWS's list of event types.");
    }

    /** "meaning Next step: …", for tooltips. */
    static String summary(String type) {
        Help help = of(type);
        return type + ": " + help.meaning() + " Next step: " + help.nextStep();
    }

    /** The meaning, the next step and the link to AWS's page (opens in a new tab), all as text. */
    static Div explain(String type) {
        Help help = of(type);
        var meaning = new Span(help.meaning());
        meaning.addClassName("event-help-meaning");
        var next = new Span("Next step: " + help.nextStep());
        next.addClassName("event-help-next");
        var link = new Anchor(AWS_EVENT_TYPES, "AWS: event types", AnchorTarget.BLANK);
        link.getElement().setAttribute("rel", "noopener noreferrer");
        link.addClassName("event-help-link");
        var box = new Div(meaning, next, link);
        box.addClassName("event-help");
        return box;
    }
}
