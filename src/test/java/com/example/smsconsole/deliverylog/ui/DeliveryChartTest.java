package com.example.smsconsole.deliverylog.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.smsconsole.deliverylog.DeliveryLogService;
import com.vaadin.flow.dom.Element;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The chart's SVG as an element tree: receipt values are text and attribute values only, what a
 * bar counts is said as a count of a time span (not as a rate), and every time label lies inside
 * the plot's width.
 */
class DeliveryChartTest {

    private static final String MARKUP = "<img src=x onerror=\"window.__xss=1\">";
    private static final Instant START = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void an_event_type_that_is_markup_stays_text() {
        var histogram = hourly(24, Map.of(14, Map.of("TEXT_DELIVERED", 139L, MARKUP, 2L)));

        Element chart = DeliveryChart.render(histogram).getElement();

        assertThat(all(chart).filter(e -> !e.isTextNode()).map(Element::getTag)).doesNotContain("img", "script", "foreignObject", "iframe")
                .contains("svg", "rect", "title", "text");
        assertThat(all(chart).filter(Element::isTextNode).map(Element::getText)).contains(MARKUP)
                .anyMatch(t -> t.startsWith(MARKUP + ": 2 receipts in the hour from 2026-12-01 14:00"));
        // the serialised tree escapes it: no tag opens where the receipt's text is
        assertThat(chart.getOuterHTML()).doesNotContain("<img").contains("&lt;img src=x onerror=");
    }

    @Test
    void a_bar_says_how_many_receipts_in_which_span_of_time() {
        var histogram = hourly(24, Map.of(14, Map.of("TEXT_DELIVERED", 139L), 15, Map.of("TEXT_DELIVERED", 1L)));

        Element chart = DeliveryChart.render(histogram).getElement();

        assertThat(DeliveryChart.summary(histogram)).isEqualTo("140 receipts; each bar counts 1 hour");
        assertThat(all(chart).filter(e -> !e.isTextNode() && e.getTag().equals("title")).map(Element::getText))
                .containsExactly("TEXT_DELIVERED: 139 receipts in the hour from 2026-12-01 14:00 UTC",
                        "TEXT_DELIVERED: 1 receipt in the hour from 2026-12-01 15:00 UTC");
        var twoMinutes = new DeliveryLogService.Histogram(List.of(START), Duration.ofMinutes(2), Map.of(START, Map.of("TEXT_QUEUED", 6L)));
        assertThat(DeliveryChart.summary(twoMinutes)).isEqualTo("6 receipts; each bar counts 2 min");
    }

    @Test
    void every_time_label_is_centred_inside_the_plot() {
        for (int buckets : new int[] {1, 7, 24, 25, 48, 49}) {
            Element chart = DeliveryChart.render(hourly(buckets, Map.of())).getElement();
            List<Element> labels = all(chart).filter(e -> !e.isTextNode() && e.getTag().equals("text") && "middle".equals(e.getAttribute("text-anchor"))).toList();
            assertThat(labels).as("%d buckets", buckets).isNotEmpty().hasSizeLessThanOrEqualTo(8);
            for (Element label : labels) {
                double x = Double.parseDouble(label.getAttribute("x").replace("%", ""));
                assertThat(x).as("%d buckets: %s", buckets, label.getText()).isGreaterThan(0).isLessThan(100);
            }
        }
    }

    @Test
    void no_count_label_is_shown_twice() {
        for (long top : new long[] {1, 2, 3, 5, 7, 10, 20, 139, 5000}) {
            Element chart = DeliveryChart.render(hourly(3, Map.of(1, Map.of("TEXT_DELIVERED", top)))).getElement();
            List<String> counts = all(chart).filter(e -> !e.isTextNode() && e.getTag().equals("text") && "end".equals(e.getAttribute("text-anchor")))
                    .map(Element::getText).toList();
            assertThat(counts).as("top %d", top).doesNotHaveDuplicates().contains("0").hasSizeGreaterThan(1);
        }
    }

    private static DeliveryLogService.Histogram hourly(int buckets, Map<Integer, Map<String, Long>> counts) {
        List<Instant> starts = new ArrayList<>();
        Map<Instant, Map<String, Long>> byStart = new LinkedHashMap<>();
        for (int i = 0; i < buckets; i++) {
            Instant start = START.plus(Duration.ofHours(i));
            starts.add(start);
            if (counts.containsKey(i)) {
                byStart.put(start, counts.get(i));
            }
        }
        return new DeliveryLogService.Histogram(starts, Duration.ofHours(1), byStart);
    }

    private static Stream<Element> all(Element element) {
        return Stream.concat(Stream.of(element), element.getChildren().flatMap(DeliveryChartTest::all));
    }
}
