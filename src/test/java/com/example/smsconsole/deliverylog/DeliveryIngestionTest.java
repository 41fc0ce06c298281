package com.example.smsconsole.deliverylog;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.smsconsole.common.SmsResources;
import com.example.smsconsole.deliverylog.repository.DeliveryQueries;
import com.example.smsconsole.deliverylog.repository.DeliveryStore;
import com.example.smsconsole.emulator.AwsEmulator;
import com.example.smsconsole.emulator.protocol.FaultInjector;
import com.example.smsconsole.support.ConsoleTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

/**
 * Ingestion from CloudWatch Logs (the emulator, through the real SDK client) into the store: the
 * overlap window, duplicates, a run that stops half-way and resumes, throttling, the call rate,
 * malformed events and the lease.
 */
@ConsoleTest
class DeliveryIngestionTest {

    @Autowired
    DeliveryLogGateway gateway;
    @Autowired
    DeliveryStore store;
    @Autowired
    DeliveryQueries queries;
    @Autowired
    Clock clock;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    CloudWatchLogsClient logs;
    @Autowired
    AwsEmulator emulator;

    String group;
    long base;

    @BeforeEach
    void newGroup() {
        group = "/test/ingestion/" + UUID.randomUUID();
        logs.createLogGroup(b -> b.logGroupName(group));
        logs.createLogStream(b -> b.logGroupName(group).logStreamName("s"));
        base = Instant.now().minus(Duration.ofHours(2)).toEpochMilli();
    }

    @AfterEach
    void clearFaults() {
        emulator.faults().clear();
    }

    DeliveryIngestion ingestion(int pageLimit, double callsPerSecond, Duration overlap) {
        var properties = new IngestionProperties(true, Duration.ofSeconds(5), overlap, Duration.ofDays(1), pageLimit, callsPerSecond,
                Duration.ofMinutes(1), Duration.ofMillis(50), pageLimit);
        return new DeliveryIngestion(gateway, store, properties, new SmsResources("cs", "pool", "arn", group), clock, publisher);
    }

    static String receipt(String messageId, String destination, String type, boolean isFinal, long at) {
        return ReceiptGenerator.json(new ReceiptGenerator.Base(messageId, destination, "US", 1, "GSM", "TRANSACTIONAL", at - 100, 0.00581, 0.00302,
                "+12065550142", "{\"order\":\"42\"}"), type, isFinal, "desc " + type, at);
    }

    void put(List<InputLogEvent> events) {
        for (int i = 0; i < events.size(); i += 1000) {
            List<InputLogEvent> chunk = events.subList(i, Math.min(events.size(), i + 1000));
            logs.putLogEvents(b -> b.logGroupName(group).logStreamName("s").logEvents(chunk));
        }
    }

    static InputLogEvent event(long timestamp, String message) {
        return InputLogEvent.builder().timestamp(timestamp).message(message).build();
    }

    /** n messages to one number, three receipts each (queued, successful, delivered), one second apart. */
    List<InputLogEvent> messages(String destination, int n, long from) {
        List<InputLogEvent> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = UUID.randomUUID().toString();
            long at = from + i * 1000L;
            events.add(event(at, receipt(id, destination, "TEXT_QUEUED", false, at)));
            events.add(event(at + 200, receipt(id, destination, "TEXT_SUCCESSFUL", false, at + 200)));
            events.add(event(at + 400, receipt(id, destination, "TEXT_DELIVERED", true, at + 400)));
        }
        return events;
    }

    long stored(String destination) {
        return queries.countEvents(DeliverySearch.empty().withDestination(destination));
    }

    @Test
    void receipts_are_parsed_into_columns_with_the_raw_json_and_the_message_state() {
        String id = UUID.randomUUID().toString();
        put(List.of(event(base, receipt(id, "+14255550101", "TEXT_QUEUED", false, base)),
                event(base + 500, receipt(id, "+14255550101", "TEXT_DELIVERED", true, base + 500))));

        var result = ingestion(100, 0, Duration.ofMinutes(5)).runOnce();

        assertThat(result.inserted()).isEqualTo(2);
        List<DeliveryEvent> timeline = queries.timeline(id);
        assertThat(timeline).extracting(DeliveryEvent::eventType).containsExactly("TEXT_QUEUED", "TEXT_DELIVERED");
        DeliveryEvent delivered = timeline.getLast();
        assertThat(delivered.eventAt()).isEqualTo(Instant.ofEpochMilli(base + 500));
        assertThat(delivered.destination()).isEqualTo("+14255550101");
        assertThat(delivered.origination()).isEqualTo("+12065550142");
        assertThat(delivered.country()).isEqualTo("US");
        assertThat(delivered.isFinal()).isTrue();
        assertThat(delivered.messageStatus()).isEqualTo("DELIVERED");
        assertThat(delivered.statusDescription()).isEqualTo("desc TEXT_DELIVERED");
        assertThat(delivered.parts()).isEqualTo(1);
        assertThat(delivered.price()).isEqualByComparingTo("0.00581");
        assertThat(delivered.carrierFee()).isEqualByComparingTo("0.00302");
        assertThat(delivered.context()).isEqualTo("{\"order\":\"42\"}");
        assertThat(delivered.requestedAt()).isEqualTo(Instant.ofEpochMilli(base + 400));
        assertThat(queries.raw(delivered.eventId(), delivered.eventAt())).contains(receipt(id, "+14255550101", "TEXT_DELIVERED", true, base + 500));
        DeliveryMessage message = queries.message(id).orElseThrow();
        assertThat(message.latestType()).isEqualTo("TEXT_DELIVERED");
        assertThat(message.isFinal()).isTrue();
        assertThat(message.firstEventAt()).isEqualTo(Instant.ofEpochMilli(base));
    }

    @Test
    void a_receipt_with_over_long_values_is_stored_cut_and_does_not_stop_the_ones_after_it() {
        // any writer of the log group can put such a receipt; AWS's event format sets no length on these fields
        String id = UUID.randomUUID().toString();
        String longOne = receipt(id, "+14255550109", "TEXT_DELIVERED", true, base).replace("\"messageStatus\":\"DELIVERED\"",
                "\"messageStatus\":\"" + "S".repeat(300) + "\"").replace("\"messageType\":\"TRANSACTIONAL\"",
                "\"messageType\":\"" + "T".repeat(300) + "\"").replace("\"messageEncoding\":\"GSM\"",
                "\"messageEncoding\":\"" + "E".repeat(300) + "\"");
        assertThat(longOne).contains("S".repeat(300)).contains("T".repeat(300)).contains("E".repeat(300));
        String next = UUID.randomUUID().toString();
        put(List.of(event(base, longOne), event(base + 500, receipt(next, "+14255550109", "TEXT_QUEUED", false, base + 500))));

        var result = ingestion(100, 0, Duration.ofMinutes(5)).runOnce();

        assertThat(result.error()).isNull();
        assertThat(result.inserted()).isEqualTo(2);
        DeliveryEvent stored = queries.timeline(id).getFirst();
        assertThat(stored.messageStatus()).isEqualTo("S".repeat(40));
        assertThat(stored.messageType()).isEqualTo("T".repeat(20));
        assertThat(stored.encoding()).isEqualTo("E".repeat(10));
        assertThat(queries.timeline(next)).hasSize(1);
    }

    @Test
    void the_overlap_window_catches_late_receipts_without_storing_any_twice() {
        put(messages("+14255550102", 20, base));
        var ingestion = ingestion(25, 0, Duration.ofMinutes(5));
        assertThat(ingestion.runOnce().inserted()).isEqualTo(60);
        // a receipt that reaches CloudWatch Logs late, timestamped before the newest one stored
        String late = UUID.randomUUID().toString();
        put(List.of(event(base + 10_500, receipt(late, "+14255550102", "TEXT_QUEUED", false, base + 10_500))));

        var second = ingestion.runOnce();

        assertThat(second.inserted()).isEqualTo(1);
        assertThat(second.duplicates()).isEqualTo(60);
        assertThat(stored("+14255550102")).isEqualTo(61);
        assertThat(store.state(group).orElseThrow().eventsTotal()).isEqualTo(61);
    }

    @Test
    void a_run_that_stops_half_way_resumes_with_no_gap_and_no_duplicate() {
        put(messages("+14255550103", 100, base));
        emulator.faults().add(new FaultInjector.Rule("logs", "FilterLogEvents", FaultInjector.Kind.SERVER_ERROR, 0, 0, 4, group));
        var ingestion = ingestion(30, 0, Duration.ofMinutes(5));

        var failed = ingestion.runOnce();

        assertThat(failed.error()).contains("ServiceUnavailableException");
        assertThat(failed.inserted()).isBetween(60, 120);
        long watermark = store.state(group).orElseThrow().watermarkAt();
        assertThat(watermark).isBetween(base, base + 100_000L);
        assertThat(store.state(group).orElseThrow().lastError()).contains("ServiceUnavailableException");

        emulator.faults().clear();
        var resumed = ingestion.runOnce();

        assertThat(resumed.error()).isNull();
        assertThat(stored("+14255550103")).isEqualTo(300);
        assertThat(failed.inserted() + resumed.inserted()).isEqualTo(300);
        assertThat(store.state(group).orElseThrow().lastError()).isNull();
        assertThat(queries.countMessages(DeliverySearch.empty().withDestination("+14255550103"), false, 0)).isEqualTo(100);
    }

    @Test
    void throttled_calls_back_off_and_the_run_completes() {
        put(messages("+14255550104", 10, base));
        emulator.faults().add(new FaultInjector.Rule("logs", "FilterLogEvents", FaultInjector.Kind.THROTTLE, 4, 0, 0, group));

        var result = ingestion(100, 0, Duration.ofMinutes(5)).runOnce();

        assertThat(result.error()).isNull();
        assertThat(result.throttled()).isPositive();
        assertThat(stored("+14255550104")).isEqualTo(30);
    }

    @Test
    void the_call_rate_stays_within_the_configured_calls_per_second() {
        put(messages("+14255550105", 40, base));
        var ingestion = ingestion(10, 2, Duration.ofMinutes(5));

        var result = ingestion.runOnce();

        assertThat(result.calls()).isGreaterThanOrEqualTo(12);
        assertThat(result.throttled()).isZero();
        List<DeliveryStore.Run> runs = store.runsSince(group, 0);
        DeliveryStore.Run run = runs.getFirst();
        double seconds = (run.finishedAt() - run.startedAt()) / 1000.0;
        // at most two calls a second: n calls cannot take less than (n - 1) / 2 seconds
        assertThat(seconds).as("seconds for %d calls", run.calls()).isGreaterThanOrEqualTo((run.calls() - 1) / 2.0 - 0.05);
    }

    @Test
    void malformed_events_are_kept_aside_counted_and_do_not_stop_ingestion() {
        String id = UUID.randomUUID().toString();
        put(List.of(
                event(base, receipt(id, "+14255550106", "TEXT_QUEUED", false, base)),
                event(base + 1, "not json at all"),
                event(base + 2, "{\"eventType\":\"TEXT_DELIVERED\",\"destinationPhoneNumber\":\"+14255550106\"}"),
                event(base + 3, receipt(id, "+14255550106", "TEXT_DELIVERED", true, base + 3))));

        var result = ingestion(100, 0, Duration.ofMinutes(5)).runOnce();

        assertThat(result.error()).isNull();
        assertThat(result.inserted()).isEqualTo(2);
        assertThat(result.malformed()).isEqualTo(2);
        assertThat(store.state(group).orElseThrow().malformedTotal()).isEqualTo(2);
        assertThat(store.malformed(group, 10)).extracting(DeliveryStore.Malformed::error)
                .anySatisfy(e -> assertThat(e).startsWith("Not JSON"))
                .anySatisfy(e -> assertThat(e).isEqualTo("Missing messageId"));
        assertThat(store.malformed(group, 10)).extracting(DeliveryStore.Malformed::raw).contains("not json at all");
        assertThat(ingestion(100, 0, Duration.ofMinutes(5)).runOnce().malformed()).as("not counted twice").isZero();
    }

    @Test
    void only_the_holder_of_the_lease_ingests() {
        put(messages("+14255550107", 2, base));
        long now = clock.millis();
        assertThat(store.tryLease(DeliveryIngestion.LEASE + ":" + group, "other-instance", now, now + 60_000)).isTrue();

        assertThat(ingestion(100, 0, Duration.ofMinutes(5)).runOnce().ran()).isFalse();
        assertThat(stored("+14255550107")).isZero();

        assertThat(store.tryLease(DeliveryIngestion.LEASE + ":" + group, "other-instance", now, now - 1)).isTrue();
        assertThat(ingestion(100, 0, Duration.ofMinutes(5)).runOnce().inserted()).isEqualTo(6);
    }

    @Test
    void a_long_run_renews_its_lease_so_no_other_instance_takes_over_mid_run() throws Exception {
        put(messages("+14255550188", 40, base));
        // 4 calls a second over 24 pages of 5 receipts, one commit at the end: about 6 s, ten times the 600 ms lease
        var properties = new IngestionProperties(true, Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofDays(1), 5, 4,
                Duration.ofMillis(600), Duration.ofMillis(50), 10_000);
        var ingestion = new DeliveryIngestion(gateway, store, properties, new SmsResources("cs", "pool", "arn", group), clock, publisher);
        var run = java.util.concurrent.CompletableFuture.supplyAsync(ingestion::runOnce);
        String lease = DeliveryIngestion.LEASE + ":" + group;
        List<Boolean> taken = new ArrayList<>();
        for (int i = 0; i < 8 && !run.isDone(); i++) {
            Thread.sleep(400);
            long now = clock.millis();
            taken.add(store.tryLease(lease, "another-instance", now, now + 60_000));
        }
        var result = run.get();
        assertThat(taken).as("another instance never gets the lease while the run lasts").isNotEmpty().doesNotContain(true);
        assertThat(result.error()).isNull();
        assertThat(stored("+14255550188")).isEqualTo(120);
    }

    @Test
    void a_missing_log_group_is_an_error_in_words_not_a_crash() {
        group = "/test/ingestion/missing-" + UUID.randomUUID();
        var result = ingestion(100, 0, Duration.ofMinutes(5)).runOnce();
        assertThat(result.error()).contains("ResourceNotFoundException");
        assertThat(store.state(group).orElseThrow().lastError()).contains("did not find");
        assertThat(Set.of(result.inserted())).containsExactly(0);
    }
}
