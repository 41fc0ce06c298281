package com.example.smsconsole.deliverylog.repository;

import com.example.smsconsole.common.PhoneNumber;
import com.example.smsconsole.deliverylog.DeliveryEvent;
import com.example.smsconsole.deliverylog.DeliverySearch;
import com.example.smsconsole.deliverylog.DeliveryMessage;
import com.example.smsconsole.deliverylog.DeliverySort;
import com.example.smsconsole.deliverylog.SearchDimension;
import com.example.smsconsole.deliverylog.SearchDimension.ContextMatch;
import com.example.smsconsole.deliverylog.SearchDimension.Kind;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Searches of the delivery store: receipts (pages, exact counts, the chart, the export), messages
 * and timelines.
 *
 * <p>Every search of receipts reads one index, chosen here (its plan): the primary key (time), the
 * event type, the country or the number prefix index, each of which gives receipts newest first for
 * one value of its leading column. The choice comes from the exact hourly counts, so the first page
 * of any search reads about as many index entries as it needs; a search over several types or
 * prefixes reads each in turn and merges them. Conditions the chosen index does not lead with are
 * written as expressions, so that neither H2 nor PostgreSQL turns them into a lookup in another
 * index (H2 otherwise prefers an IN list on the type index over the time range and sorts every
 * match); on H2 the index is also named in the query.
 */
@Repository
public class DeliveryQueries {

    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;
    /** The longest range whose plan is estimated from the hourly counts; longer ones use the daily counts. */
    private static final long ESTIMATE_BY_HOUR = 2 * DAY;
    private static final long KEY_MILLIS = 1L << EventKeys.HASH_BITS;
    private static final int EXPORT_PAGE = 1000;
    /** Relative cost of reading one index entry: the primary key holds the row, other indexes may need it fetched. */
    private static final double PRIMARY_ENTRY = 1;
    private static final double INDEX_ONLY_ENTRY = 0.5;
    private static final double FETCHING_ENTRY = 5;
    private static final double QUERY_COST = 20;

    /**
     * Messages with one context pair whose receipts are read by their keys whatever the range; up to
     * {@link #CONTEXT_KEYS_SHARE} of the range's receipts and at most {@link #CONTEXT_KEYS_MAX}, too.
     * With more, the time index drives and each row is checked.
     */
    static final int CONTEXT_KEYS_MESSAGES = 2000;
    /** A pair's messages are read by key while there are at most one for this many receipts in the range. */
    static final int CONTEXT_KEYS_SHARE = 20;
    static final int CONTEXT_KEYS_MAX = 50_000;
    /** Receipt keys per statement: a long list is split so that no statement nears the databases' limits on parameters. */
    static final int KEYS_PER_QUERY = 1000;

    /**
     * The index a search of receipts reads: the primary key (time), the receipt keys listed by
     * messages, or the index a {@link SearchDimension} declares (led by its column, then the key).
     */
    record Driver(String name, @Nullable String index, @Nullable String column, @Nullable SearchDimension<?> dimension) {
        static final Driver TIME = new Driver("TIME", null, null, null);
        static final Driver KEYS = new Driver("KEYS", null, null, null);

        /** Reads the dimension's declared index; a number's index leads with the number's first five characters. */
        static Driver of(SearchDimension<?> dimension) {
            return new Driver(dimension.name(), dimension.index(), dimension.kind() == Kind.NUMBER ? "dest_prefix" : dimension.eventColumn(),
                    dimension);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * How a search of receipts is answered: the index, the values of its leading column to read
     * (several are merged), or the receipt keys of one message. {@code keyTypes} holds the event type of
     * each of the keys when the messages' key lists say them all, else it is null.
     */
    record Plan(@Nullable Driver driver, List<String> values, List<Long> keys, long fromKey, long toKey, DeliverySearch filter,
            @Nullable Number number, @Nullable List<String> keyTypes) {

        Plan(@Nullable Driver driver, List<String> values, List<Long> keys, long fromKey, long toKey, DeliverySearch filter,
                @Nullable Number number) {
            this(driver, values, keys, fromKey, toKey, filter, number, null);
        }

        static Plan none(DeliverySearch filter) {
            return new Plan(null, List.of(), List.of(), 0, 0, filter, null);
        }

        boolean empty() {
            return driver == null;
        }

        /** The given receipt keys, read with the same range, number and other filters. */
        Plan withKeys(List<Long> receiptKeys) {
            return new Plan(Driver.KEYS, List.of(), receiptKeys, fromKey, toKey, filter, number);
        }

        /**
         * The receipts of these key list entries within the range, in key order; with the types of them
         * all known, only those of the search's types (the rows are still checked for every filter).
         */
        Plan withEntries(List<ReceiptKeys.Entry> entries) {
            Set<String> types = filter.eventTypes();
            boolean typed = entries.stream().allMatch(e -> e.type() != null);
            List<ReceiptKeys.Entry> kept = entries.stream()
                    .filter(e -> e.key() >= fromKey && e.key() < toKey && (!typed || types.isEmpty() || types.contains(e.type())))
                    .sorted(Comparator.comparingLong(ReceiptKeys.Entry::key)).toList();
            return new Plan(Driver.KEYS, List.of(), kept.stream().map(ReceiptKeys.Entry::key).toList(), fromKey, toKey, filter, number,
                    typed ? kept.stream().map(ReceiptKeys.Entry::type).toList() : null);
        }

        /** The same plan for receipts before {@code key} only. */
        Plan before(long key) {
            return new Plan(driver, values, keys.stream().filter(k -> k < key).toList(), fromKey, Math.min(toKey, key), filter, number);
        }
    }

    /** A number filter: the prefixes (stored dest_prefix values) it covers and the condition on the whole number. */
    record Number(List<String> prefixes, @Nullable String exact, @Nullable String startsWith) {
    }

    private record Query(String sql, MapSqlParameterSource params) {
    }

    private record Keyed(long key, DeliveryEvent event) {
    }

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final boolean postgres;
    private final TransactionTemplate readOnly;

    /**
     * Searches on the console's database, or on a read replica when {@code app.delivery.read-datasource.url}
     * is set (with {@code .username} and {@code .password}): every search only reads, so a PostgreSQL hot
     * standby can answer them while ingestion, retention and the leases stay on the primary
     * (docs/decisions/008-20261202-delivery-store-scale.md).
     */
    @org.springframework.beans.factory.annotation.Autowired
    public DeliveryQueries(DataSource dataSource, org.springframework.core.env.Environment environment) {
        this(readDataSource(dataSource, environment));
    }

    private static DataSource readDataSource(DataSource primary, org.springframework.core.env.Environment environment) {
        String url = environment.getProperty("app.delivery.read-datasource.url", "");
        if (url.isBlank()) {
            return primary;
        }
        var replica = new com.zaxxer.hikari.HikariDataSource();
        replica.setPoolName("delivery-read");
        replica.setJdbcUrl(url);
        replica.setUsername(environment.getProperty("app.delivery.read-datasource.username"));
        replica.setPassword(environment.getProperty("app.delivery.read-datasource.password"));
        replica.setReadOnly(true);
        return replica;
    }

    public DeliveryQueries(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.readOnly = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.readOnly.setReadOnly(true);
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.postgres = Boolean.TRUE.equals(jdbc.execute((Connection c) -> c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")));
    }

    // ------------------------------------------------------------------ receipts

    /** One page of receipts matching the filter, newest (or oldest) first. */
    public List<DeliveryEvent> findEvents(DeliverySearch filter, int offset, int limit, boolean newestFirst) {
        if (newestFirst && filter.context() != null && filter.messageId() == null && limit > 0) {
            Optional<List<Keyed>> newest = newestWithContext(filter, offset, limit);
            if (newest.isPresent()) {
                return newest.get().stream().map(Keyed::event).toList();
            }
        }
        return page(plan(filter, (long) offset + limit), offset, limit, newestFirst).stream().map(Keyed::event).toList();
    }

    /**
     * One page of receipts matching the filter in the given order. By a column, every match is
     * ordered by the database (per value of the plan's index, merged here), with the key after the
     * column in the same direction, so pages never overlap; by time, as {@link #findEvents(DeliverySearch, int, int, boolean)}.
     */
    public List<DeliveryEvent> findEvents(DeliverySearch filter, int offset, int limit, DeliverySort sort) {
        String column = sort.column().eventColumn();
        if (column == null) {
            return findEvents(filter, offset, limit, !sort.ascending());
        }
        Plan plan = plan(filter, Long.MAX_VALUE);
        if (plan.empty() || limit <= 0) {
            return List.of();
        }
        String direction = sort.ascending() ? " ASC NULLS LAST" : " DESC NULLS FIRST";
        String keyDirection = sort.ascending() ? " ASC" : " DESC";
        // byte order on both databases, as the merge below compares
        String sortColumn = "e." + column + (postgres ? " COLLATE \"C\"" : "");
        record Sorted(long key, @Nullable String value) {
        }
        List<Sorted> heads = new ArrayList<>();
        for (Query q : queries(plan)) {
            heads.addAll(named.query("SELECT e.event_key, e." + column + q.sql() + " ORDER BY " + sortColumn + direction + ", e.event_key" + keyDirection
                    + " LIMIT :limit", q.params().addValue("limit", offset + limit), (rs, i) -> new Sorted(rs.getLong(1), rs.getString(2))));
        }
        Comparator<Sorted> order = Comparator.comparing(Sorted::value, Comparator.nullsLast(Comparator.<String>naturalOrder()))
                .thenComparingLong(Sorted::key);
        heads.sort(sort.ascending() ? order : order.reversed());
        if (offset >= heads.size()) {
            return List.of();
        }
        List<Long> keys = heads.subList(offset, Math.min(heads.size(), offset + limit)).stream().map(Sorted::key).toList();
        Map<Long, DeliveryEvent> rows = new HashMap<>();
        named.query("SELECT " + SELECT_EVENT + " FROM delivery_event e WHERE e.event_key IN (:keys)", Map.of("keys", keys), KEYED_MAPPER)
                .forEach(k -> rows.put(k.key(), k.event()));
        return keys.stream().map(rows::get).toList();
    }

    /** The exact number of receipts matching the filter. */
    public long countEvents(DeliverySearch filter) {
        return countsByType(filter).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Every event type any stored receipt has, known to the console or not (from the daily counts). */
    public List<String> eventTypes() {
        return jdbc.queryForList("SELECT DISTINCT event_type FROM delivery_event_daily ORDER BY event_type", String.class);
    }

    /**
     * Receipts per event type for the filter (its own type selection included). Without a number
     * or message id, whole hours come from the hourly counts and the partial hours at the edges
     * from the receipts; with one, from the number index (which holds every column counted on) or
     * the message's receipts.
     */
    public Map<String, Long> countsByType(DeliverySearch filter) {
        Map<String, Long> counts = new TreeMap<>();
        Busy busy = busy(filter);
        if (busy != null) {
            busy.before(filter).ifPresent(before -> addCounts(counts, plan(before, Long.MAX_VALUE)));
            busy.after(filter).ifPresent(after -> wholeHoursAndEdges(after,
                    hours -> addRolledUp(counts, "delivery_destination_hourly WHERE destination = :destination", Busy.others(after), hours,
                            new MapSqlParameterSource("destination", busy.destination())),
                    part -> addCounts(counts, plan(part, Long.MAX_VALUE))));
            return counts;
        }
        if (!filter.countableByHour()) {
            addCounts(counts, plan(filter, Long.MAX_VALUE));
            return counts;
        }
        wholeHoursAndEdges(filter, hours -> addRolledUp(counts, "delivery_event_hourly WHERE 1 = 1", filter, hours, new MapSqlParameterSource()),
                part -> addCounts(counts, scanPlan(part)));
        return counts;
    }

    /**
     * Answers a search from an hourly rollup over the whole hours of its range and by the receipts or
     * messages over the partial hours at its edges, or over all of it when it holds no whole hour:
     * {@code rollup} reads the given hours, {@code byIndex} one part of the range.
     */
    private static void wholeHoursAndEdges(DeliverySearch filter, Consumer<Hours> rollup, Consumer<DeliverySearch> byIndex) {
        Hours hours = Hours.of(filter.from(), filter.to());
        if (hours.noneWhole()) {
            byIndex.accept(filter);
            return;
        }
        rollup.accept(hours);
        hours.edges(filter).forEach(byIndex);
    }

    /** Adds the receipts per type of a rollup's whole hours ({@code rollup} names it and opens its conditions). */
    private void addRolledUp(Map<String, Long> counts, String rollup, DeliverySearch filter, Hours hours, MapSqlParameterSource params) {
        var sql = new StringBuilder("SELECT event_type, SUM(events) FROM " + rollup);
        hours.restrict(sql, params);
        rollupFilters(filter, false, sql, params);
        sql.append(" GROUP BY event_type");
        named.query(sql.toString(), params, (ResultSet rs) -> {
            counts.merge(rs.getString(1), rs.getLong(2), Long::sum);
        });
    }

    private void addCounts(Map<String, Long> counts, Plan plan) {
        if (keysAnswer(plan)) {
            plan.keyTypes().forEach(type -> counts.merge(type, 1L, Long::sum));
            return;
        }
        for (Query q : queries(plan)) {
            named.query("SELECT " + typeColumn(plan) + ", COUNT(*)" + q.sql() + " GROUP BY 1", q.params(), (ResultSet rs) -> {
                counts.merge(rs.getString(1), rs.getLong(2), Long::sum);
            });
        }
    }

    /**
     * Whether the plan's keys and their types alone count its receipts: keys listed by the messages of
     * the search's message id or context pair (each of those receipts matches it, and the list holds
     * all of them), of the search's range and types already, with no other filter to check on the rows.
     * A key list names exactly the receipts stored: a message's receipts and its row are written in one
     * transaction, and retention removes a message with its first receipt, which is its earliest.
     *
     * @see "Design decision: docs/decisions/008-20261202-delivery-store-scale.md, Types in the key list"
     */
    private static boolean keysAnswer(Plan plan) {
        if (plan.driver() != Driver.KEYS || plan.keyTypes() == null) {
            return false;
        }
        SearchDimension<?> lister = plan.filter().messageId() != null ? DeliverySearch.MESSAGE_ID : DeliverySearch.CONTEXT;
        return plan.filter().active().stream().allMatch(d -> d == lister || d == DeliverySearch.EVENT_TYPES);
    }

    /**
     * The event type as grouped by: the column where the query names its index, else an expression,
     * since H2 would otherwise read the type index whole to group in its order.
     */
    private String typeColumn(Plan plan) {
        return postgres || plan.driver().index() != null ? "e.event_type" : loose("e.event_type");
    }

    /**
     * A search by one busy destination (a full number ingestion promoted to its own hourly counts, V71)
     * whose other filters those counts carry: from {@code countedFrom} (a whole hour) on, its counts
     * come from delivery_destination_hourly and delivery_destination_message_hourly; before it, from
     * the number index.
     *
     * @see "Design decision: docs/decisions/008-20261202-delivery-store-scale.md, Counts"
     */
    private record Busy(String destination, long countedFrom) {

        /** The search over the part of its range before the destination's own counts start, if any. */
        Optional<DeliverySearch> before(DeliverySearch filter) {
            if (filter.from() != null && filter.from().toEpochMilli() >= countedFrom) {
                return Optional.empty();
            }
            long to = filter.to() == null ? countedFrom : Math.min(countedFrom, filter.to().toEpochMilli());
            return filter.from() != null && filter.from().toEpochMilli() >= to ? Optional.empty()
                    : Optional.of(filter.withRange(filter.from(), Instant.ofEpochMilli(to)));
        }

        /** The search over the part of its range the destination's own counts cover, if any. */
        Optional<DeliverySearch> after(DeliverySearch filter) {
            long from = filter.from() == null ? countedFrom : Math.max(countedFrom, filter.from().toEpochMilli());
            return filter.to() != null && filter.to().toEpochMilli() <= from ? Optional.empty()
                    : Optional.of(filter.withRange(Instant.ofEpochMilli(from), filter.to()));
        }

        /** The search's other filters, which the rollup's columns carry. */
        static DeliverySearch others(DeliverySearch filter) {
            return filter.withDestination(null);
        }
    }

    /** The busy destination the search is by, when its own counts can answer the search; null otherwise. */
    private @Nullable Busy busy(DeliverySearch filter) {
        if (filter.destination() == null
                || filter.active().stream().anyMatch(d -> d != DeliverySearch.DESTINATION && !d.hourly())) {
            return null;
        }
        String exact = number(filter.destination()).exact();
        if (exact == null) {
            return null;
        }
        return jdbc.query("SELECT counted_from FROM delivery_busy_destination WHERE destination = ?", (rs, i) -> rs.getLong(1), exact).stream()
                .findFirst().map(from -> new Busy(exact, from)).orElse(null);
    }

    /** A time range as whole hours, answered from an hourly rollup, and the partial hours at its edges. */
    private record Hours(@Nullable Instant from, @Nullable Instant to, long firstWhole, long endWhole) {

        static Hours of(@Nullable Instant from, @Nullable Instant to) {
            long firstWhole = from == null ? Long.MIN_VALUE : Math.ceilDiv(from.toEpochMilli(), HOUR) * HOUR;
            long endWhole = to == null ? Long.MAX_VALUE : Math.floorDiv(to.toEpochMilli(), HOUR) * HOUR;
            return new Hours(from, to, firstWhole, endWhole);
        }

        /** The range holds no whole hour. */
        boolean noneWhole() {
            return from != null && to != null && firstWhole >= endWhole;
        }

        void restrict(StringBuilder sql, MapSqlParameterSource params) {
            if (from != null) {
                sql.append(" AND hour_at >= :firstWhole");
                params.addValue("firstWhole", firstWhole);
            }
            if (to != null) {
                sql.append(" AND hour_at < :endWhole");
                params.addValue("endWhole", endWhole);
            }
        }

        /** The filter over each partial hour at the edges. */
        List<DeliverySearch> edges(DeliverySearch filter) {
            List<DeliverySearch> edges = new ArrayList<>();
            if (from != null && from.toEpochMilli() < firstWhole) {
                edges.add(filter.withRange(from, Instant.ofEpochMilli(firstWhole)));
            }
            if (to != null && endWhole < to.toEpochMilli()) {
                edges.add(filter.withRange(Instant.ofEpochMilli(endWhole), to));
            }
            return edges;
        }
    }

    /**
     * The search's conditions on an hourly rollup of receipts or of messages, whose columns are the
     * declared columns of the dimensions it carries (every dimension that filters, see
     * {@link DeliverySearch#countableByHour()}).
     */
    private static void rollupFilters(DeliverySearch filter, boolean messages, StringBuilder sql, MapSqlParameterSource params) {
        for (SearchDimension<?> d : filter.active()) {
            if (!d.hourly()) {
                throw new IllegalArgumentException("The hourly counts do not carry " + d.name());
            }
            String column = messages ? d.messageColumn() : d.eventColumn();
            String param = "v_" + d.name();
            switch (d.kind()) {
                case ANY_OF -> sql.append(" AND ").append(column).append(" IN (:").append(param).append(")");
                case EQUALS -> sql.append(" AND ").append(column).append(" = :").append(param);
                case FLAG -> sql.append(" AND ").append(column).append(" = TRUE");
                default -> throw new IllegalArgumentException("The hourly counts cannot match " + d.kind());
            }
            params.addValue(param, filter.value(d));
        }
    }

    /** Receipts per time bucket and type, for the chart; buckets start at {@code from}. */
    public Map<Long, Map<String, Long>> histogram(DeliverySearch filter, long from, long to, long bucketMillis) {
        Map<Long, Map<String, Long>> buckets = new TreeMap<>();
        boolean aligned = bucketMillis % HOUR == 0 && from % HOUR == 0;
        Busy busy = aligned ? busy(filter) : null;
        if (busy != null) {
            long split = Math.min(to, Math.max(from, busy.countedFrom()));
            if (from < split) {
                histogramByIndex(buckets, filter, from, split, from, bucketMillis);
            }
            if (split < to) {
                var params = new MapSqlParameterSource("destination", busy.destination());
                histogramByHour(buckets, "delivery_destination_hourly WHERE destination = :destination AND", Busy.others(filter), split, to, from,
                        bucketMillis, params);
            }
            return buckets;
        }
        if (aligned && filter.countableByHour()) {
            histogramByHour(buckets, "delivery_event_hourly WHERE", filter, from, to, from, bucketMillis, new MapSqlParameterSource());
            return buckets;
        }
        histogramByIndex(buckets, filter, from, to, from, bucketMillis);
        return buckets;
    }

    /** The chart's buckets over whole hours [from, to) of an hourly rollup ({@code rollup} names it and opens its conditions). */
    private void histogramByHour(Map<Long, Map<String, Long>> buckets, String rollup, DeliverySearch filter, long from, long to, long bucketsFrom,
            long bucketMillis, MapSqlParameterSource params) {
        params.addValue("from", from).addValue("to", to).addValue("bucketsFrom", bucketsFrom).addValue("bucket", bucketMillis);
        var sql = new StringBuilder("SELECT b, event_type, SUM(events) FROM (SELECT (hour_at - :bucketsFrom) / :bucket AS b, event_type, events FROM "
                + rollup + " hour_at >= :from AND hour_at < :to");
        rollupFilters(filter, false, sql, params);
        sql.append(") x GROUP BY b, event_type");
        named.query(sql.toString(), params, (ResultSet rs) -> {
            buckets.computeIfAbsent(bucketsFrom + rs.getLong(1) * bucketMillis, k -> new TreeMap<>()).merge(rs.getString(2), rs.getLong(3), Long::sum);
        });
    }

    /** The chart's buckets over [from, to) from the receipts, by the index the search's plan reads. */
    private void histogramByIndex(Map<Long, Map<String, Long>> buckets, DeliverySearch filter, long from, long to, long bucketsFrom, long bucketMillis) {
        DeliverySearch ranged = filter.withRange(Instant.ofEpochMilli(from), Instant.ofEpochMilli(to));
        Plan plan = filter.countableByHour() ? scanPlan(ranged) : plan(ranged, Long.MAX_VALUE);
        if (keysAnswer(plan)) {
            for (int i = 0; i < plan.keys().size(); i++) {
                long bucket = bucketsFrom + (plan.keys().get(i) / KEY_MILLIS - bucketsFrom) / bucketMillis * bucketMillis;
                buckets.computeIfAbsent(bucket, k -> new TreeMap<>()).merge(plan.keyTypes().get(i), 1L, Long::sum);
            }
            return;
        }
        for (Query q : queries(plan)) {
            // the time comes from the key, so a search by number reads the number index alone
            named.query("SELECT (e.event_key / " + KEY_MILLIS + " - :bucketsFrom) / :bucket, " + typeColumn(plan) + ", COUNT(*)" + q.sql()
                            + " GROUP BY 1, 2",
                    q.params().addValue("bucketsFrom", bucketsFrom).addValue("bucket", bucketMillis), (ResultSet rs) -> {
                        buckets.computeIfAbsent(bucketsFrom + rs.getLong(1) * bucketMillis, k -> new TreeMap<>()).merge(rs.getString(2), rs.getLong(3),
                                Long::sum);
                    });
        }
    }

    /**
     * Streams the receipts matching the filter, newest first, at most {@code cap} of them, to the
     * consumer one by one, reading them a page at a time after the last key passed on (the result
     * is never held in memory whole).
     *
     * @return how many rows were passed on
     */
    public int stream(DeliverySearch filter, int cap, Consumer<DeliveryEvent> consumer) {
        Plan plan = plan(filter, Math.min(cap, EXPORT_PAGE));
        int rows = 0;
        while (rows < cap && !plan.empty()) {
            int size = Math.min(EXPORT_PAGE, cap - rows);
            List<Keyed> page = page(plan, 0, size, true);
            for (Keyed k : page) {
                consumer.accept(k.event());
                rows++;
            }
            if (page.size() < size) {
                break;
            }
            plan = plan.before(page.getLast().key());
        }
        return rows;
    }

    /**
     * Runs a page query so that PostgreSQL walks the index in the order asked for: with a LIMIT and
     * a selective filter on non-leading index columns its estimates favour a bitmap scan and a sort
     * of every match, which is several times slower than reading the ordered index until the page
     * is full. H2 follows the index hints in the SQL instead.
     */
    private <T> T ordered(Supplier<T> query) {
        if (!postgres) {
            return query.get();
        }
        return readOnly.execute(status -> {
            jdbc.execute("SET LOCAL enable_sort = off");
            jdbc.execute("SET LOCAL enable_bitmapscan = off");
            return query.get();
        });
    }

    private List<Keyed> page(Plan plan, int offset, int limit, boolean newestFirst) {
        if (plan.empty() || limit <= 0) {
            return List.of();
        }
        if (plan.driver() == Driver.KEYS) {
            // a list of keys is looked up and sorted: PostgreSQL 15 reads "key IN (list)" from the index unordered,
            // so without a sort the only ordered plan left is a walk of the whole key index
            return pageOrdered(plan, offset, limit, newestFirst);
        }
        return ordered(() -> pageOrdered(plan, offset, limit, newestFirst));
    }

    private List<Keyed> pageOrdered(Plan plan, int offset, int limit, boolean newestFirst) {
        String direction = newestFirst ? " DESC" : " ASC";
        List<Query> queries = queries(plan);
        if (queries.size() == 1) {
            Query q = queries.getFirst();
            return named.query("SELECT " + SELECT_EVENT + q.sql() + " ORDER BY " + order(plan.driver(), direction) + " LIMIT :limit OFFSET :offset",
                    q.params().addValue("limit", limit).addValue("offset", offset), KEYED_MAPPER);
        }
        List<Long> keys = new ArrayList<>();
        for (Query q : queries) {
            keys.addAll(named.queryForList("SELECT e.event_key" + q.sql() + " ORDER BY " + order(plan.driver(), direction) + " LIMIT :limit",
                    q.params().addValue("limit", offset + limit), Long.class));
        }
        keys.sort(newestFirst ? Comparator.reverseOrder() : Comparator.naturalOrder());
        if (offset >= keys.size()) {
            return List.of();
        }
        return named.query("SELECT " + SELECT_EVENT + " FROM delivery_event e WHERE e.event_key IN (:keys) ORDER BY e.event_key" + direction,
                Map.of("keys", keys.subList(offset, Math.min(keys.size(), offset + limit))), KEYED_MAPPER);
    }

    private static String order(Driver driver, String direction) {
        return driver.column() == null ? "e.event_key" + direction : "e." + driver.column() + direction + ", e.event_key" + direction;
    }

    // ------------------------------------------------------------------ plans

    /**
     * Chooses how to answer a search of which {@code need} rows are wanted: the message's receipt
     * keys, the number index, or whichever of time, type, country and origination the hourly counts
     * say reads the fewest entries for that many matches. Empty when nothing can match.
     */
    Plan plan(DeliverySearch filter, long need) {
        Plan bounds = bounds(filter);
        if (bounds.empty()) {
            return bounds;
        }
        long fromKey = bounds.fromKey();
        long toKey = bounds.toKey();
        Number number = bounds.number();
        if (filter.messageId() != null) {
            var row = messageRow(filter.messageId());
            if (row.isEmpty()) {
                return Plan.none(filter);
            }
            ReceiptKeys.Parsed keys = ReceiptKeys.parse(row.get().keys());
            if (!keys.complete()) {
                // a message with more receipts than its key list holds: its time span, by message id
                DeliveryMessage m = row.get().message();
                return new Plan(Driver.TIME, List.of(), List.of(), Math.max(fromKey, EventKeys.lowest(m.firstEventAt().toEpochMilli())),
                        Math.min(toKey, EventKeys.lowest(m.lastEventAt().toEpochMilli() + 1)), filter, number);
            }
            Plan byKeys = bounds.withEntries(keys.entries());
            return byKeys.keys().isEmpty() ? Plan.none(filter) : byKeys;
        }
        ContextMatch context = filter.context();
        if (context != null) {
            Optional<List<ReceiptKeys.Entry>> entries = contextKeys(context, filter);
            if (entries.isPresent()) {
                Plan byKeys = bounds.withEntries(entries.get());
                return byKeys.keys().isEmpty() ? Plan.none(filter) : byKeys;
            }
        }
        if (number != null) {
            return new Plan(Driver.of(DeliverySearch.DESTINATION), number.prefixes(), List.of(), fromKey, toKey, filter, number);
        }
        // a dimension the hourly counts do not carry drives by its own index, which gives its matches newest first
        for (SearchDimension<?> d : filter.active()) {
            if (!d.hourly() && d.index() != null && d.kind() == Kind.EQUALS) {
                return new Plan(Driver.of(d), List.of((String) filter.value(d)), List.of(), fromKey, toKey, filter, null);
            }
        }
        if (filter.active().isEmpty()) {
            // every receipt of the range matches: the time index gives them in order, and an empty range ends its walk at once
            return new Plan(Driver.TIME, List.of(), List.of(), fromKey, toKey, filter, null);
        }
        return estimatedPlan(filter, need, fromKey, toKey);
    }

    /**
     * The receipt keys of the messages that carry the context pair and overlap the range, from the
     * context index; empty (not known) when more than {@link #CONTEXT_KEYS_MESSAGES} messages carry
     * it or one's key list was cut, and the search is then driven by time with the pair checked per
     * receipt. The messages that carry it near the range are read from the context index alone first,
     * so a pair too common to list costs a short index read, not a read of that many messages.
     */
    private Optional<List<ReceiptKeys.Entry>> contextKeys(ContextMatch context, DeliverySearch filter) {
        Query near = nearRange(context, filter, messageSpan());
        MapSqlParameterSource params = near.params().addValue("limit", CONTEXT_KEYS_MESSAGES + 1);
        String sql = "SELECT c.message_id" + near.sql() + " LIMIT :limit";
        List<String> ids = named.queryForList(sql, params, String.class);
        if (ids.size() > CONTEXT_KEYS_MESSAGES) {
            // a common pair: by key still, while its messages are few beside the receipts a walk of the range would check
            long cap = Math.min(CONTEXT_KEYS_MAX, receiptsNear(filter) / CONTEXT_KEYS_SHARE);
            if (cap <= CONTEXT_KEYS_MESSAGES) {
                return Optional.empty();
            }
            ids = named.queryForList(sql, params.addValue("limit", cap + 1), String.class);
            if (ids.size() > cap) {
                return Optional.empty();
            }
        }
        List<ReceiptKeys.Entry> entries = new ArrayList<>();
        for (MessageKeys m : messageKeys(ids)) {
            if (filter.from() != null && m.lastEventAt() < filter.from().toEpochMilli()
                    || filter.to() != null && m.firstEventAt() >= filter.to().toEpochMilli()) {
                continue;
            }
            ReceiptKeys.Parsed parsed = ReceiptKeys.parse(m.keys());
            if (!parsed.complete()) {
                return Optional.empty();
            }
            entries.addAll(parsed.entries());
        }
        return Optional.of(entries);
    }

    /** Messages read from the context index in the first round of {@link #newestWithContext}; each further round reads four times as many. */
    static final int NEWEST_CONTEXT_MESSAGES = 64;

    /** Rounds of {@link #newestWithContext} before the plan decides instead. */
    private static final int NEWEST_CONTEXT_ROUNDS = 3;

    /**
     * One page of the newest receipts of the messages that carry the search's context pair, read from
     * the context index newest message first (by the time of a receipt that carried the pair: the
     * earliest of the first batch that named it) until the page is certain. A message not yet read has
     * that time no later than the last one read, so none of its receipts is later than that time plus
     * the longest span of any message's receipts (delivery_message_span): the receipts found after
     * that moment are complete. Empty when a few rounds do not make the page certain (a message's
     * receipts that once spanned days, or filters that drop most of the receipts found); {@link #plan}
     * then decides.
     *
     * @see "Design decision: docs/decisions/008-20261202-delivery-store-scale.md, Context searches"
     */
    private Optional<List<Keyed>> newestWithContext(DeliverySearch filter, int offset, int limit) {
        ContextMatch context = filter.context();
        Plan bounds = bounds(filter);
        if (bounds.empty()) {
            return Optional.of(List.of());
        }
        long span = messageSpan();
        long need = (long) offset + limit;
        Query near = nearRange(context, filter, span);
        String sql = "SELECT c.first_event_at, c.message_id" + near.sql() + " ORDER BY c.first_event_at DESC LIMIT :limit";
        int messages = NEWEST_CONTEXT_MESSAGES;
        for (int round = 0; round < NEWEST_CONTEXT_ROUNDS; round++, messages *= 4) {
            MapSqlParameterSource params = near.params().addValue("limit", messages);
            record Carrier(long firstAt, String messageId) {
            }
            List<Carrier> rows = named.query(sql, params, (rs, i) -> new Carrier(rs.getLong(1), rs.getString(2)));
            boolean all = rows.size() < messages;
            if (!all && (rows.getFirst().firstAt() - rows.getLast().firstAt()) << (2 * (NEWEST_CONTEXT_ROUNDS - 1 - round)) < span) {
                // even the last round would read too short a time for the span to leave anything certain
                return Optional.empty();
            }
            long certainFrom = all ? bounds.fromKey()
                    : Math.max(bounds.fromKey(), EventKeys.lowest(Math.addExact(rows.getLast().firstAt(), span) + 1));
            List<Long> keys = new ArrayList<>();
            for (MessageKeys m : messageKeys(rows.stream().map(Carrier::messageId).toList())) {
                ReceiptKeys.Parsed parsed = ReceiptKeys.parse(m.keys());
                if (!parsed.complete()) {
                    return Optional.empty();
                }
                parsed.keys().stream().filter(k -> k >= certainFrom && k < bounds.toKey()).forEach(keys::add);
            }
            if (all && keys.isEmpty()) {
                return Optional.of(List.of());
            }
            if (keys.size() >= need || all) {
                keys.sort(Comparator.naturalOrder());
                List<Keyed> page = page(bounds.withKeys(keys), offset, limit, true);
                if (page.size() == limit || all) {
                    return Optional.of(page);
                }
            }
        }
        return Optional.empty();
    }

    private record MessageKeys(long firstEventAt, long lastEventAt, String keys) {
    }

    /**
     * The time span and receipt keys of the messages with these ids, each looked up by its primary key
     * (the ids come from the context index first, so no plan ever scans the messages to join them);
     * an id whose message retention has removed is left out.
     */
    private List<MessageKeys> messageKeys(List<String> ids) {
        List<MessageKeys> found = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 500) {
            found.addAll(named.query("SELECT first_event_at, last_event_at, event_keys FROM delivery_message WHERE message_id IN (:ids)",
                    Map.of("ids", ids.subList(i, Math.min(ids.size(), i + 500))), (rs, n) -> new MessageKeys(rs.getLong(1), rs.getLong(2),
                            rs.getString(3))));
        }
        return found;
    }

    /**
     * The context index's entries of the pair whose time lies within the longest message
     * span of the search's range: a message with a receipt in the range has all its receipts, the one
     * whose time the index holds included, that close to it.
     */
    private Query nearRange(ContextMatch context, DeliverySearch filter, long span) {
        return contextEntries(context, filter.from() == null ? null : filter.from().toEpochMilli() - span,
                filter.to() == null ? null : filter.to().toEpochMilli() + span);
    }

    /** About how many receipts the range holds (whole hours or days around it, from the rollups), whatever else the search asks. */
    private long receiptsNear(DeliverySearch filter) {
        var params = new MapSqlParameterSource();
        return named.queryForObject("SELECT COALESCE(SUM(events), 0)" + estimateRange(filter, params), params, Long.class);
    }

    /**
     * The FROM and WHERE of an estimate over the filter's range: the hourly counts of the hours it touches, or over
     * more than two days the daily counts of the days it touches (V72), so an estimate reads a few thousand rows
     * whatever the range. Counts of a wider range are never fewer, so none there still means none in the range.
     */
    private static String estimateRange(DeliverySearch filter, MapSqlParameterSource params) {
        boolean byHour = filter.from() != null && filter.to() != null && filter.to().toEpochMilli() - filter.from().toEpochMilli() <= ESTIMATE_BY_HOUR;
        long unit = byHour ? HOUR : DAY;
        String time = byHour ? "hour_at" : "day_at";
        var sql = new StringBuilder(byHour ? " FROM delivery_event_hourly WHERE 1 = 1" : " FROM delivery_event_daily WHERE 1 = 1");
        if (filter.from() != null) {
            sql.append(" AND ").append(time).append(" >= :estimateFrom");
            params.addValue("estimateFrom", Math.floorDiv(filter.from().toEpochMilli(), unit) * unit);
        }
        if (filter.to() != null) {
            sql.append(" AND ").append(time).append(" < :estimateTo");
            params.addValue("estimateTo", Math.ceilDiv(filter.to().toEpochMilli(), unit) * unit);
        }
        return sql.toString();
    }

    /** The longest span between a message's first and last receipt the store has recorded. */
    private long messageSpan() {
        Long span = jdbc.queryForObject("SELECT span_ms FROM delivery_message_span WHERE id = 1", Long.class);
        return span == null ? 0 : span;
    }

    /**
     * The search's key range and number, as a plan of no keys yet ({@link Plan#withKeys}); none when
     * the range is empty or no stored prefix matches the number.
     */
    private Plan bounds(DeliverySearch filter) {
        long fromKey = filter.from() == null ? 0 : EventKeys.lowest(filter.from().toEpochMilli());
        long toKey = filter.to() == null ? Long.MAX_VALUE : EventKeys.lowest(filter.to().toEpochMilli());
        Number number = filter.destination() == null ? null : number(filter.destination());
        if (fromKey >= toKey || (number != null && number.prefixes().isEmpty())) {
            return Plan.none(filter);
        }
        return new Plan(Driver.KEYS, List.of(), List.of(), fromKey, toKey, filter, number);
    }

    /**
     * Time, type, country or origination identity, by the entries each would read, from the hourly
     * counts of the hours the range touches, or over more than two days the daily counts of the days it
     * touches (both carry all four; see docs/decisions/008-20261202-delivery-store-scale.md, "Counts").
     */
    private Plan estimatedPlan(DeliverySearch filter, long need, long fromKey, long toKey) {
        var params = new MapSqlParameterSource();
        String sql = "SELECT event_type, country, is_final, origination, SUM(events)" + estimateRange(filter, params)
                + " GROUP BY event_type, country, is_final, origination";
        Set<String> types = filter.eventTypes();
        String country = filter.country();
        String origination = filter.origination();
        long[] totals = new long[4]; // all receipts, matching ones, of the country, of the origination identity
        Map<String, Long> ofType = new HashMap<>();
        Map<String, Long> matchingOfType = new HashMap<>();
        named.query(sql, params, (ResultSet rs) -> {
            String type = rs.getString(1);
            String rowCountry = rs.getString(2);
            long n = rs.getLong(5);
            totals[0] += n;
            boolean ofCountry = country != null && country.equals(rowCountry);
            boolean ofOrigination = origination != null && origination.equals(rs.getString(4));
            if ((types.isEmpty() || types.contains(type)) && (country == null || ofCountry) && (!filter.finalOnly() || rs.getBoolean(3))
                    && (origination == null || ofOrigination)) {
                totals[1] += n;
                matchingOfType.merge(type, n, Long::sum);
            }
            if (types.contains(type)) {
                ofType.merge(type, n, Long::sum);
            }
            if (ofCountry) {
                totals[2] += n;
            }
            if (ofOrigination) {
                totals[3] += n;
            }
        });
        long matching = totals[1];
        if (matching == 0) {
            return Plan.none(filter);
        }
        double fraction = Math.min(1, (double) need / matching);
        Driver best = Driver.TIME;
        Driver byType = Driver.of(DeliverySearch.EVENT_TYPES);
        Driver byCountry = Driver.of(DeliverySearch.COUNTRY);
        Driver byOrigination = Driver.of(DeliverySearch.ORIGINATION);
        double bestCost = totals[0] * fraction * PRIMARY_ENTRY;
        List<String> typeValues = types.stream().filter(t -> matchingOfType.getOrDefault(t, 0L) > 0).sorted().toList();
        if (!types.isEmpty()) {
            double entry = country != null || filter.finalOnly() || origination != null ? FETCHING_ENTRY : INDEX_ONLY_ENTRY;
            double cost = typeValues.size() * QUERY_COST;
            for (String t : typeValues) {
                cost += ofType.getOrDefault(t, 0L) * Math.min(1, (double) need / matchingOfType.get(t)) * entry;
            }
            if (cost < bestCost) {
                best = byType;
                bestCost = cost;
            }
        }
        if (country != null) {
            double cost = totals[2] * fraction * (types.isEmpty() && !filter.finalOnly() && origination == null ? INDEX_ONLY_ENTRY : FETCHING_ENTRY);
            if (cost < bestCost) {
                best = byCountry;
                bestCost = cost;
            }
        }
        if (origination != null) {
            // the origination index holds the key only: any other condition is checked on the row
            double cost = totals[3] * fraction * (types.isEmpty() && country == null && !filter.finalOnly() ? INDEX_ONLY_ENTRY : FETCHING_ENTRY);
            if (cost < bestCost) {
                best = byOrigination;
            }
        }
        List<String> values = best == byType ? typeValues : best == byCountry ? List.of(country) : best == byOrigination ? List.of(origination)
                : List.of();
        return new Plan(best, values, List.of(), fromKey, toKey, filter, null);
    }

    /** For a short range (at most the partial hours of a count): by type, country or origination identity when given, else by time. */
    private Plan scanPlan(DeliverySearch filter) {
        long fromKey = filter.from() == null ? 0 : EventKeys.lowest(filter.from().toEpochMilli());
        long toKey = filter.to() == null ? Long.MAX_VALUE : EventKeys.lowest(filter.to().toEpochMilli());
        if (fromKey >= toKey) {
            return Plan.none(filter);
        }
        if (!filter.eventTypes().isEmpty()) {
            return new Plan(Driver.of(DeliverySearch.EVENT_TYPES), filter.eventTypes().stream().sorted().toList(), List.of(), fromKey, toKey,
                    filter, null);
        }
        if (filter.country() != null) {
            return new Plan(Driver.of(DeliverySearch.COUNTRY), List.of(filter.country()), List.of(), fromKey, toKey, filter, null);
        }
        if (filter.origination() != null) {
            return new Plan(Driver.of(DeliverySearch.ORIGINATION), List.of(filter.origination()), List.of(), fromKey, toKey, filter, null);
        }
        return new Plan(Driver.TIME, List.of(), List.of(), fromKey, toKey, filter, null);
    }

    /** The FROM and WHERE of a plan, one per value of its leading column. */
    private List<Query> queries(Plan plan) {
        if (plan.empty()) {
            return List.of();
        }
        if (plan.driver() == Driver.KEYS && plan.keys().size() > KEYS_PER_QUERY) {
            // a long list of keys (the messages of a common context pair) in several lists, each well within a statement's parameters
            List<Query> chunks = new ArrayList<>();
            for (int i = 0; i < plan.keys().size(); i += KEYS_PER_QUERY) {
                chunks.add(query(plan.withKeys(plan.keys().subList(i, Math.min(plan.keys().size(), i + KEYS_PER_QUERY))), null));
            }
            return chunks;
        }
        if (plan.values().isEmpty()) {
            return List.of(query(plan, null));
        }
        return plan.values().stream().map(v -> query(plan, v)).toList();
    }

    private Query query(Plan plan, @Nullable String value) {
        Driver driver = plan.driver();
        DeliverySearch filter = plan.filter();
        var params = new MapSqlParameterSource();
        List<String> where = new ArrayList<>();
        if (driver == Driver.KEYS) {
            where.add("e.event_key IN (:keys)");
            params.addValue("keys", plan.keys());
        } else {
            if (driver.column() != null) {
                where.add("e." + driver.column() + " = :driver");
                params.addValue("driver", value);
            }
            where.add("e.event_key >= :fromKey");
            where.add("e.event_key < :toKey");
            params.addValue("fromKey", plan.fromKey()).addValue("toKey", plan.toKey());
        }
        // every dimension's condition from its declaration; the driving one is the index's leading column
        for (SearchDimension<?> d : filter.active()) {
            String param = "v_" + d.name();
            switch (d.kind()) {
                case ANY_OF, EQUALS -> {
                    if (driver.dimension() != d) {
                        where.add(loose("e." + d.eventColumn()) + (d.kind() == Kind.ANY_OF ? " IN (:" + param + ")" : " = :" + param));
                        params.addValue(param, filter.value(d));
                    }
                }
                case FLAG -> where.add("e." + d.eventColumn() + " = TRUE");
                case MESSAGE -> {
                    if (driver != Driver.KEYS) {
                        where.add("e." + d.eventColumn() + " = :" + param);
                        params.addValue(param, filter.value(d));
                    }
                }
                case CONTEXT -> {
                    if (driver == Driver.KEYS && filter.messageId() == null) {
                        // the keys came from the context index itself (contextKeys): every one carries the pair
                        break;
                    }
                    where.add("EXISTS (SELECT 1 FROM delivery_context c WHERE c.context_key = :contextKey AND c.context_value = :contextValue"
                            + " AND c.message_id = e.message_id)");
                    params.addValue("contextKey", filter.context().key()).addValue("contextValue", filter.context().value());
                }
                case NUMBER -> {
                    Number number = plan.number();
                    if (number == null) {
                        break;
                    }
                    if (driver.dimension() != d) {
                        where.add(loose("e.dest_prefix") + " IN (:prefixes)");
                        params.addValue("prefixes", number.prefixes());
                    }
                    if (number.exact() != null) {
                        where.add("e.destination = :destination");
                        params.addValue("destination", number.exact());
                    } else if (number.startsWith() != null) {
                        where.add("e.destination LIKE :destination");
                        params.addValue("destination", escapeLike(number.startsWith()) + "%");
                    }
                }
            }
        }
        return new Query(" FROM delivery_event e" + hint(driver.index()) + " WHERE " + String.join(" AND ", where), params);
    }

    /** On H2, the index a query is to read (PostgreSQL chooses well by itself when the other conditions are expressions). */
    private String hint(@Nullable String index) {
        return postgres || index == null ? "" : " USE INDEX (" + index + ")";
    }

    /**
     * A condition's column. On H2 an expression no index answers, so the plan's index stays the one
     * read; on PostgreSQL the column itself, which the driving index also holds, so the condition is
     * checked on the index entry before the row is read.
     */
    private String loose(String column) {
        return postgres ? column : "COALESCE(" + column + ", '')";
    }

    /**
     * A number filter: a full valid number matches exactly, a longer beginning as a prefix of the
     * number; both read the index of its first five characters. A shorter beginning ({@code +44})
     * reads each stored prefix it covers.
     */
    private Number number(String destination) {
        String value = destination.replaceAll("[\\s().\\-]", "");
        if (value.length() >= DeliveryStore.PREFIX_LENGTH) {
            String prefix = value.substring(0, DeliveryStore.PREFIX_LENGTH);
            var full = PhoneNumber.tryParse(value);
            if (full.isPresent() && full.get().e164().equals(value)) {
                return new Number(List.of(prefix), value, null);
            }
            return new Number(List.of(prefix), null, value.length() > DeliveryStore.PREFIX_LENGTH ? value : null);
        }
        return new Number(jdbc.queryForList("SELECT dest_prefix FROM delivery_dest_prefix WHERE dest_prefix LIKE ? ORDER BY dest_prefix",
                String.class, escapeLike(value) + "%"), null, null);
    }

    static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    // ------------------------------------------------------------------ single receipts and messages

    /** Every receipt of one message, oldest first. */
    public List<DeliveryEvent> timeline(String messageId) {
        Plan plan = plan(DeliverySearch.empty().withMessageId(messageId), Long.MAX_VALUE);
        return page(plan, 0, Integer.MAX_VALUE, false).stream().map(Keyed::event).toList();
    }

    /** The receipt as read from CloudWatch Logs (stored packed since V60; rows stored before as text). */
    public Optional<String> raw(String eventId, Instant eventAt) {
        return jdbc.query("""
                SELECT r.packed, r.raw FROM delivery_event e JOIN delivery_event_raw r ON r.event_key = e.event_key
                WHERE e.event_key >= ? AND e.event_key < ? AND e.event_id IN (?, ?)""", (rs, i) -> {
                    byte[] packed = rs.getBytes(1);
                    return packed != null ? PackedJson.unpack(packed) : rs.getString(2);
                },
                // rows migrated on H2 keep every id as text (V70)
                EventKeys.lowest(eventAt.toEpochMilli()), EventKeys.lowest(eventAt.toEpochMilli() + 1), EventIds.encode(eventId), EventIds.text(eventId))
                .stream().findFirst();
    }

    public Optional<DeliveryMessage> message(String messageId) {
        return messageRow(messageId).map(DeliveryStore.MessageRow::message);
    }

    private Optional<DeliveryStore.MessageRow> messageRow(String messageId) {
        return jdbc.query("SELECT * FROM delivery_message WHERE message_id = ?",
                (rs, i) -> new DeliveryStore.MessageRow(DeliveryStore.MESSAGE_MAPPER.mapRow(rs, i), rs.getString("event_keys")), messageId)
                .stream().findFirst();
    }

    /** The index a search of messages reads: by message id, by number prefix, by a context pair, not yet final, or by time. */
    private enum MessageDriver {
        ID(null, null),
        DESTINATION("delivery_message_destination", "m.dest_prefix"),
        CONTEXT(null, null),
        OPEN("delivery_message_open", "m.is_final"),
        TIME("delivery_message_time", null);

        final @Nullable String index;
        final @Nullable String column;

        MessageDriver(@Nullable String index, @Nullable String column) {
            this.index = index;
            this.column = column;
        }
    }

    /** Messages whose first receipt falls in the filter's range, newest first, with their latest state. */
    public List<DeliveryMessage> findMessages(DeliverySearch filter, boolean pendingOnly, long pendingBefore, int offset, int limit) {
        if (filter.context() != null && filter.messageId() == null && limit > 0) {
            Optional<List<DeliveryMessage>> newest = newestMessagesWithContext(filter, pendingOnly, pendingBefore, offset, limit);
            if (newest.isPresent()) {
                return newest.get();
            }
        }
        List<Query> queries = messageQueries(filter, pendingOnly, pendingBefore);
        if (queries.isEmpty() || limit <= 0) {
            return List.of();
        }
        MessageDriver driver = messageDriver(filter, pendingOnly);
        // one ordered index walk for the time index and a single number prefix; a lookup by id,
        // the open messages and several prefixes are cheaper the database's own way
        if (driver == MessageDriver.TIME || (driver == MessageDriver.DESTINATION && queries.size() == 1)) {
            return ordered(() -> findMessages(queries, driver, offset, limit));
        }
        return findMessages(queries, driver, offset, limit);
    }

    /**
     * One page of the messages that carry the search's context pair, newest first, from the context index
     * newest first in rounds as {@link #newestWithContext}. The index's time of a message is one of its
     * receipts, never before its first, so a message not yet read has its first receipt no later than the
     * last time read: the messages read whose first receipt is later are all there are, and once they fill
     * the page it is certain. Empty when three rounds do not make it so; the search then joins as before.
     *
     * @see "Design decision: docs/decisions/008-20261202-delivery-store-scale.md, Context searches"
     */
    private Optional<List<DeliveryMessage>> newestMessagesWithContext(DeliverySearch filter, boolean pendingOnly, long pendingBefore, int offset,
            int limit) {
        long need = (long) offset + limit;
        // a message of the range has its index time from the range's start to the span after its end
        Query entries = contextEntries(filter.context(), filter.from() == null ? null : filter.from().toEpochMilli(),
                filter.to() == null ? null : filter.to().toEpochMilli() + messageSpan());
        String sql = "SELECT c.first_event_at, c.message_id" + entries.sql() + " ORDER BY c.first_event_at DESC LIMIT :limit";
        MapSqlParameterSource params = entries.params();
        Comparator<DeliveryMessage> newestFirst = Comparator.comparing(DeliveryMessage::firstEventAt).thenComparing(DeliveryMessage::messageId)
                .reversed();
        int messages = NEWEST_CONTEXT_MESSAGES;
        for (int round = 0; round < NEWEST_CONTEXT_ROUNDS; round++, messages *= 4) {
            List<Map.Entry<Long, String>> rows = named.query(sql, params.addValue("limit", messages),
                    (rs, i) -> Map.entry(rs.getLong(1), rs.getString(2)));
            boolean all = rows.size() < messages;
            long last = rows.isEmpty() ? Long.MIN_VALUE : rows.getLast().getKey();
            List<DeliveryMessage> certain = new ArrayList<>();
            List<String> ids = rows.stream().map(Map.Entry::getValue).toList();
            for (int i = 0; i < ids.size(); i += 500) {
                for (Query q : messageQueries(filter, pendingOnly, pendingBefore, ids.subList(i, Math.min(ids.size(), i + 500)))) {
                    named.query("SELECT m.*" + q.sql(), q.params(), DeliveryStore.MESSAGE_MAPPER).stream()
                            .filter(m -> all || m.firstEventAt().toEpochMilli() > last).forEach(certain::add);
                }
            }
            if (certain.size() >= need || all) {
                certain.sort(newestFirst);
                return Optional.of(certain.subList((int) Math.min(offset, certain.size()), (int) Math.min(certain.size(), need)));
            }
        }
        return Optional.empty();
    }

    private List<DeliveryMessage> findMessages(List<Query> queries, MessageDriver driver, int offset, int limit) {
        String order = (driver.column == null ? "" : driver.column + " DESC, ") + "m.first_event_at DESC, m.message_id DESC";
        if (queries.size() == 1) {
            Query q = queries.getFirst();
            return named.query("SELECT m.*" + q.sql() + " ORDER BY " + order + " LIMIT :limit OFFSET :offset",
                    q.params().addValue("limit", limit).addValue("offset", offset), DeliveryStore.MESSAGE_MAPPER);
        }
        record Head(long firstEventAt, String messageId) {
        }
        List<Head> heads = new ArrayList<>();
        for (Query q : queries) {
            heads.addAll(named.query("SELECT m.first_event_at, m.message_id" + q.sql() + " ORDER BY " + order + " LIMIT :limit",
                    q.params().addValue("limit", offset + limit), (rs, i) -> new Head(rs.getLong(1), rs.getString(2))));
        }
        heads.sort(Comparator.comparingLong(Head::firstEventAt).thenComparing(Head::messageId).reversed());
        if (offset >= heads.size()) {
            return List.of();
        }
        List<String> ids = heads.subList(offset, Math.min(heads.size(), offset + limit)).stream().map(Head::messageId).toList();
        return named.query("SELECT m.* FROM delivery_message m WHERE m.message_id IN (:ids) ORDER BY m.first_event_at DESC, m.message_id DESC",
                Map.of("ids", ids), DeliveryStore.MESSAGE_MAPPER);
    }

    /**
     * The exact number of messages matching the filter: by number, message id or pending from their
     * index; otherwise whole hours from the hourly message counts and the partial hours at the edges
     * from the time index, which holds every column filtered on.
     */
    public long countMessages(DeliverySearch filter, boolean pendingOnly, long pendingBefore) {
        Busy busy = pendingOnly ? null : busy(filter);
        if (busy != null) {
            long[] total = {busy.before(filter).map(before -> countMessagesByIndex(before, false, pendingBefore)).orElse(0L)};
            busy.after(filter).ifPresent(after -> wholeHoursAndEdges(after,
                    hours -> total[0] += rolledUpMessages("delivery_destination_message_hourly WHERE destination = :destination", Busy.others(after),
                            hours, new MapSqlParameterSource("destination", busy.destination())),
                    part -> total[0] += countMessagesByIndex(part, false, pendingBefore)));
            return total[0];
        }
        if (filter.context() != null && filter.messageId() == null) {
            Optional<Long> withContext = countMessagesWithContext(filter, pendingOnly, pendingBefore);
            if (withContext.isPresent()) {
                return withContext.get();
            }
        }
        if (!filter.countableByHour() || pendingOnly) {
            return countMessagesByIndex(filter, pendingOnly, pendingBefore);
        }
        long[] total = {0};
        wholeHoursAndEdges(filter, hours -> total[0] += rolledUpMessages("delivery_message_hourly WHERE 1 = 1", filter, hours, new MapSqlParameterSource()),
                part -> total[0] += countMessagesByIndex(part, false, pendingBefore));
        return total[0];
    }

    /** The messages of a message rollup's whole hours ({@code rollup} names it and opens its conditions). */
    private long rolledUpMessages(String rollup, DeliverySearch filter, Hours hours, MapSqlParameterSource params) {
        var sql = new StringBuilder("SELECT COALESCE(SUM(messages), 0) FROM " + rollup);
        hours.restrict(sql, params);
        rollupFilters(filter, true, sql, params);
        return named.queryForObject(sql.toString(), params, Long.class);
    }

    /**
     * The number of messages that carry the search's context pair, from the context index. The index's time of
     * a message lies between its first receipt and the longest span after it, so with no other filter every
     * entry at least that span after the range's start and before its end is a message of the range, counted
     * from the index alone; only the entries near the range's edges (and with other filters, all of them) are
     * looked up. Empty when more than {@link #CONTEXT_KEYS_MAX} need a lookup; the search then joins as before.
     *
     * @see "Design decision: docs/decisions/008-20261202-delivery-store-scale.md, Context searches"
     */
    private Optional<Long> countMessagesWithContext(DeliverySearch filter, boolean pendingOnly, long pendingBefore) {
        long span = messageSpan();
        @Nullable Long from = filter.from() == null ? null : filter.from().toEpochMilli();
        @Nullable Long to = filter.to() == null ? null : filter.to().toEpochMilli();
        record Band(@Nullable Long from, @Nullable Long to) {
        }
        List<Band> lookUp = new ArrayList<>();
        long total = 0;
        boolean onlyThePair = !pendingOnly && filter.active().equals(Set.of(DeliverySearch.CONTEXT));
        @Nullable Long innerFrom = from == null ? null : from + span;
        if (onlyThePair && (innerFrom == null || to == null || innerFrom < to)) {
            Query inner = contextEntries(filter.context(), innerFrom, to);
            total += named.queryForObject("SELECT COUNT(*)" + inner.sql(), inner.params(), Long.class);
            if (from != null) {
                lookUp.add(new Band(from, innerFrom));
            }
            if (to != null) {
                lookUp.add(new Band(to, to + span));
            }
        } else {
            lookUp.add(new Band(from, to == null ? null : to + span));
        }
        for (Band band : lookUp) {
            Query entries = contextEntries(filter.context(), band.from(), band.to());
            List<String> ids = named.queryForList("SELECT c.message_id" + entries.sql() + " LIMIT :limit",
                    entries.params().addValue("limit", CONTEXT_KEYS_MAX + 1), String.class);
            if (ids.size() > CONTEXT_KEYS_MAX) {
                return Optional.empty();
            }
            for (int i = 0; i < ids.size(); i += 500) {
                for (Query q : messageQueries(filter, pendingOnly, pendingBefore, ids.subList(i, Math.min(ids.size(), i + 500)))) {
                    total += named.queryForObject("SELECT COUNT(*)" + q.sql(), q.params(), Long.class);
                }
            }
        }
        return Optional.of(total);
    }

    /** The FROM and WHERE of the context index's entries of the pair with their time in [from, to) (either end open when null). */
    private Query contextEntries(ContextMatch context, @Nullable Long from, @Nullable Long to) {
        var params = new MapSqlParameterSource("contextKey", context.key()).addValue("contextValue", context.value());
        var sql = new StringBuilder(" FROM delivery_context c" + hint("delivery_context_by_time")
                + " WHERE c.context_key = :contextKey AND c.context_value = :contextValue");
        if (from != null) {
            sql.append(" AND c.first_event_at >= :entriesFrom");
            params.addValue("entriesFrom", from);
        }
        if (to != null) {
            sql.append(" AND c.first_event_at < :entriesTo");
            params.addValue("entriesTo", to);
        }
        return new Query(sql.toString(), params);
    }

    private long countMessagesByIndex(DeliverySearch filter, boolean pendingOnly, long pendingBefore) {
        long total = 0;
        for (Query q : messageQueries(filter, pendingOnly, pendingBefore)) {
            total += named.queryForObject("SELECT COUNT(*)" + q.sql(), q.params(), Long.class);
        }
        return total;
    }


    private static MessageDriver messageDriver(DeliverySearch filter, boolean pendingOnly) {
        if (filter.messageId() != null) {
            return MessageDriver.ID;
        }
        if (filter.destination() != null) {
            return MessageDriver.DESTINATION;
        }
        if (filter.context() != null) {
            return MessageDriver.CONTEXT;
        }
        return pendingOnly ? MessageDriver.OPEN : MessageDriver.TIME;
    }

    private List<Query> messageQueries(DeliverySearch filter, boolean pendingOnly, long pendingBefore) {
        return messageQueries(filter, pendingOnly, pendingBefore, null);
    }

    /**
     * The FROM and WHERE of a search of messages, one per value of its driving index; with {@code ids},
     * of only those messages, each read by its key (ids from the context index, which carry the pair).
     */
    private List<Query> messageQueries(DeliverySearch filter, boolean pendingOnly, long pendingBefore, @Nullable List<String> ids) {
        MessageDriver driver = ids != null ? MessageDriver.ID : messageDriver(filter, pendingOnly);
        Number number = filter.destination() == null ? null : number(filter.destination());
        if (number != null && number.prefixes().isEmpty()) {
            return List.of();
        }
        List<String> values = driver == MessageDriver.DESTINATION ? number.prefixes() : java.util.Collections.singletonList(null);
        List<Query> queries = new ArrayList<>();
        for (String value : values) {
            var params = new MapSqlParameterSource();
            List<String> where = new ArrayList<>();
            switch (driver) {
                case ID -> {
                    if (ids != null) {
                        where.add("m.message_id IN (:ids)");
                        params.addValue("ids", ids);
                    } else {
                        where.add("m.message_id = :messageId");
                        params.addValue("messageId", filter.messageId());
                    }
                }
                case DESTINATION -> {
                    where.add("m.dest_prefix = :driver");
                    params.addValue("driver", value);
                }
                case OPEN -> where.add("m.is_final = FALSE");
                case CONTEXT, TIME -> {
                }
            }
            if (filter.from() != null) {
                where.add("m.first_event_at >= :from");
                params.addValue("from", filter.from().toEpochMilli());
            }
            if (filter.to() != null) {
                where.add("m.first_event_at < :to");
                params.addValue("to", filter.to().toEpochMilli());
            }
            if (pendingOnly) {
                if (driver != MessageDriver.OPEN) {
                    where.add("COALESCE(m.is_final, TRUE) = FALSE");
                }
                where.add("m.first_event_at < :pendingBefore");
                params.addValue("pendingBefore", pendingBefore);
            }
            String from = " FROM delivery_message m" + hint(driver.index);
            // every dimension's condition from its declaration, on the message's columns
            for (SearchDimension<?> d : filter.active()) {
                String param = "v_" + d.name();
                switch (d.kind()) {
                    case ANY_OF -> {
                        where.add(loose("m." + d.messageColumn()) + " IN (:" + param + ")");
                        params.addValue(param, filter.value(d));
                    }
                    case EQUALS -> {
                        where.add(loose("m." + d.messageColumn()) + " = :" + param);
                        params.addValue(param, filter.value(d));
                    }
                    case FLAG -> where.add("COALESCE(m." + d.messageColumn() + ", FALSE) = TRUE");
                    case MESSAGE -> {
                        // the driver (a lookup by id)
                    }
                    case CONTEXT -> {
                        params.addValue("contextKey", filter.context().key()).addValue("contextValue", filter.context().value());
                        if (ids != null) {
                            // the given messages carry the pair
                        } else if (driver == MessageDriver.CONTEXT) {
                            from = " FROM delivery_context c" + hint("delivery_context_by_time") + " JOIN delivery_message m ON m.message_id = c.message_id";
                            where.add("c.context_key = :contextKey AND c.context_value = :contextValue");
                            // the index's time is one of the message's receipts: no earlier than its first, within the span after it
                            if (filter.from() != null) {
                                where.add("c.first_event_at >= :from");
                            }
                            if (filter.to() != null) {
                                where.add("c.first_event_at < :contextTo");
                                params.addValue("contextTo", filter.to().toEpochMilli() + messageSpan());
                            }
                        } else {
                            where.add("EXISTS (SELECT 1 FROM delivery_context c WHERE c.context_key = :contextKey"
                                    + " AND c.context_value = :contextValue AND c.message_id = m.message_id)");
                        }
                    }
                    case NUMBER -> {
                        if (driver != MessageDriver.DESTINATION) {
                            where.add(loose("m.dest_prefix") + " IN (:prefixes)");
                            params.addValue("prefixes", number.prefixes());
                        }
                        if (number.exact() != null) {
                            where.add("m.destination = :destination");
                            params.addValue("destination", number.exact());
                        } else if (number.startsWith() != null) {
                            where.add("m.destination LIKE :destination");
                            params.addValue("destination", escapeLike(number.startsWith()) + "%");
                        }
                    }
                }
            }
            queries.add(new Query(from + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where)), params));
        }
        return queries;
    }

    /** Messages of one latest type with their summed price and carrier fee. */
    public record TypeTotals(String latestType, long messages, BigDecimal price, BigDecimal carrierFee) {
        TypeTotals plus(TypeTotals other) {
            return new TypeTotals(latestType, messages + other.messages, price.add(other.price), carrierFee.add(other.carrierFee));
        }
    }

    /** Per latest type: messages first seen in [from, to), and their summed price and carrier fee. */
    public List<TypeTotals> messageTotals(Instant from, Instant to) {
        Map<String, TypeTotals> totals = new TreeMap<>();
        Hours hours = Hours.of(from, to);
        var collect = (org.springframework.jdbc.core.RowCallbackHandler) rs -> {
            var row = new TypeTotals(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3), rs.getBigDecimal(4));
            totals.merge(row.latestType(), row, TypeTotals::plus);
        };
        List<Instant[]> scans = new ArrayList<>();
        if (hours.noneWhole()) {
            scans.add(new Instant[] {from, to});
        } else {
            var params = new MapSqlParameterSource();
            var sql = new StringBuilder("SELECT latest_type, SUM(messages), SUM(price), SUM(carrier_fee) FROM delivery_message_hourly WHERE 1 = 1");
            hours.restrict(sql, params);
            named.query(sql + " GROUP BY latest_type", params, collect);
            hours.edges(DeliverySearch.empty()).forEach(edge -> scans.add(new Instant[] {edge.from(), edge.to()}));
        }
        for (Instant[] scan : scans) {
            named.query("SELECT m.latest_type, COUNT(*), COALESCE(SUM(m.price), 0), COALESCE(SUM(m.carrier_fee), 0) FROM delivery_message m"
                    + hint(MessageDriver.TIME.index) + " WHERE m.first_event_at >= :from AND m.first_event_at < :to GROUP BY m.latest_type",
                    new MapSqlParameterSource("from", scan[0].toEpochMilli()).addValue("to", scan[1].toEpochMilli()), collect);
        }
        return totals.values().stream().filter(t -> t.messages() != 0).toList();
    }

    /** The most frequent descriptions of failed messages first seen in [from, to). */
    public List<Map<String, Object>> topFailureDescriptions(long from, long to, Collection<String> failureTypes, int limit) {
        return named.queryForList("""
                SELECT latest_type, latest_description, COUNT(*) AS messages FROM delivery_message
                WHERE first_event_at >= :from AND first_event_at < :to AND latest_type IN (:types)
                GROUP BY latest_type, latest_description ORDER BY COUNT(*) DESC LIMIT :limit""",
                new MapSqlParameterSource().addValue("from", from).addValue("to", to).addValue("types", failureTypes).addValue("limit", limit));
    }

    /** The newest receipt time stored, if any. */
    public Optional<Instant> newestEventAt() {
        Long max = jdbc.queryForObject("SELECT MAX(event_key) FROM delivery_event", Long.class);
        return Optional.ofNullable(max).map(key -> Instant.ofEpochMilli(key >>> EventKeys.HASH_BITS));
    }

    // ------------------------------------------------------------------ rows

    private static final String SELECT_EVENT = "e.event_key, e.event_id, e.event_at, e.ingested_at, e.event_type, e.message_id, e.destination,"
            + " e.origination, e.configuration_set, e.country, e.message_status, e.status_description, e.message_type, e.encoding, e.parts, e.price, e.carrier_fee,"
            + " e.is_final, e.carrier, e.requested_at, e.context, e.log_stream";

    private static final org.springframework.jdbc.core.RowMapper<Keyed> KEYED_MAPPER = (rs, i) -> new Keyed(rs.getLong("event_key"),
            new DeliveryEvent(EventIds.decode(rs.getBytes("event_id")), Instant.ofEpochMilli(rs.getLong("event_at")), Instant.ofEpochMilli(rs.getLong("ingested_at")),
                    rs.getString("event_type"), rs.getString("message_id"), rs.getString("destination"), rs.getString("origination"),
                    rs.getString("configuration_set"), rs.getString("country"), rs.getString("message_status"), rs.getString("status_description"), rs.getString("message_type"),
                    rs.getString("encoding"), DeliveryStore.integer(rs, "parts"), rs.getBigDecimal("price"), rs.getBigDecimal("carrier_fee"),
                    rs.getBoolean("is_final"), rs.getString("carrier"), DeliveryStore.instant(rs, "requested_at"), rs.getString("context"),
                    rs.getString("log_stream")));
}
