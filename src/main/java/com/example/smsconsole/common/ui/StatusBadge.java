package com.example.smsconsole.common.ui;

import com.vaadin.flow.component.html.Span;
import java.util.Locale;

/**
 * A small coloured label for a status word. The tone (success, error, warning, pending, neutral)
 * picks the colour; the text is shown as given, so statuses newer than the SDK still show by their
 * raw name.
 */
public class StatusBadge extends Span {

    /** Colour of a badge. */
    public enum Tone {
        SUCCESS, ERROR, WARNING, PENDING, NEUTRAL
    }

    public StatusBadge(String text, Tone tone) {
        super(text);
        addClassNames("badge", "badge-" + tone.name().toLowerCase(Locale.ROOT));
        getElement().setAttribute("data-status", text);
    }
}
