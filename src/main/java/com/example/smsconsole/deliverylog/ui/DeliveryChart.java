package com.example.smsconsole.deliverylog.ui;

import com.example.smsconsole.common.ui.Times;
import com.example.smsconsole.deliverylog.DeliveryEventTypes;
import com.example.smsconsole.deliverylog.DeliveryLogService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.Element;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Receipts per event type over time as a stacked bar chart, rendered on the server as SVG (no
 * chart library, no npm package). The SVG is built element by element; every value that comes from
 * a receipt (event types above all: any writer of the log group chooses them) goes in as text or as
 * an attribute value, never as markup.
 *
 * <p>Two SVGs side by side: the count axis at a fixed width, the plot at the width of the page with
 * its horizontal positions in percent, so text keeps its size at every window width (Flow writes
 * attribute names in lower case, so an SVG {@code viewBox} cannot be set from the server). Time
 * labels are centred on their tick and the plot keeps room on the right, so the last one is never cut.
 */
final class DeliveryChart {

    static final int HEIGHT = 260;
    private static final int AXIS_WIDTH = 56;
    private static final int BOTTOM = 28;
    private static final int TOP = 12;
    private static final DateTimeFormatter DAY_LABEL = DateTimeFormatter.ofPattern("MM-dd");
    private static final DateTimeFormatter TIME_LABEL = DateTimeFormatter.ofPattern("MM-dd HH:mm");
    private static final DateTimeFormatter BAR_START = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private DeliveryChart() {
    }

    static String color(String type) {
        return switch (type) {
            case "TEXT_DELIVERED" -> "#1a7f37";
            case "TEXT_SUCCESSFUL" -> "#58b368";
            case "TEXT_QUEUED" -> "#8fb3e8";
            case "TEXT_PENDING" -> "#c3d4f0";
            case "TEXT_BLOCKED" -> "#c92a2a";
            case "TEXT_CARRIER_BLOCKED" -> "#e8590c";
            case "TEXT_UNREACHABLE" -> "#f08c00";
            case "TEXT_CARRIER_UNREACHABLE" -> "#fab005";
            case "TEXT_INVALID" -> "#862e9c";
            case "TEXT_SPAM" -> "#a61e4d";
            case "TEXT_TTL_EXPIRED" -> "#5f3dc4";
            default -> "#868e96";
        };
    }

    /** The line above the chart: how many receipts and what one bar counts ("1,234 receipts; each bar counts 1 hour"). */
    static String summary(DeliveryLogService.Histogram histogram) {
        long sum = histogram.counts().values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum();
        return String.format(Locale.ROOT, "%,d receipt%s; each bar counts %s", sum, sum == 1 ? "" : "s", span(histogram.bucket(), true));
    }

    /** What one bar segment says on hover: "TEXT_DELIVERED: 139 receipts in the hour from 2026-12-02 14:00". */
    static String barTitle(String type, long count, Instant start, Duration bucket) {
        return String.format(Locale.ROOT, "%s: %,d receipt%s in the %s from %s %s", type, count, count == 1 ? "" : "s", span(bucket, false),
                BAR_START.format(start.atZone(Times.zone())), Times.zone().normalized().equals(ZoneOffset.UTC) ? "UTC" : Times.zoneLabel());
    }

    /** "hour", "minute", "day" for one unit, else "2 min", "6 h" ({@code counted}: "1 hour" rather than "hour"). */
    private static String span(Duration bucket, boolean counted) {
        String unit;
        if (bucket.equals(Duration.ofMinutes(1))) {
            unit = "minute";
        } else if (bucket.equals(Duration.ofHours(1))) {
            unit = "hour";
        } else if (bucket.equals(Duration.ofDays(1))) {
            unit = "day";
        } else {
            return Times.duration(bucket);
        }
        return counted ? "1 " + unit : unit;
    }

    static Component render(DeliveryLogService.Histogram histogram) {
        List<Instant> starts = histogram.bucketStarts();
        Map<Instant, Map<String, Long>> counts = histogram.counts();
        Set<String> types = new LinkedHashSet<>();
        DeliveryEventTypes.ALL.forEach(t -> {
            if (counts.values().stream().anyMatch(m -> m.containsKey(t))) {
                types.add(t);
            }
        });
        counts.values().forEach(m -> types.addAll(m.keySet()));
        long max = 1;
        for (Map<String, Long> bucket : counts.values()) {
            max = Math.max(max, bucket.values().stream().mapToLong(Long::longValue).sum());
        }
        max = niceCeiling(max);
        int plotHeight = HEIGHT - TOP - BOTTOM;

        Element axis = svg("delivery-chart-axis");
        axis.setAttribute("width", String.valueOf(AXIS_WIDTH));
        axis.setAttribute("aria-hidden", "true");
        Element plot = svg("delivery-chart");
        plot.setAttribute("width", "100%");
        plot.setAttribute("role", "img");
        plot.setAttribute("aria-label", "Receipts per event type over time");
        // steps that divide the top exactly, so no count label is shown twice (0, 1, 1, 2)
        int steps = max % 4 == 0 ? 4 : max % 5 == 0 ? 5 : max % 2 == 0 ? 2 : 1;
        for (int i = 0; i <= steps; i++) {
            String y = number(TOP + plotHeight - plotHeight * (double) i / steps);
            plot.appendChild(svgChild("line", "grid-line", "x1", "0", "y1", y, "x2", "100%", "y2", y));
            Element label = svgChild("text", "axis-label", "x", String.valueOf(AXIS_WIDTH - 6),
                    "y", number(TOP + plotHeight - plotHeight * (double) i / steps + 4), "text-anchor", "end");
            label.setText(compact(max * i / steps));
            axis.appendChild(label);
        }
        DateTimeFormatter labelFormat = histogram.bucket().compareTo(Duration.ofHours(12)) >= 0 ? DAY_LABEL : TIME_LABEL;
        int labelEvery = Math.max(1, (starts.size() + 7) / 8);
        double barWidth = starts.isEmpty() ? 0 : 100.0 / starts.size();
        for (int i = 0; i < starts.size(); i++) {
            Instant start = starts.get(i);
            double x = i * barWidth;
            double y = TOP + plotHeight;
            Map<String, Long> bucket = counts.getOrDefault(start, Map.of());
            for (String type : types) {
                long n = bucket.getOrDefault(type, 0L);
                if (n == 0) {
                    continue;
                }
                double h = plotHeight * (double) n / max;
                y -= h;
                Element bar = svgChild("rect", null, "x", percent(x + barWidth * 0.06), "y", number(y), "width", percent(barWidth * 0.88),
                        "height", number(Math.max(0.5, h)), "fill", color(type));
                bar.setAttribute("data-type", type);
                Element title = new Element("title");
                title.setText(barTitle(type, n, start, histogram.bucket()));
                bar.appendChild(title);
                plot.appendChild(bar);
            }
            if (i % labelEvery == 0) {
                String tickX = percent(x + barWidth / 2);
                plot.appendChild(svgChild("line", "tick", "x1", tickX, "y1", String.valueOf(TOP + plotHeight), "x2", tickX,
                        "y2", String.valueOf(TOP + plotHeight + 4)));
                Element label = svgChild("text", "axis-label", "x", tickX, "y", String.valueOf(HEIGHT - 8), "text-anchor", "middle");
                label.setText(labelFormat.format(start.atZone(Times.zone())));
                plot.appendChild(label);
            }
        }

        var legend = new Div();
        legend.addClassName("chart-legend");
        for (String type : types) {
            var swatch = new Element("i");
            swatch.getStyle().set("background", color(type));
            var entry = new Span();
            entry.getElement().appendChild(swatch);
            entry.getElement().appendChild(Element.createText(type));
            legend.add(entry);
        }
        var plots = new Div();
        plots.addClassName("delivery-chart-plots");
        plots.getElement().appendChild(axis, plot);
        var box = new Div(plots, legend);
        box.addClassName("delivery-chart-box");
        return box;
    }

    private static Element svg(String className) {
        Element svg = new Element("svg");
        svg.setAttribute("height", String.valueOf(HEIGHT));
        svg.getClassList().add(className);
        return svg;
    }

    /** An SVG child element with the given attribute names and values (constants and numbers only). */
    private static Element svgChild(String tag, @Nullable String className, String... attributes) {
        Element element = new Element(tag);
        if (className != null) {
            element.getClassList().add(className);
        }
        for (int i = 0; i < attributes.length; i += 2) {
            element.setAttribute(attributes[i], attributes[i + 1]);
        }
        return element;
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.3f%%", value);
    }

    static long niceCeiling(long value) {
        long magnitude = 1;
        while (magnitude * 10 <= value) {
            magnitude *= 10;
        }
        for (long step : new long[] {1, 2, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return value;
    }

    static String compact(long n) {
        if (n >= 1_000_000) {
            return (n % 1_000_000 == 0 ? String.valueOf(n / 1_000_000) : String.format(Locale.ROOT, "%.1f", n / 1e6)) + "M";
        }
        if (n >= 1000) {
            return (n % 1000 == 0 ? String.valueOf(n / 1000) : String.format(Locale.ROOT, "%.1f", n / 1e3)) + "k";
        }
        return String.valueOf(n);
    }
}
