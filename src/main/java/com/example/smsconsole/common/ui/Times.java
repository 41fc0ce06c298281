package com.example.smsconsole.common.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/**
 * Formats times in the browser's time zone (asked once per session; UTC until the browser
 * answers), with the zone shown so a shared screenshot is unambiguous.
 */
public final class Times {

    private static final String ZONE_ATTRIBUTE = Times.class.getName() + ".zone";
    private static final String UTC_ATTRIBUTE = Times.class.getName() + ".utc";
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter DATE_TIME_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private Times() {
    }

    /** Asks the browser for its time zone; call from a view's attach. */
    public static void learnZone(UI ui) {
        VaadinSession session = ui.getSession();
        if (session == null || session.getAttribute(ZONE_ATTRIBUTE) != null) {
            return;
        }
        ui.getPage().retrieveExtendedClientDetails(details -> {
            try {
                session.setAttribute(ZONE_ATTRIBUTE, ZoneId.of(details.getTimeZoneId()));
            } catch (RuntimeException e) {
                session.setAttribute(ZONE_ATTRIBUTE, ZoneOffset.UTC);
            }
        });
    }

    /** The zone times are shown in: UTC when the user chose it for this session, else the browser's. */
    public static ZoneId zone() {
        return usesUtc() ? ZoneOffset.UTC : browserZone();
    }

    /** The browser's time zone (UTC until the browser answers). */
    public static ZoneId browserZone() {
        VaadinSession session = VaadinSession.getCurrent();
        Object zone = session == null ? null : session.getAttribute(ZONE_ATTRIBUTE);
        return zone instanceof ZoneId id ? id : ZoneOffset.UTC;
    }

    /** Shows times in UTC (true) or the browser's zone (false) for the rest of the session. */
    public static void useUtc(boolean utc) {
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null) {
            session.setAttribute(UTC_ATTRIBUTE, utc ? Boolean.TRUE : null);
        }
    }

    public static boolean usesUtc() {
        VaadinSession session = VaadinSession.getCurrent();
        return session != null && Boolean.TRUE.equals(session.getAttribute(UTC_ATTRIBUTE));
    }

    public static String format(@Nullable Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(zone()));
    }

    public static String formatMillis(@Nullable Instant instant) {
        return instant == null ? "" : DATE_TIME_MILLIS.format(instant.atZone(zone()));
    }

    /** "2 h 5 min", "45 s". */
    public static String duration(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min";
        }
        if (seconds < 86400) {
            long h = seconds / 3600;
            long m = seconds % 3600 / 60;
            return m == 0 ? h + " h" : h + " h " + m + " min";
        }
        long d = seconds / 86400;
        long h = seconds % 86400 / 3600;
        return h == 0 ? d + " d" : d + " d " + h + " h";
    }

    /** "UTC" or the zone's id, for example "Europe/Berlin". */
    public static String zoneLabel() {
        ZoneId zone = zone();
        return zone.normalized().equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    }
}
