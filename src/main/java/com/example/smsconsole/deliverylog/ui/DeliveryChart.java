package com.example.smsconsole.deliverylog.ui;

import com.example.smsconsole.common.ui.Times;
import com.example.smsconsole.deliverylog.DeliveryEventTypes;
import com.example.smsconsole.deliverylog.DeliveryLogService;
import com.vaadin.flow.component.Html;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Receipts per event type over time as a stacked bar chart, rendered on the server as SVG (no
 * chart library, no npm package).
 */
final class DeliveryChart {

    private static final int WIDTH = 960;
    private static final int HEIGHT = 260;
    private static final int LEFT = 56;
    private static final int BOTTOM = 28;
    private static final int TOP = 12;

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

    static Html render(DeliveryLogService.Histogram histogram) {
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
        int plotWidth = WIDTH - LEFT - 8;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        double barWidth = starts.isEmpty() ? 0 : (double) plotWidth / starts.size();
        var svg = new StringBuilder();
        svg.append("<svg xmlns='http://www.w3.org/2000/svg' class='delivery-chart' viewBox='0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("' role='img' aria-label='Receipts per event type over time'>");
        for (int i = 0; i <= 4; i++) {
            double y = TOP + plotHeight - plotHeight * i / 4.0;
            svg.append(String.format(Locale.ROOT, "<line x1='%d' y1='%.1f' x2='%d' y2='%.1f' class='grid-line'/>", LEFT, y, WIDTH - 8, y));
            svg.append(String.format(Locale.ROOT, "<text x='%d' y='%.1f' class='axis-label' text-anchor='end'>%s</text>", LEFT - 6, y + 4,
                    compact(max * i / 4)));
        }
        DateTimeFormatter label = histogram.bucket().compareTo(Duration.ofHours(12)) >= 0 ? DateTimeFormatter.ofPattern("MM-dd")
                : DateTimeFormatter.ofPattern("MM-dd HH:mm");
        int labelEvery = Math.max(1, starts.size() / 8);
        for (int i = 0; i < starts.size(); i++) {
            Instant start = starts.get(i);
            double x = LEFT + i * barWidth;
            double y = TOP + plotHeight;
            Map<String, Long> bucket = counts.getOrDefault(start, Map.of());
            for (String type : types) {
                long n = bucket.getOrDefault(type, 0L);
                if (n == 0) {
                    continue;
                }
                double h = plotHeight * (double) n / max;
                y -= h;
                svg.append(String.format(Locale.ROOT, "<rect x='%.1f' y='%.1f' width='%.1f' height='%.1f' fill='%s'><title>%s %s: %d</title></rect>",
                        x + 0.5, y, Math.max(0.5, barWidth - 1), h, color(type), Times.format(start), type, n));
            }
            if (i % labelEvery == 0) {
                svg.append(String.format(Locale.ROOT, "<text x='%.1f' y='%d' class='axis-label'>%s</text>", x, HEIGHT - 8,
                        label.format(start.atZone(Times.zone()))));
            }
        }
        svg.append("</svg>");
        var legend = new StringBuilder("<div class='chart-legend'>");
        for (String type : types) {
            legend.append("<span><i style='background:").append(color(type)).append("'></i>").append(type).append("</span>");
        }
        legend.append("</div>");
        return new Html("<div class='delivery-chart-box'>" + svg + legend + "</div>");
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
