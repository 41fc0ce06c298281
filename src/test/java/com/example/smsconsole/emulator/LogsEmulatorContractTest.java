package com.example.smsconsole.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.CloudWatchLogsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.OrderBy;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/** CloudWatch Logs through the real SDK client: groups, streams, PutLogEvents rules, Get and FilterLogEvents. */
class LogsEmulatorContractTest {

    static final String GROUP = "/test/receipts";

    EmulatorFixture fixture;
    CloudWatchLogsClient logs;
    long base;

    @BeforeEach
    void start() {
        fixture = new EmulatorFixture(Map.of());
        logs = fixture.logs;
        base = System.currentTimeMillis() - 3_600_000;
        logs.createLogGroup(b -> b.logGroupName(GROUP));
        logs.createLogStream(b -> b.logGroupName(GROUP).logStreamName("a"));
        logs.createLogStream(b -> b.logGroupName(GROUP).logStreamName("b"));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void groups_and_streams_are_created_described_and_refused_twice() {
        assertThatThrownBy(() -> logs.createLogGroup(b -> b.logGroupName(GROUP))).isInstanceOf(ResourceAlreadyExistsException.class);
        assertThatThrownBy(() -> logs.createLogStream(b -> b.logGroupName(GROUP).logStreamName("a"))).isInstanceOf(ResourceAlreadyExistsException.class);
        assertThatThrownBy(() -> logs.createLogStream(b -> b.logGroupName("/missing").logStreamName("a"))).isInstanceOf(ResourceNotFoundException.class);
        var groups = logs.describeLogGroups(b -> b.logGroupNamePrefix("/test")).logGroups();
        assertThat(groups).singleElement().satisfies(g -> {
            assertThat(g.logGroupName()).isEqualTo(GROUP);
            assertThat(g.arn()).endsWith(":log-group:" + GROUP + ":*");
            assertThat(g.logGroupArn()).endsWith(":log-group:" + GROUP);
        });
        assertThat(logs.describeLogGroups(b -> b.logGroupNamePattern("TEST/REC")).logGroups()).hasSize(1);
        assertThat(logs.describeLogGroups(b -> {}).logGroups()).extracting(g -> g.logGroupName())
                .containsExactly(EmulatorFixture.LOG_GROUP, GROUP);
        put("b", List.of(event(base, "later")));
        assertThat(logs.describeLogStreams(b -> b.logGroupName(GROUP).orderBy(OrderBy.LAST_EVENT_TIME).descending(true)).logStreams())
                .extracting(s -> s.logStreamName()).containsExactly("b", "a");
        logs.putRetentionPolicy(b -> b.logGroupName(GROUP).retentionInDays(30));
        assertThat(logs.describeLogGroups(b -> b.logGroupNamePrefix(GROUP)).logGroups().getFirst().retentionInDays()).isEqualTo(30);
        assertThatThrownBy(() -> logs.putRetentionPolicy(b -> b.logGroupName(GROUP).retentionInDays(31))).isInstanceOf(InvalidParameterException.class);
        logs.deleteLogGroup(b -> b.logGroupName(GROUP));
        assertThatThrownBy(() -> logs.filterLogEvents(b -> b.logGroupName(GROUP))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void put_log_events_follows_the_batch_rules() {
        assertThatThrownBy(() -> put("a", List.of(event(base + 10, "x"), event(base, "y"))))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.getMessage()).contains("chronological"));
        assertThatThrownBy(() -> put("missing", List.of(event(base, "x")))).isInstanceOf(ResourceNotFoundException.class);
        String big = "x".repeat(100_000);
        List<InputLogEvent> tooBig = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            tooBig.add(event(base + i, big));
        }
        assertThatThrownBy(() -> put("a", tooBig)).isInstanceOf(InvalidParameterException.class);
        long now = System.currentTimeMillis();
        assertThatThrownBy(() -> put("a", List.of(event(now - 2 * 86_400_000L, "x"), event(now, "y"))))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.getMessage()).contains("24 hours"));
        var old = logs.putLogEvents(b -> b.logGroupName(GROUP).logStreamName("a").logEvents(
                event(now - 15L * 86_400_000 - 1000, "too old"), event(now - 15L * 86_400_000, "too old too")));
        assertThat(old.rejectedLogEventsInfo().tooOldLogEventEndIndex()).isEqualTo(1);
        var response = logs.putLogEvents(b -> b.logGroupName(GROUP).logStreamName("a").logEvents(
                event(now, "fine"), event(now + 3 * 3_600_000, "too new")));
        assertThat(response.rejectedLogEventsInfo().tooNewLogEventStartIndex()).isEqualTo(1);
        assertThat(messages(logs.filterLogEvents(b -> b.logGroupName(GROUP)).events())).containsExactly("fine");
    }

    @Test
    void filter_log_events_pages_through_every_event_once_in_time_order() {
        for (int batch = 0; batch < 5; batch++) {
            List<InputLogEvent> events = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                events.add(event(base + batch * 1000L + i, "{\"n\":" + (batch * 1000 + i) + "}"));
            }
            put(batch % 2 == 0 ? "a" : "b", events);
        }
        List<FilteredLogEvent> all = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String current = token;
            FilterLogEventsResponse page = logs.filterLogEvents(b -> b.logGroupName(GROUP).limit(700).nextToken(current));
            all.addAll(page.events());
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertThat(pages).isEqualTo(8);
        assertThat(all).hasSize(5000);
        assertThat(all).extracting(FilteredLogEvent::eventId).doesNotHaveDuplicates().allMatch(id -> id.matches("\\d{56}"));
        assertThat(all).extracting(FilteredLogEvent::timestamp).isSorted();
        assertThat(all.getFirst().logStreamName()).isEqualTo("a");
        assertThat(all.get(1000).logStreamName()).isEqualTo("b");

        var window = logs.filterLogEventsPaginator(b -> b.logGroupName(GROUP).startTime(base + 100).endTime(base + 199)).events().stream().toList();
        assertThat(window).hasSize(100);
        assertThat(logs.filterLogEventsPaginator(b -> b.logGroupName(GROUP).logStreamNames("b")).events().stream().count()).isEqualTo(2000);
        assertThat(logs.filterLogEventsPaginator(b -> b.logGroupName(GROUP).logStreamNamePrefix("a")).events().stream().count()).isEqualTo(3000);
        assertThat(logs.filterLogEventsPaginator(b -> b.logGroupName(GROUP).filterPattern("{ $.n >= 4990 }")).events().stream()
                .map(FilteredLogEvent::message)).containsExactly(java.util.stream.IntStream.range(4990, 5000).mapToObj(i -> "{\"n\":" + i + "}").toArray(String[]::new));
    }

    @Test
    void a_page_holds_at_most_about_one_megabyte() {
        String payload = "y".repeat(100_000);
        for (int i = 0; i < 3; i++) {
            int offset = i * 8;
            List<InputLogEvent> events = new ArrayList<>();
            for (int j = 0; j < 8; j++) {
                events.add(event(base + offset + j, payload + (offset + j)));
            }
            put("a", events);
        }
        FilterLogEventsResponse first = logs.filterLogEvents(b -> b.logGroupName(GROUP));
        assertThat(first.events()).hasSizeLessThanOrEqualTo(10).hasSizeGreaterThan(5);
        assertThat(first.nextToken()).isNotNull();
        assertThat(logs.filterLogEventsPaginator(b -> b.logGroupName(GROUP)).events().stream().count()).isEqualTo(24);
    }

    @Test
    void filter_patterns_for_what_support_needs() {
        put("a", List.of(
                event(base, "{\"eventType\":\"TEXT_QUEUED\",\"destinationPhoneNumber\":\"+14254147755\",\"isFinal\":false,\"totalMessagePrice\":0.0058}"),
                event(base + 1, "{\"eventType\":\"TEXT_DELIVERED\",\"destinationPhoneNumber\":\"+14254147755\",\"isFinal\":true,\"totalMessagePrice\":0.0058}"),
                event(base + 2, "{\"eventType\":\"TEXT_BLOCKED\",\"destinationPhoneNumber\":\"+14254147167\",\"isFinal\":true,\"totalMessagePrice\":0.0116}"),
                event(base + 3, "{\"eventType\":\"TEXT_DELIVERED\",\"destinationPhoneNumber\":\"+447860019066\",\"isFinal\":true,\"totalMessagePrice\":0.0388}"),
                event(base + 4, "plain ERROR line with Exception"),
                event(base + 5, "plain WARN line")));
        assertThat(filter("{ $.eventType = \"TEXT_DELIVERED\" }")).hasSize(2);
        assertThat(filter("{ $.destinationPhoneNumber = \"+1425*\" }")).hasSize(3);
        assertThat(filter("{ $.eventType = \"TEXT_DELIVERED\" && $.destinationPhoneNumber = \"+44*\" }")).hasSize(1);
        assertThat(filter("{ $.eventType = \"TEXT_BLOCKED\" || $.eventType = \"TEXT_QUEUED\" }")).hasSize(2);
        assertThat(filter("{ $.totalMessagePrice > 0.01 }")).hasSize(2);
        assertThat(filter("{ $.isFinal IS TRUE && $.eventType != \"TEXT_BLOCKED\" }")).hasSize(2);
        assertThat(filter("{ $.carrierName NOT EXISTS }")).hasSize(4);
        assertThat(filter("ERROR Exception")).hasSize(1);
        assertThat(filter("?ERROR ?WARN")).hasSize(2);
        assertThat(filter("plain -ERROR")).hasSize(1);
        assertThat(filter("\"WARN line\"")).hasSize(1);
        assertThat(filter("TEXT_DELIVERED")).hasSize(2);
        assertThat(filter("%TEXT_BLOCKED|TEXT_QUEUED%")).hasSize(2);
        assertThat(filter("[w1=plain, w2 = ERROR* || w2 = WARN*]")).hasSize(2);
        assertThat(filter("[level, line, ...]")).as("two fields or more: the plain lines").hasSize(2);
        // FilterLogEvents' messages, as AWS answered them (see FilterPatternTest)
        assertThatThrownBy(() -> filter("{ $.eventType = }"))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Invalid filter pattern"));
        assertThatThrownBy(() -> filter("%TEXT_(BLOCKED|QUEUED)%"))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Invalid character(s) in term '%TEXT_('"));
        assertThatThrownBy(() -> filter("{ $.a = %a% || $.a = %b% || $.a = %c% }"))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Your input has exceeded the maximum of 2 regular expressions per filter pattern."));
    }

    @Test
    void a_scan_budget_gives_partial_pages_and_a_quota_gives_throttling() {
        fixture.close();
        fixture = new EmulatorFixture(Map.of("app.emulator.logs.filter-scan-limit", "100", "app.emulator.logs.filter-calls-per-second", "1000"));
        logs = fixture.logs;
        logs.createLogGroup(b -> b.logGroupName(GROUP));
        logs.createLogStream(b -> b.logGroupName(GROUP).logStreamName("a"));
        List<InputLogEvent> events = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            events.add(event(base + i, i == 950 ? "needle" : "hay " + i));
        }
        put("a", events);
        FilterLogEventsResponse first = logs.filterLogEvents(b -> b.logGroupName(GROUP).filterPattern("needle"));
        assertThat(first.events()).isEmpty();
        assertThat(first.nextToken()).as("partial page, more to scan").isNotNull();
        assertThat(logs.filterLogEventsPaginator(b -> b.logGroupName(GROUP).filterPattern("needle")).events().stream().map(FilteredLogEvent::message))
                .containsExactly("needle");

        fixture.close();
        fixture = new EmulatorFixture(Map.of("app.emulator.logs.filter-calls-per-second", "2"));
        logs = fixture.logsClient("local", "local", 1);
        assertThatThrownBy(() -> {
            for (int i = 0; i < 10; i++) {
                logs.filterLogEvents(b -> b.logGroupName(EmulatorFixture.LOG_GROUP));
            }
        }).isInstanceOfSatisfying(CloudWatchLogsException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException"));
        logs.close();
    }

    @Test
    void get_log_events_reads_one_stream_from_head_or_tail() {
        List<InputLogEvent> events = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            events.add(event(base + i, "m" + i));
        }
        put("a", events);
        put("b", List.of(event(base + 100, "other stream")));
        var head = logs.getLogEvents(b -> b.logGroupName(GROUP).logStreamName("a").startFromHead(true).limit(10));
        assertThat(head.events()).extracting(e -> e.message()).startsWith("m0", "m1").hasSize(10);
        var next = logs.getLogEvents(b -> b.logGroupName(GROUP).logStreamName("a").limit(10).nextToken(head.nextForwardToken()));
        assertThat(next.events()).extracting(e -> e.message()).startsWith("m10").hasSize(10);
        var tail = logs.getLogEvents(b -> b.logGroupName(GROUP).logStreamName("a").limit(5));
        assertThat(tail.events()).extracting(e -> e.message()).containsExactly("m25", "m26", "m27", "m28", "m29");
        assertThatThrownBy(() -> logs.getLogEvents(b -> b.logGroupName(GROUP).logStreamName("nope"))).isInstanceOf(ResourceNotFoundException.class);
    }

    private List<String> filter(String pattern) {
        return messages(logs.filterLogEventsPaginator(b -> b.logGroupName(GROUP).filterPattern(pattern)).events().stream().toList());
    }

    private static List<String> messages(List<FilteredLogEvent> events) {
        return events.stream().map(FilteredLogEvent::message).toList();
    }

    private void put(String stream, List<InputLogEvent> events) {
        logs.putLogEvents(b -> b.logGroupName(GROUP).logStreamName(stream).logEvents(events));
    }

    private static InputLogEvent event(long timestamp, String message) {
        return InputLogEvent.builder().timestamp(timestamp).message(message).build();
    }
}
