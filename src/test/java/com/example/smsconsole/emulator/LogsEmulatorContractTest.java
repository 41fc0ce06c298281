package com.example.smsconsole.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.CloudWatchLogsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.MalformedQueryException;
import software.amazon.awssdk.services.cloudwatchlogs.model.OrderBy;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.QueryStatus;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResultField;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * CloudWatch Logs through the real SDK client (and boto3 for Logs Insights): groups, streams,
 * PutLogEvents rules, Get and FilterLogEvents, StartQuery/GetQueryResults/StopQuery.
 */
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

    @Test
    void an_index_built_by_one_search_sees_events_written_after_it() {
        put("a", List.of(event(base, "{\"eventType\":\"TEXT_QUEUED\"}"), event(base + 10, "{\"eventType\":\"TEXT_DELIVERED\"}")));
        assertThat(filter("{ $.eventType = \"TEXT_DELIVERED\" }")).hasSize(1);
        put("b", List.of(event(base + 5, "{\"eventType\":\"TEXT_DELIVERED\",\"n\":2}"), event(base + 20, "not json")));
        assertThat(filter("{ $.eventType = \"TEXT_DELIVERED\" }")).containsExactly("{\"eventType\":\"TEXT_DELIVERED\",\"n\":2}",
                "{\"eventType\":\"TEXT_DELIVERED\"}");
        assertThat(filter("{ $.eventType NOT EXISTS }")).as("a message that is not JSON matches no JSON pattern").isEmpty();
    }

    @Test
    void messages_come_back_exactly_as_written() {
        String odd = "tab\there \"quoted\" back\\slash \u0001\u001f newline\n unicode \u00e9\u20ac\ud83d\ude00 </script>";
        put("a", List.of(event(base, odd), event(base + 1, "{\"k\":\"v\\\"w\"}")));
        assertThat(messages(logs.filterLogEvents(b -> b.logGroupName(GROUP)).events())).containsExactly(odd, "{\"k\":\"v\\\"w\"}");
        assertThat(filter("{ $.k = \"v\\\"w\" }")).as("an escaped quote inside a JSON value").hasSize(1);
    }

    /** Receipts in the event format of End User Messaging SMS (reference/aws-sms-api.md section 6). */
    private void putReceipts() {
        put("a", List.of(
                event(base, receipt("TEXT_QUEUED", "+14254147755", "m-1", "o-1", false, 0.00581)),
                event(base + 1000, receipt("TEXT_SUCCESSFUL", "+14254147755", "m-1", "o-1", false, 0.00581)),
                event(base + 2000, receipt("TEXT_DELIVERED", "+14254147755", "m-1", "o-1", true, 0.00581)),
                event(base + 3000, receipt("TEXT_QUEUED", "+447860019066", "m-2", "o-2", false, 0.0388)),
                event(base + 4000, receipt("TEXT_BLOCKED", "+447860019066", "m-2", "o-2", true, 0.0388)),
                event(base + 5000, "plain text line")));
        put("b", List.of(event(base + 6000, receipt("TEXT_DELIVERED", "+12065550100", "m-3", "o-3", true, 0.00581))));
    }

    private static String receipt(String type, String number, String id, String order, boolean isFinal, double price) {
        return "{\"eventType\":\"" + type + "\",\"destinationPhoneNumber\":\"" + number + "\",\"messageId\":\"" + id + "\",\"isFinal\":" + isFinal
                + ",\"totalMessagePrice\":" + price + ",\"context\":{\"orderId\":\"" + order + "\"}}";
    }

    private GetQueryResultsResponse query(String queryString) {
        String id = logs.startQuery(b -> b.logGroupName(GROUP).startTime(base / 1000 - 60).endTime(base / 1000 + 60).queryString(queryString)).queryId();
        GetQueryResultsResponse first = logs.getQueryResults(b -> b.queryId(id));
        assertThat(first.status()).as("a query runs a while before it completes").isIn(QueryStatus.SCHEDULED, QueryStatus.RUNNING);
        fixture.emulator.clock().advance(Duration.ofSeconds(1));
        GetQueryResultsResponse done = logs.getQueryResults(b -> b.queryId(id));
        assertThat(done.status()).isEqualTo(QueryStatus.COMPLETE);
        return done;
    }

    private static List<Map<String, String>> rows(GetQueryResultsResponse response) {
        return response.results().stream().map(row -> {
            Map<String, String> fields = new java.util.LinkedHashMap<>();
            for (ResultField f : row) {
                fields.put(f.field(), f.value());
            }
            return fields;
        }).toList();
    }

    @Test
    void insights_queries_fields_filter_sort_and_limit_over_receipts() {
        putReceipts();
        GetQueryResultsResponse delivered = query("fields @timestamp, eventType, destinationPhoneNumber, context.orderId, isFinal, @logStream, @log"
                + " | filter eventType = \"TEXT_DELIVERED\" | sort @timestamp desc | limit 10");
        List<Map<String, String>> rows = rows(delivered);
        assertThat(rows).extracting(r -> r.get("context.orderId")).containsExactly("o-3", "o-1");
        assertThat(rows.getFirst()).containsEntry("eventType", "TEXT_DELIVERED").containsEntry("isFinal", "1").containsEntry("@logStream", "b")
                .containsEntry("@log", "000000000000:" + GROUP).containsKey("@ptr");
        assertThat(rows.getFirst().get("@timestamp")).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3}");
        assertThat(delivered.results().getFirst()).extracting(ResultField::field)
                .containsExactly("@timestamp", "eventType", "destinationPhoneNumber", "context.orderId", "isFinal", "@logStream", "@log", "@ptr");
        assertThat(delivered.statistics().recordsMatched()).isEqualTo(2.0);
        assertThat(delivered.statistics().recordsScanned()).isEqualTo(7.0);

        assertThat(rows(query("fields messageId | filter destinationPhoneNumber like \"+1425\" and isFinal = 1")))
                .extracting(r -> r.get("messageId")).containsExactly("m-1");
        assertThat(rows(query("fields eventType | filter eventType in [\"TEXT_BLOCKED\", \"TEXT_QUEUED\"] | sort eventType asc")))
                .extracting(r -> r.get("eventType")).containsExactly("TEXT_BLOCKED", "TEXT_QUEUED", "TEXT_QUEUED");
        assertThat(rows(query("fields messageId | filter eventType like /^TEXT_(DELIVERED|BLOCKED)$/ and not destinationPhoneNumber like \"+44\""
                + " or totalMessagePrice > 0.03 and eventType != \"TEXT_QUEUED\" | sort messageId")))
                .extracting(r -> r.get("messageId")).containsExactly("m-1", "m-2", "m-3");
        assertThat(rows(query("filter @message like \"plain\""))).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("@message", "plain text line").containsKeys("@timestamp", "@ptr"));
    }

    @Test
    void insights_stats_count_by_a_field() {
        putReceipts();
        GetQueryResultsResponse counts = query("filter eventType like \"TEXT\" | stats count(*) by eventType | sort eventType");
        assertThat(counts.results()).allSatisfy(row -> assertThat(row).extracting(ResultField::field).containsExactly("eventType", "count(*)"));
        assertThat(rows(counts)).extracting(r -> r.get("eventType") + "=" + r.get("count(*)"))
                .containsExactly("TEXT_BLOCKED=1", "TEXT_DELIVERED=2", "TEXT_QUEUED=2", "TEXT_SUCCESSFUL=1");
        assertThat(counts.statistics().recordsMatched()).isEqualTo(6.0);
        assertThat(rows(query("stats count(*) as receipts, count(context.orderId) by destinationPhoneNumber | sort receipts desc | limit 1")))
                .containsExactly(Map.of("destinationPhoneNumber", "+14254147755", "receipts", "3", "count(context.orderId)", "3"));
    }

    @Test
    void insights_refuses_what_it_cannot_run_and_stops_running_queries() {
        putReceipts();
        assertThatThrownBy(() -> logs.startQuery(b -> b.logGroupName(GROUP).startTime(0L).endTime(base / 1000)
                .queryString("fields @message | parse @message \"* *\" as a, b")))
                .isInstanceOfSatisfying(MalformedQueryException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MalformedQueryException");
                    assertThat(e.queryCompileError().message()).contains("parse");
                    assertThat(e.queryCompileError().location().startCharOffset()).isEqualTo(18);
                });
        assertThatThrownBy(() -> logs.startQuery(b -> b.logGroupName(GROUP).startTime(0L).endTime(1L).queryString("fields @message | bogus")))
                .isInstanceOf(MalformedQueryException.class);
        assertThatThrownBy(() -> logs.startQuery(b -> b.logGroupName("/missing").startTime(0L).endTime(1L).queryString("fields @message")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Log group '/missing' does not exist for account ID '000000000000'"));
        assertThatThrownBy(() -> logs.startQuery(b -> b.startTime(0L).endTime(1L).queryString("fields @message")))
                .isInstanceOf(InvalidParameterException.class);

        String id = logs.startQuery(b -> b.logGroupName(GROUP).startTime(0L).endTime(base / 1000 + 60).queryString("fields @message")).queryId();
        assertThat(logs.stopQuery(b -> b.queryId(id)).success()).isTrue();
        fixture.emulator.clock().advance(Duration.ofSeconds(1));
        assertThat(logs.getQueryResults(b -> b.queryId(id)).status()).isEqualTo(QueryStatus.CANCELLED);
        assertThatThrownBy(() -> logs.stopQuery(b -> b.queryId(id))).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> logs.getQueryResults(b -> b.queryId("no-such-query"))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void boto3_runs_insights_queries_too() throws Exception {
        putReceipts();
        String script = """
                import boto3, botocore.exceptions, json, sys, time
                logs = boto3.client("logs", endpoint_url=sys.argv[1], region_name="us-east-1", aws_access_key_id="local", aws_secret_access_key="local")
                start, end = int(sys.argv[3]), int(sys.argv[4])
                qid = logs.start_query(logGroupName=sys.argv[2], startTime=start, endTime=end,
                                       queryString="filter eventType like 'TEXT_' | stats count(*) by eventType | sort eventType")["queryId"]
                running = logs.start_query(logGroupName=sys.argv[2], startTime=start, endTime=end, queryString="fields @message")["queryId"]
                stopped = logs.stop_query(queryId=running)
                cancelled = logs.get_query_results(queryId=running)["status"]
                while True:
                    answer = logs.get_query_results(queryId=qid)
                    if answer["status"] not in ("Scheduled", "Running"):
                        break
                    time.sleep(0.1)
                try:
                    logs.stop_query(queryId=qid)
                    stop_ended = None
                except botocore.exceptions.ClientError as e:
                    stop_ended = {"code": e.response["Error"]["Code"], "status": e.response["ResponseMetadata"]["HTTPStatusCode"]}
                try:
                    logs.start_query(logGroupName=sys.argv[2], startTime=start, endTime=end, queryString="fields @message | dedup @message")
                    error = None
                except logs.exceptions.MalformedQueryException as e:
                    error = {"code": e.response["Error"]["Code"], "compile": e.response.get("queryCompileError")}
                print(json.dumps({"status": answer["status"], "results": answer["results"], "statistics": answer["statistics"], "error": error,
                                  "stopped": stopped.get("success"), "cancelled": cancelled, "stop_ended": stop_ended}))
                """;
        Path file = Files.createTempFile(fixture.dataDir, "insights", ".py");
        Files.writeString(file, script);
        JsonNode out = python(file, fixture.endpoint().toString(), GROUP, String.valueOf(base / 1000 - 60), String.valueOf(base / 1000 + 60));
        assertThat(out.path("status").asString()).isEqualTo("Complete");
        List<String> rows = new ArrayList<>();
        for (JsonNode row : out.path("results")) {
            rows.add(row.get(0).path("field").asString() + ":" + row.get(0).path("value").asString() + " " + row.get(1).path("value").asString());
        }
        assertThat(rows).containsExactly("eventType:TEXT_BLOCKED 1", "eventType:TEXT_DELIVERED 2", "eventType:TEXT_QUEUED 2", "eventType:TEXT_SUCCESSFUL 1");
        assertThat(out.path("statistics").path("recordsScanned").asDouble()).isEqualTo(7.0);
        assertThat(out.path("error").path("code").asString()).isEqualTo("MalformedQueryException");
        assertThat(out.path("error").path("compile").path("message").asString()).contains("dedup");
        // StopQuery (API reference): "success: This is true if the query was stopped"; "If the query has already ended,
        // the operation returns an error indicating that the specified query is not running" (a 400 from the model's errors)
        assertThat(out.path("stopped").asBoolean()).as(out.toString()).isTrue();
        assertThat(out.path("cancelled").asString()).isEqualTo("Cancelled");
        assertThat(out.path("stop_ended").path("code").asString()).isEqualTo("InvalidParameterException");
        assertThat(out.path("stop_ended").path("status").asInt()).isEqualTo(400);
    }

    private static JsonNode python(Path script, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(System.getenv().getOrDefault("PYTHON", "python3"), script.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(err).isZero();
        return JsonMapper.builder().build().readTree(out);
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
