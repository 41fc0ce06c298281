package com.example.smsconsole.deliverylog.repository;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.smsconsole.deliverylog.DeliveryEvent;
import com.example.smsconsole.deliverylog.SearchDimension;
import com.example.smsconsole.deliverylog.DeliverySearch;
import com.example.smsconsole.deliverylog.DeliveryMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Searches over a small, hand-made delivery history whose answers are worked out by hand, on each
 * database the console supports.
 *
 * <pre>
 * M1 +14255550001 US  10:00:00 QUEUED, 10:00:01 SUCCESSFUL, 10:00:02 DELIVERED (final)
 * M2 +14255550002 US  10:10:00 QUEUED, 10:10:05 BLOCKED (final)
 * M3 +447700900001 GB 11:30:00 QUEUED, 11:30:03 DELIVERED (final)
 * M4 +14255550001 US  12:00:00 QUEUED (never final)
 * M5 +33612345678 FR  13:15:00 QUEUED, 13:15:01 SUCCESSFUL, 13:15:02 DELIVERED (final)
 * </pre>
 */
abstract class DeliveryStoreContract {

    static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    DataSource dataSource;
    DeliveryStore store;
    DeliveryQueries queries;

    abstract DataSource freshDatabase();

    abstract String vendor();

    @BeforeEach
    void load() {
        dataSource = freshDatabase();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common", "classpath:db/migration/" + vendor()).load().migrate();
        store = new DeliveryStore(dataSource, new DataSourceTransactionManager(dataSource));
        queries = new DeliveryQueries(dataSource);
        List<DeliveryStore.Receipt> receipts = new ArrayList<>();
        receipts.add(receipt("M1", "+14255550001", "US", "TEXT_QUEUED", false, 0));
        receipts.add(receipt("M1", "+14255550001", "US", "TEXT_SUCCESSFUL", false, 1));
        receipts.add(receipt("M1", "+14255550001", "US", "TEXT_DELIVERED", true, 2));
        receipts.add(receipt("M2", "+14255550002", "US", "TEXT_QUEUED", false, 600));
        receipts.add(receipt("M2", "+14255550002", "US", "TEXT_BLOCKED", true, 605));
        receipts.add(receipt("M3", "+447700900001", "GB", "TEXT_QUEUED", false, 5400));
        receipts.add(receipt("M3", "+447700900001", "GB", "TEXT_DELIVERED", true, 5403));
        receipts.add(receipt("M4", "+14255550001", "US", "TEXT_QUEUED", false, 7200));
        receipts.add(receipt("M5", "+33612345678", "FR", "TEXT_QUEUED", false, 11700));
        receipts.add(receipt("M5", "+33612345678", "FR", "TEXT_SUCCESSFUL", false, 11701));
        receipts.add(receipt("M5", "+33612345678", "FR", "TEXT_DELIVERED", true, 11702));
        // stored in two transactions, out of order across them, as pages may arrive
        var result = store.store("group", receipts.subList(5, 11), List.of(), T0.plusSeconds(11702).toEpochMilli(), 0, T0.toEpochMilli());
        assertThat(result.inserted()).isEqualTo(6);
        result = store.store("group", receipts.subList(0, 5), List.of(), T0.plusSeconds(11702).toEpochMilli(), 0, T0.toEpochMilli());
        assertThat(result.inserted()).isEqualTo(5);
    }

    static DeliveryStore.Receipt receipt(String message, String destination, String country, String type, boolean isFinal, int second) {
        Instant at = T0.plusSeconds(second);
        var event = new DeliveryEvent("id-" + message + "-" + type, at, at.plusMillis(300), type, message, destination, "+12065550142", "app-sms-config-set", country,
                type.substring(5), "desc " + type, "TRANSACTIONAL", "GSM", 1, new BigDecimal("0.00581"), new BigDecimal("0.00302"), isFinal,
                "Carrier", at.minusMillis(100), null, "stream");
        return new DeliveryStore.Receipt(event, "{\"raw\":\"" + message + type + "\"}", at.toEpochMilli());
    }

    static DeliverySearch all() {
        return DeliverySearch.empty();
    }

    List<String> page(DeliverySearch filter) {
        return queries.findEvents(filter, 0, 50, true).stream().map(e -> e.messageId() + ":" + e.eventType().substring(5)).toList();
    }

    /** An event id as CloudWatch Logs gives it: 56 digits (the log event id of AWS's subscription-filter example). */
    static final String CLOUDWATCH_EVENT_ID = "31953106606966983378809025079804211143289615424298221568";

    @Test
    void a_cloudwatch_event_id_is_kept_as_digits_and_reads_back_as_it_came() {
        DeliveryStore.Receipt r = receipt("M6", "+14255550006", "US", "TEXT_QUEUED", false, 20_000);
        var event = new DeliveryEvent(CLOUDWATCH_EVENT_ID, r.event().eventAt(), r.event().ingestedAt(), r.event().eventType(), "M6",
                r.event().destination(), r.event().origination(), r.event().configurationSet(), "US", "QUEUED", "desc", "TRANSACTIONAL", "GSM",
                1, null, null, false, null, null, null, "stream");
        var stored = new DeliveryStore.Receipt(event, "{\"raw\":\"M6\"}", event.eventAt().toEpochMilli());
        assertThat(store.store("group", List.of(stored), List.of(), 0, 0, 0).inserted()).isEqualTo(1);
        assertThat(store.store("group", List.of(stored), List.of(), 0, 0, 0).inserted()).as("the same event again").isZero();
        assertThat(queries.findEvents(all().withMessageId("M6"), 0, 5, true)).extracting(DeliveryEvent::eventId).containsExactly(CLOUDWATCH_EVENT_ID);
        assertThat(queries.raw(CLOUDWATCH_EVENT_ID, event.eventAt())).contains("{\"raw\":\"M6\"}");
        byte[] column = new org.springframework.jdbc.core.JdbcTemplate(dataSource).queryForObject(
                "SELECT event_id FROM delivery_event WHERE message_id = 'M6'", byte[].class);
        assertThat(column).as("two digits a byte").hasSize(28);
    }

    @Test
    void ids_stored_as_text_before_they_were_kept_as_bytes_read_the_same() {
        DataSource before = freshDatabase();
        Flyway.configure().dataSource(before).locations("classpath:db/migration/common", "classpath:db/migration/" + vendor()).target("69").load()
                .migrate();
        var jdbc = new org.springframework.jdbc.core.JdbcTemplate(before);
        long at = T0.toEpochMilli();
        if (vendor().equals("postgresql")) {
            jdbc.execute("SELECT delivery_create_week_partitions(" + at / Duration.ofDays(7).toMillis() + ")");
        }
        String[] ids = {CLOUDWATCH_EVENT_ID, "emulator-event-7", "12345"};
        for (int i = 0; i < ids.length; i++) {
            long key = EventKeys.of(at + i, ids[i]);
            jdbc.update("INSERT INTO delivery_event (event_key, event_id, event_at, ingested_at, event_type, message_id, destination, dest_prefix, is_final)"
                    + " VALUES (?, ?, ?, ?, 'TEXT_QUEUED', ?, '+14255550001', '+1425', FALSE)", key, ids[i], at + i, at + i, "old-" + i);
            jdbc.update("INSERT INTO delivery_event_raw (event_key, raw) VALUES (?, ?)", key, "{\"old\":" + i + "}");
        }
        jdbc.update("INSERT INTO delivery_dest_prefix (dest_prefix) VALUES ('+1425')");
        Flyway.configure().dataSource(before).locations("classpath:db/migration/common", "classpath:db/migration/" + vendor()).load().migrate();
        var migrated = new DeliveryQueries(before);
        // by the number's index, which needs no hourly counts (rows written here have none)
        List<DeliveryEvent> read = migrated.findEvents(all().withDestination("+14255550001"), 0, 10, false);
        assertThat(read).extracting(DeliveryEvent::eventId).containsExactly(ids);
        for (int i = 0; i < ids.length; i++) {
            assertThat(migrated.raw(ids[i], Instant.ofEpochMilli(at + i))).as("the raw receipt of " + ids[i]).contains("{\"old\":" + i + "}");
        }
    }

    @Test
    void everything_newest_first_with_exact_totals_and_counts_per_type() {
        assertThat(page(all())).containsExactly("M5:DELIVERED", "M5:SUCCESSFUL", "M5:QUEUED", "M4:QUEUED", "M3:DELIVERED", "M3:QUEUED",
                "M2:BLOCKED", "M2:QUEUED", "M1:DELIVERED", "M1:SUCCESSFUL", "M1:QUEUED");
        assertThat(queries.countEvents(all())).isEqualTo(11);
        assertThat(queries.countsByType(all())).containsExactlyInAnyOrderEntriesOf(Map.of(
                "TEXT_QUEUED", 5L, "TEXT_SUCCESSFUL", 2L, "TEXT_DELIVERED", 3L, "TEXT_BLOCKED", 1L));
        assertThat(queries.findEvents(all(), 2, 3, true)).extracting(e -> e.messageId() + ":" + e.eventType())
                .containsExactly("M5:TEXT_QUEUED", "M4:TEXT_QUEUED", "M3:TEXT_DELIVERED");
        assertThat(queries.findEvents(all(), 0, 1, false)).extracting(DeliveryEvent::eventId).containsExactly("id-M1-TEXT_QUEUED");
    }

    @Test
    void filters_by_type_finality_country_and_message() {
        assertThat(page(all().withEventTypes(Set.of("TEXT_DELIVERED")))).containsExactly("M5:DELIVERED", "M3:DELIVERED", "M1:DELIVERED");
        assertThat(queries.countEvents(all().withEventTypes(Set.of("TEXT_DELIVERED", "TEXT_BLOCKED")))).isEqualTo(4);
        assertThat(page(all().withFinalOnly(true))).containsExactly("M5:DELIVERED", "M3:DELIVERED", "M2:BLOCKED", "M1:DELIVERED");
        assertThat(queries.countEvents(all().withCountry("FR"))).isEqualTo(3);
        assertThat(page(all().withCountry("gb"))).containsExactly("M3:DELIVERED", "M3:QUEUED");
        assertThat(page(all().withMessageId("M2"))).containsExactly("M2:BLOCKED", "M2:QUEUED");
        assertThat(queries.countEvents(all().withMessageId("M2"))).isEqualTo(2);
        assertThat(page(all().withMessageId("no-such-message"))).isEmpty();
        assertThat(queries.countEvents(all().withMessageId("no-such-message"))).isZero();
    }

    @Test
    void filters_by_full_number_and_by_prefix() {
        assertThat(page(all().withDestination("+14255550001"))).containsExactly("M4:QUEUED", "M1:DELIVERED", "M1:SUCCESSFUL", "M1:QUEUED");
        assertThat(queries.countEvents(all().withDestination("+14255550001"))).isEqualTo(4);
        assertThat(queries.countEvents(all().withDestination("+1425"))).isEqualTo(6);
        assertThat(queries.countEvents(all().withDestination("+142555500"))).isEqualTo(6);
        assertThat(page(all().withDestination("+44"))).containsExactly("M3:DELIVERED", "M3:QUEUED");
        assertThat(queries.countEvents(all().withDestination("+1"))).isEqualTo(6);
        assertThat(queries.countEvents(all().withDestination("+3361"))).isEqualTo(3);
        assertThat(queries.countEvents(all().withDestination("+1425").withEventTypes(Set.of("TEXT_QUEUED")))).isEqualTo(3);
        assertThat(queries.countEvents(all().withDestination("+1%"))).as("wildcards are literal").isZero();
    }

    @Test
    void time_ranges_count_whole_hours_and_the_partial_hours_at_both_edges() {
        var range = all().withRange(T0.plus(Duration.ofMinutes(5)), T0.plus(Duration.ofHours(2)));
        assertThat(page(range)).containsExactly("M3:DELIVERED", "M3:QUEUED", "M2:BLOCKED", "M2:QUEUED");
        assertThat(queries.countEvents(range)).isEqualTo(4);
        var edges = all().withRange(T0.plusSeconds(5401), T0.plusSeconds(11702));
        assertThat(page(edges)).containsExactly("M5:SUCCESSFUL", "M5:QUEUED", "M4:QUEUED", "M3:DELIVERED");
        assertThat(queries.countEvents(edges)).isEqualTo(4);
        assertThat(queries.countsByType(edges)).containsExactlyInAnyOrderEntriesOf(Map.of("TEXT_QUEUED", 2L, "TEXT_SUCCESSFUL", 1L, "TEXT_DELIVERED", 1L));
        var within = all().withRange(T0.plusSeconds(1), T0.plusSeconds(2));
        assertThat(page(within)).containsExactly("M1:SUCCESSFUL");
        assertThat(queries.countEvents(within)).isEqualTo(1);
        assertThat(queries.countEvents(all().withRange(T0.plusSeconds(600), T0.plusSeconds(600)))).isZero();
        assertThat(queries.countEvents(all().withRange(null, T0.plusSeconds(600)))).isEqualTo(3);
        assertThat(queries.countEvents(all().withRange(T0.plusSeconds(600), null).withFinalOnly(true))).isEqualTo(3);
    }

    @Test
    void the_chart_counts_per_hour_and_type() {
        var histogram = queries.histogram(all(), T0.toEpochMilli(), T0.plus(Duration.ofHours(4)).toEpochMilli(), 3_600_000);
        assertThat(histogram.get(T0.toEpochMilli())).containsExactlyInAnyOrderEntriesOf(Map.of("TEXT_QUEUED", 2L, "TEXT_SUCCESSFUL", 1L,
                "TEXT_DELIVERED", 1L, "TEXT_BLOCKED", 1L));
        assertThat(histogram.get(T0.plus(Duration.ofHours(1)).toEpochMilli())).containsExactlyInAnyOrderEntriesOf(Map.of("TEXT_QUEUED", 1L, "TEXT_DELIVERED", 1L));
        assertThat(histogram.get(T0.plus(Duration.ofHours(3)).toEpochMilli())).containsEntry("TEXT_DELIVERED", 1L);
        var byMinute = queries.histogram(all().withDestination("+1425"), T0.toEpochMilli(), T0.plus(Duration.ofMinutes(20)).toEpochMilli(), 600_000);
        assertThat(byMinute.get(T0.toEpochMilli()).values().stream().mapToLong(Long::longValue).sum()).isEqualTo(3);
        assertThat(byMinute.get(T0.plus(Duration.ofMinutes(10)).toEpochMilli()).values().stream().mapToLong(Long::longValue).sum()).isEqualTo(2);
    }

    @Test
    void each_message_has_its_latest_state_and_timeline() {
        DeliveryMessage m5 = queries.message("M5").orElseThrow();
        assertThat(m5.latestType()).isEqualTo("TEXT_DELIVERED");
        assertThat(m5.isFinal()).isTrue();
        assertThat(m5.firstEventAt()).isEqualTo(T0.plusSeconds(11700));
        assertThat(m5.finalAt()).isEqualTo(T0.plusSeconds(11702));
        DeliveryMessage m2 = queries.message("M2").orElseThrow();
        assertThat(m2.latestType()).isEqualTo("TEXT_BLOCKED");
        assertThat(queries.timeline("M1")).extracting(DeliveryEvent::eventType).containsExactly("TEXT_QUEUED", "TEXT_SUCCESSFUL", "TEXT_DELIVERED");
        assertThat(queries.timeline("nope")).isEmpty();
        assertThat(queries.countMessages(all(), false, 0)).isEqualTo(5);
        long pendingBefore = T0.plus(Duration.ofHours(6)).minus(Duration.ofHours(3)).toEpochMilli();
        assertThat(queries.findMessages(all(), true, pendingBefore, 0, 10)).extracting(DeliveryMessage::messageId).containsExactly("M4");
        assertThat(queries.findMessages(all().withDestination("+14255550001"), false, 0, 0, 10)).extracting(DeliveryMessage::messageId)
                .containsExactly("M4", "M1");
        assertThat(queries.findMessages(all().withEventTypes(Set.of("TEXT_DELIVERED")), false, 0, 0, 10)).extracting(DeliveryMessage::messageId)
                .containsExactly("M5", "M3", "M1");
        assertThat(queries.raw("id-M3-TEXT_DELIVERED", T0.plusSeconds(5403))).contains("{\"raw\":\"M3TEXT_DELIVERED\"}");
    }

    /** AWS's SMS event example, as the user guide prints it (https://docs.aws.amazon.com/sms-voice/latest/userguide/configuration-sets-event-format.html). */
    static final String AWS_EXAMPLE = """
            {
                "eventType": "TEXT_SUCCESSFUL",
                "eventVersion": "1.0",
                "eventTimestamp": 1686975103470,
                "isFinal": true,
                "originationPhoneNumber": "+12065550152",
                "destinationPhoneNumber": "+14255550156",
                "isInternationalSend": false,
                "mcc": "310",
                "mnc": "800",
                "messageId": "862a8790-60c0-4430-9b2b-658bdexample",
                "messageRequestTimestamp": 1686975103170,
                "messageEncoding": "GSM",
                "messageType": "PROMOTIONAL",
                "messageStatus": "SUCCESSFUL",
                "messageStatusDescription": "Message has been accepted by phone carrier",
                "context": {
                    "account": "bar"
                },
                "totalMessageParts": 1,
                "totalMessagePrice": 0.09582,
                "totalCarrierFee": 0.0
            }""";

    @Test
    void the_raw_json_comes_back_as_stored_in_fewer_bytes_and_rows_stored_as_text_before_stay_readable() {
        Instant at = T0.plusSeconds(20_000);
        String unicode = "{\"messageStatusDescription\":\"Zustellung fehlgeschlagen \u2013 \u00fcberpr\u00fcfen \ud83d\udcf1\","
                + "\"context\":{\"k\":\"tab\\there\\nnew line \\\\ backslash\"}}";
        String large = "{\"context\":{\"note\":\"" + "x".repeat(100_000) + "\"}}";
        List<String> raws = List.of(AWS_EXAMPLE, AWS_EXAMPLE.replaceAll("\\n\\s*", "").replace("\": ", "\":"), unicode, large);
        List<DeliveryStore.Receipt> receipts = new ArrayList<>();
        for (int i = 0; i < raws.size(); i++) {
            DeliveryStore.Receipt r = receipt("R" + i, "+14255550156", "US", "TEXT_SUCCESSFUL", true, 20_000 + i);
            receipts.add(new DeliveryStore.Receipt(r.event(), raws.get(i), r.logTimestamp()));
        }
        store.store("group", receipts, List.of(), at.toEpochMilli(), 0, at.toEpochMilli());
        for (int i = 0; i < raws.size(); i++) {
            assertThat(queries.raw("id-R" + i + "-TEXT_SUCCESSFUL", T0.plusSeconds(20_000 + i))).contains(raws.get(i));
        }
        var jdbc = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        long key = EventKeys.of(T0.plusSeconds(20_001).toEpochMilli(), "id-R1-TEXT_SUCCESSFUL");
        Map<String, Object> row = jdbc.queryForMap("SELECT raw, packed FROM delivery_event_raw WHERE event_key = ?", key);
        assertThat(row.get("raw")).isNull();
        assertThat(((byte[]) row.get("packed")).length).isLessThan(raws.get(1).length() / 2);
        // a row written before the raw JSON was packed
        jdbc.update("UPDATE delivery_event_raw SET raw = ?, packed = NULL WHERE event_key = ?", "{\"old\":\"text\"}", key);
        assertThat(queries.raw("id-R1-TEXT_SUCCESSFUL", T0.plusSeconds(20_001))).contains("{\"old\":\"text\"}");
    }

    @Test
    void storing_the_same_receipts_again_adds_nothing() {
        var again = store.store("group", List.of(receipt("M1", "+14255550001", "US", "TEXT_QUEUED", false, 0),
                receipt("M5", "+33612345678", "FR", "TEXT_DELIVERED", true, 11702)), List.of(), 0, Long.MAX_VALUE, T0.toEpochMilli());
        assertThat(again.inserted()).isZero();
        assertThat(again.duplicates()).isEqualTo(2);
        assertThat(queries.countEvents(all())).isEqualTo(11);
        assertThat(queries.timeline("M5")).hasSize(3);
    }

    @Test
    void a_later_receipt_updates_the_message_and_the_counts() {
        store.store("group", List.of(receipt("M4", "+14255550001", "US", "TEXT_UNREACHABLE", true, 7300)), List.of(), 0, Long.MAX_VALUE, T0.toEpochMilli());
        DeliveryMessage m4 = queries.message("M4").orElseThrow();
        assertThat(m4.latestType()).isEqualTo("TEXT_UNREACHABLE");
        assertThat(m4.isFinal()).isTrue();
        assertThat(queries.timeline("M4")).hasSize(2);
        assertThat(queries.countsByType(all())).containsEntry("TEXT_UNREACHABLE", 1L);
        // an older receipt arriving after a newer one does not take over the latest state
        store.store("group", List.of(receipt("M3", "+447700900001", "GB", "TEXT_SUCCESSFUL", false, 5401)), List.of(), 0, Long.MAX_VALUE, T0.toEpochMilli());
        assertThat(queries.message("M3").orElseThrow().latestType()).isEqualTo("TEXT_DELIVERED");
        assertThat(queries.timeline("M3")).extracting(DeliveryEvent::eventType).containsExactly("TEXT_QUEUED", "TEXT_SUCCESSFUL", "TEXT_DELIVERED");
    }

    @Test
    void an_export_streams_newest_first_up_to_the_cap() {
        List<String> rows = new ArrayList<>();
        assertThat(queries.stream(all().withCountry("US"), 100, e -> rows.add(e.eventId()))).isEqualTo(6);
        assertThat(rows.getFirst()).isEqualTo("id-M4-TEXT_QUEUED");
        rows.clear();
        assertThat(queries.stream(all(), 5, e -> rows.add(e.eventId()))).isEqualTo(5);
    }

    @Test
    void retention_removes_receipts_messages_counts_and_context_before_the_cutoff_and_keeps_the_rest() {
        Instant tenDaysBefore = T0.minus(Duration.ofDays(10));
        Instant thirtyHoursBefore = T0.minus(Duration.ofHours(30));
        List<DeliveryStore.Receipt> old = new ArrayList<>();
        for (var at : List.of(tenDaysBefore, thirtyHoursBefore)) {
            String message = "OLD-" + at.toEpochMilli();
            for (String type : List.of("TEXT_QUEUED", "TEXT_DELIVERED")) {
                var event = new DeliveryEvent("id-" + message + type, at, at, type, message, "+14255550009", "+12065550142", null, "US", null, null,
                        null, null, 1, null, null, type.equals("TEXT_DELIVERED"), null, null, "{\"orderId\":\"old-1\"}", "stream");
                old.add(new DeliveryStore.Receipt(event, "{}", at.toEpochMilli()));
            }
        }
        store.store("group", old, List.of(), T0.toEpochMilli(), 0, T0.toEpochMilli());
        var oldOrder = all().withContext(new SearchDimension.ContextMatch("orderId", "old-1"));
        assertThat(queries.countEvents(oldOrder)).isEqualTo(4);
        assertThat(queries.countEvents(all())).isEqualTo(15);

        // batches of 1: every row its own transaction
        var purged = store.purgeBefore(T0.minus(Duration.ofDays(1)).toEpochMilli(), 1);

        assertThat(queries.countEvents(all())).as("the hand-made receipts stay").isEqualTo(11);
        assertThat(queries.countEvents(all().withRange(T0.minus(Duration.ofDays(20)), T0.plus(Duration.ofDays(1))))).as("hourly counts agree")
                .isEqualTo(11);
        assertThat(queries.countEvents(oldOrder)).isZero();
        assertThat(queries.countMessages(all(), false, 0)).isEqualTo(5);
        assertThat(queries.message("OLD-" + tenDaysBefore.toEpochMilli())).isEmpty();
        assertThat(store.oldestEventAt()).contains(T0);
        assertThat(purged.messages()).isEqualTo(2);
        if (vendor().equals("postgresql")) {
            // the week of 2026-11-05..12 (weeks start on Thursdays, 1970-01-01 was one) holds only the ten-day-old receipts
            assertThat(purged.partitionsDropped()).isEqualTo(1);
            assertThat(purged.receipts()).as("the rest of the current week, row by row").isEqualTo(2);
        } else {
            assertThat(purged.receipts()).isEqualTo(4);
        }
        // the daily counts (for the plan's estimate) keep the day that holds the cutoff whole, with the receipts of
        // thirty hours before that were removed, and no day before it
        var jdbc = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        long day = 86_400_000;
        assertThat(jdbc.queryForObject("SELECT MIN(day_at) FROM delivery_event_daily", Long.class)).as("the oldest day counted")
                .isEqualTo(thirtyHoursBefore.toEpochMilli() / day * day);
        assertThat(jdbc.queryForObject("SELECT SUM(events) FROM delivery_event_daily", Long.class)).as("never fewer than the receipts kept")
                .isEqualTo(11 + 2);
        assertThat(store.storeBytes() == null || store.storeBytes() > 0).isTrue();
        assertThat(store.purgeBefore(T0.minus(Duration.ofDays(1)).toEpochMilli(), 1000).receipts()).as("nothing more to remove").isZero();
    }

    @Test
    void retention_removes_a_busy_numbers_own_hourly_counts_before_the_cutoff() {
        String busy = "+14255550008";
        Instant tenDaysBefore = T0.minus(Duration.ofDays(10));
        for (Instant start : List.of(tenDaysBefore, T0.plus(Duration.ofHours(1)))) {
            List<DeliveryStore.Receipt> batch = new ArrayList<>();
            for (int i = 0; i < DeliveryStore.BUSY_DESTINATION_RECEIPTS; i++) {
                Instant at = start.plusSeconds(60L * i);
                var event = new DeliveryEvent("id-busy-" + at.toEpochMilli(), at, at, "TEXT_DELIVERED", "BUSY-" + at.toEpochMilli(), busy, null, null,
                        "US", null, null, null, null, 1, null, null, true, null, null, null, "stream");
                batch.add(new DeliveryStore.Receipt(event, "{}", at.toEpochMilli()));
            }
            store.store("group", batch, List.of(), T0.toEpochMilli(), 0, T0.toEpochMilli());
        }
        var jdbc = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        assertThat(jdbc.queryForObject("SELECT counted_from FROM delivery_busy_destination WHERE destination = ?", Long.class, busy))
                .as("promoted by its first batch").isEqualTo(tenDaysBefore.toEpochMilli() / 3_600_000 * 3_600_000);
        var ofBusy = all().withDestination(busy);
        assertThat(queries.countEvents(ofBusy)).isEqualTo(2L * DeliveryStore.BUSY_DESTINATION_RECEIPTS);

        store.purgeBefore(T0.minus(Duration.ofDays(1)).toEpochMilli(), 1000);

        assertThat(queries.countEvents(ofBusy)).isEqualTo(DeliveryStore.BUSY_DESTINATION_RECEIPTS);
        assertThat(queries.countMessages(ofBusy, false, 0)).isEqualTo(DeliveryStore.BUSY_DESTINATION_RECEIPTS);
        long cutoff = T0.minus(Duration.ofDays(1)).toEpochMilli();
        for (String rollup : List.of("delivery_destination_hourly", "delivery_destination_message_hourly")) {
            assertThat(jdbc.queryForObject("SELECT MIN(hour_at) FROM " + rollup, Long.class)).as(rollup).isGreaterThanOrEqualTo(cutoff);
        }

    }

    @Test
    void the_lease_is_held_by_one_owner_until_it_expires() {
        assertThat(store.tryLease("x", "a", 1000, 2000)).isTrue();
        assertThat(store.tryLease("x", "b", 1500, 2500)).isFalse();
        assertThat(store.tryLease("x", "a", 1500, 3000)).as("renewed by its owner").isTrue();
        assertThat(store.tryLease("x", "b", 3001, 4000)).as("taken over once expired").isTrue();
        assertThat(store.leaseHolder("x", 3500)).contains("b");
    }
}
