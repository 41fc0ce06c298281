package com.example.smsconsole.emulator.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Logs Insights query language against AWS's pages (CWL_QuerySyntax-Sort, CWL_QuerySyntax). */
class InsightsQueryTest {

    /** The ascending order the sort page shows ("the following is the result of a sort in ascending order"). */
    static final List<String> SORT_PAGE = List.of("!:", "#", "*%04", "0#", "5A", "111A", "2345_", "@", "@_", "A", "A9876fghj", "a12345hfh",
            "0", "1", "2", "3");

    @Test
    void sort_orders_values_as_the_sort_page_shows() {
        List<String> shuffled = new ArrayList<>(SORT_PAGE);
        Collections.shuffle(shuffled, new Random(7));
        shuffled.sort(InsightsQuery.NATURAL);
        assertThat(shuffled).containsExactlyElementsOf(SORT_PAGE);
        shuffled.sort(InsightsQuery.NATURAL.reversed());
        assertThat(shuffled).containsExactlyElementsOf(SORT_PAGE.reversed());
    }

    @Test
    void the_pages_example_queries_parse() {
        for (String query : List.of(
                "fields f1, f2, f3 | filter (duration>2000)",
                "fields f1, f2 | filter (f1=10 or f3>25)",
                "fields f1 | filter statusCode like /2\\d\\d/",
                "fields f1, f2, f3 | sort f1 desc",
                "fields f1, f2 | sort @timestamp desc | limit 25",
                "fields f1, f2, f3 | filter f1 like /Exception/",
                "fields f1, f2, f3 | filter f1 =~ /Exception/",
                "fields f1, f2, f3 | filter f1 like \"Exception\"",
                "fields f1, f2, f3 | filter f1 like /(?i)Exception/",
                "fields `foo-bar`, action",
                "stats count(*) by @logStream")) {
            InsightsQuery.parse(query);
        }
    }

    @Test
    void what_the_emulator_does_not_run_is_a_malformed_query_not_a_wrong_answer() {
        for (String query : List.of("", "fields @message | parse @message \"* *\" as a, b", "stats avg(f1) by f2", "fields abs(f3-f4)",
                "fields @message | dedup @message", "filter f1 like", "fields f1 | limit 0", "sort", "fields @message as m")) {
            assertThatThrownBy(() -> InsightsQuery.parse(query)).as(query).isInstanceOf(InsightsQuery.Malformed.class);
        }
    }
}
