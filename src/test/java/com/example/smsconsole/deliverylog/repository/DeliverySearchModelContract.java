package com.example.smsconsole.deliverylog.repository;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.smsconsole.common.PhoneNumber;
import com.example.smsconsole.deliverylog.DeliveryEvent;
import com.example.smsconsole.deliverylog.DeliveryEventFilter;
import com.example.smsconsole.deliverylog.DeliveryMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Every way the store answers a search (by time, type, country, number prefix or message keys,
 * merged over several types or prefixes, paged from either end, counted from the hourly counts and
 * the edges, exported page by page) against a plain reading of a few thousand random receipts.
 */
abstract class DeliverySearchModelContract {

    static final Instant START = Instant.parse("2026-11-17T00:00:00Z");

    record Dest(String number, String country, double weight) {
    }

    static final List<Dest> DESTINATIONS = List.of(new Dest("+14255550101", "US", 30), new Dest("+14255550177", "US", 5),
            new Dest("+12065550123", "US", 10), new Dest("+12065551234", "US", 5), new Dest("+447700900123", "GB", 8),
            new Dest("+447911123456", "GB", 4), new Dest("+33612345678", "FR", 5), new Dest("+491511234567", "DE", 3),
            new Dest("+3547781234", "IS", 0.4));

    DeliveryStore store;
    DeliveryQueries queries;
    final List<DeliveryEvent> events = new ArrayList<>();
    final Map<Long, DeliveryEvent> byKey = new HashMap<>();
    final Map<DeliveryEvent, Long> keys = new HashMap<>();

    abstract DataSource freshDatabase();

    abstract String vendor();

    @BeforeEach
    void load() {
        DataSource dataSource = freshDatabase();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common", "classpath:db/migration/" + vendor()).load().migrate();
        store = new DeliveryStore(dataSource, new DataSourceTransactionManager(dataSource));
        queries = new DeliveryQueries(dataSource);
        var random = new Random(7);
        double totalWeight = DESTINATIONS.stream().mapToDouble(Dest::weight).sum();
        List<DeliveryStore.Receipt> receipts = new ArrayList<>();
        for (int m = 0; m < 1500; m++) {
            long sent = START.toEpochMilli() + (long) (m / 1500.0 * Duration.ofDays(3).toMillis()) + random.nextInt(60_000);
            double pick = random.nextDouble() * totalWeight;
            Dest dest = DESTINATIONS.getLast();
            for (Dest d : DESTINATIONS) {
                if ((pick -= d.weight()) < 0) {
                    dest = d;
                    break;
                }
            }
            String id = "msg-" + m;
            receipts.add(receipt(id, dest, "TEXT_QUEUED", false, sent));
            double outcome = random.nextDouble();
            if (outcome < 0.02) {
                continue; // never final
            }
            if (outcome < 0.025) {
                receipts.add(receipt(id, dest, "TEXT_SPAM", true, sent + 900));
                continue;
            }
            receipts.add(receipt(id, dest, "TEXT_SUCCESSFUL", false, sent + 700));
            String last = outcome < 0.06 ? "TEXT_BLOCKED" : outcome < 0.08 ? "TEXT_UNREACHABLE" : "TEXT_DELIVERED";
            receipts.add(receipt(id, dest, last, true, sent + 2000 + random.nextInt(5000)));
        }
        java.util.Collections.shuffle(receipts, random);
        for (int i = 0; i < receipts.size(); i += 700) {
            store.store("group", receipts.subList(i, Math.min(receipts.size(), i + 700)), List.of(), 0, 0, 0);
        }
        for (DeliveryStore.Receipt r : receipts) {
            long key = EventKeys.of(r.event().eventAt().toEpochMilli(), r.event().eventId());
            events.add(r.event());
            byKey.put(key, r.event());
            keys.put(r.event(), key);
        }
        assertThat(byKey).as("no key collisions in the sample").hasSize(receipts.size());
        events.sort(Comparator.comparing((DeliveryEvent e) -> keys.get(e)).reversed());
    }

    static DeliveryStore.Receipt receipt(String message, Dest dest, String type, boolean isFinal, long at) {
        Instant time = Instant.ofEpochMilli(at);
        var event = new DeliveryEvent("ev-" + message + "-" + type, time, time.plusMillis(200), type, message, dest.number(), "+12065550142",
                dest.country(), type.substring(5), "about " + type, "TRANSACTIONAL", "GSM", 1, new BigDecimal("0.00581"), null, isFinal, null,
                null, null, "stream");
        return new DeliveryStore.Receipt(event, "{}", at);
    }

    @Test
    void message_totals_per_latest_type_agree_with_a_plain_reading() {
        Map<String, DeliveryMessage> latest = latestStates();
        for (DeliveryEventFilter filter : filters().subList(0, 2)) {
            Map<String, long[]> expected = new TreeMap<>();
            latest.values().stream().filter(m -> !m.firstEventAt().isBefore(filter.from()) && m.firstEventAt().isBefore(filter.to()))
                    .forEach(m -> expected.computeIfAbsent(m.latestType(), t -> new long[2])[0]++);
            expected.values().forEach(v -> v[1] = v[0] * 581);
            Map<String, long[]> actual = new TreeMap<>();
            queries.messageTotals(filter.from(), filter.to()).forEach(t -> actual.put(t.latestType(),
                    new long[] {t.messages(), t.price().movePointRight(5).longValueExact()}));
            assertThat(actual).as(describe(filter)).usingRecursiveComparison().isEqualTo(expected);
        }
    }

    Map<String, DeliveryMessage> latestStates() {
        Map<String, DeliveryMessage> latest = new LinkedHashMap<>();
        for (DeliveryEvent e : events.reversed()) {
            DeliveryMessage m = new DeliveryMessage(e.messageId(), e.eventAt(), e.eventAt(), e.eventType(), e.messageStatus(), e.statusDescription(),
                    e.isFinal(), e.isFinal() ? e.eventAt() : null, e.destination(), e.origination(), e.country(), e.messageType(), e.parts(),
                    e.price(), e.carrierFee(), e.requestedAt());
            latest.merge(e.messageId(), m, DeliveryStore::combine);
        }
        return latest;
    }

    /** The plain reading of a filter. */
    Predicate<DeliveryEvent> matches(DeliveryEventFilter f) {
        String number = f.destination() == null ? null : f.destination().replaceAll("[\\s().\\-]", "");
        boolean full = number != null && PhoneNumber.tryParse(number).map(p -> p.e164().equals(number)).orElse(false);
        return e -> (f.eventTypes().isEmpty() || f.eventTypes().contains(e.eventType()))
                && (f.from() == null || !e.eventAt().isBefore(f.from()))
                && (f.to() == null || e.eventAt().isBefore(f.to()))
                && (number == null || (full ? e.destination().equals(number) : e.destination().startsWith(number)))
                && (f.messageId() == null || e.messageId().equals(f.messageId()))
                && (f.country() == null || f.country().equals(e.country()))
                && (!f.finalOnly() || e.isFinal());
    }

    List<DeliveryEventFilter> filters() {
        var all = DeliveryEventFilter.empty().withRange(START, START.plus(Duration.ofDays(4)));
        var odd = DeliveryEventFilter.empty().withRange(START.plus(Duration.ofMinutes(617)), START.plus(Duration.ofHours(40)).plusSeconds(1234));
        String someMessage = events.get(events.size() / 2).messageId();
        return List.of(all, odd, DeliveryEventFilter.empty(),
                odd.withEventTypes(Set.of("TEXT_DELIVERED")),
                all.withEventTypes(Set.of("TEXT_BLOCKED", "TEXT_SPAM", "TEXT_UNREACHABLE")),
                odd.withEventTypes(Set.of("TEXT_SPAM")),
                all.withEventTypes(Set.of("TEXT_TTL_EXPIRED")),
                all.withCountry("IS"),
                odd.withCountry("GB").withEventTypes(Set.of("TEXT_DELIVERED")).withFinalOnly(true),
                all.withCountry("US").withEventTypes(Set.of("TEXT_QUEUED", "TEXT_SPAM")),
                odd.withFinalOnly(true),
                all.withDestination("+14255550101"),
                odd.withDestination("+14255550177").withEventTypes(Set.of("TEXT_QUEUED")),
                all.withDestination("+1425"),
                all.withDestination("+1"),
                odd.withDestination("+44").withFinalOnly(true),
                all.withDestination("+1425555017"),
                all.withDestination("+9"),
                all.withDestination("+3547781234").withCountry("IS"),
                all.withMessageId(someMessage),
                odd.withMessageId(someMessage).withEventTypes(Set.of("TEXT_QUEUED")),
                all.withMessageId("no-such-message"));
    }

    @Test
    void pages_counts_and_exports_agree_with_a_plain_reading() {
        for (DeliveryEventFilter filter : filters()) {
            List<DeliveryEvent> expected = events.stream().filter(matches(filter)).toList();
            List<DeliveryEvent> oldestFirst = expected.reversed();
            String about = describe(filter) + " (" + queries.plan(filter, 50).driver() + ")";
            for (int offset : new int[] {0, 37, expected.size() - 3}) {
                if (offset < 0 || offset > expected.size()) {
                    continue;
                }
                assertThat(ids(queries.findEvents(filter, offset, 25, true))).as(about + " newest first from " + offset)
                        .isEqualTo(ids(expected.subList(offset, Math.min(expected.size(), offset + 25))));
                assertThat(ids(queries.findEvents(filter, offset, 25, false))).as(about + " oldest first from " + offset)
                        .isEqualTo(ids(oldestFirst.subList(offset, Math.min(expected.size(), offset + 25))));
            }
            Map<String, Long> byType = new TreeMap<>();
            expected.forEach(e -> byType.merge(e.eventType(), 1L, Long::sum));
            assertThat(queries.countsByType(filter)).as(about + " counts per type").isEqualTo(byType);
            assertThat(queries.countEvents(filter)).as(about + " count").isEqualTo(expected.size());
            List<DeliveryEvent> exported = new ArrayList<>();
            int cap = 2500;
            assertThat(queries.stream(filter, cap, exported::add)).as(about + " export").isEqualTo(Math.min(cap, expected.size()));
            assertThat(ids(exported)).as(about + " export rows").isEqualTo(ids(expected.subList(0, Math.min(cap, expected.size()))));
        }
    }

    @Test
    void each_search_reads_the_index_that_suits_it() {
        var all = DeliveryEventFilter.empty().withRange(START, START.plus(Duration.ofDays(4)));
        assertThat(queries.plan(all, 50).driver()).isEqualTo(DeliveryQueries.Driver.TIME);
        assertThat(queries.plan(all.withFinalOnly(true), 50).driver()).isEqualTo(DeliveryQueries.Driver.TIME);
        assertThat(queries.plan(all.withEventTypes(Set.of("TEXT_SPAM")), 50).driver()).as("a rare type").isEqualTo(DeliveryQueries.Driver.TYPE);
        assertThat(queries.plan(all.withCountry("IS"), 50).driver()).as("a rare country").isEqualTo(DeliveryQueries.Driver.COUNTRY);
        assertThat(queries.plan(all.withDestination("+1206"), 50).driver()).isEqualTo(DeliveryQueries.Driver.DESTINATION);
        assertThat(queries.plan(all.withDestination("+44"), 50).values()).as("a short prefix reads each prefix it covers")
                .containsExactly("+4477", "+4479");
        assertThat(queries.plan(all.withMessageId("msg-3"), 50).driver()).isEqualTo(DeliveryQueries.Driver.KEYS);
        assertThat(queries.plan(all.withEventTypes(Set.of("TEXT_TTL_EXPIRED")), 50).empty()).as("no such receipts in those hours").isTrue();
    }

    @Test
    void the_chart_agrees_with_a_plain_reading() {
        long hour = 3_600_000;
        for (DeliveryEventFilter filter : filters()) {
            for (long bucket : new long[] {hour, 6 * hour, 600_000}) {
                long from = START.plus(Duration.ofHours(5)).toEpochMilli();
                long to = from + 30 * hour;
                var ranged = filter.withRange(Instant.ofEpochMilli(from), Instant.ofEpochMilli(to));
                Map<Long, Map<String, Long>> expected = new TreeMap<>();
                events.stream().filter(matches(ranged)).forEach(e -> expected.computeIfAbsent(
                        from + (e.eventAt().toEpochMilli() - from) / bucket * bucket, k -> new TreeMap<>()).merge(e.eventType(), 1L, Long::sum));
                assertThat(queries.histogram(filter, from, to, bucket)).as(describe(filter) + " per " + bucket + " ms")
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void messages_agree_with_a_plain_reading() {
        Map<String, DeliveryMessage> latest = latestStates();
        long pendingBefore = START.plus(Duration.ofDays(2)).toEpochMilli();
        for (DeliveryEventFilter filter : filters()) {
            for (boolean pendingOnly : new boolean[] {false, true}) {
                String number = filter.destination() == null ? null : filter.destination();
                boolean full = number != null && PhoneNumber.tryParse(number).map(p -> p.e164().equals(number)).orElse(false);
                List<String> expected = latest.values().stream()
                        .filter(m -> (filter.eventTypes().isEmpty() || filter.eventTypes().contains(m.latestType()))
                                && (filter.from() == null || !m.firstEventAt().isBefore(filter.from()))
                                && (filter.to() == null || m.firstEventAt().isBefore(filter.to()))
                                && (number == null || (full ? m.destination().equals(number) : m.destination().startsWith(number)))
                                && (filter.messageId() == null || m.messageId().equals(filter.messageId()))
                                && (filter.country() == null || filter.country().equals(m.country()))
                                && (!filter.finalOnly() || m.isFinal())
                                && (!pendingOnly || (!m.isFinal() && m.firstEventAt().toEpochMilli() < pendingBefore)))
                        .sorted(Comparator.comparing(DeliveryMessage::firstEventAt).thenComparing(DeliveryMessage::messageId).reversed())
                        .map(DeliveryMessage::messageId).toList();
                String about = describe(filter) + (pendingOnly ? " pending" : "");
                assertThat(queries.countMessages(filter, pendingOnly, pendingBefore)).as(about + " count").isEqualTo(expected.size());
                for (int offset : new int[] {0, 19}) {
                    assertThat(queries.findMessages(filter, pendingOnly, pendingBefore, offset, 20)).extracting(DeliveryMessage::messageId)
                            .as(about + " from " + offset).isEqualTo(expected.subList(Math.min(offset, expected.size()),
                                    Math.min(expected.size(), offset + 20)));
                }
            }
        }
    }

    static List<String> ids(List<DeliveryEvent> events) {
        return events.stream().map(DeliveryEvent::eventId).toList();
    }

    static String describe(DeliveryEventFilter f) {
        return "[types " + f.eventTypes() + ", " + f.from() + ".." + f.to() + ", number " + f.destination() + ", message " + f.messageId()
                + ", country " + f.country() + ", final " + f.finalOnly() + "]";
    }
}
