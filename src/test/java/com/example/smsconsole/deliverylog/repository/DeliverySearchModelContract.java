package com.example.smsconsole.deliverylog.repository;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.smsconsole.common.PhoneNumber;
import com.example.smsconsole.deliverylog.DeliveryEvent;
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
import com.example.smsconsole.deliverylog.DeliveryLogService;
import com.example.smsconsole.deliverylog.DeliverySearch;
import com.example.smsconsole.deliverylog.DeliverySort;
import com.example.smsconsole.deliverylog.SearchDimension;
import com.example.smsconsole.deliverylog.SearchDimension.ContextMatch;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Every way the store answers a search (by time, type, country, number prefix, message keys,
 * origination identity, configuration set or context pair, merged over several types or prefixes,
 * paged from either end, counted from the hourly counts and the edges, exported page by page)
 * against a plain reading of a few thousand random receipts. Every declared dimension must have a
 * plain reading here ({@link #ORACLE}) and is searched on its own and combined with the others, with
 * values taken from the sample, so a new declaration is covered without listing its searches.
 */
abstract class DeliverySearchModelContract {

    static final Instant START = Instant.parse("2026-11-17T00:00:00Z");
    /** About when the busiest number of the sample is promoted to its own hourly counts (see {@link #load()}). */
    static final Instant PROMOTED_AROUND = START.plus(Duration.ofHours(36));
    static final String BUSIEST = "+14255550101";

    record Dest(String number, String country, double weight) {
    }

    static final List<Dest> DESTINATIONS = List.of(new Dest("+14255550101", "US", 30), new Dest("+14255550177", "US", 5),
            new Dest("+12065550123", "US", 10), new Dest("+12065551234", "US", 5), new Dest("+447700900123", "GB", 8),
            new Dest("+447911123456", "GB", 4), new Dest("+33612345678", "FR", 5), new Dest("+491511234567", "DE", 3),
            new Dest("+3547781234", "IS", 0.4));

    DataSource dataSource;
    DeliveryStore store;
    DeliveryQueries queries;
    final List<DeliveryEvent> events = new ArrayList<>();
    final Map<Long, DeliveryEvent> byKey = new HashMap<>();
    final Map<DeliveryEvent, Long> keys = new HashMap<>();

    abstract DataSource freshDatabase();

    abstract String vendor();

    @BeforeEach
    void load() {
        dataSource = freshDatabase();
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
            Send id = send(m, dest, random);
            receipts.add(receipt(id, "TEXT_QUEUED", false, sent));
            double outcome = random.nextDouble();
            if (outcome < 0.02) {
                continue; // never final
            }
            if (outcome < 0.025) {
                receipts.add(receipt(id, "TEXT_SPAM", true, sent + 900));
                continue;
            }
            receipts.add(receipt(id, "TEXT_SUCCESSFUL", false, sent + 700));
            String last = outcome < 0.06 ? "TEXT_BLOCKED" : outcome < 0.08 ? "TEXT_UNREACHABLE" : "TEXT_DELIVERED";
            receipts.add(receipt(id, last, true, sent + 2000 + random.nextInt(5000)));
        }
        // Stored in two phases, each shuffled, so that a busy number is promoted to its own hourly counts half way
        // (DeliveryStore.BUSY_DESTINATION_RECEIPTS in one batch): first the receipts before PROMOTED_AROUND in batches
        // too small for that, with a few later ones among them; then the rest in batches of 700, with a few earlier
        // ones held back among them, which arrive after the promotion for hours before it.
        List<DeliveryStore.Receipt> early = new ArrayList<>();
        List<DeliveryStore.Receipt> late = new ArrayList<>();
        List<DeliveryStore.Receipt> heldBack = new ArrayList<>();
        for (DeliveryStore.Receipt r : receipts) {
            boolean before = r.event().eventAt().isBefore(PROMOTED_AROUND);
            double move = random.nextDouble();
            if (before && move < 0.08) {
                heldBack.add(r);
            } else if (before || move < 0.04) {
                early.add(r);
            } else {
                late.add(r);
            }
        }
        java.util.Collections.shuffle(early, random);
        java.util.Collections.shuffle(late, random);
        for (int i = 0; i < early.size(); i += 60) {
            store.store("group", early.subList(i, Math.min(early.size(), i + 60)), List.of(), 0, 0, 0);
        }
        List<DeliveryStore.Receipt> rest = new ArrayList<>(late.subList(0, 700));
        List<DeliveryStore.Receipt> after = new ArrayList<>(late.subList(700, late.size()));
        after.addAll(heldBack);
        java.util.Collections.shuffle(after, random);
        rest.addAll(after);
        for (int i = 0; i < rest.size(); i += 700) {
            store.store("group", rest.subList(i, Math.min(rest.size(), i + 700)), List.of(), 0, 0, 0);
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

    /** What every receipt of one message shares, as AWS copies it from the send. */
    record Send(String message, Dest dest, String origination, @Nullable String configurationSet, @Nullable String context) {
    }

    // origination identities as receipts name them: numbers (also when sent through a pool) and a sender ID
    static final String[] ORIGINATIONS = {"+12065550142", "+12065550142", "+12065550142", "+18445550123", "ACMEALERT"};
    static final String[] CONFIGURATION_SETS = {"app-sms-config-set", "app-sms-config-set", "marketing", null};

    static Send send(int m, Dest dest, Random random) {
        String context = random.nextDouble() < 0.4
                ? "{\"orderId\":\"A-" + (m % 700) + "\",\"account\":\"acct-" + (m % 3) + "\"}" : null;
        return new Send("msg-" + m, dest, ORIGINATIONS[random.nextInt(ORIGINATIONS.length)],
                CONFIGURATION_SETS[random.nextInt(CONFIGURATION_SETS.length)], context);
    }

    static DeliveryStore.Receipt receipt(Send send, String type, boolean isFinal, long at) {
        Instant time = Instant.ofEpochMilli(at);
        var event = new DeliveryEvent("ev-" + send.message() + "-" + type, time, time.plusMillis(200), type, send.message(), send.dest().number(),
                send.origination(), send.configurationSet(), send.dest().country(), type.substring(5), "about " + type, "TRANSACTIONAL", "GSM", 1,
                new BigDecimal("0.00581"), null, isFinal, null, null, send.context(), "stream");
        return new DeliveryStore.Receipt(event, "{}", at);
    }

    @Test
    void message_totals_per_latest_type_agree_with_a_plain_reading() {
        Map<String, DeliveryMessage> latest = latestStates();
        for (DeliverySearch filter : filters().subList(0, 2)) {
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
                    e.isFinal(), e.isFinal() ? e.eventAt() : null, e.destination(), e.origination(), e.configurationSet(), e.country(), e.messageType(), e.parts(),
                    e.price(), e.carrierFee(), e.requestedAt());
            latest.merge(e.messageId(), m, DeliveryStore::combine);
        }
        return latest;
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A plain reading of one dimension: whether a receipt and a message match a value, and a value to search for taken from a receipt. */
    record Reading(BiPredicate<DeliveryEvent, Object> receipt, BiPredicate<DeliveryMessage, Object> message,
            Function<DeliveryEvent, @Nullable Object> sample) {
    }

    /** The context pairs of a receipt, read from its JSON as AWS writes it (a map of strings). */
    static Map<String, String> contextOf(@Nullable String json) {
        Map<String, String> pairs = new TreeMap<>();
        if (json != null) {
            JsonNode node = JSON.readTree(json);
            node.properties().forEach(p -> pairs.put(p.getKey(), p.getValue().asString()));
        }
        return pairs;
    }

    static boolean numberMatches(String destination, String search) {
        String number = search.replaceAll("[\\s().\\-]", "");
        boolean full = PhoneNumber.tryParse(number).map(p -> p.e164().equals(number)).orElse(false);
        return full ? destination.equals(number) : destination.startsWith(number);
    }

    /** Every declared dimension's plain reading; a dimension missing here fails {@link #every_declared_dimension_is_read_plainly_and_searched()}. */
    Map<SearchDimension<?>, Reading> oracle() {
        Map<String, String> messageContexts = new HashMap<>();
        events.forEach(e -> {
            if (e.context() != null) {
                messageContexts.put(e.messageId(), e.context());
            }
        });
        Map<SearchDimension<?>, Reading> o = new LinkedHashMap<>();
        o.put(DeliverySearch.EVENT_TYPES, new Reading((e, v) -> ((Set<?>) v).contains(e.eventType()), (m, v) -> ((Set<?>) v).contains(m.latestType()),
                e -> Set.of(e.eventType())));
        o.put(DeliverySearch.DESTINATION, new Reading((e, v) -> numberMatches(e.destination(), (String) v),
                (m, v) -> numberMatches(m.destination(), (String) v), e -> e.destination().substring(0, 7)));
        o.put(DeliverySearch.MESSAGE_ID, new Reading((e, v) -> e.messageId().equals(v), (m, v) -> m.messageId().equals(v), DeliveryEvent::messageId));
        o.put(DeliverySearch.COUNTRY, new Reading((e, v) -> v.equals(e.country()), (m, v) -> v.equals(m.country()), DeliveryEvent::country));
        o.put(DeliverySearch.FINAL_ONLY, new Reading((e, v) -> e.isFinal(), (m, v) -> m.isFinal(), e -> true));
        o.put(DeliverySearch.ORIGINATION, new Reading((e, v) -> v.equals(e.origination()), (m, v) -> v.equals(m.origination()),
                DeliveryEvent::origination));
        o.put(DeliverySearch.CONFIGURATION_SET, new Reading((e, v) -> v.equals(e.configurationSet()), (m, v) -> v.equals(m.configurationSet()),
                DeliveryEvent::configurationSet));
        o.put(DeliverySearch.CONTEXT, new Reading(
                (e, v) -> ((ContextMatch) v).value().equals(contextOf(e.context()).get(((ContextMatch) v).key())),
                (m, v) -> ((ContextMatch) v).value().equals(contextOf(messageContexts.get(m.messageId())).get(((ContextMatch) v).key())),
                e -> contextOf(e.context()).entrySet().stream().findFirst().map(p -> new ContextMatch(p.getKey(), p.getValue())).orElse(null)));
        return o;
    }

    /** The plain reading of a search of receipts. */
    Predicate<DeliveryEvent> matches(DeliverySearch f) {
        Map<SearchDimension<?>, Reading> oracle = oracle();
        return e -> (f.from() == null || !e.eventAt().isBefore(f.from())) && (f.to() == null || e.eventAt().isBefore(f.to()))
                && f.active().stream().allMatch(d -> oracle.get(d).receipt().test(e, f.value(d)));
    }

    /** The plain reading of a search of messages (by when their first receipt was). */
    Predicate<DeliveryMessage> matchesMessage(DeliverySearch f) {
        Map<SearchDimension<?>, Reading> oracle = oracle();
        return m -> (f.from() == null || !m.firstEventAt().isBefore(f.from())) && (f.to() == null || m.firstEventAt().isBefore(f.to()))
                && f.active().stream().allMatch(d -> oracle.get(d).message().test(m, f.value(d)));
    }

    @SuppressWarnings("unchecked")
    static DeliverySearch with(DeliverySearch search, SearchDimension<?> dimension, Object value) {
        return search.with((SearchDimension<Object>) dimension, value);
    }

    List<DeliverySearch> filters() {
        var all = DeliverySearch.empty().withRange(START, START.plus(Duration.ofDays(4)));
        var odd = DeliverySearch.empty().withRange(START.plus(Duration.ofMinutes(617)), START.plus(Duration.ofHours(40)).plusSeconds(1234));
        String someMessage = events.get(events.size() / 2).messageId();
        List<DeliverySearch> filters = new ArrayList<>(List.of(all, odd, DeliverySearch.empty(),
                odd.withEventTypes(Set.of("TEXT_DELIVERED")),
                all.withEventTypes(Set.of("TEXT_BLOCKED", "TEXT_SPAM", "TEXT_UNREACHABLE")),
                odd.withEventTypes(Set.of("TEXT_SPAM")),
                all.withEventTypes(Set.of("TEXT_TTL_EXPIRED")),
                all.withCountry("IS"),
                odd.withCountry("GB").withEventTypes(Set.of("TEXT_DELIVERED")).withFinalOnly(true),
                all.withCountry("US").withEventTypes(Set.of("TEXT_QUEUED", "TEXT_SPAM")),
                odd.withFinalOnly(true),
                all.withDestination("+14255550101"),
                DeliverySearch.empty().withDestination(BUSIEST),
                all.withDestination(BUSIEST).withEventTypes(Set.of("TEXT_DELIVERED", "TEXT_BLOCKED")).withFinalOnly(true),
                odd.withDestination(BUSIEST).withCountry("US").withOrigination(ORIGINATIONS[0]),
                odd.withDestination(BUSIEST).withCountry("GB"),
                DeliverySearch.empty().withRange(null, PROMOTED_AROUND.minusSeconds(4000)).withDestination(BUSIEST),
                DeliverySearch.empty().withRange(PROMOTED_AROUND.plusSeconds(1800), null).withDestination(BUSIEST),
                DeliverySearch.empty().withRange(PROMOTED_AROUND.plusSeconds(1800), PROMOTED_AROUND.plusSeconds(2500)).withDestination(BUSIEST),
                DeliverySearch.empty().withRange(PROMOTED_AROUND.minusSeconds(7300), PROMOTED_AROUND.plusSeconds(7300)).withDestination(BUSIEST)
                        .withConfigurationSet("marketing"),
                odd.withDestination("+14255550177").withEventTypes(Set.of("TEXT_QUEUED")),
                all.withDestination("+1425"),
                all.withDestination("+1"),
                odd.withDestination("+44").withFinalOnly(true),
                all.withDestination("+1425555017"),
                all.withDestination("+9"),
                all.withDestination("+3547781234").withCountry("IS"),
                all.withMessageId(someMessage),
                odd.withMessageId(someMessage).withEventTypes(Set.of("TEXT_QUEUED")),
                all.withMessageId("no-such-message"),
                all.withOrigination("no-such-sender"),
                all.withContext(new ContextMatch("account", "acct-1")).withCountry("US"),
                all.withContext(new ContextMatch("orderId", "no-such-order"))));
        // context searches whose range starts between a message's first receipt and its next: the message is not one of
        // the range's messages, while its later receipts are among the range's receipts
        events.stream().filter(e -> e.context() != null && e.eventType().equals("TEXT_SUCCESSFUL")).limit(4).forEach(e -> {
            var pair = contextOf(e.context()).entrySet().iterator().next();
            filters.add(DeliverySearch.empty().withRange(e.eventAt().minusMillis(300), START.plus(Duration.ofDays(4)))
                    .withContext(new ContextMatch(pair.getKey(), pair.getValue())));
        });
        // every declared dimension with values from the sample: alone, within a type, final only, and with each other dimension
        Map<SearchDimension<?>, Reading> oracle = oracle();
        List<DeliveryEvent> samples = List.of(events.get(3), events.get(events.size() / 3), events.get(events.size() - 5));
        for (DeliveryEvent sample : samples) {
            for (SearchDimension<?> d : DeliverySearch.DIMENSIONS) {
                Object value = oracle.get(d).sample().apply(sample);
                if (value == null) {
                    continue;
                }
                filters.add(with(all, d, value));
                filters.add(with(odd, d, value).withEventTypes(Set.copyOf(List.of("TEXT_DELIVERED", sample.eventType()))));
                for (SearchDimension<?> other : DeliverySearch.DIMENSIONS) {
                    Object otherValue = oracle.get(other).sample().apply(sample);
                    if (sample == samples.get(1) && DeliverySearch.DIMENSIONS.indexOf(other) > DeliverySearch.DIMENSIONS.indexOf(d)
                            && otherValue != null) {
                        filters.add(with(with(all, d, value), other, otherValue));
                    }
                }
            }
        }
        return filters;
    }

    @Test
    void every_declared_dimension_is_read_plainly_and_searched() {
        Map<SearchDimension<?>, Reading> oracle = oracle();
        List<DeliverySearch> filters = filters();
        for (SearchDimension<?> d : DeliverySearch.DIMENSIONS) {
            assertThat(oracle).as("a plain reading of " + d.name()).containsKey(d);
            assertThat(filters.stream().filter(f -> f.has(d)).filter(f -> events.stream().anyMatch(matches(f))).count())
                    .as("searches by " + d.name() + " that find receipts").isGreaterThanOrEqualTo(3);
            assertThat(DeliveryLogService.CSV_COLUMNS).as("the CSV column of " + d.name()).contains(d.csvColumn());
        }
        for (DeliverySearch f : filters) {
            assertThat(DeliverySearch.fromParameters(f.toParameters()).withRange(f.from(), f.to())).as("the address form of " + describe(f))
                    .isEqualTo(f);
            f.active().forEach(d -> assertThat(f.describe()).as("the audit description of " + d.name()).contains(d.label()));
        }
    }

    @Test
    void pages_counts_and_exports_agree_with_a_plain_reading() {
        for (DeliverySearch filter : filters()) {
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
    void pages_sorted_by_number_type_or_country_agree_with_a_plain_reading() {
        Map<DeliverySort.Column, Function<DeliveryEvent, @Nullable String>> values = Map.of(DeliverySort.Column.NUMBER, DeliveryEvent::destination,
                DeliverySort.Column.TYPE, DeliveryEvent::eventType, DeliverySort.Column.COUNTRY, DeliveryEvent::country);
        List<DeliverySearch> filters = filters();
        for (DeliverySearch filter : filters.subList(0, 14)) {
            List<DeliveryEvent> matching = events.stream().filter(matches(filter)).toList();
            for (var column : values.entrySet()) {
                for (boolean ascending : new boolean[] {true, false}) {
                    // smallest first by the value (byte order, none as the largest), then by time (the key), all reversed when descending
                    Comparator<DeliveryEvent> order = Comparator.comparing(column.getValue(), Comparator.nullsLast(Comparator.<String>naturalOrder()))
                            .thenComparing(keys::get);
                    List<DeliveryEvent> expected = matching.stream().sorted(ascending ? order : order.reversed()).toList();
                    for (int offset : new int[] {0, 40}) {
                        assertThat(ids(queries.findEvents(filter, offset, 25, new DeliverySort(column.getKey(), ascending))))
                                .as(describe(filter) + " by " + column.getKey() + (ascending ? " ascending" : " descending") + " from " + offset)
                                .isEqualTo(ids(expected.subList(Math.min(offset, expected.size()), Math.min(expected.size(), offset + 25))));
                    }
                }
            }
        }
    }

    @Test
    void each_search_reads_the_index_that_suits_it() {
        var all = DeliverySearch.empty().withRange(START, START.plus(Duration.ofDays(4)));
        assertThat(queries.plan(all, 50).driver()).isEqualTo(DeliveryQueries.Driver.TIME);
        assertThat(queries.plan(all.withFinalOnly(true), 50).driver()).isEqualTo(DeliveryQueries.Driver.TIME);
        assertThat(queries.plan(all.withEventTypes(Set.of("TEXT_SPAM")), 50).driver()).as("a rare type")
                .isEqualTo(DeliveryQueries.Driver.of(DeliverySearch.EVENT_TYPES));
        assertThat(queries.plan(all.withCountry("IS"), 50).driver()).as("a rare country").isEqualTo(DeliveryQueries.Driver.of(DeliverySearch.COUNTRY));
        assertThat(queries.plan(all.withDestination("+1206"), 50).driver()).isEqualTo(DeliveryQueries.Driver.of(DeliverySearch.DESTINATION));
        assertThat(queries.plan(all.withOrigination("ACMEALERT"), 50).driver()).isEqualTo(DeliveryQueries.Driver.of(DeliverySearch.ORIGINATION));
        assertThat(queries.plan(all.withConfigurationSet("marketing"), 50).driver())
                .isEqualTo(DeliveryQueries.Driver.of(DeliverySearch.CONFIGURATION_SET));
        assertThat(queries.plan(all.withContext(new ContextMatch("orderId", "A-7")), 50).driver()).as("a rare context pair: its messages' keys")
                .isEqualTo(DeliveryQueries.Driver.KEYS);
        assertThat(queries.plan(all.withDestination("+44"), 50).values()).as("a short prefix reads each prefix it covers")
                .containsExactly("+4477", "+4479");
        assertThat(queries.plan(all.withMessageId("msg-3"), 50).driver()).isEqualTo(DeliveryQueries.Driver.KEYS);
        assertThat(queries.plan(all.withEventTypes(Set.of("TEXT_TTL_EXPIRED")), 50).empty()).as("no such receipts in those hours").isTrue();
    }

    @Test
    void the_chart_agrees_with_a_plain_reading() {
        long hour = 3_600_000;
        for (DeliverySearch filter : filters()) {
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
        for (DeliverySearch filter : filters()) {
            for (boolean pendingOnly : new boolean[] {false, true}) {
                Predicate<DeliveryMessage> matching = matchesMessage(filter);
                List<String> expected = latest.values().stream()
                        .filter(m -> matching.test(m) && (!pendingOnly || (!m.isFinal() && m.firstEventAt().toEpochMilli() < pendingBefore)))
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

    @Test
    void a_context_search_newest_first_finds_the_late_receipt_of_an_early_message() {
        // a text sent on the first day whose final receipt comes two days later, among the newest (AWS allows a
        // time to live of up to 72 hours: botocore's TimeToLive max is 259200 s), stored after the others
        var late = new Send("msg-late", DESTINATIONS.getFirst(), ORIGINATIONS[0], null, "{\"account\":\"acct-1\"}");
        long sent = START.plus(Duration.ofDays(1)).toEpochMilli();
        var receipts = List.of(receipt(late, "TEXT_DELIVERED", true, sent + Duration.ofDays(2).minusHours(1).toMillis()),
                receipt(late, "TEXT_QUEUED", false, sent));
        // the final receipt is stored first: the context index then holds its time, two days after the message's first
        store.store("group", receipts.subList(0, 1), List.of(), 0, 0, 0);
        store.store("group", receipts.subList(1, 2), List.of(), 0, 0, 0);
        for (DeliveryStore.Receipt r : receipts) {
            keys.put(r.event(), EventKeys.of(r.event().eventAt().toEpochMilli(), r.event().eventId()));
            events.add(r.event());
        }
        events.sort(Comparator.comparing((DeliveryEvent e) -> keys.get(e)).reversed());
        var all = DeliverySearch.empty().withRange(START, START.plus(Duration.ofDays(4)));
        for (DeliverySearch filter : List.of(all.withContext(new ContextMatch("account", "acct-1")),
                DeliverySearch.empty().withContext(new ContextMatch("account", "acct-1")).withEventTypes(Set.of("TEXT_DELIVERED")),
                all.withContext(new ContextMatch("account", "acct-1")).withDestination(DESTINATIONS.getFirst().number()))) {
            List<DeliveryEvent> expected = events.stream().filter(matches(filter)).toList();
            assertThat(ids(expected)).as("the late receipt matches " + describe(filter)).contains("ev-msg-late-TEXT_DELIVERED");
            for (int offset = 0; offset < expected.size(); offset += 20) {
                assertThat(ids(queries.findEvents(filter, offset, 20, true))).as(describe(filter) + " newest first from " + offset)
                        .isEqualTo(ids(expected.subList(offset, Math.min(expected.size(), offset + 20))));
            }
        }
        // messages are searched by their first receipt: the late one belongs to its first day
        var firstDay = DeliverySearch.empty().withRange(START.plus(Duration.ofDays(1)), START.plus(Duration.ofDays(1)).plusSeconds(3600))
                .withContext(new ContextMatch("account", "acct-1"));
        List<String> expected = latestStates().values().stream().filter(matchesMessage(firstDay))
                .sorted(Comparator.comparing(DeliveryMessage::firstEventAt).thenComparing(DeliveryMessage::messageId).reversed())
                .map(DeliveryMessage::messageId).toList();
        assertThat(expected).as("messages of " + describe(firstDay)).contains("msg-late");
        assertThat(queries.findMessages(firstDay, false, 0, 0, 50)).extracting(DeliveryMessage::messageId).as(describe(firstDay))
                .isEqualTo(expected);
        assertThat(queries.countMessages(firstDay, false, 0)).as(describe(firstDay) + " count").isEqualTo(expected.size());
    }

    @Test
    void a_context_search_of_messages_newest_first_places_a_message_first_seen_by_a_later_receipt() {
        // 70 messages a minute apart carrying one pair, and one sent before them whose final receipt, an hour and a half
        // later, is stored first: the context index then holds that later time for it, the newest of all
        long t = START.plus(Duration.ofDays(2)).toEpochMilli();
        List<DeliveryStore.Receipt> stored = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            var send = new Send("msg-batch-" + i, DESTINATIONS.get(2), ORIGINATIONS[0], null, "{\"batch\":\"z\"}");
            var r = receipt(send, "TEXT_QUEUED", false, t + i * 60_000L);
            store.store("group", List.of(r), List.of(), 0, 0, 0);
            stored.add(r);
        }
        var early = new Send("msg-batch-early", DESTINATIONS.get(2), ORIGINATIONS[0], null, "{\"batch\":\"z\"}");
        var delivered = receipt(early, "TEXT_DELIVERED", true, t + 90 * 60_000L);
        var queued = receipt(early, "TEXT_QUEUED", false, t - 10 * 60_000L);
        store.store("group", List.of(delivered), List.of(), 0, 0, 0);
        store.store("group", List.of(queued), List.of(), 0, 0, 0);
        stored.add(delivered);
        stored.add(queued);
        for (DeliveryStore.Receipt r : stored) {
            keys.put(r.event(), EventKeys.of(r.event().eventAt().toEpochMilli(), r.event().eventId()));
            events.add(r.event());
        }
        events.sort(Comparator.comparing((DeliveryEvent e) -> keys.get(e)).reversed());
        var batch = DeliverySearch.empty().withRange(START, START.plus(Duration.ofDays(4))).withContext(new ContextMatch("batch", "z"));
        List<String> expected = latestStates().values().stream().filter(matchesMessage(batch))
                .sorted(Comparator.comparing(DeliveryMessage::firstEventAt).thenComparing(DeliveryMessage::messageId).reversed())
                .map(DeliveryMessage::messageId).toList();
        assertThat(expected).hasSize(71).endsWith("msg-batch-0", "msg-batch-early");
        for (int limit : new int[] {64, 65, 70}) {
            assertThat(queries.findMessages(batch, false, 0, 0, limit)).extracting(DeliveryMessage::messageId).as(describe(batch) + " first " + limit)
                    .isEqualTo(expected.subList(0, limit));
        }
        assertThat(queries.countMessages(batch, false, 0)).isEqualTo(71);
        List<DeliveryEvent> receipts = events.stream().filter(matches(batch)).toList();
        assertThat(ids(queries.findEvents(batch, 0, 65, true))).as(describe(batch) + " receipts").isEqualTo(ids(receipts.subList(0, 65)));
    }

    @Test
    void a_busy_number_is_counted_from_its_own_hourly_counts_from_its_promotion_on() {
        var jdbc = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        long hour = 3_600_000;
        long countedFrom = jdbc.queryForObject("SELECT counted_from FROM delivery_busy_destination WHERE destination = ?", Long.class, BUSIEST);
        assertThat(countedFrom).as("promoted half way, from a whole hour").isBetween(PROMOTED_AROUND.toEpochMilli(),
                PROMOTED_AROUND.toEpochMilli() + hour).matches(t -> t % hour == 0);
        Predicate<DeliveryEvent> ofBusiest = e -> e.destination().equals(BUSIEST);
        assertThat(events.stream().filter(ofBusiest).filter(e -> e.eventAt().toEpochMilli() < countedFrom)
                .filter(e -> e.eventAt().isBefore(PROMOTED_AROUND))).as("receipts of hours before it").isNotEmpty();

        // its rollups hold exactly its receipts and messages from that hour on, also those stored before the promotion
        Map<String, Long> receiptsByType = new TreeMap<>();
        events.stream().filter(ofBusiest).filter(e -> e.eventAt().toEpochMilli() >= countedFrom)
                .forEach(e -> receiptsByType.merge(e.eventType(), 1L, Long::sum));
        Map<String, Long> rolledUp = new TreeMap<>();
        jdbc.query("SELECT event_type, SUM(events) FROM delivery_destination_hourly WHERE destination = ? GROUP BY event_type",
                (java.sql.ResultSet rs) -> {
                    rolledUp.put(rs.getString(1), rs.getLong(2));
                }, BUSIEST);
        assertThat(rolledUp).as("receipts per type in its hourly counts").isEqualTo(receiptsByType);
        Map<String, Long> messagesByType = new TreeMap<>();
        latestStates().values().stream().filter(m -> m.destination().equals(BUSIEST) && m.firstEventAt().toEpochMilli() >= countedFrom)
                .forEach(m -> messagesByType.merge(m.latestType(), 1L, Long::sum));
        Map<String, Long> messagesRolledUp = new TreeMap<>();
        jdbc.query("SELECT latest_type, SUM(messages) FROM delivery_destination_message_hourly WHERE destination = ? GROUP BY latest_type"
                + " HAVING SUM(messages) <> 0", (java.sql.ResultSet rs) -> {
                    messagesRolledUp.put(rs.getString(1), rs.getLong(2));
                }, BUSIEST);
        assertThat(messagesRolledUp).as("messages per latest type in its hourly counts").isEqualTo(messagesByType);

        // counts, the chart and message counts read those hours from them: with the number's receipts and messages of
        // those hours taken out of the tables, they still agree with the plain reading
        var all = DeliverySearch.empty().withRange(START, START.plus(Duration.ofDays(4))).withDestination(BUSIEST);
        List<DeliveryEvent> expected = events.stream().filter(matches(all)).toList();
        long expectedMessages = latestStates().values().stream().filter(matchesMessage(all)).count();
        Map<Long, Map<String, Long>> chart = new TreeMap<>();
        long from = START.toEpochMilli();
        expected.forEach(e -> chart.computeIfAbsent(from + (e.eventAt().toEpochMilli() - from) / (6 * hour) * (6 * hour), k -> new TreeMap<>())
                .merge(e.eventType(), 1L, Long::sum));
        jdbc.update("DELETE FROM delivery_event_raw WHERE event_key IN (SELECT event_key FROM delivery_event WHERE destination = ? AND event_key >= ?)",
                BUSIEST, EventKeys.lowest(countedFrom));
        assertThat(jdbc.update("DELETE FROM delivery_event WHERE destination = ? AND event_key >= ?", BUSIEST, EventKeys.lowest(countedFrom)))
                .isPositive();
        assertThat(jdbc.update("DELETE FROM delivery_message WHERE destination = ? AND first_event_at >= ?", BUSIEST, countedFrom)).isPositive();
        assertThat(queries.countEvents(all)).as(describe(all) + " count").isEqualTo(expected.size());
        assertThat(queries.countMessages(all, false, 0)).as(describe(all) + " messages").isEqualTo(expectedMessages);
        assertThat(queries.histogram(all, from, all.to().toEpochMilli(), 6 * hour)).as(describe(all) + " chart").isEqualTo(chart);
    }

    @Test
    void a_context_search_is_counted_from_its_messages_key_lists() {
        // the key lists name each receipt with its type, so with the pair's receipts taken out of the table
        // the counts, the counts per type and the chart still agree with the plain reading
        var jdbc = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        long hour = 3_600_000;
        var all = DeliverySearch.empty().withRange(START, START.plus(Duration.ofDays(4))).withContext(new ContextMatch("account", "acct-1"));
        var odd = all.withRange(START.plus(Duration.ofMinutes(617)), START.plus(Duration.ofHours(40)).plusSeconds(1234))
                .withEventTypes(Set.of("TEXT_DELIVERED", "TEXT_QUEUED"));
        record Expected(DeliverySearch filter, Map<String, Long> byType, Map<Long, Map<String, Long>> chart) {
        }
        List<Expected> expected = new ArrayList<>();
        for (DeliverySearch filter : List.of(all, odd)) {
            long from = filter.from().toEpochMilli();
            Map<String, Long> byType = new TreeMap<>();
            Map<Long, Map<String, Long>> chart = new TreeMap<>();
            events.stream().filter(matches(filter)).forEach(e -> {
                byType.merge(e.eventType(), 1L, Long::sum);
                chart.computeIfAbsent(from + (e.eventAt().toEpochMilli() - from) / (6 * hour) * (6 * hour), k -> new TreeMap<>())
                        .merge(e.eventType(), 1L, Long::sum);
            });
            assertThat(byType).as(describe(filter) + " in the sample").isNotEmpty();
            expected.add(new Expected(filter, byType, chart));
        }
        List<String> ids = events.stream().filter(matches(all)).map(DeliveryEvent::messageId).distinct().toList();
        for (int i = 0; i < ids.size(); i += 200) {
            var chunk = Map.of("ids", ids.subList(i, Math.min(ids.size(), i + 200)));
            var named = new org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate(jdbc);
            named.update("DELETE FROM delivery_event_raw WHERE event_key IN (SELECT event_key FROM delivery_event WHERE message_id IN (:ids))", chunk);
            named.update("DELETE FROM delivery_event WHERE message_id IN (:ids)", chunk);
        }
        for (Expected e : expected) {
            assertThat(queries.countsByType(e.filter())).as(describe(e.filter()) + " counts per type").isEqualTo(e.byType());
            assertThat(queries.countEvents(e.filter())).as(describe(e.filter()) + " count")
                    .isEqualTo(e.byType().values().stream().mapToLong(Long::longValue).sum());
            assertThat(queries.histogram(e.filter(), e.filter().from().toEpochMilli(), e.filter().to().toEpochMilli(), 6 * hour))
                    .as(describe(e.filter()) + " chart")
                    .isEqualTo(e.chart());
        }
    }

    @Test
    void key_lists_without_types_and_types_without_a_code_are_read_from_the_receipts() {
        // a third of the messages keep their key list as written before it held types (the keys in decimal), and
        // one message has a receipt of a type AWS may add later; the searches their key lists answer still agree
        var jdbc = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT message_id, event_keys FROM delivery_message ORDER BY message_id");
        List<Object[]> untyped = new ArrayList<>();
        for (int i = 0; i < rows.size(); i += 3) {
            var parsed = ReceiptKeys.parse((String) rows.get(i).get("event_keys"));
            String decimal = String.join(",", parsed.keys().stream().map(String::valueOf).toList()) + (parsed.complete() ? "" : "," + ReceiptKeys.CUT);
            untyped.add(new Object[] {decimal, rows.get(i).get("message_id")});
        }
        jdbc.batchUpdate("UPDATE delivery_message SET event_keys = ? WHERE message_id = ?", untyped);
        DeliveryEvent first = events.stream().filter(e -> e.context() != null && e.eventType().equals("TEXT_QUEUED")).findFirst().orElseThrow();
        var future = new Send(first.messageId(), DESTINATIONS.stream().filter(d -> d.number().equals(first.destination())).findFirst().orElseThrow(),
                first.origination(), first.configurationSet(), first.context());
        DeliveryStore.Receipt later = receipt(future, "TEXT_NOT_YET_KNOWN", false, first.eventAt().toEpochMilli() + 300);
        store.store("group", List.of(later), List.of(), 0, 0, 0);
        events.add(later.event());
        long key = EventKeys.of(later.event().eventAt().toEpochMilli(), later.event().eventId());
        byKey.put(key, later.event());
        keys.put(later.event(), key);
        events.sort(Comparator.comparing((DeliveryEvent e) -> keys.get(e)).reversed());

        var pair = contextOf(first.context()).entrySet().iterator().next();
        var all = DeliverySearch.empty().withRange(START, START.plus(Duration.ofDays(4)));
        List<DeliverySearch> filters = new ArrayList<>(List.of(all.withMessageId(first.messageId()),
                all.withMessageId(first.messageId()).withEventTypes(Set.of("TEXT_NOT_YET_KNOWN", "TEXT_QUEUED")),
                all.withContext(new ContextMatch(pair.getKey(), pair.getValue())),
                all.withContext(new ContextMatch("account", "acct-2")).withEventTypes(Set.of("TEXT_DELIVERED")),
                all.withMessageId((String) rows.get(3).get("message_id"))));
        long hour = 3_600_000;
        for (DeliverySearch filter : filters) {
            List<DeliveryEvent> expected = events.stream().filter(matches(filter)).toList();
            assertThat(expected).as(describe(filter) + " in the sample").isNotEmpty();
            Map<String, Long> byType = new TreeMap<>();
            Map<Long, Map<String, Long>> chart = new TreeMap<>();
            long from = START.toEpochMilli();
            expected.forEach(e -> {
                byType.merge(e.eventType(), 1L, Long::sum);
                chart.computeIfAbsent(from + (e.eventAt().toEpochMilli() - from) / hour * hour, k -> new TreeMap<>()).merge(e.eventType(), 1L, Long::sum);
            });
            assertThat(queries.countsByType(filter)).as(describe(filter) + " counts per type").isEqualTo(byType);
            assertThat(queries.histogram(filter, from, all.to().toEpochMilli(), hour)).as(describe(filter) + " chart").isEqualTo(chart);
            assertThat(ids(queries.findEvents(filter, 0, 25, true))).as(describe(filter) + " newest first")
                    .isEqualTo(ids(expected.subList(0, Math.min(expected.size(), 25))));
        }
    }

    static List<String> ids(List<DeliveryEvent> events) {
        return events.stream().map(DeliveryEvent::eventId).toList();
    }

    static String describe(DeliverySearch f) {
        return "[" + f.describe() + "]";
    }
}
